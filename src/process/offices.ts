// offices.csv: where each target office stands between runs (to request, requested, confirmed,
// declined). awg writes it; the organizer records the offices' replies in it and hands the folder back
// with --previous. This module renders it (pure) and reads the organizer's edits back (pure).
import type { EventConfig } from '../config/schema.js';
import { meetingMinutesFor, toMinutes } from '../event.js';
import type { TargetOffice } from '../model.js';
import { resolveOffice } from '../normalize/confirmed.js';
import { districtLabel } from '../normalize/district.js';
import type { Problem } from '../problems.js';
import type { FolderRow } from '../folder/rows.js';
import { tierText } from '../render/people.js';
import type { DataTable } from '../render/table.js';
import type { Meeting } from '../model.js';
import { parseDateCell, parseTimeCell, squash } from './cells.js';
import { linkProblem } from '../normalize/video-link.js';
import { IN_PERSON_OFFICE_COLUMNS, OFFICE_COLUMNS } from '../folder/offices.js';
import { formatCell, roomCell } from './office-rooms.js';

export const OFFICE_STATUSES = ['to request', 'requested', 'confirmed', 'declined'] as const;
export type OfficeStatus = (typeof OFFICE_STATUSES)[number];

/** What the organizer recorded for one office (one meeting of it) in offices.csv. */
export interface OfficeReply {
  row: number;
  /** Where the row is (offices.csv, as the folder reader found it); offices.csv when not given. */
  file?: string;
  sheet?: string;
  office: TargetOffice;
  meetingId: string;
  /** '' where the organizer left it blank (an office without a meeting). */
  status: OfficeStatus | '';
  /** For confirmed: the day and start (HH:MM, event zone) the office agreed to. */
  day?: string;
  start?: string;
  link: string;
  /** The organizer's own notes (awg's generated ones, which start with "awg:", are dropped). */
  notes: string;
  /** The status cell as typed ("Scheduled", "left voicemail 6/20"): written back as typed. */
  statusText?: string;
  /**
   * A row awg could not use as a reply (a confirmed time it cannot read or outside the event): written back
   * as typed, taken as requested (the office was asked: no second request), the meeting left where it was.
   */
  typed?: { status: string; date: string; start: string };
  /** The room and format cells as typed (an in-person event's offices.csv): written back as typed. */
  roomText?: string;
  formatText?: string;
}

const STATUS_WORDS: Record<string, OfficeStatus> = {
  'to request': 'to request', torequest: 'to request', 'not requested': 'to request', new: 'to request',
  requested: 'requested', 'request sent': 'requested', sent: 'requested', pending: 'requested',
  confirmed: 'confirmed', confirm: 'confirmed', scheduled: 'confirmed', accepted: 'confirmed',
  declined: 'declined', decline: 'declined', refused: 'declined', 'no meeting': 'declined',
};

/** The status a free-text cell names ("confirmed by phone", "declined - next year"), if one word says it. */
export function statusInText(text: string): OfficeStatus | undefined {
  const t = ` ${squash(text).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ')} `;
  const found = new Set(Object.entries(STATUS_WORDS).filter(([w]) => w.length > 3 && t.includes(` ${w} `)).map(([, st]) => st));
  return found.size === 1 ? [...found][0] : undefined;
}

/** A status as typed (any case, spaces, dashes); undefined when it is not one awg knows. */
export function parseStatus(text: string): OfficeStatus | '' | undefined {
  const s = squash(text);
  return s === '' ? '' : STATUS_WORDS[s];
}

export const AWG_NOTE = 'awg: ';

const replyIndex = (replies: readonly OfficeReply[] = []) => ({
  byMeeting: new Map(replies.filter((r) => r.meetingId).map((r) => [r.meetingId, r])),
  byOffice: new Map(replies.map((r) => [r.office.id, r])),
});

/** Each meeting's office status: as recorded for it, else "to request" (a new meeting must be asked for). */
export function meetingStatuses(meetings: readonly Meeting[], replies?: readonly OfficeReply[]): Map<string, OfficeStatus> {
  const { byMeeting, byOffice } = replyIndex(replies);
  return new Map(meetings.map((m) => {
    const r = byMeeting.get(m.id) ?? byOffice.get(m.office.id);
    // A meeting from --confirmed FILE is confirmed already: no request goes out for it.
    if (m.status === 'confirmed' || m.confirmedRow !== undefined) return [m.id, 'confirmed'];
    // A reply recorded as declined whose office still has a meeting can only be a new meeting: ask again.
    return [m.id, r && r.status && r.status !== 'declined' ? r.status : 'to request'];
  }));
}

/** What the organizer does next for a meeting awg drafted a request for (a note awg rewrites each run). */
const nextStep = (status: OfficeStatus | undefined, id: string) =>
  (status === 'to request' ? `${AWG_NOTE}send the request drafted in requests/ (${id}), then run awg sent --schedule on this folder` : '');

