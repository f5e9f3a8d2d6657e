// Availability, from checkbox grids, checkbox lists and free text, as the set of the event's slots a
// person can attend. Blank means every slot (the invitation asks people to note only when they cannot
// join). Words it cannot read are returned for review, never guessed.
import { fromZonedTime } from 'date-fns-tz';
import type { EventConfig } from '../config/schema.js';
import { hhmm, toMinutes, weekdayOf } from '../event.js';
import type { Availability, Slot } from '../model.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { Availability } from '../model.js';

export interface AvailabilityInput {
  /** Cell text; `day` set for a checkbox-grid column (`Question [Tuesday, July 14]`). */
  text: string;
  day?: string;
}

const ZONES: Array<[RegExp, string]> = [
  [/^(et|edt|est|eastern)$/, 'America/New_York'],
  [/^(ct|cdt|cst|central)$/, 'America/Chicago'],
  [/^(mt|mdt|mst|mountain)$/, 'America/Denver'],
  [/^(pt|pdt|pst|pacific)$/, 'America/Los_Angeles'],
  [/^(akt|akdt|akst|alaska)$/, 'America/Anchorage'],
  [/^(ht|hst|hawaii)$/, 'Pacific/Honolulu'],
];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type Token =
  | { kind: 'day'; days: string[] }
  | { kind: 'time'; from: number; to: number }
  | { kind: 'any' }
  | { kind: 'neg' }
  | { kind: 'break' }
  | { kind: 'cannot' }
  | { kind: 'badday'; text: string };

const MERIDIEM = String.raw`(a\.?m\.?|p\.?m\.?)`;
const CLOCK = String.raw`(\d{1,2})(?::(\d{2}))?\s*${MERIDIEM}?`;
const ZONE_WORD = String.raw`\b(et|edt|est|eastern|ct|cdt|cst|central|mt|mdt|mst|mountain|pt|pdt|pst|pacific|akt|akdt|akst|alaska|ht|hst|hawaii)\b(?:\s+time)?`;

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

