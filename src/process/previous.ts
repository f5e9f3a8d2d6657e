// A re-run from an earlier folder (--previous), as pure steps: the earlier meetings become the starting
// plan (people found again in the new export by email, then name and phone, never by row number, since
// rows shift), with the offices' replies applied (confirmed times locked, declined offices dropped);
// then what the scheduler could not keep becomes problems naming the people and the earlier row.
import type { ScheduleFolder } from '../folder/read.js';
import type { MatchResult } from '../match/match.js';
import type { NotKept, Rsvp, StartingMeeting, TargetOffice } from '../model.js';
import { resolveOffice } from '../normalize/confirmed.js';
import type { Problem } from '../problems.js';
import { fullName } from '../render/people.js';
import type { Rec } from '../render/roster-model.js';
import type { Plan } from '../schedule/plan.js';
import { personFinder, personKey } from '../identity.js';
import { accompanierOnePlace } from '../rules/accompanier-one-place.js';
import { accompanierPerDay } from '../rules/accompanier-per-day.js';
import type { StaffState } from '../rules/model.js';
import type { OfficeReply } from './offices.js';
import { keepAskedIds } from './office-ids.js';

export interface Rerun {
  start: StartingMeeting[];
  /** Offices that declined: no meeting with them this run. */
  declinedOffices: Set<string>;
  /** Earlier meetings of those offices. */
  declinedMeetings: Set<string>;
  /** New RSVPs and cancellations, by person key: the people whose change is their own. */
  own: Set<string>;
  /** People on the earlier unmatched list (person keys): they had no message then, so their first one is a first message. */
  unplaced: Set<string>;
  /** The earlier schedule as meetings.csv / attendees.csv records (dates and times as read back). */
  meetings: Rec[];
  attendees: Rec[];
  /** Where each earlier meeting was in the folder, for problems. */
  where: Map<string, { file: string; sheet?: string; row: number }>;
  /** Where each office reply that moved or confirmed a meeting's time was (offices.csv row), by meeting id. */
  confirmedWhere: Map<string, { file: string; sheet?: string; row: number }>;
  /** Where each earlier seat was (attendees.csv row), by "meeting id|new RSVP row". */
  seatWhere: Map<string, { file: string; sheet?: string; row: number }>;
  /**
   * People (new export rows) none of whose earlier meetings changed: the offices of those meetings. The
   * re-run keeps them to these, so freed seats elsewhere do not change their schedule (see settle()).
   */
  settled: Map<number, Set<string>>;
  /** The earlier meetings by office, and the offices asked for theirs (requested or confirmed): they keep its ID (office-ids.ts). */
  earlierOffices: Array<{ meetingId: string; officeId: string }>;
  askedOffices: Set<string>;
  problems: Problem[];
}