export function officesStatusTable(args: {
  /** An in-person event's table has each office's room and format beside its phone; a virtual one's is as it always was. */
  event?: EventConfig;
  offices: readonly TargetOffice[];
  meetings: readonly Meeting[];
  uncovered: ReadonlyMap<string, string>;
  /** The replies recorded in the earlier folder, by meeting ID and by office ID. */
  replies?: readonly OfficeReply[];
}): DataTable {
  const { byMeeting, byOffice } = replyIndex(args.replies);
  const statuses = meetingStatuses(args.meetings, args.replies);
  const meetingsOf = new Map<string, Meeting[]>();
  for (const m of args.meetings) meetingsOf.set(m.office.id, [...(meetingsOf.get(m.office.id) ?? []), m]);
  const rows: DataTable['rows'] = [];
  const event = args.event?.format === 'in-person' ? args.event : undefined;
  for (const o of args.offices) {
    const ms = meetingsOf.get(o.id) ?? [];
    // The organizer's room and format stand as typed, on every row of the office.
    const said = byOffice.get(o.id);
    const base = [o.chamber, o.state, o.chamber === 'House' ? districtLabel(o.state, o.district ?? 0) : '', o.member, o.party, tierText(o), o.schedulerEmail, o.phone,
      ...(event ? [(o.roomFrom !== 'offices' && said?.roomText) || roomCell(event, o), said?.formatText || formatCell(event, o)] : [])];
    if (!ms.length) {
      const r = byOffice.get(o.id);
      const why = args.uncovered.get(o.id) ?? 'no constituent who can attend RSVP\'d';
      // The organizer's record stands (a confirmed time they wrote is not wiped); the note says there is no meeting.
      const status = r?.status === 'to request' ? '' : r?.status ?? '';
      rows.push([...base, status, r?.day ?? '', r?.start ?? '', '', r?.link ?? '', r?.notes || `${AWG_NOTE}no meeting: ${status === 'declined' ? 'the office declined' : why}`, '']);
      continue;
    }
    for (const m of ms) {
      const r = byMeeting.get(m.id) ?? byOffice.get(o.id);
      const status = statuses.get(m.id);
      // The organizer's words are written back as typed: a row awg could not use, and a status it read ("Scheduled").
      const shown = r?.typed ? r.typed.status : r?.statusText && r.status === status ? r.statusText : status;
      rows.push([...base, shown, r?.typed ? r.typed.date : m.day, r?.typed ? r.typed.start : m.start, m.end, m.link, r?.notes || nextStep(status, m.id), m.id]);
    }
  }
  return {
    name: 'Offices',
    columns: [...OFFICE_COLUMNS.slice(0, 8), ...(event ? IN_PERSON_OFFICE_COLUMNS : []), ...OFFICE_COLUMNS.slice(8)],
    rows,
    dateColumns: ['date'],
    timeColumns: ['start', 'end'],
  };
}

/**
 * The replies the organizer recorded in offices.csv (its rows as the folder reader gives them). The
 * organizer's words stand: a status awg does not know is a note (a warning; the office counts as asked),
 * and a confirmed time it cannot use (unreadable, outside the event) is an error naming the row, kept as
 * typed, the office counted as asked (no second request), the meeting left at its proposed time. Only a
 * row naming no target office is not kept.
 */
