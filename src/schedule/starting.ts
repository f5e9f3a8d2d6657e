// A warm start: the meetings of an earlier schedule go back in first, with as much of each as the
// rules still allow (its office, time, people, accompanier, lead and id), and everything that cannot
// be kept is reported as data, so a re-run can tell exactly the people whose schedule changed.
// What is kept is pinned: later phases may add people and meetings, never move or remove it.
import { longestMeeting, meetingMinutesFor, toMinutes } from '../event.js';
import type { Meeting, NotKept, Participant, StartingMeeting, TargetOffice } from '../model.js';
import { officeLimit } from '../rules/office-limit.js';
import { brokenSeatRule, brokenStaffRule } from '../rules/rulebook.js';
import type { Search } from './search.js';

export interface Kept {
  /** Meeting → the id it keeps. */
  ids: Map<Meeting, string>;
  /** Every id the starting plan used: new meetings get others. */
  usedIds: Set<string>;
  leads: Map<Meeting, Participant>;
  notKept: NotKept[];
}

const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, '');

export function keepStartingPlan(x: Search, start: readonly StartingMeeting[]): Kept {
  const { plan, pool, input } = x;
  const { event } = input;
  const kept: Kept = { ids: new Map(), usedIds: new Set(start.map((s) => s.meetingId)), leads: new Map(), notKept: [] };
  const offices = new Map(input.offices.map((o) => [o.id, o]));
  const byRow = new Map(plan.people.map((p, i) => [p.rsvp.row, i] as const));
  const staffByName = new Map(pool.staff.map((a, k) => [nameKey(a.name), k] as const));
  // Office-confirmed times first: they are the least negotiable.
  const ordered = [...start].sort((a, b) => Number(Boolean(b.locked)) - Number(Boolean(a.locked)) || a.day.localeCompare(b.day) || a.start.localeCompare(b.start) || a.meetingId.localeCompare(b.meetingId));
  const unstaffed: Meeting[] = [];
  for (const sm of ordered) {
    const id = sm.meetingId;
    const drop = (code: NotKept['code'], reason: string) => kept.notKept.push({ meetingId: id, what: 'meeting', code, reason });
    const office = offices.get(sm.officeId);
    if (!office) {
      drop('office-not-target', `${sm.officeId} is no longer a target office`);
      continue;
    }
    const slots = slotsOf(x, sm);
    if (!slots.length) {
      drop('time-not-in-event', `${sm.day} ${sm.start} is no longer a meeting time of the event`);
      continue;
    }
    // The same meeting may already be in the plan from the confirmed file: the two are one.
    const same = plan.meetingsFor(office).find((m) => m.confirmedRow !== undefined && m.day === sm.day && m.start === sm.start && !kept.ids.has(m));
    if (!same && !officeLimit.allows(plan.meetingsFor(office).length, event)) {
      const other = plan.meetingsFor(office)[0]!;
      drop('office-full', `${office.member} already has its meeting${event.maxMeetingsPerOffice > 1 ? 's' : ''} (${other.day} ${other.start})`);
      continue;
    }
    const startMin = toMinutes(sm.start);
    const m = same ?? plan.newMeeting(office, sm.day, startMin, startMin + meetingMinutesFor(event, office.chamber), slots,
      { status: sm.locked ? 'confirmed' : 'proposed', link: sm.link ?? '' });
    keepPeople(x, m, office, sm, byRow, kept);
    if (!m.attendees.length && !same && !sm.locked) {
      plan.dropMeeting(m);
      drop('meeting-empty', 'nobody in it can still attend');
      continue;
    }
    plan.keptMeetings.add(m);
    if (![...kept.ids.values()].includes(id)) kept.ids.set(m, id);
    if (!same?.accompanier && !keepAccompanier(x, m, sm, staffByName, kept)) unstaffed.push(m);
    if (sm.leadRow !== undefined) {
      const i = byRow.get(sm.leadRow);
      const lead = i === undefined ? undefined : plan.people[i];
      if (lead && m.attendees.includes(lead)) kept.leads.set(m, lead);
      else kept.notKept.push({ meetingId: id, what: 'lead', code: 'lead-changed', rsvpRow: sm.leadRow, reason: 'the lead is no longer in the meeting; another volunteer leads it' });
    }
  }
  // Meetings whose accompanier could not be kept get another, by a reshuffle if need be.
  for (const m of unstaffed) staffAgain(x, m);
  return kept;
}

