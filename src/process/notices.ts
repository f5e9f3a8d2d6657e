// Notices (notices/): one message per person who must be told. On a first run everyone in a meeting,
// every accompanier and everyone on digital advocacy; on a re-run only the people in changes.csv,
// saying what changed. Each carries the person's calendar file. Pure: records in, messages out.
import { instant } from '../render/when.js';
import { longestMeeting } from '../event.js';
import type { Campus } from '../campus/model.js';
import { inPersonCampus } from '../campus/of-event.js';
import { placeOf, whereText } from '../render/where.js';
import type { Config } from '../config/schema.js';
import type { CalendarFile } from '../render/calendar.js';
import { buildRoster, itineraries, type Rec, type RosterMeeting } from '../render/roster-model.js';
import type { DigitalAdvocate } from '../model.js';
import type { Problem } from '../problems.js';
import type { DataTable } from '../render/table.js';
import { accompanierKey, personKey } from '../identity.js';
import type { PersonChange } from './changes.js';
import { oneAddress } from './cells.js';
import { asksText, meetingWhen, organizerValues } from './requests.js';
import { fillTemplate, type Template, type TemplateName } from './templates.js';
import { changeLine } from './change-lines.js';
import { volunteerReason } from './reasons.js';
import { trainingText } from './training.js';

export interface Notice {
  key: string;
  name: string;
  /** The RSVP row (new export; for someone who cancelled, the earlier one); '' for accompaniers. */
  rsvpRow: string;
  to: string;
  subject: string;
  body: string;
  /** The person's calendar file, and the file cancelling their events that are gone, where there is one. */
  calendars: CalendarFile[];
  /** The notices/ folder it is drafted in, where not the person's kind's (the split-ZIP questions). */
  folder?: 'questions';
  /** The template and the values it is filled with (the same for all, and the person's own): the notice's row of a mail merge (merge-list.ts); absent for a letter worded whole. */
  merge?: MergeValues;
}

export interface MergeValues {
  letter: TemplateName;
  template: Template;
  shared: Readonly<Record<string, string>>;
  own: Readonly<Record<string, string>>;
  firstName: string;
}

/**
 * A notice whose letter is filled only when its subject or body is read: a mail-merge list reads the values
 * instead, and at 100,000 RSVPs never fills 95,000 letters (a class: an object literal with getters was 2 µs a notice).
 */
class TemplatedNotice implements Notice {
  private filled: Template | undefined;
  constructor(readonly key: string, readonly name: string, readonly rsvpRow: string, readonly to: string, readonly calendars: CalendarFile[], readonly merge: MergeValues) {}
  private text(): Template {
    return (this.filled ??= fillTemplate(this.merge.template, { ...this.merge.shared, ...this.merge.own }));
  }
  get subject(): string {
    return this.text().subject;
  }
  get body(): string {
    return this.text().body;
  }
}

interface Person {
  key: string;
  name: string;
  email: string;
  rsvpRow: string;
  kind: 'participant' | 'accompanier';
  firstName: string;
  /** The person's meetings, made into text only as their notice is made (at 100,000 RSVPs the text of all is hundreds of MB). */
  meetings: Array<{ meeting: RosterMeeting; own: { zone?: string; role: string } }>;
}

const linesOf = (p: Person, zone: string, campus?: Campus) => p.meetings.map(({ meeting, own }) => meetingLines(meeting, zone, own, campus)).join('\n');


function meetingLines(m: RosterMeeting, zone: string, own: { zone?: string; role: string }, campus?: Campus): string {
  const start = instant(m.date, m.start, zone);
  const end = instant(m.date, m.end, zone);
  return [
    `- ${meetingWhen(start, end, zone, own.zone)}`,
    `  Meeting ${m.id} with ${m.member} (${m.chamber === 'House' ? m.district : `${m.state} Senate`}); ${own.role === 'participant' ? 'you take part as a constituent' : `you are the ${own.role}`}`,
    `  Lead: ${m.lead || 'the accompanier'}. Accompanier: ${m.accompanier}${m.accompanierEmail ? ` <${m.accompanierEmail}>` : ''}`,
    `  ${whereOrLink(m, campus)}`,
    ...(own.role === 'accompanier' ? [`  Participants: ${m.attendees.map((a) => `${a.firstName} ${a.lastName}`.trim()).join(', ')}`] : []),
  ].join('\n');
}

/**
 * In person (an in-person event's meeting with a `room` cell): "Where: Rayburn 2157, Rayburn House Office
 * Building, 1st floor (in person)"; by video, the link or when it comes.
 */
export function whereOrLink(m: RosterMeeting, campus: Campus | undefined): string {
  const place = placeOf(campus, m);
  return place && campus ? `Where: ${whereText(campus, place)} (in person)` : `Video link: ${linkLine(m)}`;
}


