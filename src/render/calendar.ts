// Calendar files (RFC 5545) through the `ics` package: one per participant and one per accompanier,
// each event at its exact instant (UTC), a summary naming the office, a description with the
// participants and the link, and the file's owner as an ATTENDEE.
import { hash as digest } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import type { CalendarEventRecord, CalendarFile } from './calendar-types.js';
import { instant } from './when.js';
import type { Itinerary, RosterMeeting } from './roster-model.js';
import { normalizeEmail } from '../normalize/contact.js';
import { cancellations, PRODUCT_ID } from './calendar-cancel.js';
import { description } from './calendar-text.js';
import { assignUids, uidIdentity } from './calendar-uid.js';
import { personIdentity, slug, uniqueStems } from './file-names.js';
import { acceptsAddress, attendeeLine, checkContacts, descriptionLine, icsSafe, sequenceLine, summaryLine, uidLine, type IcsContact } from './ics-lines.js';
import { calendarUrl, isWebAddress } from '../normalize/video-link.js';
import { TRAINING_ID, trainingAttrs, type TrainingSetting } from './calendar-training.js';
import type { Campus } from '../campus/model.js';
import { placeOf, locationText, roomKnown, whereText } from './where.js';

export type { CalendarEventRecord, CalendarFile } from './calendar-types.js';
export { slug } from './file-names.js';

/**
 * A meeting's event as the `ics` package validated and wrote it, less what each person's copy has of its
 * own (UID, SEQUENCE, DESCRIPTION, ATTENDEE): validating every person's copy was most of the calendars'
 * cost, and the copies of one meeting differ only in those lines. The package checks a title and a
 * description only for being text, so meetings at the same times with the same link and status share one
 * validated event, each with its own SUMMARY line.
 */
interface Template {
  /** The written lines from SUMMARY to DTEND, and from after DESCRIPTION to STATUS. */
  head: string;
  tail: string;
  start: number;
  end: number;
  title: string;
  /** The attributes before and after the description, as JSON members, for the fingerprint. */
  jsonHead: string;
  jsonTail: string;
  /** Its copies' DESCRIPTION line and fingerprint JSON, by description, and by reader (role and zone). */
  variants: Map<string, Variant>;
  readers: Map<string, Variant>;
}

interface Variant { template: Template; line: string; json: string }

