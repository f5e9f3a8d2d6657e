// Calendar files (RFC 5545) through the `ics` package: one per participant and one per accompanier,
// each event at its exact instant (UTC), a summary naming the office, a description with the
// participants and the link, and the file's owner as an ATTENDEE.
import { createHash } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import { instant } from './when.js';
import type { Itinerary, RosterMeeting } from './roster-model.js';
import { normalizeEmail } from '../normalize/contact.js';
import { description } from './calendar-text.js';
import { attendeeLine, checkContacts, descriptionLine, sequenceLine, summaryLine, uidLine, type IcsContact } from './ics-lines.js';

export interface CalendarFile {
  path: string;
  /** The file's text; made when read (a getter), so thousands of calendars are not all held at once. */
  readonly text: string;
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

const PRODUCT_ID = 'awg/advocacy-days';

/** A file name from a person's name: letters and digits of any script, dashes between words. */
export function slug(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'unnamed';
}

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
function meetingAttrs(m: RosterMeeting, eventName: string, zone: string) {
  const office = `${m.member} (${m.chamber === 'House' ? m.district : `${m.state} Senate`})`;
  const head = {
    productId: PRODUCT_ID, start: instant(m.date, m.start, zone), startInputType: 'utc', startOutputType: 'utc',
    end: instant(m.date, m.end, zone), endInputType: 'utc', endOutputType: 'utc', title: `${eventName}: meeting with ${office}`,
  } as const;
  const tail = { ...(m.link && /^https?:\/\//i.test(m.link) ? { url: m.link, location: m.link } : {}), status: m.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE' } as const;
  return { head, tail };
}

/** The templates through one call of the ics package (which validates each), cut where each copy's own lines go. */
function writeTemplates(meetings: readonly RosterMeeting[], eventName: string, zone: string, stamp: number): { header: string; templates: Map<RosterMeeting, Template> } {
  const templates = new Map<RosterMeeting, Template>();
  if (!meetings.length) return { header: '', templates };
  const parts = meetings.map((m) => meetingAttrs(m, eventName, zone));
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
  meetings.forEach((m, i) => {
    const { head, tail } = parts[i]!;
    const w = written[shared.get(keys[i]!)!]!;
    templates.set(m, {
      head: summaryLine(head.title) + w.head, tail: w.tail, start: head.start, end: head.end, title: head.title,
      jsonHead: JSON.stringify(head).slice(1, -1), jsonTail: JSON.stringify(tail).slice(1, -1), variants: new Map(), readers: new Map(),
    });
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
  const contact: IcsContact = { name, email, rsvp: false, role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' };
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
  createHash('sha256').update(`{"uid":${JSON.stringify(uid)},${v.json}${owner.json}}`).digest('hex').slice(0, 16);

export function calendarFiles(meetings: readonly RosterMeeting[], people: readonly Itinerary[], eventName: string, zone: string, reportFormUrl?: string): CalendarFile[] {
  return calendarFilesWithState(meetings, people, eventName, zone, [], reportFormUrl).files;
}

interface Reading { m: RosterMeeting; role: string; zone: string }

/**
 * The calendar files, each event's SEQUENCE carried from `previous` (raised when the event changed), and
 * for every earlier event that is gone a cancellation (METHOD:CANCEL, STATUS:CANCELLED) in a file of its own
 * beside the person's calendar: one file holds one METHOD. Each file's text is made when it is read.
 */
export function calendarFilesWithState(meetings: readonly RosterMeeting[], people: readonly Itinerary[], eventName: string, zone: string,
  previous: readonly CalendarEventRecord[] = [], reportFormUrl?: string): { files: CalendarFile[]; events: CalendarEventRecord[] } {
  // DTSTAMP comes from the schedule itself, so the same schedule gives byte-identical files.
  const stamp = meetings.length ? Math.min(...meetings.map((m) => instant(m.date, '00:00', zone))) : previous.length ? Math.min(...previous.map((p) => p.start)) : 0;
  const groups: Array<{ path: string; events: Reading[]; owner: NonNullable<CalendarFile['owner']> }> = [];
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
      events: p.meetings.map(({ meeting, attendee }) => ({ m: meeting, role: attendee.role === 'lead' ? 'meeting lead' : 'participant', zone: p.timeZone })) });
  }
  const byAccompanier = new Map<string, RosterMeeting[]>();
  for (const m of meetings) if (m.accompanier && m.accompanier !== 'TBD') (byAccompanier.get(m.accompanier) ?? byAccompanier.set(m.accompanier, []).get(m.accompanier)!).push(m);
  for (const [name, ms] of [...byAccompanier.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const email = ms[0]?.accompanierEmail ?? '';
    groups.push({ path: unique(`calendar/accompaniers/${slug(name)}.ics`), owner: { kind: 'accompanier', name, email, rsvpRow: '' },
      events: ms.map((m) => ({ m, role: 'accompanier', zone })) });
  }
  // Only the meetings someone has in their calendar are written (and checked).
  const { header, templates } = writeTemplates([...new Set(groups.flatMap((g) => g.events.map((e) => e.m)))], eventName, zone, stamp);
  const variantFor = ({ m, role, zone: readerZone }: Reading) => {
    const t = templates.get(m)!;
    const key = `${role}|${readerZone}`;
    let v = t.readers.get(key);
    if (!v) t.readers.set(key, (v = variant(t, description(m, zone, readerZone, role, reportFormUrl, participantsText(m)))));
    return v;
  };
  const owners = groups.map((g) => ownerOf(g.owner.name, g.owner.email));
  checkContacts(owners.flatMap((o) => (o.contact ? [o.contact] : [])));
  const before = new Map(previous.map((p) => [p.uid, p]));
  const events: CalendarEventRecord[] = [];
  const files: CalendarFile[] = groups.map((g, gi) => {
    const owner = owners[gi]!;
    // The UID names the meeting and the person, never the time: a moved meeting updates the same event.
    const personal = slug(g.owner.email || g.owner.name);
    const copies = g.events.map((reading): Copy => {
      const uid = `${reading.m.id}-${personal}@awg`;
      const v = variantFor(reading);
      const fp = fingerprint(uid, v, owner);
      const old = before.get(uid);
      const sequence = old ? (old.fingerprint === fp ? old.sequence : old.sequence + 1) : 0;
      before.delete(uid);
      events.push({ uid, sequence, fingerprint: fp, path: g.path, start: v.template.start, end: v.template.end, title: v.template.title, ownerName: g.owner.name, ownerEmail: g.owner.email });
      return { uid, head: v.template.head, description: v.line, tail: v.template.tail, sequence };
    });
    return lazyFile(g.path, g.owner, header, copies, owner.contact);
  });
  files.push(...cancellations([...before.values()], stamp));
  return { files, events };
}

const participantsText = (m: RosterMeeting) => m.attendees.map((a) => `- ${a.firstName} ${a.lastName}`.trim() + (a.role === 'lead' ? ' (lead)' : '')).join('\n');

/** What is left of the earlier events is gone from the schedule: each is cancelled, in the file its owner had. */
function cancellations(gone: readonly CalendarEventRecord[], stamp: number): CalendarFile[] {
  const byPath = new Map<string, EventAttributes[]>();
  const ownerOfPath = new Map<string, CalendarEventRecord>();
  for (const old of [...gone].sort((a, b) => a.uid.localeCompare(b.uid))) {
    const path = old.path.replace(/\.ics$/, '-cancelled.ics');
    ownerOfPath.set(path, old);
    (byPath.get(path) ?? byPath.set(path, []).get(path)!).push({
      ...({ timestamp: stamp } as Partial<EventAttributes>), uid: old.uid, productId: PRODUCT_ID, sequence: old.sequence + 1, status: 'CANCELLED',
      start: old.start, startInputType: 'utc', startOutputType: 'utc', end: old.end, endInputType: 'utc', endOutputType: 'utc', title: old.title,
      ...(old.ownerEmail && normalizeEmail(old.ownerEmail).valid ? { attendees: [{ name: old.ownerName, email: old.ownerEmail, rsvp: false }] } : {}),
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
    return { path, text, owner: { kind: path.startsWith('calendar/accompaniers/') ? 'accompanier' : 'participant', name: old.ownerName, email: old.ownerEmail, rsvpRow: /row-(\d+)-/.exec(path)?.[1] ?? '' } };
  });
}
