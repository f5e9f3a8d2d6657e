// The lines each meeting's and each person's copy of a calendar event have of their own (SUMMARY; UID,
// SEQUENCE, DESCRIPTION, ATTENDEE), written as the `ics` package writes them (test/unit/calendar.test.ts
// compares them with its output): the rest of the event is validated and written by the package (calendar.ts).
import { createEvents } from 'ics';
import foldLine from './ics-fold.js';

export interface IcsContact {
  name: string;
  email: string;
  rsvp: boolean;
  role: 'REQ-PARTICIPANT';
  partstat: 'ACCEPTED';
}

// The package's encodeNewLines and encodeParamValue.
const newLines = (text: string) => text.replace(/\r?\n/gm, '\\n');
const param = (value: string) => `"${value.replaceAll('"', '\\"')}"`;

export const uidLine = (uid: string) => `${foldLine(`UID:${newLines(uid)}`)}\r\n`;

export const sequenceLine = (sequence: number) => `SEQUENCE:${sequence}\r\n`;

/** The package's formatText: backslash, newline, semicolon and comma escaped. */
const escaped = (value: string) => value.replace(/\\/gm, '\\\\').replace(/\r?\n/gm, '\\n').replace(/;/gm, '\\;').replace(/,/gm, '\\,');

export const descriptionLine = (description: string) => `${foldLine(`DESCRIPTION:${newLines(escaped(description))}`)}\r\n`;

export const summaryLine = (title: string) => `${foldLine(`SUMMARY:${newLines(escaped(title))}`)}\r\n`;

/** `ATTENDEE;RSVP=FALSE;ROLE="REQ-PARTICIPANT";PARTSTAT="ACCEPTED";CN="Name":mailto:email`, folded. */
export function attendeeLine(c: IcsContact): string {
  const parts = `${c.rsvp ? 'RSVP=TRUE' : 'RSVP=FALSE'};ROLE=${param(c.role)};PARTSTAT=${param(c.partstat)};CN=${param(c.name || 'Unnamed attendee')}`;
  return `${foldLine(`ATTENDEE;${newLines(`${parts}${c.email ? `:mailto:${c.email}` : ''}`)}`)}\r\n`;
}

// An address of this plain shape passes the package's own check (the HTML spec's pattern, in yup):
// a narrower pattern, so the package need not be asked about each of thousands of owners.
const PLAIN_EMAIL = /^[\w.+'-]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Whether the `ics` package takes this address for an ATTENDEE (asked only about one of an unusual shape). */
export function acceptsAddress(email: string): boolean {
  return PLAIN_EMAIL.test(email) || !createEvents([{ start: 0, end: 0, uid: 'awg-check', attendees: [{ name: 'x', email }] }]).error;
}

/** Checks through the `ics` package the contacts whose address is not of the plain shape; throws as it would. */
export function checkContacts(contacts: readonly IcsContact[]): void {
  const unusual = contacts.filter((c) => !PLAIN_EMAIL.test(c.email));
  if (!unusual.length) return;
  const { error } = createEvents([{ start: 0, end: 0, uid: 'awg-check', attendees: unusual }]);
  if (error) throw new Error(`could not write the calendar files: ${error.message}`);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as a calendar can hold it (RFC 5545 text has no control characters; a lone CR ends a line in some
 * readers; UTF-8 has no half of a surrogate pair): a CR becomes a newline, the others U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it replaces
export const icsSafe = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '\uFFFD');
