// What `awg check` works on and hands back: the folder's meetings resolved against the event and the
// targets, each with its attendees resolved to RSVPs. `awg update` renders the folder from the same.
import type { EventConfig } from '../config/schema.js';
import type { Slot } from '../event.js';
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

export const overlaps = (a: CheckedMeeting, b: CheckedMeeting) =>
  a.day !== undefined && a.day === b.day && a.startMin !== undefined && b.startMin !== undefined && a.endMin !== undefined && b.endMin !== undefined
  && a.startMin < b.endMin && b.startMin < a.endMin;
