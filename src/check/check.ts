// Re-checks a schedule folder an organizer has edited by hand (meetings.csv, attendees.csv) against
// every rule the scheduler keeps, and reports each broken one by file and row.
import type { EventConfig } from '../config/schema.js';
import { hhmm, toMinutes } from '../event.js';
import type { Accompanier, Participant, Rsvp, Slot, TargetOffice } from '../model.js';
import type { Unmatched } from '../match/match.js';
import { dayOfLabel } from '../normalize/availability.js';
import { normalizeEmail } from '../normalize/contact.js';
import { parseClockTime, resolveOffice } from '../normalize/confirmed.js';
import { findHeaderRow, isBlankRow } from '../normalize/header.js';
import type { Problem } from '../problems.js';
import { unneutralize } from '../render/csv.js';
import type { Sheet } from '../read/table.js';

export interface CheckContext {
  event: EventConfig;
  slots: readonly Slot[];
  offices: readonly TargetOffice[];
  rsvps: readonly Rsvp[];
  participants: readonly Participant[];
  unmatched: readonly Unmatched[];
  /** The staff list, when given: accompaniers are then checked against it too. */
  staff?: readonly Accompanier[];
}

export interface EditedFolder {
  meetings: { file: string; sheet: Sheet };
  attendees: { file: string; sheet: Sheet };
  /** Optional lists whose rows must not also sit in a meeting. */
  others: Array<{ file: string; sheet: Sheet }>;
}

interface Row {
  row: number;
  get(column: string): string;
}

