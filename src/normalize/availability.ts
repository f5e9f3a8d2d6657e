// Availability, from checkbox grids, checkbox lists and free text, as the set of the event's slots a
// person can attend. Blank means every slot (the invitation asks people to note only when they cannot
// join). Words it cannot read are returned for review, never guessed.
import { fromZonedTime } from 'date-fns-tz';
import type { EventConfig } from '../config/schema.js';
import { hhmm, toMinutes } from '../event.js';
import type { Availability, Slot } from '../model.js';
import { tokenize, type Ctx, type Token } from './availability-words.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { Availability } from '../model.js';
export { dayCellText, dayOfHeading, dayOfLabel, readsAsAvailability } from './availability-words.js';

export interface AvailabilityInput {
  /** Cell text; `day` set for a checkbox-grid column (`Question [Tuesday, July 14]`). */
  text: string;
  day?: string;
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

/** A row's reading from all its availability cells: exports repeat the same few combinations of answers too. */
const rowCache = new WeakMap<readonly Slot[], Map<string, Availability>>();

export function parseAvailability(inputs: readonly AvailabilityInput[], event: EventConfig, slots: readonly Slot[]): Availability {
  let cache = rowCache.get(slots);
  if (!cache) rowCache.set(slots, (cache = new Map()));
  let key = '';
  // Each text's length first, so that no text, whatever it holds, can run into the next one's part of the key.
  for (const c of inputs) key += `${c.text.length}|${c.day ?? ''}|${c.text}`;
  let reading = cache.get(key);
  if (!reading) {
    reading = readAvailability(inputs, event, slots);
    // Its lists are shared by every row that answered the same (100,000 copies of slot lists were 20 MB
    // kept for the whole run): frozen, so that whatever changed one in place would fail, not change them all.
    Object.freeze(reading.slots);
    Object.freeze(reading.unreadable);
    if (cache.size < 50_000) cache.set(key, reading);
  }
  // An object for each row: the caller may set its own (a note beside blank times means they cannot join).
  return { slots: reading.slots, blank: reading.blank, cannotJoin: reading.cannotJoin, unreadable: reading.unreadable };
}

function readAvailability(inputs: readonly AvailabilityInput[], event: EventConfig, slots: readonly Slot[]): Availability {
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
