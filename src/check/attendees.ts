// The rules on attendees.csv: each row is an RSVP (its rsvp_row, name and email that row's), in a
// meeting of meetings.csv whose date, time and office it repeats, a constituent of that office who
// can be in a meeting at all and said they are free then.
import { toMinutes } from '../event.js';
import type { AttendeeRow } from '../folder/rows.js';
import type { Rsvp } from '../model.js';
import { normalizeEmail } from '../normalize/contact.js';
import { report, type ProblemSink } from './cap.js';
import { at, fold, personLabel, rowName, rowPerson, type CheckContext, type CheckedMeeting } from './model.js';

/** The RSVP an attendee row stands for, or the problem that it names none, or names two. */
function whoIs(a: AttendeeRow, byRow: ReadonlyMap<number, Rsvp>, byEmail: ReadonlyMap<string, Rsvp>, problems: ProblemSink): Rsvp | undefined {
  const email = normalizeEmail(a.email).email;
  const fromRow = a.rsvpRow === undefined ? undefined : byRow.get(a.rsvpRow);
  if (fromRow && email && fromRow.email === email) return fromRow;
  const fromEmail = email ? byEmail.get(email) : undefined;
  const err = (code: string, column: string, value: string, text: () => [message: string, fix: string]) =>
    report(problems, code, 'error', at(a), () => {
      const [message, fix] = text();
      return { column, value, message, fix };
    });
  if (!fromRow && !fromEmail) {
    err('not-an-rsvp', 'email', a.email, () => [`${rowPerson(a)} is not an RSVP${a.rsvpRowText ? ` (and RSVP row ${a.rsvpRowText} is not a row of the RSVP export)` : ''}`,
      'Only people who RSVP\'d can be in a meeting: add their RSVP to the export first, or take the row out.']);
    return undefined;
  }
  if (fromRow && fromEmail) {
    err('rsvp-row-mismatch', 'rsvp_row', a.rsvpRowText, () => [`${rowPerson(a)}: rsvp_row ${a.rsvpRowText} is ${personLabel(fromRow)}, while this email is ${personLabel(fromEmail)}`,
      'Copy the rsvp_row, name and email of one person from the RSVP export.']);
    return undefined;
  }
  const rsvp = (fromRow ?? fromEmail)!;
  if (fromRow) {
    err('rsvp-row-mismatch', 'email', a.email, () => [`${rowPerson(a)}: rsvp_row ${a.rsvpRowText} is ${personLabel(fromRow)}, not this email`,
      `Write ${fromRow.email} here, or the rsvp_row of the person meant.`]);
    return undefined;
  }
  if (a.rsvpRowText !== String(rsvp.row)) {
    err('rsvp-row-mismatch', 'rsvp_row', a.rsvpRowText, () => [`${rowPerson(a)}: ${a.email} is RSVP row ${rsvp.row}, not rsvp_row ${a.rsvpRowText || '(blank)'}`,
      `Write ${rsvp.row} as the rsvp_row.`]);
    return undefined;
  }
  return rsvp;
}

