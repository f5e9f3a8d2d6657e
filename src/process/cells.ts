// Dates and times of offices.csv as the organizer typed or a spreadsheet re-saved them: the folder
// reader's cell parsers (7/14/2020, 2020-07-14 00:00:00, serial numbers, 10:00:00 AM), then what an
// organizer types by hand ("Wed July 15", "2pm", "11 AM ET").
import type { EventConfig } from '../config/schema.js';
import { hhmm } from '../event.js';
import { readClock, readDate } from '../folder/cells.js';
import { dayOfLabel } from '../normalize/availability.js';
import { parseClockTime } from '../normalize/confirmed.js';

/** A date cell as YYYY-MM-DD (any date, not only the event's), or undefined when it is not a date. */
export function parseDateCell(text: string, event: EventConfig): string | undefined {
  return readDate(text, event.days) ?? readDate(text.replace(/\s+0?0:00(:00)?$/, ''), event.days) ?? dayOfLabel(text, event);
}

/** A time cell as HH:MM in the event zone, or undefined. */
export function parseTimeCell(text: string, day: string, event: EventConfig): string | undefined {
  const clock = readClock(text);
  if (clock) return clock;
  const min = parseClockTime(text, day, event.timeZone);
  return min === undefined ? undefined : hhmm(min);
}

/** Status words as organizers type them: any case, extra spaces, dashes or underscores. */
export const squash = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** An address as the .eml drafts take it (mail.ts's rule): one local part, one @, a dotted domain, no spaces. */
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * A person's email cell as a message's recipient: the address when the cell holds one that validates,
 * else '' ("pat@example.org, sam@example.org" or "maria at gmail dot com" would send a mail merge to
 * two people, or to nobody), so that notices.csv says what the .eml says.
 */
export function oneAddress(cell: string): string {
  const text = cell.trim().replace(/^mailto:/i, '');
  return ADDRESS.test(text) ? text : '';
}

/**
 * An office's scheduler cell as recipients: offices do share the scheduling between two people, so a
 * cell of several addresses ("a@x.gov; b@x.gov") is all of them, written "a@x.gov, b@x.gov" (an address
 * list, as a mail merge and the .eml take it); '' when any part is not an address.
 */
export function addressList(cell: string): string {
  const parts = cell.split(/[,;\s]+/).map((p) => p.replace(/^mailto:/i, '')).filter(Boolean);
  return parts.length && parts.every((p) => ADDRESS.test(p)) ? [...new Set(parts)].join(', ') : '';
}
