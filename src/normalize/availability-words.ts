// The words of availability answers as tokens: days, clock times and ranges, "any time", "not",
// "cannot join", zones. Also reads column headings that name one day of the event.
import type { EventConfig } from '../config/schema.js';
import { longestMeeting, toMinutes, weekdayOf } from '../event.js';
import { ZONE_WORD_ALTERNATION, zoneOfWord } from './zones.js';
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type Token =
  | { kind: 'day'; days: string[] }
  /** `edge`: the end of the span the words name ('after 2pm' names its from, 'by 3pm' its to, a lone '11am' its from). */
  | { kind: 'time'; from: number; to: number; edge?: 'from' | 'to' }
  | { kind: 'any' }
  | { kind: 'neg' }
  | { kind: 'break' }
  | { kind: 'cannot' }
  | { kind: 'badday'; text: string };

const MERIDIEM = String.raw`(a\.?m\.?|p\.?m\.?)`;
const CLOCK = String.raw`(\d{1,2})(?::(\d{2}))?\s*${MERIDIEM}?`;
const ZONE_WORD = String.raw`\b(${ZONE_WORD_ALTERNATION})\b(?:\s+time)?`;

const PATTERNS: Array<[string, RegExp]> = [
  ['cannot', /\b(can ?not|can't|cant|unable to|not able to|none of (these|the above|them)|no times? work)\b[^;\n]*?\b(join|attend|participate|make|meet|any|work)\b[^;\n]*/y],
  ['any', /\b(any ?time|all (of )?the above|all times|whenever|fully available|flexible|entire time)\b/y],
  ['everyday', /\b(any day|all days|every day|each day|all (three|3) days|any of the days)\b/y],
  ['allday', /\b(all day|the whole day|full day)\b/y],
  ['range', new RegExp(String.raw`\b${CLOCK}\s*(?:-|to|until|till|through)\s*${CLOCK}(?!\d)`, 'y')],
  ['after', new RegExp(String.raw`\b(after|from|starting at|starting|beginning at|beginning)\s+${CLOCK}(?!\d)`, 'y')],
  ['before', new RegExp(String.raw`\b(before|until|till|by|up to)\s+${CLOCK}(?!\d)`, 'y')],
  ['clock', new RegExp(String.raw`\b(\d{1,2})(?::(\d{2}))?\s*${MERIDIEM}(?![a-z])`, 'y')],
  ['morning', /\b(mornings?|a\.?m\.? only)\b/y],
  ['afternoon', /\b(afternoons?|p\.?m\.? only)\b/y],
  ['noon', /\b(noon|midday|lunch ?time)\b/y],
  ['monthday', new RegExp(String.raw`\b(${MONTHS.join('|')})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`, 'y')],
  ['numdate', /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/y],
  ['weekday', /\b(sun|mon|tue|wed|thu|fri|sat)(?:s|\.|day|days|sday|sdays|nesday|nesdays|rsday|rsdays|urday|urdays|r|rs)?\b/y],
  ['neg', /\b(not|except|unavailable|busy|no|but not|other than)\b/y],
  ['zone', new RegExp(ZONE_WORD, 'y')],
  ['break', /[;\n]|\bbut\b/y],
];

const FILLER = new Set(
  ('and or & on the at in i im i\'m am is are be can could do will would only also available availability avail free ' +
    'ok okay fine either both works work best prefer preferably prefered preferred from to with of a an yes time times day days ' +
    'between during any all et for me my am pm slot slots block blocks session sessions meeting meetings july june ' +
    'this that these those next week every each nd rd th st hours hour ish approx approximately around about ' +
    'if possible please schedule morning afternoon open weekday weekdays').split(' '),
);

function to24(h: number, mer: string | undefined): number {
  if (!mer) return h;
  const pm = mer.startsWith('p');
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

/** Hours written without am/pm during a daytime event: 1–6 are afternoon. */
function guessHour(h: number): number {
  return h >= 1 && h <= 6 ? h + 12 : h;
}

export const MONTH_ABBREVIATIONS: readonly string[] = MONTHS;

export interface Ctx {
  event: EventConfig;
  winFrom: number;
  winTo: number;
}

function clockMinutes(h: string | undefined, m: string | undefined, mer: string | undefined, guess: boolean): number {
  const hour = Number(h ?? 0);
  const merN = mer?.replace(/\./g, '');
  const h24 = merN ? to24(hour, merN) : guess ? guessHour(hour) : hour;
  return h24 * 60 + Number(m ?? 0);
}

function resolveMonthDay(month: number, date: number, event: EventConfig): string | undefined {
  return event.days.find((d) => Number(d.slice(5, 7)) === month && Number(d.slice(8, 10)) === date);
}

export function tokenize(text: string, ctx: Ctx): { tokens: Token[]; residue: string[]; zone?: string; zones: Set<string> } {
  const tokens: Token[] = [];
  const residue: string[] = [];
  const zones = new Set<string>();
  let i = 0;
  let gap = '';
  const flushGap = () => {
    const words = gap.toLowerCase().replace(/[^\p{L}\p{N}'\s]/gu, ' ').split(/\s+/).filter((w) => w && !FILLER.has(w) && !/^\d+$/.test(w));
    if (words.length) residue.push(gap.trim());
    gap = '';
  };
  const lower = text
    .toLowerCase()
    .replace(/[–—−]/g, '-')
    // "before noon", "noon-2pm", "10 to noon": noon as a clock time.
    .replace(/\b(before|after|until|till|by|from|to|-)\s*noon\b/g, '$1 12pm')
    .replace(/\bnoon\s*(?=-|to\b|until\b)/g, '12pm ');
  outer: while (i < lower.length) {
    for (const [kind, re] of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(lower);
      if (!m || m[0].length === 0) continue;
      flushGap();
      i += m[0].length;
      switch (kind) {
        case 'cannot': tokens.push({ kind: 'cannot' }); break;
        case 'any': tokens.push({ kind: 'any' }); break;
        case 'everyday': tokens.push({ kind: 'day', days: [...ctx.event.days] }); break;
        case 'allday': tokens.push({ kind: 'time', from: ctx.winFrom, to: ctx.winTo }); break;
        case 'break': tokens.push({ kind: 'break' }); break;
        case 'neg': tokens.push({ kind: 'neg' }); break;
        case 'zone': {
          const z = zoneOfWord(m[1] ?? '');
          if (z) zones.add(z);
          break;
        }
        case 'range': {
          const [, h1, m1, mer1, h2, m2, mer2] = m;
          let to = clockMinutes(h2, m2, mer2, true);
          let from: number;
          if (mer1) from = clockMinutes(h1, m1, mer1, false);
          else if (mer2) {
            from = clockMinutes(h1, m1, mer2, false);
            if (from > to) from = clockMinutes(h1, m1, undefined, false);
          } else from = clockMinutes(h1, m1, undefined, true);
          if (!mer2 && to <= from && to + 720 <= 24 * 60) to += 720;
          tokens.push({ kind: 'time', from, to });
          break;
        }
        case 'after': tokens.push({ kind: 'time', from: clockMinutes(m[2], m[3], m[4], true), to: ctx.winTo, edge: 'from' }); break;
        case 'before': tokens.push({ kind: 'time', from: ctx.winFrom, to: clockMinutes(m[2], m[3], m[4], true), edge: 'to' }); break;
        case 'clock': {
          // A lone "11am" reads as the meeting that starts then.
          const from = clockMinutes(m[1], m[2], m[3], false);
          tokens.push({ kind: 'time', from, to: from + longestMeeting(ctx.event), edge: 'from' });
          break;
        }
        case 'morning': tokens.push({ kind: 'time', from: ctx.winFrom, to: Math.max(ctx.winFrom, 12 * 60) }); break;
        case 'afternoon': tokens.push({ kind: 'time', from: Math.min(ctx.winTo, 12 * 60), to: ctx.winTo }); break;
        case 'noon': tokens.push({ kind: 'time', from: 12 * 60, to: 13 * 60 }); break;
        case 'monthday': {
          const month = MONTHS.indexOf((m[1] ?? '').slice(0, 3)) + 1;
          const day = resolveMonthDay(month, Number(m[2]), ctx.event);
          tokens.push(day ? { kind: 'day', days: [day] } : { kind: 'badday', text: m[0] });
          break;
        }
        case 'numdate': {
          const day = resolveMonthDay(Number(m[1]), Number(m[2]), ctx.event);
          tokens.push(day ? { kind: 'day', days: [day] } : { kind: 'badday', text: m[0] });
          break;
        }
        case 'weekday': {
          const wd = WEEKDAYS.indexOf(m[1] ?? '');
          const days = ctx.event.days.filter((d) => weekdayOf(d) === wd);
          tokens.push(days.length ? { kind: 'day', days } : { kind: 'badday', text: m[0] });
          break;
        }
      }
      continue outer;
    }
    gap += lower[i];
    i++;
  }
  flushGap();
  const zone = zones.size === 1 ? [...zones][0] : undefined;
  return { tokens, residue, zone, zones };
}
/** The one event day a label names ("Tuesday, July 14", "7/14", "Tue"), as in a checkbox-grid header. */
export function dayOfLabel(label: string, event: EventConfig): string | undefined {
  const { tokens } = tokenize(label, { event, winFrom: 0, winTo: 24 * 60 });
  const days = new Set(tokens.flatMap((t) => (t.kind === 'day' ? t.days : [])));
  return days.size === 1 ? [...days][0] : undefined;
}

/**
 * A column headed by a day alone (`Tuesday, July 14`, `Tue 7/14`, `July 14`, `7/14/2020`, `2020-07-14`),
 * perhaps with a time (`Tuesday, July 14, 10am-12pm ET`, one column per choice): `{ day }` for an event
 * day, `{}` for a date outside the event, undefined when the header is not a day heading.
 */
export function dayOfHeading(header: string, event: EventConfig): { day?: string } | undefined {
  const text = header.trim();
  // A heading is short; a long cell (the header row is searched among answers too) is not one.
  if (text.length > 80) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return event.days.includes(text) ? { day: text } : {};
  const { tokens, residue } = tokenize(text, { event, winFrom: 0, winTo: 24 * 60 });
  if (residue.length || !tokens.length || tokens.some((t) => t.kind !== 'day' && t.kind !== 'badday' && t.kind !== 'time')) return undefined;
  const days = new Set(tokens.flatMap((t) => (t.kind === 'day' ? t.days : [])));
  if (days.size === 1) return { day: [...days][0]! };
  return days.size === 0 && tokens.some((t) => t.kind === 'badday') ? {} : undefined;
}

const TICK = /^(x|✓|✔|yes|y|true|1|checked|selected|available|ok)$/i;
const NOPE = /^(n\/a|na|none|-+|—|false|0)$/i;

/** A cell of a one-day column: a tick means the day (or the time) its heading names; "n/a" means no. */
export function dayCellText(text: string, label: string): string {
  // An empty cell (most of a grid) is no tick and no "n/a", and not the label.
  if (text === '') return '';
  const t = text.replace(/\s+/g, ' ').trim();
  if (TICK.test(t) || t.toLowerCase() === label.trim().toLowerCase()) return label;
  return NOPE.test(t) ? 'no' : t;
}

/** An answer made only of days and times ("Tue 10am-12pm", "mornings", "any time"): availability. */
export function readsAsAvailability(text: string, event: EventConfig): boolean {
  const t = text.trim();
  if (!t || t.length > 300 || /^\d{4}-\d{2}-\d{2}/.test(t)) return false;
  const { tokens, residue } = tokenize(t, { event, winFrom: toMinutes(event.windowStart), winTo: toMinutes(event.windowEnd) });
  return !residue.length && tokens.some((k) => k.kind === 'day' || k.kind === 'time' || k.kind === 'any');
}