export function startingPlanFrom(args: {
  folder: ScheduleFolder; replies: readonly OfficeReply[]; rsvps: readonly Rsvp[]; supersededBy: ReadonlyMap<number, number>;
  offices: readonly TargetOffice[]; maxMeetingsPerDay: number;
}): Rerun {
  const { folder } = args;
  const problems: Problem[] = [];
  // The new export's people who still count: not superseded, not marked cancelled.
  const live = args.rsvps.filter((r) => !args.supersededBy.has(r.row) && !r.cancelled);
  const find = personFinder(live);
  const earlierKeys = new Set<string>();
  const own = new Set<string>();

  const used = new Set<OfficeReply>();
  const replyOf = new Map<string, OfficeReply>();
  for (const r of args.replies) if (r.meetingId) replyOf.set(r.meetingId, r);
  const declinedOffices = new Set(args.replies.filter((r) => r.status === 'declined').map((r) => r.office.id));
  const declinedMeetings = new Set<string>();
  const where = new Map<string, { file: string; sheet?: string; row: number }>();
  const seatWhere = new Map<string, { file: string; sheet?: string; row: number }>();
  const confirmedWhere = new Map<string, { file: string; sheet?: string; row: number }>();
  const byMeeting = new Map<string, typeof folder.attendees>();
  for (const a of folder.attendees) byMeeting.set(a.meetingId, [...(byMeeting.get(a.meetingId) ?? []), a]);

  for (const a of folder.attendees) {
    const key = personKey(a.email, a.firstName, a.lastName, a.cells.phone);
    earlierKeys.add(key);
    // In a meeting before, and gone from the new export (or marked cancelled there): a cancellation.
    if (find(a.email, a.firstName, a.lastName, a.cells.phone ?? '') === undefined) own.add(key);
  }
  const unplaced = new Set<string>();
  for (const l of folder.lists) if (l.cells.reason_code !== 'duplicate') earlierKeys.add(personKey(l.email, l.firstName, l.lastName, l.cells.phone));
  for (const l of folder.lists) if (l.list === 'unmatched.csv' && l.cells.reason_code !== 'duplicate') unplaced.add(personKey(l.email, l.firstName, l.lastName, l.cells.phone));
  for (const r of live) if (!earlierKeys.has(personKey(r.email, r.firstName, r.lastName, r.phone))) own.add(personKey(r.email, r.firstName, r.lastName, r.phone));

  // An accompanier's earlier meetings: a moved meeting keeps its accompanier only where that takes nothing
  // from their unmoved ones (the scheduler keeps office-confirmed meetings first).
  const accompanied = new Map<string, Array<{ id: string; day?: string; start?: string }>>();
  for (const m of folder.meetings) if (m.accompanier && m.accompanier !== 'TBD') accompanied.set(m.accompanier, [...(accompanied.get(m.accompanier) ?? []), { id: m.meetingId, ...(m.date ? { day: m.date } : {}), ...(m.start ? { start: m.start } : {}) }]);
  // Asked of the rules the scheduler staffs by (one place at a time, the day's limit), over the
  // accompanier's other earlier meetings: each distinct day and start is a slot of its own.
  const freeToMove = (name: string, id: string, day: string, time: string) => {
    const others = (accompanied.get(name) ?? []).filter((x) => x.id !== id && x.day !== undefined);
    const times = [...new Set([...others.map((x) => `${x.day}|${x.start}`), `${day}|${time}`])];
    const st: StaffState = {
      nS: times.length, accAvail: new Uint8Array(times.length).fill(1), accBusy: new Uint8Array(times.length),
      maxMeetingsPerDay: args.maxMeetingsPerDay, meetingsOn: (_k, d) => others.filter((x) => x.day === d).length,
      campus: undefined, accMeetings: [],
    };
    for (const x of others) st.accBusy[times.indexOf(`${x.day}|${x.start}`)] = 1;
    const at = { slots: [times.indexOf(`${day}|${time}`)], day, startMs: 0, endMs: 0 };
    return accompanierOnePlace.allows(st, 0, at) && accompanierPerDay.allows(st, 0, at);
  };
  const start: StartingMeeting[] = [];
  const earlierOffices: Rerun['earlierOffices'] = [];
  const askedOffices = new Set(args.replies.filter((r) => r.status === 'requested' || r.status === 'confirmed').map((r) => r.office.id));
  const unsettled = new Set<number>();
  const settled = new Map<number, Set<string>>();
  for (const m of folder.meetings) {
    const at = { file: m.file, ...(m.sheet ? { sheet: m.sheet } : {}), row: m.row };
    where.set(m.meetingId, at);
    const notKept = (column: string, value: string, message: string, fix: string) =>
      problems.push({ code: 'earlier-meeting-not-kept', severity: 'warning', ...at, column, value, message, fix });
    const { office } = resolveOffice(m.member, m.state, m.district, m.chamber, args.offices);
    if (!office) {
      notKept('member', m.member, `${m.meetingId}: ${m.member} is not a target office any more; the earlier meeting is not kept`, 'Nothing to do, or add the office back to the targets.');
      continue;
    }
    earlierOffices.push({ meetingId: m.meetingId, officeId: office.id });
    const rowsOf = () => (byMeeting.get(m.meetingId) ?? []).map((a) => find(a.email, a.firstName, a.lastName, a.cells.phone ?? '')).filter((r): r is number => r !== undefined);
    if (declinedOffices.has(office.id)) {
      declinedMeetings.add(m.meetingId);
      for (const r of rowsOf()) unsettled.add(r);
      continue;
    }
    // A reply whose meeting_id cell was left blank (or cleared) still belongs to its office's earlier meeting.
    const reply = replyOf.get(m.meetingId) ?? args.replies.find((r) => !r.meetingId && r.office.id === office.id && !used.has(r));
    if (reply) used.add(reply);
    const locked = reply?.status === 'confirmed' && reply.day && reply.start ? { day: reply.day, start: reply.start } : undefined;
    if (locked && reply) confirmedWhere.set(m.meetingId, { file: reply.file ?? 'offices.csv', ...(reply.sheet ? { sheet: reply.sheet } : {}), row: reply.row });
    const day = locked?.day ?? m.date;
    const startTime = locked?.start ?? m.start;
    if (!day || !startTime) {
      notKept(day ? 'start' : 'date', day ? m.startText : m.dateText, `${m.meetingId}: "${day ? m.startText : m.dateText}" is not a ${day ? 'time' : 'date'} awg can read; the earlier meeting is not kept`, 'Write the date as YYYY-MM-DD and the start as HH:MM.');
      continue;
    }
    const people = byMeeting.get(m.meetingId) ?? [];
    const rows: number[] = [];
    let leadRow: number | undefined;
    for (const a of people) {
      const row = find(a.email, a.firstName, a.lastName, a.cells.phone ?? '');
      if (row === undefined) continue;
      rows.push(row);
      seatWhere.set(`${m.meetingId}|${row}`, { file: a.file, ...(a.sheet ? { sheet: a.sheet } : {}), row: a.row });
      if (a.role === 'lead') leadRow = row;
    }
    const movedTime = locked !== undefined && (locked.day !== m.date || locked.start !== m.start);
    for (const r of rows) {
      if (movedTime) unsettled.add(r);
      else settled.set(r, (settled.get(r) ?? new Set()).add(office.id));
    }
    const link = reply?.link || m.link;
    start.push({
      meetingId: m.meetingId, officeId: office.id, day, start: startTime, rsvpRows: rows,
      // Otherwise the moved meeting is staffed after every unmoved one (the scheduler staffs a meeting without
      // a named accompanier last), so its new hour never takes an unmoved meeting's accompanier.
      ...(m.accompanier && m.accompanier !== 'TBD' && (!movedTime || freeToMove(m.accompanier, m.meetingId, day, startTime)) ? { accompanierName: m.accompanier } : {}),
      ...(leadRow !== undefined ? { leadRow } : {}), ...(link ? { link } : {}), ...(locked || m.status === 'confirmed' ? { locked: true } : {}),
    });
  }
  // A confirmed or requested reply that reaches no earlier meeting would be dropped without a word.
  const ids = new Set(folder.meetings.map((m) => m.meetingId));
  for (const r of args.replies) {
    if (used.has(r) || (r.status !== 'confirmed' && r.status !== 'requested') || (r.meetingId && ids.has(r.meetingId))) continue;
    problems.push({
      code: 'reply-without-meeting', severity: 'warning', file: r.file ?? 'offices.csv', ...(r.sheet ? { sheet: r.sheet } : {}), row: r.row, column: 'meeting_id', value: r.meetingId,
      message: `${r.office.member} is marked ${r.status}${r.day ? ` for ${r.day} ${r.start}` : ''}, but ${r.meetingId ? `${r.meetingId} is not a meeting of the earlier schedule` : 'the earlier schedule has no meeting with this office'}; this reply moves no meeting`,
      fix: r.meetingId ? 'Write the meeting_id of the office\'s meeting from meetings.csv.' : 'An office without a meeting had no constituent who could attend: recruit one (coverage.csv), or add the meeting to meetings.csv and attendees.csv by hand.',
    });
  }
  const meetings = folder.meetings.map((m) => ({ ...m.cells, meeting_id: m.meetingId, date: m.date ?? m.dateText, start: m.start ?? m.startText }));
  const attendees = folder.attendees.map((a) => ({ ...a.cells, meeting_id: a.meetingId }));
  for (const r of unsettled) settled.delete(r);
  return { start, declinedOffices, declinedMeetings, own, unplaced, meetings, attendees, where, confirmedWhere, seatWhere, settled, earlierOffices, askedOffices, problems };
}