function rowsOf(sheet: Sheet, required: string[], file: string, problems: Problem[]): Row[] {
  const idx = findHeaderRow(sheet.rows, (h) => required.includes(h.trim().toLowerCase()), Math.min(2, required.length));
  if (idx < 0) {
    problems.push({ code: 'missing-column', severity: 'error', file, row: 1, message: `${file} has none of the columns ${required.join(', ')}; is it an awg output file?`, fix: 'Restore the header row as awg wrote it.' });
    return [];
  }
  const headers = (sheet.rows[idx] ?? []).map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !headers.includes(c));
  if (missing.length) {
    problems.push({ code: 'missing-column', severity: 'error', file, row: idx + 1, message: `${file} has lost its column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, fix: 'Restore the header row as awg wrote it.' });
    return [];
  }
  const out: Row[] = [];
  for (let i = idx + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    if (isBlankRow(cells)) continue;
    out.push({ row: i + 1, get: (c) => unneutralize((cells[headers.indexOf(c)] ?? '').trim()) });
  }
  return out;
}

interface CheckedMeeting {
  id: string;
  row: number;
  office?: TargetOffice;
  day?: string;
  startMin?: number;
  endMin?: number;
  slots: number[];
  accompanier: string;
  attendees: Array<{ row: number; rsvp: Rsvp }>;
}

const overlaps = (a: CheckedMeeting, b: CheckedMeeting) =>
  a.day !== undefined && a.day === b.day && a.startMin !== undefined && b.startMin !== undefined && a.endMin !== undefined && b.endMin !== undefined && a.startMin < b.endMin && b.startMin < a.endMin;

export function checkSchedule(folder: EditedFolder, ctx: CheckContext): { problems: Problem[]; meetings: number; attendees: number } {
  const problems: Problem[] = [];
  const { event } = ctx;
  const mf = folder.meetings.file;
  const af = folder.attendees.file;
  const winFrom = toMinutes(event.windowStart);
  const winTo = toMinutes(event.windowEnd);
  const err = (file: string, row: number, column: string, value: string, code: string, message: string, fix: string) =>
    problems.push({ code, severity: 'error', file, row, column, value, message, fix });

  const meetings = new Map<string, CheckedMeeting>();
  for (const r of rowsOf(folder.meetings.sheet, ['meeting_id', 'date', 'start', 'member'], mf, problems)) {
    const id = r.get('meeting_id');
    if (!id) {
      err(mf, r.row, 'meeting_id', '', 'missing-id', 'has no meeting_id', 'Give the meeting an id, e.g. M099, and use it in attendees.csv.');
      continue;
    }
    if (meetings.has(id)) {
      err(mf, r.row, 'meeting_id', id, 'duplicate-id', `meeting_id ${id} is used twice (rows ${meetings.get(id)!.row} and ${r.row})`, 'Give each meeting its own id.');
      continue;
    }
    const m: CheckedMeeting = { id, row: r.row, slots: [], accompanier: r.get('accompanier'), attendees: [] };
    meetings.set(id, m);
    const { office, why } = resolveOffice(r.get('member'), r.get('state'), r.get('district'), r.get('chamber'), ctx.offices);
    if (!office) err(mf, r.row, 'member', r.get('member'), 'unknown-office', `${why}`, 'Write the member as in the target workbook.');
    else m.office = office;
    const dateRaw = r.get('date');
    const day = /^\d{4}-\d{2}-\d{2}$/.test(dateRaw) ? dateRaw : dayOfLabel(dateRaw, event);
    if (!day || !event.days.includes(day)) {
      err(mf, r.row, 'date', dateRaw, 'not-an-event-day', `"${dateRaw}" is not one of the event's days (${event.days.join(', ')})`, 'Move the meeting to an event day.');
      continue;
    }
    m.day = day;
    const start = parseClockTime(r.get('start'), day, event.timeZone);
    const endText = r.get('end');
    const end = endText ? parseClockTime(endText, day, event.timeZone) : start === undefined ? undefined : start + event.meetingMinutes;
    if (start === undefined || end === undefined || end <= start) {
      err(mf, r.row, start === undefined ? 'start' : 'end', start === undefined ? r.get('start') : endText, 'unreadable-time', 'is not a start and end time awg can read', 'Write times as HH:MM (Eastern), the end after the start.');
      continue;
    }
    m.startMin = start;
    m.endMin = end;
    if (start < winFrom || end > winTo) {
      err(mf, r.row, 'start', r.get('start'), 'outside-window', `${r.get('start')}–${endText || '?'} is outside the meeting window (${event.windowStart}–${event.windowEnd})`, 'Move the meeting into the window.');
    }
    m.slots = ctx.slots.filter((s) => s.day === day && toMinutes(s.start) < end && toMinutes(s.end) > start).map((s) => s.index);
  }

  // Offices over their meeting limit; accompaniers in two places at once.
  const list = [...meetings.values()];
  const perOffice = new Map<string, CheckedMeeting[]>();
  for (const m of list) if (m.office) perOffice.set(m.office.id, [...(perOffice.get(m.office.id) ?? []), m]);
  for (const ms of perOffice.values()) {
    for (const m of ms.slice(event.maxMeetingsPerOffice)) {
      err(mf, m.row, 'member', m.office!.member, 'too-many-meetings', `${m.office!.member} has ${ms.length} meetings (rows ${ms.map((x) => x.row).join(', ')}); the limit is ${event.maxMeetingsPerOffice}`, 'Merge or delete a meeting, or raise event.maxMeetingsPerOffice.');
    }
  }
  for (let a = 0; a < list.length; a++) {
    for (let b = a + 1; b < list.length; b++) {
      const x = list[a]!;
      const y = list[b]!;
      if (x.accompanier && x.accompanier !== 'TBD' && x.accompanier.toLowerCase() === y.accompanier.toLowerCase() && overlaps(x, y)) {
        err(mf, y.row, 'accompanier', y.accompanier, 'accompanier-conflict', `${y.accompanier} accompanies two meetings at once (${x.id} in row ${x.row} and ${y.id})`, 'Give one of them another accompanier, or move one.');
      }
    }
  }

  // Against the staff list: the accompanier is on it, free then, and within the daily limit.
  if (ctx.staff) {
    const byName = new Map(ctx.staff.map((a) => [a.name.toLowerCase(), a]));
    const perDay = new Map<string, CheckedMeeting[]>();
    for (const m of list) {
      if (!m.accompanier || m.accompanier === 'TBD') continue;
      const a = byName.get(m.accompanier.toLowerCase());
      if (!a) {
        err(mf, m.row, 'accompanier', m.accompanier, 'unknown-accompanier', `${m.accompanier} is not on the staff list`, 'Correct the name, or add them to the staff list.');
        continue;
      }
      const free = new Set(a.slots);
      if (m.slots.length && !m.slots.every((s) => free.has(s))) {
        problems.push({ code: 'accompanier-unavailable', severity: 'warning', file: mf, row: m.row, column: 'accompanier', value: m.accompanier, message: `${m.accompanier} is not available at ${m.day} ${hhmm(m.startMin ?? 0)} by the staff list`, fix: 'Confirm with them, or choose another accompanier.' });
      }
      const key = `${a.name}|${m.day}`;
      perDay.set(key, [...(perDay.get(key) ?? []), m]);
    }
    for (const [key, ms] of perDay) {
      for (const m of ms.slice(event.maxMeetingsPerDay)) {
        err(mf, m.row, 'accompanier', m.accompanier, 'accompanier-overloaded', `${key.split('|')[0]} has ${ms.length} meetings on ${m.day}; the limit is ${event.maxMeetingsPerDay}`, 'Give one of them another accompanier, or raise event.maxMeetingsPerDay.');
      }
    }
  }

  // Attendees: who they are, whether they may be there, and whether they are free.
  const byRow = new Map(ctx.rsvps.map((r) => [r.row, r]));
  const byEmail = new Map(ctx.rsvps.map((r) => [r.email, r]));
  const matched = new Map(ctx.participants.map((p) => [p.rsvp.row, p]));
  const why = new Map(ctx.unmatched.map((u) => [u.rsvp.row, u]));
  const seenIn = new Map<string, number>();
  let attendeeRows = 0;
  for (const r of rowsOf(folder.attendees.sheet, ['meeting_id', 'email', 'rsvp_row'], af, problems)) {
    attendeeRows++;
    const id = r.get('meeting_id');
    const m = meetings.get(id);
    if (!m) {
      err(af, r.row, 'meeting_id', id, 'unknown-meeting', `meeting ${id || '(blank)'} is not in meetings.csv`, 'Use a meeting_id from meetings.csv.');
      continue;
    }
    const email = normalizeEmail(r.get('email')).email;
    const rsvp = (email ? byEmail.get(email) : undefined) ?? byRow.get(Number(r.get('rsvp_row')));
    if (!rsvp) {
      err(af, r.row, 'email', r.get('email'), 'unknown-person', `${r.get('email') || 'this person'} is not in the RSVPs`, 'Use the email and rsvp_row from the RSVP export.');
      continue;
    }
    const key = `${m.id}|${rsvp.row}`;
    if (seenIn.has(key)) {
      err(af, r.row, 'email', rsvp.email, 'listed-twice', `${rsvp.email} is listed twice in ${m.id} (rows ${seenIn.get(key)} and ${r.row})`, 'Delete one of the two rows.');
      continue;
    }
    seenIn.set(key, r.row);
    m.attendees.push({ row: r.row, rsvp });
    const p = matched.get(rsvp.row);
    if (!p) {
      const u = why.get(rsvp.row);
      err(af, r.row, 'email', rsvp.email, 'not-matched', `${rsvp.email} (RSVP row ${rsvp.row}) cannot be in a meeting: ${u?.reason ?? 'not matched'}`, u?.fix ?? 'Remove them from the meeting.');
      continue;
    }
    if (m.office && !p.offices.some((o) => o.id === m.office!.id)) {
      err(af, r.row, 'email', rsvp.email, 'not-constituent', `${rsvp.email} is not a constituent of ${m.office.member} (they can meet ${p.offices.map((o) => o.member).join(', ')})`, 'Move them to a meeting with one of their own offices.');
    }
    const free = new Set(rsvp.availability.slots);
    if (m.slots.length && !m.slots.every((s) => free.has(s))) {
      problems.push({ code: 'not-available', severity: 'warning', file: af, row: r.row, column: 'meeting_id', value: id, message: `${rsvp.email} did not say they can attend ${m.day} ${r.get('start') || ''}`.trim(), fix: 'Confirm the time with them, or move them.' });
    }
  }
  for (const m of list) {
    if (m.attendees.length > event.maxGroup) {
      err(mf, m.row, 'meeting_id', m.id, 'over-capacity', `${m.id} has ${m.attendees.length} participants; the limit is ${event.maxGroup}`, 'Move some participants to another meeting.');
    }
  }
  // Nobody in two overlapping meetings.
  const byPerson = new Map<number, Array<{ m: CheckedMeeting; row: number }>>();
  for (const m of list) for (const a of m.attendees) byPerson.set(a.rsvp.row, [...(byPerson.get(a.rsvp.row) ?? []), { m, row: a.row }]);
  for (const [, entries] of byPerson) {
    for (let a = 0; a < entries.length; a++) {
      for (let b = a + 1; b < entries.length; b++) {
        const x = entries[a]!;
        const y = entries[b]!;
        if (overlaps(x.m, y.m)) {
          const who = y.m.attendees.find((t) => t.row === y.row)!.rsvp.email;
          err(af, y.row, 'meeting_id', y.m.id, 'double-booked', `${who} is in two meetings at once: ${x.m.id} (row ${x.row}) and ${y.m.id}`, 'Take them out of one of the two.');
        }
        if (x.m.office && x.m.office.id === y.m.office?.id) {
          const who = y.m.attendees.find((t) => t.row === y.row)!.rsvp.email;
          err(af, y.row, 'meeting_id', y.m.id, 'same-office-twice', `${who} meets ${x.m.office.member} twice (${x.m.id} and ${y.m.id})`, 'Take them out of one of the two.');
        }
      }
    }
  }
  // An RSVP in a meeting and also on another list.
  for (const other of folder.others) {
    for (const r of rowsOf(other.sheet, ['rsvp_row'], other.file, problems)) {
      const row = Number(r.get('rsvp_row'));
      const inMeeting = byPerson.get(row);
      if (inMeeting) {
        err(other.file, r.row, 'rsvp_row', String(row), 'in-two-places', `RSVP row ${row} is on this list and also in ${inMeeting.map((e) => e.m.id).join(', ')}`, 'Remove them from this list or from the meeting.');
      }
    }
  }
  return { problems, meetings: meetings.size, attendees: attendeeRows };
}