export function readOfficeReplies(rows: readonly FolderRow[], event: EventConfig, offices: readonly TargetOffice[]): { replies: OfficeReply[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const replies: OfficeReply[] = [];
  const from = toMinutes(event.windowStart);
  const to = toMinutes(event.windowEnd);
  const first = new Map<string, number>();
  for (const r of rows) {
    const at = { file: r.file, ...(r.sheet ? { sheet: r.sheet } : {}), row: r.row };
    const err = (column: string, value: string, code: string, message: string, fix: string) =>
      problems.push({ code, severity: 'error', ...at, column, value, message, fix });
    const get = (c: string) => r.cells[c] ?? '';
    const { office, why } = resolveOffice(get('member'), get('state'), get('district'), get('chamber'), offices);
    if (!office) {
      err('member', get('member'), 'unknown-office', `${why ?? 'names no target office'}; this row is not kept`, 'Write the member as in the target workbook.');
      continue;
    }
    const typedStatus = get('status');
    let status = parseStatus(typedStatus);
    const notes = get('notes').startsWith(AWG_NOTE) ? '' : get('notes');
    // The row as typed stays in offices.csv; awg reads from it what it can.
    const asTyped = { status: typedStatus, date: get('date'), start: get('start') };
    if (status === undefined) {
      status = statusInText(typedStatus) ?? 'requested';
      problems.push({ code: 'status-note', severity: 'warning', ...at, column: 'status', value: typedStatus,
        message: `"${typedStatus}" is not a status awg knows; it is kept as typed, as a note, and ${office.member} is taken as ${status}${status === 'requested' ? ' (asked already: no new request is drafted)' : ''}`,
        fix: `When the office answers, write one of: ${OFFICE_STATUSES.join(', ')} (and your note in notes).` });
    }
    const reply: OfficeReply = {
      ...at, office, meetingId: get('meeting_id'), status, link: get('link'), notes, statusText: typedStatus, ...(parseStatus(typedStatus) === undefined ? { typed: asTyped } : {}),
      ...(event.format === 'in-person' && get('room') ? { roomText: get('room') } : {}), ...(event.format === 'in-person' && get('format') ? { formatText: get('format') } : {}),
    };
    // A confirmed time awg cannot use: the row stays as typed, the office counts as asked, the meeting stays where it was.
    const unusable = (column: string, value: string, code: string, message: string, fix: string) => {
      err(column, value, code, `${message}; the row is kept as typed, the meeting stays at its proposed time, and no new request is drafted`, fix);
      Object.assign(reply, { status: 'requested', typed: asTyped });
    };
    if (status === 'confirmed') {
      const day = parseDateCell(get('date'), event);
      const start = day ? parseTimeCell(get('start'), day, event) : undefined;
      const startMin = start ? toMinutes(start) : 0;
      if (!day || !start) {
        unusable(day ? 'start' : 'date', day ? get('start') : get('date'), 'confirmed-time-unreadable',
          `${office.member} is confirmed, but "${get(day ? 'start' : 'date')}" is not a ${day ? 'time' : 'date'} awg can read`,
          'Write the date as YYYY-MM-DD and the start as HH:MM (event time zone).');
      } else if (!event.days.includes(day)) {
        unusable('date', get('date'), 'not-an-event-day', `${office.member} is confirmed on ${day}, which is not one of the event's days (${event.days.join(', ')})`, 'Check the date with the office, or change event.days.');
      } else if (startMin < from || startMin + meetingMinutesFor(event, office.chamber) > to) {
        unusable('start', get('start'), 'outside-window', `${office.member} is confirmed at ${start}, outside the meeting window (${event.windowStart}–${event.windowEnd})`, 'Check the time with the office, or widen the window in the config.');
      } else {
        reply.day = day;
        reply.start = start;
      }
    }
    const link = linkProblem(reply.link, { ...at, column: 'link' });
    if (link) problems.push(link);
    // One office's meeting in two rows (a row copied, a reply recorded twice): one reply, said.
    const key = `${office.id}\u0000${reply.meetingId}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, replies.length);
      replies.push(reply);
    } else {
      const { kept, problem } = oneReply(replies[earlier]!, reply);
      replies[earlier] = kept;
      problems.push(problem);
    }
  }
  return { replies, problems };
}

/** What a reply says, for a message: "confirmed for 2020-07-15 11:30", "requested", "(blank)". */
const said = (r: OfficeReply) => (r.status === 'confirmed' ? `confirmed for ${r.day} ${r.start}` : r.status || '(blank)');

/** The stronger of two replies: a confirmation is never dropped; an office's own no over a request sent. */
const RANK: Record<OfficeReply['status'], number> = { confirmed: 4, declined: 3, requested: 2, 'to request': 1, '': 0 };

/**
 * Two rows of offices.csv for one office's meeting: the reply that stands, and a problem naming both rows.
 * Two different confirmed times cannot both stand: neither moves the meeting (it keeps its earlier time),
 * it is kept as requested (no new request is drafted), and it is an error until one is written.
 */
function oneReply(a: OfficeReply, b: OfficeReply): { kept: OfficeReply; problem: Problem } {
  const rows = `${a.file ? a.file.split(/[\\/]/).pop() : 'offices.csv'} rows ${a.row} and ${b.row}`;
  const where = { file: b.file ?? 'offices.csv', ...(b.sheet ? { sheet: b.sheet } : {}), row: b.row, column: 'status', value: b.status };
  const who = `${a.office.member}${a.meetingId ? ` (${a.meetingId})` : ''}`;
  const notes = [...new Set([a.notes, b.notes].filter(Boolean))].join('; ');
  if (a.status === 'confirmed' && b.status === 'confirmed' && (a.day !== b.day || a.start !== b.start)) {
    const { day: _day, start: _start, statusText: _typed, ...rest } = a;
    return {
      kept: { ...rest, status: 'requested', link: a.link || b.link, notes },
      problem: {
        code: 'confirmed-twice', severity: 'error', ...where,
        message: `${who} is confirmed twice, at two times, in ${rows}: ${a.day} ${a.start} and ${b.day} ${b.start}; neither is kept, the meeting stays at its earlier time and is listed as requested (no new request is drafted)`,
        fix: 'Ask the office which time stands, write it in one row and delete the other, then run awg schedule --previous again.',
      },
    };
  }
  const kept = RANK[b.status] > RANK[a.status] ? b : a;
  const same = a.status === b.status && a.day === b.day && a.start === b.start;
  return {
    kept: { ...kept, link: kept.link || (kept === a ? b : a).link, notes },
    problem: {
      code: 'office-in-two-rows', severity: 'warning', ...where,
      message: same
        ? `${who} is in ${rows}, both ${said(a)}; it is kept once`
        : `${who} is in ${rows}, ${said(a)} in the first and ${said(b)} in the second; the ${kept.status === 'confirmed' ? 'confirmation' : `${kept.status || 'blank'} one`} (row ${kept.row}) stands`,
      fix: `Delete the row that is not the office's reply (keep one row for ${who}).`,
    },
  };
}
