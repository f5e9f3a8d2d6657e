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
