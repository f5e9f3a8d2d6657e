// The rules on meetings.csv alone: each row names a target office on an event day, inside the window;
// no office over its limit; no accompanier in two places; against the staff list when given.
import { hhmm, longestMeeting, meetingMinutesFor, toMinutes } from '../event.js';
import type { MeetingRow } from '../folder/rows.js';
import { resolveOffice } from '../normalize/confirmed.js';
import { zoneWord } from '../normalize/zones.js';
import type { Accompanier } from '../model.js';
import { perDayLimit } from '../rules/accompanier-per-day.js';
import { report, type ProblemSink } from './cap.js';
import { at, OverlapIndex, pushTo, rowName, someIds, type CheckContext, type CheckedMeeting } from './model.js';

const describe = (m: MeetingRow) => `${m.meetingId} (${[m.member, m.dateText, m.startText].filter(Boolean).join(', ')})`;

export function resolveMeetings(rows: readonly MeetingRow[], ctx: CheckContext, problems: ProblemSink): Map<string, CheckedMeeting> {
  const { event } = ctx;
  const winFrom = toMinutes(event.windowStart);
  const winTo = toMinutes(event.windowEnd);
  const err = (r: MeetingRow, column: string, value: string, code: string, text: () => [message: string, fix: string]) =>
    report(problems, code, 'error', at(r), () => {
      const [message, fix] = text();
      return { column, value, message, fix };
    });
  const meetings = new Map<string, CheckedMeeting>();
  // Rows name few offices, each many times over: each is looked up once among the targets.
  const officeOf = new Map<string, ReturnType<typeof resolveOffice>>();
  for (const r of rows) {
    const id = r.meetingId;
    if (!id) {
      err(r, 'meeting_id', '', 'missing-id', () => [`the meeting with ${r.member || 'no member'} has no meeting_id`, 'Give the meeting an id, e.g. M099, and use it in attendees.csv.']);
      continue;
    }
    const first = meetings.get(id);
    if (first) {
      err(r, 'meeting_id', id, 'duplicate-id', () => [`meeting_id ${id} is used twice (${rowName(first.row)} and this row)`, 'Give each meeting its own id.']);
      continue;
    }
    const m: CheckedMeeting = { id, row: r, slots: [], accompanier: r.accompanier, attendees: [] };
    meetings.set(id, m);
    const officeKey = [r.member, r.state, r.district, r.chamber].join('\u0000');
    let resolved = officeOf.get(officeKey);
    if (!resolved) officeOf.set(officeKey, (resolved = resolveOffice(r.member, r.state, r.district, r.chamber, ctx.offices)));
    const { office, why } = resolved;
    if (!office) err(r, 'member', r.member, 'unknown-office', () => [`${id}: ${why ?? 'not a target office'}`, 'Write the member as in the target workbook.']);
    else m.office = office;
    if (!r.date || !event.days.includes(r.date)) {
      err(r, 'date', r.dateText, 'not-an-event-day', () => [`${describe(r)}: "${r.dateText}" is not one of the event's days (${event.days.join(', ')})`, 'Move the meeting to an event day, written like 2020-07-14.']);
      continue;
    }
    m.day = r.date;
    const start = r.start === undefined ? undefined : toMinutes(r.start);
    const end = r.endText ? (r.end === undefined ? undefined : toMinutes(r.end)) : start === undefined ? undefined : start + (m.office ? meetingMinutesFor(event, m.office.chamber) : longestMeeting(event));
    if (start === undefined || end === undefined || end <= start) {
      const bad = start === undefined ? 'start' : 'end';
      err(r, bad, bad === 'start' ? r.startText : r.endText, 'unreadable-time', () => [`${describe(r)}: "${bad === 'start' ? r.startText : r.endText}" is not a ${bad} time awg can read${bad === 'end' ? ' after the start' : ''}`, `Write times as HH:MM in the event's zone (${event.timeZone}), the end after the start.`]);
      continue;
    }
    m.startMin = start;
    m.endMin = end;
    if (start < winFrom || end > winTo) {
      err(r, 'start', r.startText, 'outside-window', () => [`${describe(r)}: ${hhmm(start)}–${hhmm(end)} is outside the meeting window (${event.windowStart}–${event.windowEnd} ${zoneWord(event.timeZone)} time)`, 'Move the meeting into the window.']);
    }
    m.slots = ctx.slots.filter((s) => s.day === m.day && toMinutes(s.start) < end && toMinutes(s.end) > start).map((s) => s.index);
  }
  return meetings;
}