/**
 * The match a re-run schedules: without the offices that declined (their constituents go to their other
 * offices or to digital advocacy), with each settled person held to the offices of their earlier
 * meetings, so a seat freed by a cancellation goes to someone without a meeting, not to someone whose
 * schedule had no reason to change, and without the offices each person was taken out of by hand.
 */
/** What the hand edits hold on a re-run (plan/decisions.ts), by person key. */
export interface HeldEdits {
  /** The offices each person was taken out of by hand. */
  keepOut: ReadonlyMap<string, ReadonlySet<string>>;
  /** The slots of the meetings each person was put in by hand: the organizer's word that they can make it. */
  freeAt: ReadonlyMap<string, readonly number[]>;
}

export function rerunMatch(match: MatchResult, rerun: Pick<Rerun, 'declinedOffices' | 'settled'>, held: HeldEdits = { keepOut: new Map(), freeAt: new Map() }): MatchResult {
  const { declinedOffices: declined, settled } = rerun;
  return {
    ...match,
    participants: match.participants.map((p) => {
      const keep = settled.get(p.rsvp.row);
      const key = held.keepOut.size || held.freeAt.size ? personKey(p.rsvp.email, p.rsvp.firstName, p.rsvp.lastName, p.rsvp.phone) : '';
      const out = held.keepOut.get(key);
      const free = held.freeAt.get(key);
      // A district written in the export (the split-ZIP question's answer) opens their Representative's office to them.
      const answered = (o: { chamber: string }) => o.chamber === 'House' && p.location.districtFrom === 'column';
      const offices = p.offices.filter((o) => !declined.has(o.id) && (!keep || keep.has(o.id) || answered(o)) && !out?.has(o.id));
      const av = p.rsvp.availability;
      const rsvp = free ? { ...p.rsvp, availability: { ...av, slots: [...new Set([...av.slots, ...free])].sort((a, b) => a - b) } } : p.rsvp;
      return offices.length === p.offices.length && rsvp === p.rsvp ? p : { ...p, rsvp, offices };
    }),
  };
}

