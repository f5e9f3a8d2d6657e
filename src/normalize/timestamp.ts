// Form timestamps: Google Forms (2020/06/22 11:07:29 AM EDT), Sheets (6/22/2020 11:07:29), Excel date
// cells (read as wall-clock ISO text), ISO 8601. A zone in the cell wins; otherwise the event's zone.
import { fromZonedTime } from 'date-fns-tz';

const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, EDT: -4, EST: -5, ET: -5, CDT: -5, CST: -6, CT: -6, MDT: -6, MST: -7, MT: -7,
  PDT: -7, PST: -8, PT: -8, AKDT: -8, AKST: -9, HST: -10, HDT: -9, BST: 1, CET: 1, CEST: 2,
};

function offsetMinutes(zone: string): number | undefined {
  const z = zone.toUpperCase();
  if (z in ZONE_OFFSETS) return (ZONE_OFFSETS[z] ?? 0) * 60;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m || !m[2]) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const pad = (n: number) => String(n).padStart(2, '0');

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string | undefined, eventZone: string): Date | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return undefined;
  if (zone) {
    const off = offsetMinutes(zone);
    if (off === undefined) return undefined;
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - off * 60_000);
  }
  return new Date(zonedMs(y, mo, d, h, mi, s, eventZone));
}

/**
 * The zone's offset over each wall-clock hour, by date-fns-tz, cached (null: not the same all hour): a
 * timestamp without a zone (Sheets, Excel) cost a time-zone lookup each (1.1 s at 100,000 rows), and an
 * export's rows fall in a few hundred hours. An hour whose offset differs at its start and its end (a
 * zone that changes at :30, a skipped or repeated hour) is not cached: each of its timestamps asks date-fns-tz.
 */
const hourOffsets = new Map<string, number | null>();

function zonedMs(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string): number {
  const wall = (m: number, sec: number) => `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(m)}:${pad(sec)}`;
  const key = `${zone}|${y}-${mo}-${d}T${h}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const at = (m: number, sec: number) => Date.UTC(y, mo - 1, d, h, m, sec) - fromZonedTime(wall(m, sec), zone).getTime();
    const start = at(0, 0);
    offset = start === at(59, 59) ? start : null;
    if (hourOffsets.size < 100_000) hourOffsets.set(key, offset);
  }
  return offset === null ? fromZonedTime(wall(mi, s), zone).getTime() : Date.UTC(y, mo - 1, d, h, mi, s) - offset;
}

function to24(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = /^p/i.test(ampm);
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?: ?([AaPp]\.?[Mm]\.?))?)?`;
const ZONE = String.raw`(?: ?(Z|[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?`;
// Compiled once, not per row: at 100,000 RSVPs building them was most of this function's time.
/** ISO and Forms: year first. */
const YEAR_FIRST = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})${TIME}${ZONE}$`);
/** Sheets and US locale: month first. */
const MONTH_FIRST = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{2,4})${TIME}${ZONE}$`);

/** The instant a response was submitted, or undefined when the text is not a timestamp. */
export function parseTimestamp(raw: string, eventZone: string): Date | undefined {
  const trimmed = raw.trim();
  // Whitespace to collapse (a run, or a tab) is rare: the rewrite is skipped without it.
  const text = /\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  if (!text) return undefined;
  let m = YEAR_FIRST.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, ap, z] = m;
    return build(Number(y), Number(mo), Number(d), to24(Number(h ?? 0), ap), Number(mi ?? 0), Number(s ?? 0), z, eventZone);
  }
  m = MONTH_FIRST.exec(text);
  if (m) {
    const [, mo, d, yRaw, h, mi, s, ap, z] = m;
    const y = Number(yRaw) < 100 ? 2000 + Number(yRaw) : Number(yRaw);
    return build(y, Number(mo), Number(d), to24(Number(h ?? 0), ap), Number(mi ?? 0), Number(s ?? 0), z, eventZone);
  }
  return undefined;
}

/** End of the deadline day (or the given minute) in the event zone. */
export function deadlineInstant(deadline: string, eventZone: string): Date {
  if (deadline.length === 10) {
    const end = fromZonedTime(`${deadline}T23:59:59.999`, eventZone);
    return end;
  }
  return fromZonedTime(`${deadline}:00`, eventZone);
}
