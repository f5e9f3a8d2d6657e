// The calendar files and the record of each event written (calendar/events.csv), as the renderers,
// the notices and the next run share them.

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
  /** Which calendar folder, where `path` is '' (events.csv named no calendar file inside the folder) and said. */
  kind?: 'participant' | 'accompanier';
}
