// Calendar files (RFC 5545) through the `ics` package: one per participant and one per accompanier,
// each event at its exact instant (UTC), a summary naming the office, a description with the
// participants and the link, and the file's owner as an ATTENDEE.
import { createHash } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import { instant } from './when.js';
import type { Itinerary, RosterMeeting } from './roster-model.js';
import { normalizeEmail } from '../normalize/contact.js';
import { description } from './calendar-text.js';

export interface CalendarFile {
  path: string;
  text: string;
  /** Whose file it is: the participant's RSVP row or email, or the accompanier's name (for notices). */
  owner?: { kind: 'participant' | 'accompanier'; name: string; email: string; rsvpRow: string };
}

/**
 * One event as written, so the next run can keep its UID, raise its SEQUENCE when it changed, and
 * cancel it when it is gone (recorded in calendar/events.csv).
 */
export interface CalendarEventRecord {
  uid: string;
  sequence: number;
  fingerprint: string;
  path: string;
  start: number;
  end: number;
  title: string;
  ownerName: string;
  ownerEmail: string;
}


/** A file name from a person's name: letters and digits of any script, dashes between words. */
export function slug(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'unnamed';
}

function event(m: RosterMeeting, eventName: string, zone: string, owner: { name: string; email: string; zone?: string }, role: string, stamp: number, reportFormUrl?: string): EventAttributes {
  const office = `${m.member} (${m.chamber === 'House' ? m.district : `${m.state} Senate`})`;
  const people = m.attendees.map((a) => `- ${a.firstName} ${a.lastName}`.trim() + (a.role === 'lead' ? ' (lead)' : '')).join('\n');
  const attendees = owner.email && normalizeEmail(owner.email).valid ? [{ name: owner.name, email: owner.email, rsvp: false, role: 'REQ-PARTICIPANT' as const, partstat: 'ACCEPTED' as const }] : [];
  // `timestamp` (DTSTAMP) is read by the ics package but missing from its types.
  const stamped = { timestamp: stamp } as Partial<EventAttributes>;
  return <EventAttributes>{
    ...stamped,
    // The UID names the meeting and the person, never the time: a moved meeting updates the same event.
    uid: `${m.id}-${slug(owner.email || owner.name)}@awg`,
    productId: 'awg/advocacy-days',
    start: instant(m.date, m.start, zone),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: instant(m.date, m.end, zone),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${eventName}: meeting with ${office}`,
    description: description(m, zone, owner.zone ?? zone, role, reportFormUrl, people),
    ...(m.link && /^https?:\/\//i.test(m.link) ? { url: m.link, location: m.link } : {}),
    status: m.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
    ...(attendees.length ? { attendees } : {}),
  };
}

const fingerprint = (e: EventAttributes) => {
  const { timestamp: _t, sequence: _s, ...rest } = e as EventAttributes & { timestamp?: number };
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
};

/**
 * Serializes every event with one call to the ics package (it validates each event; one call per file
 * costs twice as much), then gives each file the calendar's header and footer around its own events.
 */
function buildAll(groups: Array<{ path: string; events: EventAttributes[] }>, method?: string): Array<{ path: string; text: string }> {
  const all = groups.flatMap((g) => g.events);
  if (!all.length) return [];
  const { error, value } = createEvents(all, method ? { method, productId: 'awg/advocacy-days' } : {});
  if (error || !value) throw new Error(`could not write the calendar files: ${error?.message ?? 'unknown error'}`);
  const first = value.indexOf('BEGIN:VEVENT');
  const header = value.slice(0, first);
  const footer = 'END:VCALENDAR\r\n';
  const blocks = value.slice(first, value.length - footer.length).split(/(?=BEGIN:VEVENT\r\n)/);
  let k = 0;
  return groups.map((g) => {
    const mine = blocks.slice(k, k + g.events.length);
    k += g.events.length;
    return { path: g.path, text: header + mine.join('') + footer };
  });
}

export function calendarFiles(meetings: readonly RosterMeeting[], people: readonly Itinerary[], eventName: string, zone: string, reportFormUrl?: string): CalendarFile[] {
  return calendarFilesWithState(meetings, people, eventName, zone, [], reportFormUrl).files;
}

/**
 * The calendar files, each event's SEQUENCE carried from `previous` (raised when the event changed), and
 * for every earlier event that is gone a cancellation (METHOD:CANCEL, STATUS:CANCELLED) in a file of its own
 * beside the person's calendar: one file holds one METHOD.
 */
export function calendarFilesWithState(meetings: readonly RosterMeeting[], people: readonly Itinerary[], eventName: string, zone: string,
  previous: readonly CalendarEventRecord[] = [], reportFormUrl?: string): { files: CalendarFile[]; events: CalendarEventRecord[] } {
  // DTSTAMP comes from the schedule itself, so the same schedule gives byte-identical files.
  const stamp = meetings.length ? Math.min(...meetings.map((m) => instant(m.date, '00:00', zone))) : previous.length ? Math.min(...previous.map((p) => p.start)) : 0;
  const before = new Map(previous.map((p) => [p.uid, p]));
  const groups: Array<{ path: string; events: EventAttributes[]; owner: NonNullable<CalendarFile['owner']> }> = [];
  const used = new Set<string>();
  const unique = (base: string) => {
    let p = base;
    for (let i = 2; used.has(p); i++) p = base.replace(/\.ics$/, `-${i}.ics`);
    used.add(p);
    return p;
  };
  for (const p of people) {
    const path = unique(`calendar/participants/${p.rsvpRow ? `row-${p.rsvpRow}-` : ''}${slug(p.name)}.ics`);
    groups.push({ path, owner: { kind: 'participant', name: p.name, email: p.email, rsvpRow: p.rsvpRow },
      events: p.meetings.map(({ meeting, attendee }) => event(meeting, eventName, zone, { name: p.name, email: p.email, zone: p.timeZone }, attendee.role === 'lead' ? 'meeting lead' : 'participant', stamp, reportFormUrl)) });
  }
  const byAccompanier = new Map<string, RosterMeeting[]>();
  for (const m of meetings) if (m.accompanier && m.accompanier !== 'TBD') byAccompanier.set(m.accompanier, [...(byAccompanier.get(m.accompanier) ?? []), m]);
  for (const [name, ms] of [...byAccompanier.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const email = ms[0]?.accompanierEmail ?? '';
    groups.push({ path: unique(`calendar/accompaniers/${slug(name)}.ics`), owner: { kind: 'accompanier', name, email, rsvpRow: '' },
      events: ms.map((m) => event(m, eventName, zone, { name, email }, 'accompanier', stamp, reportFormUrl)) });
  }
  const events: CalendarEventRecord[] = [];
  for (const g of groups) {
    for (const e of g.events) {
      const fp = fingerprint(e);
      const old = before.get(e.uid!);
      e.sequence = old ? (old.fingerprint === fp ? old.sequence : old.sequence + 1) : 0;
      before.delete(e.uid!);
      events.push({ uid: e.uid!, sequence: e.sequence, fingerprint: fp, path: g.path, start: e.start as number, end: (e as { end?: number }).end ?? 0, title: e.title ?? '', ownerName: g.owner.name, ownerEmail: g.owner.email });
    }
  }
  const files: CalendarFile[] = buildAll(groups).map((f, i) => ({ ...f, owner: groups[i]!.owner }));
  // What is left of the earlier events is gone from the schedule: each is cancelled, in the file its owner had.
  const gone = new Map<string, EventAttributes[]>();
  const ownerOf = new Map<string, CalendarEventRecord>();
  for (const old of [...before.values()].sort((a, b) => a.uid.localeCompare(b.uid))) {
    const path = old.path.replace(/\.ics$/, '-cancelled.ics');
    ownerOf.set(path, old);
    gone.set(path, [...(gone.get(path) ?? []), {
      ...({ timestamp: stamp } as Partial<EventAttributes>), uid: old.uid, productId: 'awg/advocacy-days', sequence: old.sequence + 1, status: 'CANCELLED',
      start: old.start, startInputType: 'utc', startOutputType: 'utc', end: old.end, endInputType: 'utc', endOutputType: 'utc', title: old.title,
      ...(old.ownerEmail && normalizeEmail(old.ownerEmail).valid ? { attendees: [{ name: old.ownerName, email: old.ownerEmail, rsvp: false }] } : {}),
    } as EventAttributes]);
  }
  const cancelled = buildAll([...gone.entries()].map(([path, evs]) => ({ path, events: evs })), 'CANCEL');
  for (const c of cancelled) {
    const old = ownerOf.get(c.path)!;
    files.push({ ...c, owner: { kind: c.path.startsWith('calendar/accompaniers/') ? 'accompanier' : 'participant', name: old.ownerName, email: old.ownerEmail, rsvpRow: /row-(\d+)-/.exec(c.path)?.[1] ?? '' } });
  }
  return { files, events };
}
