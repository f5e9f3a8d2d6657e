// Cancellations (METHOD:CANCEL, STATUS:CANCELLED) of the earlier events that are gone from the schedule,
// each person's in a file of its own beside their calendar (one file holds one METHOD). Where the earlier
// events.csv named no calendar file inside the folder (calendar-state.ts), the file goes beside the
// owner's calendar of this run, else where awg would put it; never over a file this run writes.
import { createEvents, type EventAttributes } from 'ics';
import { normalizeEmail } from '../normalize/contact.js';
import type { CalendarEventRecord, CalendarFile } from './calendar-types.js';
import { kindOfPath } from './calendar-state.js';
import { uidIdentity } from './calendar-uid.js';
import { shortHash, slug } from './file-names.js';
import { acceptsAddress, icsSafe } from './ics-lines.js';

export const PRODUCT_ID = 'awg/advocacy-days';

/** A calendar file of this run: its path, whose it is (their UID identity) and which folder it is in. */
export interface Written { path: string; identity: string; kind: 'participant' | 'accompanier' }

/** The file of the owner's calendar a record's cancellation goes beside. */
function calendarOf(old: CalendarEventRecord, written: readonly Written[]): string {
  if (old.path) return old.path;
  const identity = uidIdentity(old.ownerEmail, old.ownerName);
  const theirs = identity ? written.find((w) => w.identity === identity && (!old.kind || w.kind === old.kind)) : undefined;
  return theirs?.path ?? `calendar/${old.kind === 'accompanier' ? 'accompaniers' : 'participants'}/${slug(old.ownerName || old.ownerEmail)}.ics`;
}

export function cancellations(gone: readonly CalendarEventRecord[], stamp: number, written: readonly Written[], organizer?: { name: string; email: string }): CalendarFile[] {
  const byPath = new Map<string, EventAttributes[]>();
  const ownerOfPath = new Map<string, CalendarEventRecord>();
  const taken = new Set(written.map((w) => w.path.toLowerCase()));
  // The owners of this run's calendars first: a cancellation beside its owner's calendar keeps that name, and
  // one whose owner has no calendar now (named after them) takes a hashed name if it is the same.
  const known = new Set(written.map((w) => w.identity));
  const owns = (o: CalendarEventRecord) => (known.has(uidIdentity(o.ownerEmail, o.ownerName)) ? 0 : 1);
  for (const old of [...gone].sort((a, b) => owns(a) - owns(b) || a.uid.localeCompare(b.uid))) {
    const identity = uidIdentity(old.ownerEmail, old.ownerName);
    const base = calendarOf(old, written).replace(/\.ics$/, '');
    // One owner a file, and none over a calendar of this run (a person named "… Cancelled", an edited path).
    const free = (p: string) => !taken.has(p.toLowerCase()) && (!ownerOfPath.has(p) || uidIdentity(ownerOfPath.get(p)!.ownerEmail, ownerOfPath.get(p)!.ownerName) === identity);
    let path = `${base}-cancelled.ics`;
    for (let i = 1; !free(path); i++) path = `${base}-${shortHash(identity)}${i > 1 ? `-${i}` : ''}-cancelled.ics`;
    ownerOfPath.set(path, old);
    const email = old.ownerEmail && normalizeEmail(old.ownerEmail).valid && acceptsAddress(old.ownerEmail) ? old.ownerEmail : '';
    (byPath.get(path) ?? byPath.set(path, []).get(path)!).push({
      ...({ timestamp: stamp } as Partial<EventAttributes>), uid: old.uid, productId: PRODUCT_ID, sequence: old.sequence + 1, status: 'CANCELLED',
      start: old.start, startInputType: 'utc', startOutputType: 'utc', end: old.end, endInputType: 'utc', endOutputType: 'utc', title: icsSafe(old.title),
      ...(organizer ? { organizer } : {}),
      ...(email ? { attendees: [{ name: icsSafe(old.ownerName), email, rsvp: false }] } : {}),
    } as EventAttributes);
  }
  if (!byPath.size) return [];
  const { error, value } = createEvents([...byPath.values()].flat(), { method: 'CANCEL', productId: PRODUCT_ID });
  if (error || !value) throw new Error(`could not write the calendar files: ${error?.message ?? 'unknown error'}`);
  const first = value.indexOf('BEGIN:VEVENT');
  const blocks = value.slice(first, value.length - 'END:VCALENDAR\r\n'.length).split(/(?=BEGIN:VEVENT\r\n)/);
  let k = 0;
  return [...byPath.entries()].map(([path, evs]) => {
    const old = ownerOfPath.get(path)!;
    const text = `${value.slice(0, first)}${blocks.slice(k, (k += evs.length)).join('')}END:VCALENDAR\r\n`;
    return { path, text, owner: { kind: kindOfPath(path), name: old.ownerName, email: old.ownerEmail, rsvpRow: /row-(\d+)-/.exec(path)?.[1] ?? '' } };
  });
}
