// Reading back cells of awg's own output files after a spreadsheet re-saved them: dates as Excel writes
// them (7/14/2020, 2020-07-14 00:00:00, a serial number), times as 10:00:00 AM. Shared by the readers
// of offices.csv and of the earlier folder.
import type { EventConfig } from '../config/schema.js';
import { hhmm } from '../event.js';
import { dayOfLabel } from '../normalize/availability.js';
import { parseClockTime } from '../normalize/confirmed.js';

const iso = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : undefined;
};

/** A date cell as YYYY-MM-DD (any date, not only the event's), or undefined when it is not a date. */
export function parseDateCell(text: string, event: EventConfig): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s.*)?$/.exec(t);
  if (m) {
    const y = Number(m[3]);
    return iso(y < 100 ? 2000 + y : y, Number(m[1]), Number(m[2]));
  }
  // An Excel serial day number (days since 1899-12-30), as a cell formatted as General shows a date.
  if (/^\d{5}(\.\d+)?$/.test(t)) return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000).toISOString().slice(0, 10);
  return dayOfLabel(t, event);
}

/** A time cell (10:00, 10:00:00 AM, 2pm) as HH:MM in the event zone, or undefined. */
export function parseTimeCell(text: string, day: string, event: EventConfig): string | undefined {
  const t = text.trim();
  // A time Excel kept as a fraction of a day.
  if (/^0?\.\d+$/.test(t)) return hhmm(Math.round(Number(t) * 1440));
  const min = parseClockTime(t, day, event.timeZone);
  return min === undefined ? undefined : hhmm(min);
}

/** Status words as organizers type them: any case, extra spaces, dashes or underscores. */
export const squash = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
