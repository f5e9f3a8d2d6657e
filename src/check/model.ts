// What `awg check` works on and hands back: the folder's meetings resolved against the event and the
// targets, each with its attendees resolved to RSVPs. `awg update` renders the folder from the same.
import type { EventConfig } from '../config/schema.js';
import type { Slot } from '../model.js';
import type { AttendeeRow, ListRow, MeetingRow } from '../folder/rows.js';
import type { Participant, Unmatched } from '../match/match.js';
import type { Accompanier, Rsvp, TargetOffice } from '../model.js';
import type { Problem } from '../problems.js';

export interface CheckContext {
  event: EventConfig;
  /** The RSVP export, as problems about an RSVP row name it. */
  rsvpFile: string;
  slots: readonly Slot[];
  offices: readonly TargetOffice[];
  rsvps: readonly Rsvp[];
  participants: readonly Participant[];
  unmatched: readonly Unmatched[];
  /** The staff list, when given: accompaniers are then checked against it too. */
  staff?: readonly Accompanier[];
}

/** The folder's rows, from whichever file they were read (see folder/read.ts). */
export interface FolderRows {
  meetings: readonly MeetingRow[];
  attendees: readonly AttendeeRow[];
  lists: readonly ListRow[];
}

export interface CheckedAttendee {
  row: AttendeeRow;
  rsvp: Rsvp;
  /** Set when the person is a matched participant (may be in a meeting at all). */
  participant?: Participant;
}

export interface CheckedMeeting {
  id: string;
  row: MeetingRow;
  office?: TargetOffice;
  day?: string;
  startMin?: number;
  endMin?: number;
  slots: number[];
  accompanier: string;
  attendees: CheckedAttendee[];
}

export interface CheckResult {
  problems: Problem[];
  meetings: CheckedMeeting[];
  attendeeRows: number;
}

/** How a message names a person: by name and email, and the RSVP row to find them by. */
export function personLabel(r: Pick<Rsvp, 'firstName' | 'lastName' | 'email'> & { row?: number }): string {
  const name = `${r.firstName} ${r.lastName}`.trim();
  const who = name && r.email ? `${name} <${r.email}>` : name || r.email || 'someone with no name or email';
  return r.row === undefined ? who : `${who} (RSVP row ${r.row})`;
}

/** The person an attendee row names, as it names them. */
export const rowPerson = (a: AttendeeRow) => personLabel({ firstName: a.firstName, lastName: a.lastName, email: a.email });

export const at = (r: { file: string; sheet?: string; row: number }) => ({ file: r.file, ...(r.sheet ? { sheet: r.sheet } : {}), row: r.row });

/** "meetings.csv row 4" (or "schedule.xlsx, sheet Meetings, row 4"), for naming a second row in a message. */
export function rowName(r: { file: string; sheet?: string; row: number }): string {
  const base = r.file.split(/[\\/]/).pop() ?? r.file;
  return `${base}${r.sheet ? ` (${r.sheet})` : ''} row ${r.row}`;
}

const folded = new Map<string, string>();

/** A name as people compare them (accents, case and spacing aside); a folder's few names folded once each. */
export function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
    if (folded.size < 100_000) folded.set(s, f);
  }
  return f;
}

export const overlaps = (a: CheckedMeeting, b: CheckedMeeting) =>
  a.day !== undefined && a.day === b.day && a.startMin !== undefined && b.startMin !== undefined && a.endMin !== undefined && b.endMin !== undefined
  && a.startMin < b.endMin && b.startMin < a.endMin;

/**
 * Meetings taken one at a time in list order (one person's, one accompanier's): each is told the first
 * meeting added before it that overlaps it. Each distinct time of a day is kept once, by the first
 * meeting at it: the cost is the meetings times the distinct times of one day, never every pair of
 * meetings (a folder with thousands of copies of one meeting was quadratic).
 */
export class OverlapIndex {
  private readonly byDay = new Map<string, Map<number, CheckedMeeting>>();

  add(m: CheckedMeeting): CheckedMeeting | undefined {
    if (m.day === undefined || m.startMin === undefined || m.endMin === undefined) return undefined;
    let times = this.byDay.get(m.day);
    if (!times) this.byDay.set(m.day, (times = new Map()));
    let first: CheckedMeeting | undefined;
    for (const x of times.values()) {
      if (overlaps(x, m)) {
        first = x;
        break;
      }
    }
    const key = m.startMin * 10_000 + m.endMin;
    if (!times.has(key)) times.set(key, m);
    return first;
  }
}

/** Some meeting IDs, for a message: the first few and how many more, so a message stays a line. */
export function someIds(ms: readonly CheckedMeeting[], shown = 10): string {
  const ids = ms.slice(0, shown).map((m) => m.id).join(', ');
  return ms.length > shown ? `${ids}, … ${ms.length - shown} more` : ids;
}

/** Pushes to a list in a map, making the list on first use (a spread per push was quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
