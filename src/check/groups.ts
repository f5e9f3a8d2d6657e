// The rules across meetings: group sizes (none empty, none over the limit), the lead one of the
// meeting's participants, nobody in two meetings at once or with one office twice, and every RSVP
// row in exactly one place (a meeting, digital-advocacy.csv or unmatched.csv).
import type { ListRow } from '../folder/rows.js';
import type { Rsvp } from '../model.js';
import { duplicateKeys } from '../normalize/duplicates.js';
import { possibleDuplicates } from '../rules/duplicates.js';
import { report, type ProblemSink } from './cap.js';
import { at, fold, OverlapIndex, personLabel, pushTo, rowName, someIds, type CheckContext, type CheckedMeeting } from './model.js';

export function groupRules(list: readonly CheckedMeeting[], ctx: CheckContext, problems: ProblemSink): void {
  const { event } = ctx;
  // Each person's name folded once, not once for each of their meetings.
  const names = new Map<Rsvp, string>();
  const nameOf = (r: Rsvp) => {
    let n = names.get(r);
    if (n === undefined) names.set(r, (n = fold(`${r.firstName} ${r.lastName}`)));
    return n;
  };
  for (const m of list) {
    const n = m.attendees.length;
    const here = at(m.row);
    const office = m.office?.member ?? m.row.member;
    if (n === 0) {
      report(problems, 'empty-meeting', 'error', here, () => ({ column: 'meeting_id', value: m.id, message: `${m.id} (${office}, ${m.row.dateText} ${m.row.startText}) has no participants in attendees.csv`, fix: 'Add its participants to attendees.csv, or delete the meeting\'s row.' }));
    } else if (n > event.maxGroup) {
      report(problems, 'over-capacity', 'error', here, () => ({ column: 'meeting_id', value: m.id, message: `${m.id} (${office}) has ${n} participants; the limit is ${event.maxGroup}`, fix: 'Move some participants to another meeting.' }));
    } else if (n < event.minGroup) {
      report(problems, 'under-capacity', 'warning', here, () => ({ column: 'meeting_id', value: m.id, message: `${m.id} (${office}) has ${n} participant${n === 1 ? '' : 's'}; the minimum is ${event.minGroup}`, fix: 'Add participants, or merge it with another meeting.' }));
    }
    const lead = m.row.lead;
    const leadName = fold(lead);
    const leadEmail = lead.toLowerCase();
    const isLead = (a: CheckedMeeting['attendees'][number]) => nameOf(a.rsvp) === leadName || a.rsvp.email === leadEmail;
    if (lead && n && !m.attendees.some(isLead)) {
      report(problems, 'lead-not-attending', 'error', here, () => ({ column: 'lead', value: lead, message: `${m.id}: the lead ${lead} is not one of its participants in attendees.csv`, fix: 'Name one of the meeting\'s participants as lead (as first and last name), or add the lead to attendees.csv.' }));
    }
    // meetings.csv holds the lead; attendees.csv's role column is derived from it.
    for (const a of m.attendees) {
      const saysLead = a.row.role === 'lead';
      if (saysLead === Boolean(lead && isLead(a))) continue;
      if (!saysLead && !lead) continue;
      report(problems, 'lead-disagrees', 'warning', at(a.row), () => ({
        column: 'role', value: a.row.role,
        message: `${personLabel(a.rsvp)} is ${saysLead ? '' : 'not '}the lead of ${m.id} here, but ${rowName(m.row)} names ${lead || 'no lead'}; awg update takes the lead from meetings.csv`,
        fix: 'Write the lead\'s name in the meeting\'s lead cell in meetings.csv.',
      }));
    }
  }
  for (const m of list) sameMeetingTwins(m, problems);
  // Each of a person's meetings against the first one listed before it at an overlapping time, and the
  // first one with the same office: one problem a row at most, never one for every pair of meetings.
  const byPerson = new Map<number, { times: OverlapIndex; offices: Map<string, CheckedMeeting> }>();
  for (const y of list) {
    for (const a of y.attendees) {
      let seen = byPerson.get(a.rsvp.row);
      if (!seen) byPerson.set(a.rsvp.row, (seen = { times: new OverlapIndex(), offices: new Map() }));
      const x = seen.times.add(y);
      if (x) {
        report(problems, 'double-booked', 'error', at(a.row), () => ({ column: 'meeting_id', value: y.id, message: `${personLabel(a.rsvp)} is in two meetings at once: ${x.id} and ${y.id} (${y.day} ${y.row.startText})`, fix: 'Take them out of one of the two.' }));
      }
      const office = y.office;
      if (!office) continue;
      const before = seen.offices.get(office.id);
      if (before) {
        report(problems, 'same-office-twice', 'error', at(a.row), () => ({ column: 'meeting_id', value: y.id, message: `${personLabel(a.rsvp)} meets ${office.member} twice (${before.id} and ${y.id})`, fix: 'Take them out of one of the two.' }));
      } else seen.offices.set(office.id, y);
    }
  }
}

