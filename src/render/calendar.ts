// Calendar files (RFC 5545) through the `ics` package: one per participant and one per accompanier,
// each event at its exact instant (UTC), a summary naming the office, a description with the
// participants and the link, and the file's owner as an ATTENDEE.
import { createEvents, type EventAttributes } from 'ics';
import { fromZonedTime } from 'date-fns-tz';
import type { Itinerary, RosterMeeting } from './roster-model.js';
import { normalizeEmail } from '../normalize/contact.js';
import { description } from './calendar-text.js';

export interface CalendarFile {
  path: string;
  text: string;
}

const instants = new Map<string, number>();
const instant = (date: string, hhmm: string, zone: string) => {
  const key = `${date}T${hhmm}|${zone}`;
  let ms = instants.get(key);
  if (ms === undefined) instants.set(key, (ms = fromZonedTime(`${date}T${hhmm}:00`, zone).getTime()));
  return ms;
};

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
    uid: `${m.id}-${m.date}-${m.start.replace(':', '')}-${slug(owner.email || owner.name)}@awg`,
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

/**
 * Serializes every event with one call to the ics package (it validates each event; one call per file
 * costs twice as much), then gives each file the calendar's header and footer around its own events.
 */
function buildAll(groups: Array<{ path: string; events: EventAttributes[] }>): CalendarFile[] {
  const all = groups.flatMap((g) => g.events);
  if (!all.length) return [];
  const { error, value } = createEvents(all);
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
  // DTSTAMP comes from the schedule itself, so the same schedule gives byte-identical files.
  const stamp = meetings.length ? Math.min(...meetings.map((m) => instant(m.date, '00:00', zone))) : 0;
  const groups: Array<{ path: string; events: EventAttributes[] }> = [];
  const used = new Set<string>();
  const unique = (base: string) => {
    let p = base;
    for (let i = 2; used.has(p); i++) p = base.replace(/\.ics$/, `-${i}.ics`);
    used.add(p);
    return p;
  };
  for (const p of people) {
    const path = unique(`calendar/participants/${p.rsvpRow ? `row-${p.rsvpRow}-` : ''}${slug(p.name)}.ics`);
    groups.push({ path, events: p.meetings.map(({ meeting, attendee }) => event(meeting, eventName, zone, { name: p.name, email: p.email, zone: p.timeZone }, attendee.role === 'lead' ? 'meeting lead' : 'participant', stamp, reportFormUrl)) });
  }
  const byAccompanier = new Map<string, RosterMeeting[]>();
  for (const m of meetings) if (m.accompanier && m.accompanier !== 'TBD') byAccompanier.set(m.accompanier, [...(byAccompanier.get(m.accompanier) ?? []), m]);
  for (const [name, ms] of [...byAccompanier.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const email = ms[0]?.accompanierEmail ?? '';
    groups.push({ path: unique(`calendar/accompaniers/${slug(name)}.ics`), events: ms.map((m) => event(m, eventName, zone, { name, email }, 'accompanier', stamp, reportFormUrl)) });
  }
  return buildAll(groups);
}
