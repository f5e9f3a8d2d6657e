// Dates and times as people in the US read them on printed pages and in calendar text:
// `Wednesday, July 15`, `12:30–1:00 pm CT (1:30–2:00 pm ET)`. Pure; CSVs keep YYYY-MM-DD and 24-hour
// times and never come through here. Zone names come from the ICU data bundled with Node (en-US).
import { fromZonedTime } from 'date-fns-tz';

interface Parts {
  date: string;
  weekday: string;
  month: string;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const partsCache = new Map<string, Parts>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a zone Intl knows (an edited attendees.csv can hold anything). */
export function isZone(zone: string): boolean {
  if (!zone) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function partsOf(ms: number, zone: string): Parts {
  const key = `${ms}|${zone}`;
  let p = partsCache.get(key);
  if (!p) {
    const got = Object.fromEntries(formatter(zone).formatToParts(ms).map((x) => [x.type, x.value]));
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const mm = String(months.indexOf(got.month ?? '') + 1).padStart(2, '0');
    p = {
      date: `${got.year}-${mm}-${String(got.day).padStart(2, '0')}`, weekday: got.weekday ?? '', month: got.month ?? '', day: Number(got.day),
      hour: Number(got.hour), minute: Number(got.minute),
    };
    if (partsCache.size < 100_000) partsCache.set(key, p);
  }
  return p;
}

const instants = new Map<string, number>();

/**
 * The instant of a wall-clock date and HH:MM in a zone; NaN when either does not read. Cached: an event
 * has few distinct meeting times, and pages, calendars and notices ask for each of them per person.
 */
export function instant(date: string, hhmm: string, zone: string): number {
  const key = `${date}T${hhmm}|${zone}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(hhmm) || !isZone(zone) ? NaN : fromZonedTime(`${date}T${hhmm}:00`, zone).getTime();
    if (instants.size < 100_000) instants.set(key, ms);
  }
  return ms;
}

/** `Wednesday, July 15` for a YYYY-MM-DD day (a calendar day, no zone involved); other text as given. */
export function longDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const p = partsOf(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12), 'UTC');
  return p.date === day ? `${p.weekday}, ${p.month} ${p.day}` : day;
}

/** `ET`, `CT`, `MST` (Arizona), `AKT`, `HST`: the zone's short name as people in it write it. */
export function zoneAbbr(zone: string): string {
  return zoneNamePart(zone, 'shortGeneric');
}

/** `Eastern`, `Central`, `Arizona`, `Hawaii-Aleutian Standard`: the zone's name, to be followed by "time". */
export function zoneName(zone: string): string {
  if (zone === 'America/Phoenix') return 'Arizona';
  return zoneNamePart(zone, 'longGeneric').replace(/ Time$/, '');
}

/**
 * The names ICU (en-US) gives the zones participants in the US are in, as [shortGeneric, longGeneric]: a run
 * that needs no other zone's name does not load ICU's zone names (15 ms of CPU). test/unit/when.test.ts
 * checks they are still ICU's.
 */
export const KNOWN_ZONE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  'America/New_York': ['ET', 'Eastern Time'], 'America/Detroit': ['ET', 'Eastern Time'], 'America/Indiana/Indianapolis': ['ET', 'Eastern Time'],
  'America/Chicago': ['CT', 'Central Time'], 'America/Denver': ['MT', 'Mountain Time'], 'America/Boise': ['MT', 'Mountain Time'],
  'America/Phoenix': ['MST', 'Mountain Standard Time'], 'America/Los_Angeles': ['PT', 'Pacific Time'], 'America/Anchorage': ['AKT', 'Alaska Time'],
  'Pacific/Honolulu': ['HST', 'Hawaii-Aleutian Standard Time'], 'America/Puerto_Rico': ['AST', 'Atlantic Standard Time'], 'America/St_Thomas': ['AST', 'Atlantic Standard Time'],
};

const names = new Map<string, string>();
function zoneNamePart(zone: string, style: 'shortGeneric' | 'longGeneric'): string {
  const known = KNOWN_ZONE_NAMES[zone];
  if (known) return style === 'shortGeneric' ? known[0] : known[1];
  const key = `${zone}|${style}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      // January: the generic names do not depend on the day, and a fixed day keeps output stable.
      const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style }).formatToParts(Date.UTC(2020, 0, 15));
      name = parts.find((x) => x.type === 'timeZoneName')?.value ?? zone;
    } catch {
      name = zone;
    }
    names.set(key, name);
  }
  return name;
}

const clock = (p: Parts) => `${p.hour % 12 === 0 ? 12 : p.hour % 12}:${String(p.minute).padStart(2, '0')}`;
const meridiem = (p: Parts) => (p.hour < 12 ? 'am' : 'pm');

/** `12:30–1:00 pm`, `11:30 am–12:00 pm`: the meridiem once when both ends share it. */
export function timeRange(startMs: number, endMs: number, zone: string): string {
  const a = partsOf(startMs, zone);
  const b = partsOf(endMs, zone);
  const sameHalf = meridiem(a) === meridiem(b) && a.date === b.date;
  return `${clock(a)}${sameHalf ? '' : ` ${meridiem(a)}`}–${clock(b)} ${meridiem(b)}`;
}

/** Minutes a zone's clock is ahead of UTC at an instant (east of Greenwich is positive). */
export function offsetMinutes(ms: number, zone: string): number {
  const p = partsOf(ms, zone);
  const [y, mo, d] = p.date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, mo - 1, d, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** The YYYY-MM-DD day an instant falls on in a zone. */
export const dayIn = (ms: number, zone: string) => partsOf(ms, zone).date;

/**
 * `12:30–1:00 pm CT`, with the day added (`, Thursday, July 16`) when in that zone the meeting falls
 * on another day than `day`.
 */
export function rangeIn(startMs: number, endMs: number, zone: string, day?: string): string {
  const local = dayIn(startMs, zone);
  return `${timeRange(startMs, endMs, zone)} ${zoneAbbr(zone)}${day !== undefined && local !== day ? `, ${longDate(local)}` : ''}`;
}

/**
 * A meeting's time for one reader: in their zone first, then in the event's in parentheses when it
 * differs: `12:30–1:00 pm CT (1:30–2:00 pm ET)`. The day is the event's; a reader for whom the
 * meeting falls on another day gets that day named.
 */
export function whenText(startMs: number, endMs: number, eventZone: string, readerZone = eventZone): string {
  const day = dayIn(startMs, eventZone);
  const mine = isZone(readerZone) ? readerZone : eventZone;
  if (mine === eventZone || (zoneAbbr(mine) === zoneAbbr(eventZone) && timeRange(startMs, endMs, mine) === timeRange(startMs, endMs, eventZone))) return rangeIn(startMs, endMs, eventZone);
  return `${rangeIn(startMs, endMs, mine, day)} (${rangeIn(startMs, endMs, eventZone)})`;
}
