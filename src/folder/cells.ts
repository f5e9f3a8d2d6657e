// Dates and times as a spreadsheet may have saved awg's own cells: `2020-07-14`, `7/14/2020`,
// `14/07/2020` (when only one reading is a real date, or only one is an event day), date cells;
// `10:00`, `10:00:00`, `10:00 AM`, `1:30 p.m.`, time cells (read as `1899-12-30T10:00:00`).
import { hhmm } from '../event.js';

const pad = (n: number) => String(n).padStart(2, '0');

function isoIfReal(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date cell as `YYYY-MM-DD`; undefined when it is not a date or its reading is ambiguous. */
export function readDate(text: string, eventDays: readonly string[] = []): string | undefined {
  const t = text.trim();
  // A date cell whose format was lost comes back as its serial number (days since 1899-12-30).
  if (/^\d{5}$/.test(t)) return new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000).toISOString().slice(0, 10);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const us = isoIfReal(y, Number(m[1]), Number(m[2]));
    const eu = isoIfReal(y, Number(m[2]), Number(m[1]));
    if (us && eu && us !== eu) {
      // 7/8/2020 is ambiguous; the event's days decide when only one reading is one of them.
      const inUs = eventDays.includes(us);
      const inEu = eventDays.includes(eu);
      return inUs === inEu ? undefined : inUs ? us : eu;
    }
    return us ?? eu;
  }
  // "Tuesday, July 14, 2020" or "14 July 2020", as some spreadsheets show a date cell.
  m = /^(?:[a-z]+,?\s+)?([a-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(t) ?? null;
  if (m) {
    const mon = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return mon >= 0 ? isoIfReal(Number(m[3]), mon + 1, Number(m[2])) : undefined;
  }
  m = /^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]{3,})\.?,?\s+(\d{4})$/i.exec(t);
  if (m) {
    const mon = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    return mon >= 0 ? isoIfReal(Number(m[3]), mon + 1, Number(m[1])) : undefined;
  }
  return undefined;
}

/** A time cell as 24-hour `HH:MM`; undefined when it is not a clock time. */
export function readClock(text: string): string | undefined {
  let t = text.trim();
  // A time cell whose format was lost comes back as its fraction of a day.
  if (/^0?\.\d+$/.test(t)) return hhmm(Math.round(Number(t) * 1440));
  const cell = /^(?:1899-12-3[01]|1900-01-00)[T ](\d{2}:\d{2}(?::\d{2})?)$/.exec(t);
  if (cell) t = cell[1]!;
  const m = /^(\d{1,2})(?::(\d{2}))(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(t);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59) return undefined;
  // A time cell saved as a fraction of a day may come back as 09:59:59.
  if (m[3] === '59') return hhmm(Math.min(h * 60 + min + 1, 23 * 60 + 59));
  return hhmm(h * 60 + min);
}