export function placeAttendees(rows: readonly AttendeeRow[], meetings: ReadonlyMap<string, CheckedMeeting>, ctx: CheckContext, problems: ProblemSink): void {
  const byRow = new Map(ctx.rsvps.map((r) => [r.row, r]));
  const byEmail = new Map<string, Rsvp>();
  // The latest submission stands for an email used twice: the one that is not superseded.
  const superseded = new Set(ctx.unmatched.filter((u) => u.code === 'duplicate').map((u) => u.rsvp.row));
  for (const r of ctx.rsvps) if (r.email && (!byEmail.has(r.email) || !superseded.has(r.row))) byEmail.set(r.email, r);
  const matched = new Map(ctx.participants.map((p) => [p.rsvp.row, p]));
  const why = new Map(ctx.unmatched.map((u) => [u.rsvp.row, u]));
  const seen = new Map<string, AttendeeRow>();
  const freeAt = new Map<Rsvp, Set<number>>();
  for (const a of rows) {
    const err = (code: string, column: string, value: string, text: () => [message: string, fix: string]) =>
      report(problems, code, 'error', at(a), () => {
        const [message, fix] = text();
        return { column, value, message, fix };
      });
    const m = meetings.get(a.meetingId);
    if (!m) {
      err('unknown-meeting', 'meeting_id', a.meetingId, () => [`${rowPerson(a)} is in meeting ${a.meetingId || '(blank)'}, which is not in meetings.csv`, 'Use a meeting_id from meetings.csv.']);
      continue;
    }
    disagreements(a, m, ctx, problems);
    const rsvp = whoIs(a, byRow, byEmail, problems);
    if (!rsvp) continue;
    const key = `${m.id}|${rsvp.row}`;
    const twice = seen.get(key);
    if (twice) {
      err('listed-twice', 'email', rsvp.email, () => [`${personLabel(rsvp)} is listed twice in ${m.id} (${rowName(twice)} and this row)`, 'Delete one of the two rows.']);
      continue;
    }
    seen.set(key, a);
    const u = why.get(rsvp.row);
    // Swapped in from digital-advocacy.csv (the lists are derived): a constituent whose own answers kept
    // them out of every meeting (no time ticked, late) may be put in one by hand; said, not refused.
    const swapped = !matched.has(rsvp.row) && u?.digital && u.offices?.length ? u : undefined;
    const p = matched.get(rsvp.row) ?? (swapped ? { rsvp, location: swapped.location ?? { state: rsvp.state ?? '' }, offices: swapped.offices!, bestTier: Infinity, rank: 0 } : undefined);
    m.attendees.push({ row: a, rsvp, ...(p ? { participant: p } : {}) });
    if (swapped) {
      report(problems, 'swapped-in', 'warning', at(a), () => ({ column: 'email', value: rsvp.email, message: `${personLabel(rsvp)} is in ${m.id}, though their RSVP kept them out of every meeting: ${swapped.reason}`, fix: 'Confirm with them that they can attend; awg update takes them off digital-advocacy.csv.' }));
    }
    if (!p) {
      err('not-matched', 'email', rsvp.email, () => [`${personLabel(rsvp)} cannot be in a meeting: ${u?.reason ?? 'not matched to any target office'}`, u?.fix ?? 'Take them out of the meeting.']);
      continue;
    }
    if (m.office && !p.offices.some((o) => o.id === m.office!.id)) {
      const office = m.office;
      err('not-constituent', 'email', rsvp.email, () => [`${personLabel(rsvp)} is not a constituent of ${office.member} (${m.id}); they can meet ${p.offices.map((o) => o.member).join(', ') || 'no target office'}`, 'Move them to a meeting with one of their own offices.']);
    }
    let free = freeAt.get(rsvp);
    if (!free) freeAt.set(rsvp, (free = new Set(rsvp.availability.slots)));
    if (!swapped && m.slots.length && !m.slots.every((s) => free.has(s))) {
      report(problems, 'not-available', 'warning', at(a), () => ({ column: 'meeting_id', value: m.id, message: `${personLabel(rsvp)} did not say they can attend ${m.id} on ${m.day} at ${m.row.start ?? m.row.startText}`, fix: 'Confirm the time with them, or move them.' }));
    }
  }
}

/** attendees.csv repeats each meeting's date, time and office: where it says otherwise, name both rows. */
function disagreements(a: AttendeeRow, m: CheckedMeeting, ctx: CheckContext, problems: ProblemSink): void {
  const diffs: string[] = [];
  const cols: string[] = [];
  if (a.dateText && m.day && a.date !== m.day) {
    diffs.push(`date ${a.dateText} here, ${m.row.dateText} there`);
    cols.push('date');
  }
  if (a.startText && m.startMin !== undefined && (a.start === undefined || toMinutes(a.start) !== m.startMin)) {
    diffs.push(`start ${a.startText} here, ${m.row.startText} there`);
    cols.push('start');
  }
  if (a.member && m.office && fold(a.member) !== fold(m.office.member) && fold(a.member) !== fold(m.row.member)) {
    diffs.push(`member ${a.member} here, ${m.row.member} there`);
    cols.push('member');
  }
  if (!diffs.length) return;
  report(problems, 'files-disagree', 'error', at(a), () => ({
    column: cols.join(', '), value: cols.map((c) => a.cells[c] ?? '').join(', '),
    message: `${rowPerson(a)} is in ${m.id}, but this row and ${rowName(m.row)} disagree on it: ${diffs.join('; ')}`,
    fix: `Make them the same (meetings.csv is the one awg keeps: after correcting it, clear this row's date, start and member, and awg update fills them in; times in ${ctx.event.timeZone}).`,
  }));
}