/** The link, or when it comes: a confirmed meeting's link comes from the organizers, not from a confirmation still awaited. */
export const linkLine = (m: { link: string; status: string }) =>
  m.link || (m.status === 'confirmed' ? 'the office has confirmed; we will send you the link before the meeting' : 'we will send it once the office confirms the time');

/** A first name where there is only the whole name (an accompanier of the staff list, a change's name). */
const firstWord = (name: string) => name.split(' ')[0] ?? '';

/** Everyone with a meeting in the schedule, participants and accompaniers, with their meetings as text. */
function peopleOf(roster: readonly RosterMeeting[]): Map<string, Person> {
  const out = new Map<string, Person>();
  for (const it of itineraries(roster)) {
    const [first] = it.meetings;
    const key = personKey(it.email, first?.attendee.firstName, first?.attendee.lastName, first?.attendee.phone);
    out.set(key, { key, name: it.name, email: it.email, rsvpRow: it.rsvpRow, kind: 'participant', firstName: first?.attendee.firstName ?? firstWord(it.name),
      meetings: it.meetings.map(({ meeting, attendee }) => ({ meeting, own: { zone: attendee.timeZone, role: attendee.role === 'lead' ? 'meeting lead' : 'participant' } })) });
  }
  for (const m of roster) {
    if (!m.accompanier || m.accompanier === 'TBD') continue;
    const key = accompanierKey(m.accompanier, m.accompanierEmail);
    const p = out.get(key) ?? { key, name: m.accompanier, email: m.accompanierEmail, rsvpRow: '', kind: 'accompanier' as const, firstName: firstWord(m.accompanier), meetings: [] };
    p.meetings.push({ meeting: m, own: { role: 'accompanier' } });
    out.set(key, p);
  }
  return out;
}

/** The notices, how many there are, and each made only as it is asked for (one at a time at 100,000 RSVPs). */
export interface Notices {
  count: number;
  [Symbol.iterator](): Iterator<Notice>;
}