/** The event slots a starting meeting covers: its grid slot, or for an office-confirmed time every slot it overlaps. */
function slotsOf(x: Search, sm: StartingMeeting): number[] {
  const { slots, event } = x.input;
  if (!event.days.includes(sm.day) || !/^\d\d:\d\d$/.test(sm.start)) return [];
  if (!sm.locked) return slots.filter((s) => s.day === sm.day && s.start === sm.start).map((s) => s.index);
  const from = toMinutes(sm.start);
  const to = from + longestMeeting(event);
  return slots.filter((s) => s.day === sm.day && toMinutes(s.start) < to && toMinutes(s.end) > from).map((s) => s.index);
}

function keepPeople(x: Search, m: Meeting, office: TargetOffice, sm: StartingMeeting, byRow: ReadonlyMap<number, number>, kept: Kept): void {
  const { plan, input } = x;
  const leaves = (row: number, code: NotKept['code'], reason: string) => kept.notKept.push({ meetingId: sm.meetingId, what: 'participant', code, rsvpRow: row, reason });
  for (const row of [...new Set(sm.rsvpRows)]) {
    const i = byRow.get(row);
    if (i === undefined) {
      leaves(row, 'cancelled', 'no longer among the participants (cancelled, superseded, or the RSVP needs a fix)');
      continue;
    }
    const p = plan.people[i]!;
    if (m.attendees.includes(p)) {
      plan.pinned.set(m, (plan.pinned.get(m) ?? new Set()).add(i));
      continue;
    }
    const broken = brokenSeatRule(plan, i, m);
    if (broken) leaves(row, broken.notKept, broken.explain?.(plan, i, m) ?? broken.reason({ member: office.member, day: m.day, start: m.start, maxGroup: input.event.maxGroup }));
    else {
      plan.attend(m, i);
      plan.pinned.set(m, (plan.pinned.get(m) ?? new Set()).add(i));
    }
  }
}

/** Keeps the starting meeting's accompanier when the rules allow; false when the meeting needs another. */
function keepAccompanier(x: Search, m: Meeting, sm: StartingMeeting, staffByName: ReadonlyMap<string, number>, kept: Kept): boolean {
  const { pool, input } = x;
  const name = sm.accompanierName?.trim();
  if (!name) return false;
  const changed = (reason: string) => {
    kept.notKept.push({ meetingId: sm.meetingId, what: 'accompanier', code: 'accompanier-changed', reason: `${name} ${reason}` });
    return false;
  };
  const k = staffByName.get(nameKey(name));
  if (k === undefined) return changed(pool.size ? 'is no longer on the staff list' : 'cannot be kept: no staff list was given');
  const broken = brokenStaffRule(pool, k, m);
  if (broken) return changed(broken.explain?.(pool, k, m) ?? broken.reason({ day: m.day, start: m.start, maxMeetingsPerDay: input.event.maxMeetingsPerDay }));
  pool.assign(m, k);
  pool.fix(m);
  return true;
}

function staffAgain(x: Search, m: Meeting): void {
  const { pool } = x;
  const status = m.status;
  if (!pool.size) {
    if (status !== 'confirmed') m.status = 'needs accompanier';
    return;
  }
  const k = pool.pick(m);
  const staffing = k === undefined && m.slots.length === 1 ? pool.staffingWith(m.slots[0]!, m) : undefined;
  if (k !== undefined) pool.assign(m, k);
  else if (staffing) pool.apply(staffing, m);
  else m.status = 'needs accompanier';
  if (status === 'confirmed') m.status = status;
}

/** A schedule's meetings as a starting plan (what a re-run would read back from the earlier folder). */
export function startingPlanOf(meetings: readonly Meeting[]): StartingMeeting[] {
  return meetings.map((m) => ({
    meetingId: m.id, officeId: m.office.id, day: m.day, start: m.start, rsvpRows: m.attendees.map((p) => p.rsvp.row),
    ...(m.accompanier ? { accompanierName: m.accompanier.name } : {}), ...(m.lead ? { leadRow: m.lead.rsvp.row } : {}),
    ...(m.link ? { link: m.link } : {}), ...(m.status === 'confirmed' ? { locked: true } : {}),
  }));
}
