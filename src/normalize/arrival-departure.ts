// A participant's own limits on an in-person day: when they arrive ("landing 11:30am") and when they
// must leave ("my flight leaves at 4:30", "leaving at 3pm on the 15th"), read in availability's words
// (availability-words.ts), and the slots they take away. An arrival that names no day is on the first
// event day, a departure on the last. A cell awg cannot read limits nothing and is said, never guessed.
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { EventConfig } from '../config/schema.js';
import { hhmm, toMinutes } from '../event.js';
import type { Slot } from '../model.js';
import { MONTH_ABBREVIATIONS, tokenize } from './availability-words.js';

export type LimitKind = 'arrival' | 'departure';

export interface DayLimit {
  /** YYYY-MM-DD and HH:MM in the event's zone. */
  day: string;
  time: string;
  ms: number;
}

export interface LimitReading {
  limit?: DayLimit;
  /** Why the cell could not be read, where it could not. */
  unreadable?: string;
  /** An hour written without am/pm, as awg took it ("4:30" → 16:30). */
  guessed?: string;
}

// The words around a time in these answers: they say nothing of when.
const LIMIT_WORDS = new Set(("arrive arrives arriving arrival arrived land lands landing get gets getting in into town dc there here " +
  "flight flights fly flying plane train bus amtrak car drive driving leave leaves leaving left depart departs departing departure " +
  "go going home back out need needs have has must should will be around about approx approximately at by on the my our we i i'm " +
  "im am is are it its it's expected estimated est roughly ish hopefully probably likely of from to for a an and or time until till " +
  "wheels up boarding board takes off take off latest earliest no later than not before after airport reagan national dca iad bwi union station").split(' '));

const NO_LIMIT = /^(n\/?a|na|none|no|nope|-+|—|local|local(ly)?|i live (here|locally|in dc|nearby)|staying( over)?|not (flying|traveling|travelling)|same|any ?time|flexible|all day)$/i;

/** 1–6 without am/pm are afternoon on a daytime event, 7–11 morning; 13–23 are read as a 24-hour clock. */
function withMeridiem(h: number, mm: string): string {
  if (h >= 13 && h <= 23) return `${h - 12}:${mm}pm`;
  if (h === 0) return `12:${mm}am`;
  return `${h}:${mm}${h === 12 || (h >= 1 && h <= 6) ? 'pm' : 'am'}`;
}

/** "the 15th" as availability's words have it ("jul 15"), where one event day falls on that date. */
function ordinalDays(text: string, event: EventConfig): string {
  return text.replace(/\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/g, (all, d: string) => {
    const day = event.days.find((x) => Number(x.slice(8, 10)) === Number(d));
    return day ? ` ${MONTH_ABBREVIATIONS[Number(day.slice(5, 7)) - 1]} ${Number(d)} ` : all;
  });
}

export function readDayLimit(raw: string, kind: LimitKind, event: EventConfig): LimitReading {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || NO_LIMIT.test(text.replace(/[.!]+$/, ''))) return {};
  let guessed: string | undefined;
  let t = ordinalDays(text.toLowerCase().replace(/[–—−]/g, '-'), event)
    .replace(/\bnoon\b/g, '12pm').replace(/\bmidday\b/g, '12pm');
  // A clock without am/pm ("4:30", "16:30", "at 4") reads as a daytime hour, and the reading is kept to say.
  t = t.replace(/\b(\d{1,2}):(\d{2})\b(?!\s*(?:a\.?m|p\.?m))/g, (all, h: string, mm: string) => {
    guessed = withMeridiem(Number(h), mm);
    return guessed;
  });
  t = t.replace(/\b(at|by|around|about|before|after|until|till|leaves|leaving|arrive|arriving|lands|landing)\s+(\d{1,2})\b(?![:/\d]|\s*(?:a\.?m|p\.?m|st|nd|rd|th))/g, (all, w: string, h: string) => {
    guessed = withMeridiem(Number(h), '00');
    return `${w} ${guessed}`;
  });
  const winFrom = toMinutes(event.windowStart);
  const winTo = toMinutes(event.windowEnd);
  const { tokens, residue, zone, zones } = tokenize(t, { event, winFrom, winTo });
  const left = residue.filter((r) => r.toLowerCase().replace(/[^\p{L}\p{N}'\s]/gu, ' ').split(/\s+/).some((w) => w && !LIMIT_WORDS.has(w) && !/^\d+$/.test(w)));
  const bad = tokens.flatMap((k) => (k.kind === 'badday' ? [k.text] : []));
  const days = [...new Set(tokens.flatMap((k) => (k.kind === 'day' ? k.days : [])))];
  const times = tokens.flatMap((k) => (k.kind === 'time' ? [k] : []));
  const read = guessed ? { guessed } : {};
  if (tokens.some((k) => k.kind === 'any') && !times.length) return {};
  if (bad.length) return { unreadable: `"${bad.join('", "')}" is not a day of the event (${event.days.join(', ')})`, ...read };
  if (left.length && !times.length) return { unreadable: 'it gives no time awg reads', ...read };
  if (left.length) return { unreadable: `awg does not read "${left.map((r) => r.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).join('", "')}" in it`, ...read };
  if (zones.size > 1) return { unreadable: 'it mixes time zones', ...read };
  if (days.length > 1) return { unreadable: 'it names more than one day', ...read };
  if (!times.length) return { unreadable: days.length ? 'it names a day but no time' : 'it names no time', ...read };
  // The named moment of each time; of several, the one that limits least is not taken: the latest arrival, the earliest departure.
  const moments = times.map((k) => (k.edge === 'to' ? k.to : k.edge === 'from' ? k.from : kind === 'arrival' ? k.to : k.from));
  const minutes = kind === 'arrival' ? Math.max(...moments) : Math.min(...moments);
  const sorted = [...event.days].sort();
  const day = days[0] ?? (kind === 'arrival' ? sorted[0]! : sorted.at(-1)!);
  const ms = fromZonedTime(`${day}T${hhmm(Math.min(minutes, 23 * 60 + 59))}:00`, zone ?? event.timeZone).getTime();
  return { limit: { day: formatInTimeZone(ms, event.timeZone, 'yyyy-MM-dd'), time: formatInTimeZone(ms, event.timeZone, 'HH:mm'), ms }, ...read };
}

/** The slots left once a person arrives and before they leave: a meeting starts after arrival and ends by departure. */
export function withinStay(slotIndexes: readonly number[], slots: readonly Slot[], arrival: DayLimit | undefined, departure: DayLimit | undefined): number[] {
  if (!arrival && !departure) return [...slotIndexes];
  return slotIndexes.filter((i) => {
    const s = slots[i];
    return s !== undefined && (!arrival || s.startMs >= arrival.ms) && (!departure || s.endMs <= departure.ms);
  });
}
