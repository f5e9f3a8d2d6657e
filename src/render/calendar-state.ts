// calendar/events.csv: each calendar event awg wrote (UID, SEQUENCE, a fingerprint of its content,
// the file it is in), so the next run keeps UIDs, raises SEQUENCE on a change and cancels what is gone.
import type { CalendarEventRecord } from './calendar.js';
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

/** The records back from events.csv; rows that do not read as one (edited by hand) are skipped. */
export function parseEventRecords(records: readonly Rec[]): CalendarEventRecord[] {
  const out: CalendarEventRecord[] = [];
  for (const r of records) {
    const start = Date.parse(r.start ?? '');
    const end = Date.parse(r.end ?? '');
    const sequence = Number(r.sequence);
    if (!r.uid || !r.path || !Number.isInteger(sequence) || Number.isNaN(start) || Number.isNaN(end)) continue;
    out.push({ uid: r.uid, sequence, fingerprint: r.fingerprint ?? '', path: r.path, start, end, title: r.title ?? '', ownerName: r.owner_name ?? '', ownerEmail: r.owner_email ?? '' });
  }
  return out;
}