export function buildNotices(args: {
  meetings: readonly Rec[]; attendees: readonly Rec[]; digital: readonly DigitalAdvocate[]; config: Config; calendars: readonly CalendarFile[];
  templates: Record<TemplateName, Template>;
  /** On a re-run: the change set; only these people are told. */
  changes?: readonly PersonChange[];
  /** On a re-run: the people new since the earlier run (person keys); their notice is a first message, whenever it comes. */
  newPeople?: ReadonlySet<string>;
  /** On a re-run: the earlier meetings (for the times a change names). */
  earlierMeetings?: readonly Rec[];
  /** Messages sent beside the notices: the split-ZIP questions. */
  extra?: readonly Notice[];
}): Notices {
  const { config } = args;
  const zone = config.event.timeZone;
  const people = peopleOf(buildRoster(args.meetings, args.attendees, zone));
  // The person's current file only when they are in the schedule now (a row number of the earlier run may
  // name someone else now); a cancellation's file was named in the earlier run, so it is found by email, else name.
  const current = new Map<string, CalendarFile>();
  const cancelled = new Map<string, CalendarFile>();
  for (const f of args.calendars) {
    if (!f.owner) continue;
    if (f.path.endsWith('-cancelled.ics')) cancelled.set(`${f.owner.kind}|${f.owner.email.toLowerCase() || f.owner.name}`, f);
    else current.set(`${f.owner.kind}|${f.owner.rsvpRow || f.owner.name}`, f);
  }
  const calendarOf = (p: { email: string; rsvpRow: string; kind: string; name: string }, now: boolean) => [
    now ? current.get(`${p.kind}|${p.rsvpRow || p.name}`) : undefined,
    cancelled.get(`${p.kind}|${p.email.toLowerCase() || p.name}`),
  ].filter((f): f is CalendarFile => f !== undefined);
  // One entry a person (someone listed twice keeps their first place, with the later RSVP), referring to the
  // schedule's own records: a table row of each, made for this, was 95,000 records held through the writing at 100,000 RSVPs.
  const digital = new Map<string, DigitalAdvocate>();
  for (const d of args.digital) digital.set(personKey(d.rsvp.email, d.rsvp.firstName, d.rsvp.lastName, d.rsvp.phone), d);
  const shared = { ...organizerValues(config), asks: asksText(config) };
  const campus = inPersonCampus(config.event);
  const none = (key: string) => {
    const d = digital.get(key);
    return d ? `(no meeting: you are on the digital-advocacy list${config.organizer.toolkit ? `; toolkit: ${config.organizer.toolkit}` : ''})` : '(no meetings)';
  };
  const notice = (key: string, p: { name: string; email: string; rsvpRow: string; firstName: string }, letter: TemplateName, own: Record<string, string>, calendars: CalendarFile[] = []): Notice =>
    new TemplatedNotice(key, p.name, p.rsvpRow, oneAddress(p.email), calendars, { letter, template: args.templates[letter], shared, own, firstName: p.firstName });
  const readerZone = (p: Person | undefined) => p?.meetings.find((x) => x.own.zone)?.own.zone;
  const first = (p: Person) => notice(p.key, p, 'notice', { name: p.name, meetings: linesOf(p, zone, campus), training: trainingText(config, readerZone(p)) }, calendarOf(p, true));
  const toolkit = config.organizer.toolkit || 'ask the organizers for the toolkit';
  const digitalNotice = (key: string, { rsvp, code }: DigitalAdvocate) => {
    const name = `${rsvp.firstName} ${rsvp.lastName}`.trim();
    return notice(key, { name, email: rsvp.email, rsvpRow: String(rsvp.row), firstName: rsvp.firstName }, 'noticeDigital', { name, reason: volunteerReason(code), toolkit });
  };
  const extra = args.extra ?? [];

  if (args.changes) {
    const byPerson = new Map<string, PersonChange[]>();
    for (const c of args.changes) byPerson.set(c.key, [...(byPerson.get(c.key) ?? []), c]);
    // Someone new since the earlier run is told as on a first run: in a meeting, or on digital advocacy.
    const isNew = (key: string) => args.newPeople?.has(key) === true;
    const newDigital = [...digital].filter(([key]) => isNew(key) && !people.has(key) && !byPerson.has(key));
    const byId = (recs: readonly Rec[]) => new Map(recs.map((m) => [m.meeting_id ?? '', m]));
    const ctx = { eventZone: zone, meetingMinutes: longestMeeting(config.event), before: byId(args.earlierMeetings ?? []), after: byId(args.meetings) };
    return { count: byPerson.size + newDigital.length + extra.length, *[Symbol.iterator]() {
      for (const [key, cs] of byPerson) {
        const c0 = cs[0]!;
        const p = people.get(key);
        if (p && isNew(key)) {
          yield first(p);
          continue;
        }
        const lines = cs.map((c) => changeLine(c, { ...ctx, ...(readerZone(p) ? { readerZone: readerZone(p)! } : {}) })).join('\n');
        const values = { name: c0.name, changes: lines, meetings: p ? linesOf(p, zone, campus) : none(key) };
        yield notice(key, p ?? { ...c0, firstName: firstWord(c0.name) }, 'noticeChange', values, calendarOf(p ?? { ...c0, kind: c0.role === 'accompanier' ? 'accompanier' : 'participant' }, p !== undefined));
      }
      for (const [key, d] of newDigital) yield digitalNotice(key, d);
      yield* extra;
    } };
  }
  const sorted = [...people.values()].sort((a, b) => a.kind.localeCompare(b.kind) * -1 || a.name.localeCompare(b.name) || Number(a.rsvpRow) - Number(b.rsvpRow));
  let digitalOnly = 0;
  for (const key of digital.keys()) if (!people.has(key)) digitalOnly++;
  return { count: sorted.length + digitalOnly + extra.length, *[Symbol.iterator]() {
    for (const p of sorted) yield first(p);
    for (const [key, d] of digital) if (!people.has(key)) yield digitalNotice(key, d);
    yield* extra;
  } };
}

const NOTICE_COLUMNS = ['to', 'subject', 'body'];

export function noticesTable(notices: Iterable<Notice>): DataTable {
  return { name: 'Notices', columns: NOTICE_COLUMNS, rows: Array.from(notices, (n) => [n.to, n.subject, n.body]) };
}

/**
 * The people whose email cell is not one address: their notice is still listed (notices.csv, with its
 * "to" empty, and its .eml without a recipient) for the organizer to send by hand or to call them.
 */
export function unaddressedNotices(people: ReadonlyArray<Iterable<Rec>>): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const recs of people) {
    for (const r of recs) {
      const email = r.email ?? r.accompanier_email ?? '';
      if (!email || oneAddress(email)) continue;
      const name = r.accompanier ?? `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim();
      const who = `${name || 'someone'}${r.rsvp_row ? ` (RSVP row ${r.rsvp_row})` : ''}`;
      if (seen.has(`${who}|${email}`)) continue;
      seen.add(`${who}|${email}`);
      out.push({
        code: 'notice-without-address', severity: 'warning', file: 'notices.csv', column: 'to', value: email,
        message: `${who}: "${email}" is not one email address, so their notice has no recipient ("to" is empty in notices.csv, and in its .eml)${r.phone ? `; their phone: ${r.phone}` : ''}`,
        fix: 'Send it by hand or call them; or write one address in the cell (the RSVP export, or the staff list) and run again.',
      });
    }
  }
  return out;
}

/** The digital-advocacy people as the rows unaddressedNotices reads, one at a time. */
export function* digitalRecs(digital: readonly DigitalAdvocate[]): Generator<Rec> {
  for (const { rsvp } of digital) yield { email: rsvp.email, first_name: rsvp.firstName, last_name: rsvp.lastName, phone: rsvp.phone, rsvp_row: String(rsvp.row) };
}
