// calendar/events.csv: each calendar event awg wrote (UID, SEQUENCE, a fingerprint of its content,
// the file it is in), so the next run keeps UIDs, raises SEQUENCE on a change and cancels what is gone.
// The file comes back from a folder that may have travelled: each row is checked before it is used.
import type { Problem } from '../problems.js';
import type { CalendarEventRecord } from './calendar-types.js';
import type { Rec } from './roster-model.js';
import type { DataTable } from './table.js';

export const EVENTS_FILE = 'calendar/events.csv';

export function eventsTable(events: readonly CalendarEventRecord[]): DataTable {
  return {
    name: 'Calendar events',
    columns: ['uid', 'sequence', 'fingerprint', 'path', 'start', 'end', 'title', 'owner_name', 'owner_email'],
    rows: events.map((e) => [e.uid, e.sequence, e.fingerprint, e.path, new Date(e.start).toISOString(), new Date(e.end).toISOString(), e.title, e.ownerName, e.ownerEmail]),
  };
}

/**
 * A file name awg writes for a person's calendar: letters, marks and digits in lowercase words joined by
 * dashes (slug(), `row-N-`, a `-2` or a hash suffix), `.ics`; nothing a file system reads as a folder, a
 * parent, a drive or a device; short enough for any file system with the `-cancelled` a cancellation adds.
 */
const CALENDAR_NAME = /^calendar\/(participants|accompaniers)\/([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*)\.ics$/u;
const MAX_NAME_BYTES = 180;

/** The path when it is one awg writes for a calendar inside the folder, else undefined. */
export function calendarPath(path: string): string | undefined {
  const m = CALENDAR_NAME.exec(path);
  if (!m || m[2] !== m[2]!.toLowerCase() || Buffer.byteLength(m[2]!) > MAX_NAME_BYTES) return undefined;
  return path;
}

/** Which calendar folder a record's file is in: the folder named, where its path is one awg writes. */
export const kindOfPath = (path: string): 'participant' | 'accompanier' => (path.startsWith('calendar/accompaniers/') ? 'accompanier' : 'participant');

// RFC 5545: SEQUENCE is an INTEGER (up to 2^31 − 1); times a calendar holds (years 1900 to 9999).
const MAX_SEQUENCE = 2 ** 31 - 2;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);
/** A UID a calendar reads back as the one written: printable, no line break, not too long. */
const UID = /^[\x21-\x7e\u00a0-\uffff][\x20-\x7e\u00a0-\uffff]{0,254}$/;

export interface EventRow { file?: string; row?: number; cells: Rec }

/**
 * The records back from events.csv. A row that does not read as an event (edited by hand) is left out, and
 * one whose file is not a calendar file inside the folder (`../victim.txt`, `meetings.csv`) keeps its
 * UID and SEQUENCE with no path (`path: ''`): its cancellation goes beside its owner's calendar
 * (calendar.ts). Either is a warning naming the row and the column.
 */
export function parseEventRecords(rows: readonly EventRow[], problems: Problem[] = []): CalendarEventRecord[] {
  const out: CalendarEventRecord[] = [];
  for (const { file, row, cells: r } of rows) {
    const warn = (column: string, why: string, use: string) => problems.push({
      code: 'calendar-event-unusable', severity: 'warning', file: file ?? EVENTS_FILE, ...(row ? { row } : {}), column, value: (r[column] ?? '').slice(0, 200),
      message: `${why}; ${use}`, fix: 'Nothing to do if you did not edit calendar/events.csv (awg writes it again); else restore the row as awg wrote it.',
    });
    const start = Date.parse(r.start ?? '');
    const end = Date.parse(r.end ?? '');
    const sequence = Number(r.sequence);
    const bad = !r.uid || !UID.test(r.uid) ? 'uid' : !r.path ? 'path'
      : !/^\d+$/.test((r.sequence ?? '').trim()) || sequence > MAX_SEQUENCE ? 'sequence'
        : !(start >= EARLIEST && start <= LATEST) ? 'start' : !(end >= start && end <= LATEST) ? 'end' : undefined;
    if (bad) {
      warn(bad, `is not ${bad === 'end' ? 'an end after the start' : bad === 'uid' ? 'a calendar UID' : `a ${bad} awg writes`}`, 'the row is not used (its event is neither updated nor cancelled)');
      continue;
    }
    const path = calendarPath(r.path!);
    if (path === undefined) warn('path', 'names no calendar file of the folder (calendar/participants/NAME.ics or calendar/accompaniers/NAME.ics)', 'a cancellation of its event goes beside its owner\'s calendar instead');
    out.push({ uid: r.uid!, sequence, fingerprint: r.fingerprint ?? '', path: path ?? '', start, end, title: r.title ?? '', ownerName: r.owner_name ?? '', ownerEmail: r.owner_email ?? '',
      ...(path === undefined && r.path!.startsWith('calendar/accompaniers/') ? { kind: 'accompanier' as const } : {}) });
  }
  return out;
}
