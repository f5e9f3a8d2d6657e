// Meeting requests (requests/): one per office whose status is "to request" and that has a meeting,
// to its scheduler, from the organizer: the proposed time and alternatives the same people can make,
// who will come (name, city, organization), the asks, a reply-by date. Pure: data, then text.
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { Config } from '../config/schema.js';
import type { Slot } from '../model.js';
import { fullName, officeName } from '../render/people.js';
import type { DataTable } from '../render/table.js';
import { dayIn, longDate, whenText } from '../render/when.js';
import type { Meeting } from '../model.js';
import { addressList, oneAddress } from './cells.js';
import { fillTemplate, type Template } from './templates.js';
import { meetingPlace, meetsInPerson } from '../campus/meeting-place.js';
import { roomKnown } from '../render/where.js';

export interface MeetingRequest {
  meetingId: string;
  member: string;
  officePhone: string;
  to: string;
  cc: string;
  subject: string;
  body: string;
}

const whenCache = new Map<string, string>();

/**
 * A meeting's day and time as people in the US read them, the reader's zone first and the event's in
 * parentheses when it differs: "Tuesday, July 14, 10:00–10:30 am CT (11:00–11:30 am ET)". The pages'
 * own formatter (render/when.ts), cached: an event has few distinct meeting times.
 */
export function meetingWhen(startMs: number, endMs: number, eventZone: string, readerZone = eventZone): string {
  const key = `${startMs}|${endMs}|${eventZone}|${readerZone}`;
  let text = whenCache.get(key);
  if (text === undefined) {
    text = `${longDate(dayIn(startMs, eventZone))}, ${whenText(startMs, endMs, eventZone, readerZone)}`;
    if (whenCache.size < 10_000) whenCache.set(key, text);
  }
  return text;
}

const rowIndex = new WeakMap<readonly Meeting[], Map<number, Meeting[]>>();

/** Each person's meetings by RSVP row, made once per schedule: scanning every meeting for every meeting was quadratic. */
function meetingsByRow(all: readonly Meeting[]): Map<number, Meeting[]> {
  let index = rowIndex.get(all);
  if (!index) {
    index = new Map();
    for (const other of all) for (const p of other.attendees) index.set(p.rsvp.row, [...(index.get(p.rsvp.row) ?? []), other]);
    rowIndex.set(all, index);
  }
  return index;
}

/** Up to two other slots every attendee can make and is not in another meeting at: one the same day, one another day. */
export function alternatives(m: Meeting, slots: readonly Slot[], all: readonly Meeting[]): Slot[] {
  const busy = new Set<number>();
  const byRow = meetingsByRow(all);
  for (const p of m.attendees) for (const other of byRow.get(p.rsvp.row) ?? []) if (other !== m) for (const s of other.slots) busy.add(s);
  const [first] = m.slots;
  const free = m.attendees.map((p) => new Set(p.rsvp.availability.slots));
  const ok = slots.filter((s) => !m.slots.includes(s.index) && !busy.has(s.index) && free.every((f) => f.has(s.index)));
  const startOf = (s: Slot) => Number(s.start.replace(':', ''));
  const target = Number(m.start.replace(':', ''));
  const closest = (list: Slot[]) => [...list].sort((a, b) => Math.abs(startOf(a) - target) - Math.abs(startOf(b) - target) || a.index - b.index)[0];
  const sameDay = closest(ok.filter((s) => s.day === m.day));
  const otherDay = closest(ok.filter((s) => s.day !== m.day));
  return [sameDay, otherDay].filter((s): s is Slot => s !== undefined && s.index !== first);
}

export function replyBy(config: Config): string {
  const first = config.event.days[0] ?? '2020-01-01';
  const ms = fromZonedTime(`${first}T12:00:00`, config.event.timeZone).getTime() - config.replyByDays * 86_400_000;
  return formatInTimeZone(ms, config.event.timeZone, 'EEEE, MMMM d, yyyy');
}

export const organizerValues = (config: Config): Record<string, string> => ({
  event_name: config.event.name,
  organizer_name: config.organizer.name,
  organizer_email: config.organizer.email,
  organizer_organization: config.organizer.organization,
  organizer_phone: config.organizer.phone,
});

export const asksText = (config: Config) => config.event.asks.map((a, i) => `${i + 1}. ${a}`).join('\n');

/**
 * How the office is asked to meet: over video (a virtual event, or an office that meets by video), or in
 * person at its office, the room named where it is known.
 */
export function howToMeet(m: Meeting, config: Config): { how: string; where_note: string } {
  const { event } = config;
  if (!meetsInPerson(event, m.office)) return { how: 'over video', where_note: 'We will send the video link once the time is confirmed.' };
  const place = m.place ?? meetingPlace(event, m.office);
  const office = event.campus ? 'at your office' : 'in your DC office';
  const room = place && roomKnown(place) ? ` (${place.label})` : '';
  return {
    how: `in person, ${office}${room}`,
    where_note: room
      ? `Please tell us if the meeting will be in another room, or by video.`
      : 'Could you also tell us the room? We do not have it yet.',
  };
}

export function buildRequests(args: { meetings: readonly Meeting[]; toRequest: ReadonlySet<string>; slots: readonly Slot[]; config: Config; template: Template }): MeetingRequest[] {
  const { config } = args;
  const zone = config.event.timeZone;
  // The same for every request (a zone conversion each: half of this function's time at 1,000 RSVPs).
  const common = { ...organizerValues(config), asks: asksText(config), reply_by: replyBy(config) };
  return args.meetings.filter((m) => args.toRequest.has(m.id)).map((m) => {
    const alts = alternatives(m, args.slots, args.meetings);
    const people = [...m.attendees].sort((a, b) => a.rsvp.lastName.localeCompare(b.rsvp.lastName) || a.rsvp.row - b.rsvp.row);
    const filled = fillTemplate(args.template, {
      ...common,
      member: m.office.member,
      office: `${officeName(m.office)} (${m.office.member})`,
      scheduler_name: m.office.schedulerName || 'Scheduler',
      proposed: meetingWhen(m.startMs, m.endMs, zone),
      alternatives: alts.length ? alts.map((s) => `- ${meetingWhen(s.startMs, s.endMs, zone)}`).join('\n') : '- (no other time suits everyone; please suggest one)',
      attendees: people.map((p) => `- ${fullName(p.rsvp)}${p.rsvp.city ? `, ${p.rsvp.city}` : ''}${p.rsvp.organization ? ` (${p.rsvp.organization})` : ''}`).join('\n'),
      attendee_count: String(m.attendees.length),
      meeting_id: m.id,
      ...howToMeet(m, config),
    });
    // The same recipients in requests.csv as in the .eml: a cell that is no address list sends to nobody.
    return { meetingId: m.id, member: m.office.member, officePhone: m.office.phone, to: addressList(m.office.schedulerEmail), cc: oneAddress(m.lead?.rsvp.email ?? ''), subject: filled.subject, body: filled.body };
  });
}

export function requestsTable(requests: readonly MeetingRequest[]): DataTable {
  return { name: 'Requests', columns: ['to', 'cc', 'subject', 'body'], rows: requests.map((r) => [r.to, r.cc, r.subject, r.body]) };
}