export function meetingRules(list: readonly CheckedMeeting[], ctx: CheckContext, problems: ProblemSink): void {
  const { event } = ctx;
  const err = (m: CheckedMeeting, column: string, value: string, code: string, text: () => [message: string, fix: string]) =>
    report(problems, code, 'error', at(m.row), () => {
      const [message, fix] = text();
      return { column, value, message, fix };
    });
  const perOffice = new Map<string, CheckedMeeting[]>();
  for (const m of list) if (m.office) pushTo(perOffice, m.office.id, m);
  for (const ms of perOffice.values()) {
    if (ms.length <= event.maxMeetingsPerOffice) continue;
    const ids = someIds(ms);
    for (const m of ms.slice(event.maxMeetingsPerOffice)) {
      err(m, 'member', m.office!.member, 'too-many-meetings', () => [`${m.office!.member} has ${ms.length} meetings (${ids}); the limit is ${event.maxMeetingsPerOffice}`, 'Merge or delete a meeting, or raise event.maxMeetingsPerOffice.']);
    }
  }
  const busy = (name: string) => name && name.toUpperCase() !== 'TBD';
  // Each meeting against the first one listed before it with the same accompanier at an overlapping
  // time, said in the order of that first one (as a scan of every pair of meetings would say them).
  const sameAccompanier = new Map<string, OverlapIndex>();
  const conflicts: Array<{ x: CheckedMeeting; xAt: number; y: CheckedMeeting; yAt: number }> = [];
  const position = new Map<CheckedMeeting, number>();
  list.forEach((y, yAt) => {
    position.set(y, yAt);
    if (!busy(y.accompanier)) return;
    const name = y.accompanier.toLowerCase();
    let index = sameAccompanier.get(name);
    if (!index) sameAccompanier.set(name, (index = new OverlapIndex()));
    const x = index.add(y);
    if (x) conflicts.push({ x, xAt: position.get(x)!, y, yAt });
  });
  conflicts.sort((a, b) => a.xAt - b.xAt || a.yAt - b.yAt);
  for (const { x, y } of conflicts) {
    err(y, 'accompanier', y.accompanier, 'accompanier-conflict', () => [`${y.accompanier} accompanies two meetings at once: ${x.id} (${rowName(x.row)}) and ${y.id}`, 'Give one of them another accompanier, or move one.']);
  }
  // The day's limit holds with or without a staff list (as in the rulebook's replay); the list adds
  // who may accompany at all, and when.
  const byName = ctx.staff ? new Map(ctx.staff.map((s) => [s.name.toLowerCase(), s])) : undefined;
  const perDay = new Map<string, { name: string; ms: CheckedMeeting[] }>();
  const freeAt = new Map<Accompanier, Set<number>>();
  for (const m of list) {
    if (!busy(m.accompanier)) continue;
    const name = m.accompanier.toLowerCase();
    const s = byName?.get(name);
    if (byName && !s) {
      err(m, 'accompanier', m.accompanier, 'unknown-accompanier', () => [`${m.id}: ${m.accompanier} is not on the staff list`, 'Correct the name, or add them to the staff list.']);
      continue;
    }
    if (s) {
      let free = freeAt.get(s);
      if (!free) freeAt.set(s, (free = new Set(s.slots)));
      if (m.slots.length && !m.slots.every((i) => free.has(i))) {
        report(problems, 'accompanier-unavailable', 'warning', at(m.row), () => ({ column: 'accompanier', value: m.accompanier, message: `${m.id}: ${m.accompanier} is not available at ${m.day} ${hhmm(m.startMin ?? 0)} by the staff list`, fix: 'Confirm with them, or choose another accompanier.' }));
      }
    }
    const key = `${name}|${m.day}`;
    const day = perDay.get(key);
    if (day) day.ms.push(m);
    else perDay.set(key, { name: s?.name ?? m.accompanier, ms: [m] });
  }
  for (const { name, ms } of perDay.values()) {
    for (const m of ms.slice(perDayLimit(event))) {
      err(m, 'accompanier', m.accompanier, 'accompanier-overloaded', () => [`${name} has ${ms.length} meetings on ${m.day}; the limit is ${event.maxMeetingsPerDay}`, 'Give one of them another accompanier, or raise event.maxMeetingsPerDay.']);
    }
  }
}