/** The meeting's attributes, in the key order the fingerprints of earlier runs (calendar/events.csv) were taken in. */
function meetingAttrs(m: RosterMeeting, eventName: string, zone: string, organizer: IcsOrganizer | undefined, campus: Campus | undefined) {
  const office = `${m.member} (${m.chamber === 'House' ? m.district : `${m.state} Senate`})`;
  const head = {
    productId: PRODUCT_ID, start: instant(m.date, m.start, zone), startInputType: 'utc', startOutputType: 'utc',
    end: instant(m.date, m.end, zone), endInputType: 'utc', endOutputType: 'utc', title: icsSafe(`${eventName}: meeting with ${office}`),
  } as const;
  // A link the package would refuse as a URL is the event's text only (normalize/video-link.ts).
  const url = calendarUrl(m.link);
  // In person, LOCATION is the room, the building and its street address (a map app finds it), the link only a URL.
  const place = placeOf(campus, m);
  const link = place ? { ...(url ? { url } : {}), location: icsSafe(locationText(campus!, place)) }
    : isWebAddress(m.link) ? { ...(url ? { url } : {}), location: icsSafe(m.link) } : {};
  // The organizer only where there is one: the fingerprints of earlier runs without one stay as they were.
  const tail = { ...link, status: m.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE', ...(organizer ? { organizer } : {}) } as const;
  return { head, tail };
}

/** An event's attributes before and after its description (a meeting's, or the training's). */
interface Part { head: { start: number; end: number; title: string }; tail: object }

/** The templates through one call of the ics package (which validates each), cut where each copy's own lines go. */
function writeTemplates(parts: readonly Part[], stamp: number): { header: string; templates: Template[] } {
  if (!parts.length) return { header: '', templates: [] };
  const shared = new Map<string, number>();
  const keys = parts.map(({ head, tail }) => JSON.stringify([head.start, head.end, tail]));
  // `timestamp` (DTSTAMP) is read by the ics package but missing from its types. A UID, SUMMARY, SEQUENCE
  // and DESCRIPTION of the template's own mark where each meeting's and each copy's go.
  const all: EventAttributes[] = [];
  parts.forEach(({ head, tail }, i) => {
    if (!shared.has(keys[i]!)) shared.set(keys[i]!, all.push({ timestamp: stamp, uid: 'awg-template', ...head, title: 'awg-template', sequence: 0, description: 'awg-template', ...tail } as EventAttributes) - 1);
  });
  const { error, value } = createEvents(all);
  if (error || !value) throw new Error(`could not write the calendar files: ${error?.message ?? 'unknown error'}`);
  const first = value.indexOf('BEGIN:VEVENT');
  const written = value.slice(first).split(/(?=BEGIN:VEVENT\r\n)/).map((block) => {
    // One property a piece: a folded line goes on after CRLF and a tab.
    const props = block.split(/\r\n(?!\t)/);
    const seq = props.indexOf('SEQUENCE:0');
    const end = props.indexOf('END:VEVENT');
    if (props[0] !== 'BEGIN:VEVENT' || props[1] !== 'UID:awg-template' || props[2] !== 'SUMMARY:awg-template' || seq < 0 || props[seq + 1] !== 'DESCRIPTION:awg-template' || end < seq) {
      throw new Error('could not write the calendar files: the ics package wrote an event in an unexpected shape');
    }
    const lines = (from: number, to: number) => props.slice(from, to).map((p) => `${p}\r\n`).join('');
    return { head: lines(3, seq), tail: lines(seq + 2, end) };
  });
  const templates = parts.map(({ head, tail }, i): Template => {
    const w = written[shared.get(keys[i]!)!]!;
    return {
      head: summaryLine(head.title) + w.head, tail: w.tail, start: head.start, end: head.end, title: head.title,
      jsonHead: JSON.stringify(head).slice(1, -1), jsonTail: JSON.stringify(tail).slice(1, -1), variants: new Map(), readers: new Map(),
    };
  });
  return { header: value.slice(0, first), templates };
}

/** The meeting's event for one reader: its DESCRIPTION (made once for all readers it reads the same for). */
function variant(t: Template, description: string): Variant {
  let v = t.variants.get(description);
  if (!v) t.variants.set(description, (v = { template: t, line: descriptionLine(description), json: `${t.jsonHead},"description":${JSON.stringify(description)},${t.jsonTail}` }));
  return v;
}

interface Owner { name: string; email: string; contact?: IcsContact; /** Its attendees member of the fingerprint's JSON. */ json: string }
/** A person's copy of an event: its own UID and SEQUENCE, and the written lines it shares with others. */
interface Copy { uid: string; head: string; description: string; tail: string; sequence: number }

/** The owner as the calendar's ATTENDEE, where their email is one. */
function ownerOf(name: string, email: string): Owner {
  if (!email || !normalizeEmail(email).valid) return { name, email, json: '' };
  const contact: IcsContact = { name: icsSafe(name), email, rsvp: false, role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' };
  return { name, email, contact, json: `,"attendees":${JSON.stringify([contact])}` };
}

function calendarText(header: string, copies: readonly Copy[], contact: IcsContact | undefined): string {
  const attendee = contact ? attendeeLine(contact) : '';
  let text = header;
  for (const c of copies) text += `BEGIN:VEVENT\r\n${uidLine(c.uid)}${c.head}${sequenceLine(c.sequence)}${c.description}${c.tail}${attendee}END:VEVENT\r\n`;
  return `${text}END:VCALENDAR\r\n`;
}

/** The last text made, for a file read twice in a row (a notice reads its attachment's METHOD, then its text). */
let last: { file: CalendarFile; text: string } | undefined;

/** A calendar file whose text is made each time it is read: what it keeps is its events' UIDs and SEQUENCEs, and lines shared with others. */
function lazyFile(path: string, owner: NonNullable<CalendarFile['owner']>, header: string, copies: readonly Copy[], contact: IcsContact | undefined): CalendarFile {
  const file: CalendarFile = {
    path, owner,
    get text() {
      if (last?.file !== file) last = { file, text: calendarText(header, copies, contact) };
      return last.text;
    },
  };
  return file;
}

/** The fingerprint of the event's attributes but DTSTAMP and SEQUENCE, as calendar/events.csv has always taken it. */
const fingerprint = (uid: string, v: Variant, owner: Owner) =>
  digest('sha256', `{"uid":${JSON.stringify(uid)},${v.json}${owner.json}}`).slice(0, 16);

export function calendarFiles(meetings: readonly RosterMeeting[], people: readonly Itinerary[], eventName: string, zone: string, reportFormUrl?: string, extras: CalendarExtras = {}): CalendarFile[] {
  return calendarFilesWithState(meetings, people, eventName, zone, [], reportFormUrl, extras).files;
}

/** What every calendar of a run has beyond the meetings: who organizes them, and the training once it is set (config). */
export interface CalendarExtras {
  organizer?: { name: string; email: string };
  training?: TrainingSetting;
  /** In-person events only: meetings carry their room as LOCATION. */
  campus?: Campus;
}

type IcsOrganizer = { name: string; email: string };

/**
 * The ORGANIZER RFC 5546 wants on a PUBLISH and a CANCEL, where the organizer's email is one the package
 * takes: a calendar without one still opens, one the package refused would not be written at all.
 */
function organizerOf(o: CalendarExtras['organizer']): IcsOrganizer | undefined {
  const email = o?.email.trim() ?? '';
  if (!email || !normalizeEmail(email).valid || !acceptsAddress(email)) return undefined;
  return { name: icsSafe(o?.name.trim() || 'Organizer'), email };
}

/** A meeting as one reader reads it, or the training (the same for all). */
type Reading = { m: RosterMeeting; role: string; zone: string } | { m?: undefined };

/**
 * The calendar files, each event's SEQUENCE carried from `previous` (raised when the event changed), and
 * for every earlier event that is gone a cancellation (METHOD:CANCEL, STATUS:CANCELLED) in a file of its own
 * beside the person's calendar: one file holds one METHOD. Each file's text is made when it is read.
 */
export function calendarFilesWithState(meetings: readonly RosterMeeting[], people: readonly Itinerary[], eventName: string, zone: string,
  previous: readonly CalendarEventRecord[] = [], reportFormUrl?: string, extras: CalendarExtras = {}): { files: CalendarFile[]; events: CalendarEventRecord[] } {
  const organizer = organizerOf(extras.organizer);
  // DTSTAMP comes from the schedule itself, so the same schedule gives byte-identical files.
  const stamp = meetings.length ? Math.min(...meetings.map((m) => instant(m.date, '00:00', zone))) : previous.length ? Math.min(...previous.map((p) => p.start)) : 0;
  const groups: Array<{ base: string; identity: string; events: Reading[]; owner: NonNullable<CalendarFile['owner']> }> = [];
  for (const p of people) {
    groups.push({ base: `calendar/participants/${slug(p.name)}`, identity: personIdentity(p.email, p.name, p.phone),
      owner: { kind: 'participant', name: p.name, email: p.email, rsvpRow: p.rsvpRow },
      events: p.meetings.map(({ meeting, attendee }) => ({ m: meeting, role: attendee.role === 'lead' ? 'meeting lead' : 'participant', zone: p.timeZone })) });
  }
  const byAccompanier = new Map<string, RosterMeeting[]>();
  for (const m of meetings) if (m.accompanier && m.accompanier !== 'TBD') (byAccompanier.get(m.accompanier) ?? byAccompanier.set(m.accompanier, []).get(m.accompanier)!).push(m);
  for (const [name, ms] of [...byAccompanier.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const email = ms[0]?.accompanierEmail ?? '';
    groups.push({ base: `calendar/accompaniers/${slug(name)}`, identity: personIdentity(email, name), owner: { kind: 'accompanier', name, email, rsvpRow: '' },
      events: ms.map((m) => ({ m, role: 'accompanier', zone })) });
  }
  const paths = uniqueStems(groups).map((stem) => `${stem}.ics`);
  // Only the meetings someone has in their calendar are written (and checked).
  const meetingsWritten = [...new Set(groups.flatMap((g) => g.events.map((e) => e.m!)))];
  const training = groups.length ? trainingAttrs(extras.training, eventName, zone, PRODUCT_ID, organizer) : undefined;
  const parts: Part[] = meetingsWritten.map((m) => meetingAttrs(m, eventName, zone, organizer, extras.campus));
  const { header, templates: made } = writeTemplates(training ? [...parts, training] : parts, stamp);
  const templates = new Map(meetingsWritten.map((m, i) => [m, made[i]!]));
  const trainingVariant = training ? variant(made[parts.length]!, training.description) : undefined;
  if (trainingVariant) for (const g of groups) g.events.push({});
  const variantFor = (reading: Reading) => {
    if (!reading.m) return trainingVariant!;
    const { m, role, zone: readerZone } = reading;
    const t = templates.get(m)!;
    const key = `${role}|${readerZone}`;
    let v = t.readers.get(key);
    if (!v) t.readers.set(key, (v = variant(t, icsSafe(description(m, zone, readerZone, role, reportFormUrl, participantsText(m), whereOf(m, extras.campus))))));
    return v;
  };
  const owners = groups.map((g) => ownerOf(g.owner.name, g.owner.email));
  checkContacts(owners.flatMap((o) => (o.contact ? [o.contact] : [])));
  // The UID names the meeting and the person, never the time: a moved meeting updates the same event.
  const who = groups.map((g) => uidIdentity(g.owner.email, g.owner.name) || 'nobody');
  const claims = groups.flatMap((g, gi) => g.events.map((reading) => ({ meetingId: reading.m?.id ?? TRAINING_ID, personal: slug(g.owner.email || g.owner.name), identity: who[gi]! })));
  const uids = assignUids(claims, previous);
  // The earlier events by UID; each is taken by the person it was written for (or by anyone, where it names nobody).
  const before = new Map<string, CalendarEventRecord[]>();
  for (const p of previous) (before.get(p.uid) ?? before.set(p.uid, []).get(p.uid)!).push(p);
  const take = (uid: string, identity: string) => {
    const olds = before.get(uid);
    const i = olds?.findIndex((o) => [identity, ''].includes(uidIdentity(o.ownerEmail, o.ownerName))) ?? -1;
    return i < 0 ? undefined : olds!.splice(i, 1)[0];
  };
  const events: CalendarEventRecord[] = [];
  let k = 0;
  const files: CalendarFile[] = groups.map((g, gi) => {
    const owner = owners[gi]!;
    const copies = g.events.map((reading): Copy => {
      const uid = uids[k++]!;
      const v = variantFor(reading);
      const fp = fingerprint(uid, v, owner);
      const old = take(uid, who[gi]!);
      const sequence = old ? (old.fingerprint === fp ? old.sequence : old.sequence + 1) : 0;
      events.push({ uid, sequence, fingerprint: fp, path: paths[gi]!, start: v.template.start, end: v.template.end, title: v.template.title, ownerName: g.owner.name, ownerEmail: g.owner.email });
      return { uid, head: v.template.head, description: v.line, tail: v.template.tail, sequence };
    });
    return lazyFile(paths[gi]!, g.owner, header, copies, owner.contact);
  });
  const written = groups.map((g, gi) => ({ path: paths[gi]!, identity: who[gi]!, kind: g.owner.kind }));
  files.push(...cancellations([...before.values()].flat(), stamp, written, organizer));
  return { files, events };
}

const participantsText = (m: RosterMeeting) => m.attendees.map((a) => `- ${a.firstName} ${a.lastName}`.trim() + (a.role === 'lead' ? ' (lead)' : '')).join('\n');

/** An in-person meeting's place as its description says it; undefined by video. */
function whereOf(m: RosterMeeting, campus: Campus | undefined): string | undefined {
  const p = placeOf(campus, m);
  if (!p) return undefined;
  const text = whereText(campus!, p);
  return roomKnown(p) ? text : `${text}. Confirm the room with the office.`;
}