interface Ctx {
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

function tokenize(text: string, ctx: Ctx): { tokens: Token[]; residue: string[]; zone?: string; zones: Set<string> } {
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
          const word = m[1] ?? '';
          const z = ZONES.find(([r]) => r.test(word));
          if (z) zones.add(z[1]);
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
        case 'after': tokens.push({ kind: 'time', from: clockMinutes(m[2], m[3], m[4], true), to: ctx.winTo }); break;
        case 'before': tokens.push({ kind: 'time', from: ctx.winFrom, to: clockMinutes(m[2], m[3], m[4], true) }); break;
        case 'clock': {
          // A lone "11am" reads as the meeting that starts then.
          const from = clockMinutes(m[1], m[2], m[3], false);
          tokens.push({ kind: 'time', from, to: from + ctx.event.meetingMinutes });
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

interface Group {
  days: string[];
  times: Array<{ from: number; to: number }>;
  neg: boolean;
}

function groupTokens(tokens: Token[], contextDay: string | undefined): { groups: Group[]; any: boolean; cannot: boolean; bad: string[] } {
  const groups: Group[] = [];
  let cur: Group = { days: [], times: [], neg: false };
  let any = false;
  let cannot = false;
  const bad: string[] = [];
  const close = () => {
    if (cur.days.length || cur.times.length) groups.push(cur);
    cur = { days: [], times: [], neg: false };
  };
  for (const t of tokens) {
    if (t.kind === 'any') any = true;
    else if (t.kind === 'cannot') cannot = true;
    else if (t.kind === 'badday') bad.push(t.text);
    else if (t.kind === 'break') close();
    else if (t.kind === 'neg') {
      close();
      cur.neg = true;
    } else if (t.kind === 'day') {
      // A day after times starts a new clause: "Tue 10-12, Wed 2-4".
      if (cur.times.length) close();
      for (const d of t.days) if (!cur.days.includes(d)) cur.days.push(d);
    } else cur.times.push({ from: t.from, to: t.to });
  }
  close();
  if (contextDay) for (const g of groups) if (!g.days.length) g.days.push(contextDay);
  // Times written before any day ("mornings, Tue and Wed") belong to the day group that follows.
  for (let k = 0; k + 1 < groups.length; k++) {
    const g = groups[k];
    const next = groups[k + 1];
    if (g && next && !g.days.length && g.times.length && next.days.length && !next.times.length && g.neg === next.neg) {
      next.times = g.times;
      groups.splice(k, 1);
      k--;
    }
  }
  return { groups, any, cannot, bad };
}

const zonedCache = new Map<string, number>();

function zonedMs(day: string, minutes: number, zone: string): number {
  const key = `${day}|${minutes}|${zone}`;
  const hit = zonedCache.get(key);
  if (hit !== undefined) return hit;
  const ms = zonedMsUncached(day, minutes, zone);
  if (zonedCache.size < 100_000) zonedCache.set(key, ms);
  return ms;
}

function zonedMsUncached(day: string, minutes: number, zone: string): number {
  const m = Math.min(minutes, 23 * 60 + 59);
  return fromZonedTime(`${day}T${hhmm(m)}:00`, zone).getTime() + (minutes - m) * 60_000;
}

function intervalsToSlots(
  pieces: Array<{ day: string; from: number; to: number }>,
  zone: string,
  slots: readonly Slot[],
): Set<number> {
  const out = new Set<number>();
  for (const p of pieces) {
    const fromMs = zonedMs(p.day, p.from, zone);
    const toMs = zonedMs(p.day, p.to, zone);
    for (const s of slots) if (s.startMs >= fromMs && s.endMs <= toMs) out.add(s.index);
  }
  return out;
}

interface CellReading {
  slots: number[];
  unreadable: string[];
  cannot: boolean;
  positive: boolean;
}

/** Reading one cell depends only on its text, its day and the event: exports repeat the same few answers. */
const cellCache = new WeakMap<readonly Slot[], Map<string, CellReading>>();

function readCell(cell: AvailabilityInput, ctx: Ctx, slots: readonly Slot[]): CellReading {
  let cache = cellCache.get(slots);
  if (!cache) cellCache.set(slots, (cache = new Map()));
  const key = `${cell.day ?? ''}\u0000${cell.text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { event, winFrom, winTo } = ctx;
  const { tokens, residue, zone, zones } = tokenize(cell.text, ctx);
  const unreadable = [...residue];
  if (zones.size > 1) unreadable.push(`${cell.text.trim()} (mixes time zones)`);
  const tz = zone ?? event.timeZone;
  const { groups, any, cannot, bad } = groupTokens(tokens, cell.day);
  for (const b of bad) unreadable.push(`${b} (not a day of the event)`);
  const positive = groups.filter((g) => !g.neg);
  const negative = groups.filter((g) => g.neg);
  const all = slots.filter((s) => !cell.day || s.day === cell.day).map((s) => s.index);
  const expand = (g: Group) => {
    const days = g.days.length ? g.days : event.days;
    const times = g.times.length ? g.times : [{ from: winFrom, to: winTo }];
    return intervalsToSlots(days.flatMap((day) => times.map((t) => ({ day, ...t }))), g.times.length ? tz : event.timeZone, slots);
  };
  let cellSet = new Set<number>();
  if (any || (cell.day && !groups.length && !cannot && !residue.length && tokens.length === 0)) cellSet = new Set(all);
  for (const g of positive) for (const s of expand(g)) cellSet.add(s);
  if (negative.length) {
    if (!positive.length && !any) cellSet = new Set(all);
    for (const g of negative) for (const s of expand(g)) cellSet.delete(s);
  }
  const reading: CellReading = {
    slots: [...cellSet],
    unreadable,
    cannot: cannot && !positive.length && !any,
    positive: any || positive.length > 0 || negative.length > 0,
  };
  if (cache.size < 50_000) cache.set(key, reading);
  return reading;
}

export function parseAvailability(inputs: readonly AvailabilityInput[], event: EventConfig, slots: readonly Slot[]): Availability {
  const winFrom = toMinutes(event.windowStart);
  const winTo = toMinutes(event.windowEnd);
  const ctx: Ctx = { event, winFrom, winTo };
  const filled = inputs.filter((c) => c.text.trim() !== '');
  if (!filled.length) return { slots: slots.map((s) => s.index), blank: true, cannotJoin: false, unreadable: [] };

  const chosen = new Set<number>();
  const unreadable: string[] = [];
  let sawPositive = false;
  let cannotJoin = false;
  for (const cell of filled) {
    const r = readCell(cell, ctx, slots);
    unreadable.push(...r.unreadable);
    if (r.cannot) cannotJoin = true;
    if (r.positive) sawPositive = true;
    for (const s of r.slots) chosen.add(s);
  }
  if (sawPositive) cannotJoin = false;
  return { slots: [...chosen].sort((a, b) => a - b), blank: false, cannotJoin, unreadable };
}

/** The one event day a label names ("Tuesday, July 14", "7/14", "Tue"), as in a checkbox-grid header. */
export function dayOfLabel(label: string, event: EventConfig): string | undefined {
  const { tokens } = tokenize(label, { event, winFrom: 0, winTo: 24 * 60 });
  const days = new Set(tokens.flatMap((t) => (t.kind === 'day' ? t.days : [])));
  return days.size === 1 ? [...days][0] : undefined;
}