/** Possible duplicates of one person (rules/duplicates.ts) in one meeting: each against the first listed. */
function sameMeetingTwins(m: CheckedMeeting, problems: ProblemSink): void {
  if (m.attendees.length < 2) return;
  const first = new Map<string, CheckedMeeting['attendees'][number]>();
  for (const a of m.attendees) {
    const keys = duplicateKeys(a.rsvp);
    const twin = keys.map((k) => first.get(k)).find((b) => b !== undefined && b.rsvp.email !== a.rsvp.email && b.rsvp.row !== a.rsvp.row);
    for (const k of keys) if (!first.has(k)) first.set(k, a);
    if (!twin) continue;
    report(problems, possibleDuplicates.code, 'error', at(a.row), () => ({
      column: 'email', value: a.rsvp.email,
      message: `${personLabel(a.rsvp)} and ${personLabel(twin.rsvp)} are both in ${m.id}: they may be one person under two emails (same name and phone or ZIP; awg unmatched lists them under review)`,
      fix: `If they are one person, take row ${a.row.row} out of the meeting and delete the RSVP that should not count; if they are two people, move one of them to another meeting.`,
    }));
  }
}

/**
 * Every RSVP row is in a meeting, on digital-advocacy.csv or on unmatched.csv. Those two lists are
 * derived (awg update writes them again), so a person moved in or out of a meeting by hand leaves them
 * stale: a warning naming the person and what update will do, not an error.
 */
export function listRules(list: readonly CheckedMeeting[], lists: readonly ListRow[], ctx: CheckContext, problems: ProblemSink): void {
  if (!lists.length) return;
  const inMeetings = new Map<number, CheckedMeeting[]>();
  for (const m of list) for (const a of m.attendees) pushTo(inMeetings, a.rsvp.row, m);
  const onLists = new Map<number, ListRow[]>();
  for (const l of lists) if (l.rsvpRow !== undefined) pushTo(onLists, l.rsvpRow, l);
  const matched = new Set(ctx.participants.map((p) => p.rsvp.row));
  const digitalNow = new Set(ctx.unmatched.filter((u) => u.digital).map((u) => u.rsvp.row));
  for (const rsvp of ctx.rsvps) {
    const ms = inMeetings.get(rsvp.row) ?? [];
    const ls = onLists.get(rsvp.row) ?? [];
    const goesTo = matched.has(rsvp.row) || digitalNow.has(rsvp.row) ? 'digital-advocacy.csv' : 'unmatched.csv';
    if (!ms.length && !ls.length) {
      report(problems, 'on-no-list', 'warning', { file: ctx.rsvpFile, row: rsvp.row }, () => ({ message: `${personLabel(rsvp)} is in no meeting and on no list of the folder (taken out of a meeting, or a new RSVP); awg update puts them on ${goesTo}`, fix: 'Add them to a meeting in attendees.csv if they should be in one, then run awg update.' }));
      continue;
    }
    if (ms.length && ls.length) {
      for (const l of ls) {
        report(problems, 'on-two-lists', 'warning', at(l), () => ({ column: 'rsvp_row', value: String(rsvp.row), message: `${personLabel(rsvp)} is in ${someIds(ms)} and still on ${l.list}; awg update takes them off it`, fix: 'Run awg update to bring the lists up to date.' }));
      }
    } else if (ls.length > 1) {
      report(problems, 'on-two-lists', 'error', at(ls[1]!), () => ({ column: 'rsvp_row', value: String(rsvp.row), message: `${personLabel(rsvp)} is on two lists: ${ls.map((l) => rowName(l)).join(' and ')}`, fix: 'Run awg update to write the lists again.' }));
    }
  }
}