/**
 * After scheduling: what of the earlier schedule was not kept, as problems naming the people and the
 * earlier row (a person who cannot make an office-confirmed time is a warning naming them, at the
 * offices.csv row that confirmed it); and, for a declined office, why it is not covered and the
 * digital-advocacy reason of people whose only offices declined.
 */
export function finishRerun(plan: Plan, rerun: Rerun, rsvps: readonly Rsvp[], match: MatchResult): Problem[] {
  keepAskedIds(plan.meetings, rerun.earlierOffices, rerun.askedOffices);
  const byRow = new Map(rsvps.map((r) => [r.row, r]));
  const problems: Problem[] = [...rerun.problems];
  const locked = new Set(rerun.start.filter((s) => s.locked).map((s) => s.meetingId));
  const byMeeting = new Map<string, NotKept[]>();
  for (const n of plan.notKept) if (n.code !== 'cancelled') byMeeting.set(n.meetingId, [...(byMeeting.get(n.meetingId) ?? []), n]);
  for (const [id, list] of byMeeting) {
    const at = rerun.where.get(id) ?? { file: 'meetings.csv' };
    const who = (n: NotKept) => (n.rsvpRow !== undefined ? `${byRow.get(n.rsvpRow) ? fullName(byRow.get(n.rsvpRow)!) : 'someone'} (row ${n.rsvpRow})` : n.what);
    const cannot = list.filter((n) => locked.has(id) && n.code === 'not-free');
    // Where each of them is now, as the new schedule has it (not a promise that they were placed elsewhere).
    const nowIn = (n: NotKept) => {
      const ids = plan.meetings.filter((m) => m.id !== id && m.attendees.some((p) => p.rsvp.row === n.rsvpRow)).map((m) => m.id);
      return ids.length ? `now in ${ids.join(', ')}` : 'now in no meeting (digital advocacy)';
    };
    if (cannot.length) {
      // The time was set where the office's reply was recorded (offices.csv), not in meetings.csv.
      problems.push({ code: 'confirmed-time-not-free', severity: 'warning', ...(rerun.confirmedWhere.get(id) ?? at), message: `${id} is confirmed at a time ${cannot.length === 1 ? 'one of its people' : `${cannot.length} of its people`} cannot make, who are taken out of it: ${cannot.map((n) => `${who(n)}, ${nowIn(n)}`).join('; ')}`, fix: 'Tell them (see changes.csv), or ask the office for another time.' });
    }
    for (const n of list.filter((x) => !cannot.includes(x))) {
      const seat = n.rsvpRow !== undefined ? rerun.seatWhere.get(`${id}|${n.rsvpRow}`) : undefined;
      problems.push({ code: `not-kept-${n.code}`, severity: 'warning', ...(seat ?? at), message: `${id}: ${n.what === 'participant' ? `${who(n)}: ` : ''}${n.reason}; that part of the earlier schedule is not kept`, fix: 'Nothing to do unless this is wrong; changes.csv lists who must be told.' });
    }
  }
  if (rerun.declinedOffices.size) {
    // The scheduler only sees that nobody can meet a declined office; the summary and coverage.csv say why.
    for (const id of rerun.declinedOffices) if (plan.uncovered.has(id)) plan.uncovered.set(id, 'the office declined the meeting (offices.csv)');
    const officesOf = new Map(match.participants.map((p) => [p.rsvp.row, p.offices]));
    for (const d of plan.digital) {
      const theirs = (officesOf.get(d.rsvp.row) ?? []).filter((o) => rerun.declinedOffices.has(o.id));
      if (theirs.length && d.code !== 'cannot-join') {
        d.code = 'office-declined';
        d.reason = `${theirs.map((o) => o.member).join(' and ')} declined the meeting, and no other office of theirs has a meeting they can join`;
      }
    }
  }
  return problems;
}
