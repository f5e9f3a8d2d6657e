// Construction: a new meeting for an office goes to the slot where most of its not-yet-placed
// constituents are free and an accompanier is (or can be freed by a reshuffle), and is filled.
import type { Meeting, TargetOffice } from '../model.js';
import { noTwinIn } from '../rules/duplicates.js';
import { canSeat } from '../rules/rulebook.js';
import { walkConflict } from '../rules/walking.js';
import { RANK_EXTRA_FLOWS } from './budgets.js';
import type { Search } from './search.js';
import { RESHUFFLE } from './staff-pool.js';
import { crossingsAdded } from './walks.js';

/** In rankedSlots' per-slot accompanier: nobody is free then. */
const NOBODY = -1;

export interface SlotChoice {
  s: number;
  /** The accompanier free then, RESHUFFLE when one must be freed by a reshuffle, undefined for none. */
  acc: number | undefined;
}

/** Fill a meeting with free constituents: people with no meeting first, then by priority, then closeness. */
export function fill(x: Search, m: Meeting): void {
  const { plan } = x;
  let need = x.input.event.maxGroup - m.attendees.length;
  if (need <= 0) return;
  // Candidates are in priority order. People with no meeting come first, in that order, so once there are
  // enough of them nobody else is looked at; only when they run short are the others ranked by closeness.
  const fresh: number[] = [];
  const others: number[] = [];
  for (const i of plan.candidates.get(m.office.id) ?? []) {
    if (!canSeat(plan, i, m)) continue;
    if (plan.meetingsOf[i]!.length) others.push(i);
    else if (fresh.push(i) >= need) break;
  }
  const close = fresh.length < need ? new Map(others.map((i) => [i, plan.closeness(i, m)])) : undefined;
  const chosen = close ? [...fresh, ...others.sort((a, b) => close.get(b)! - close.get(a)! || a - b)] : fresh;
  for (const i of chosen) {
    if (need <= 0) break;
    // Two possible duplicates of one person may both have been chosen: the second is not seated.
    if (!noTwinIn(plan, i, m)) continue;
    need--;
    plan.attend(m, i);
  }
}

/**
 * What fill(x, m) would add to placedValue(m's office), found without seating anyone: a new, empty
 * meeting's trial (improve tries several slots per meeting) only needs the number. Only the people
 * fill takes with no meeting count (the others are placed already), and they come first in its order.
 */
export function fillGain(x: Search, m: Meeting): number {
  const { plan } = x;
  let need = x.input.event.maxGroup - m.attendees.length;
  if (need <= 0) return 0;
  const fresh: number[] = [];
  for (const i of plan.candidates.get(m.office.id) ?? []) {
    if (plan.meetingsOf[i]!.length || !canSeat(plan, i, m)) continue;
    if (fresh.push(i) >= need) break;
  }
  // As fill seats them: the second of two possible duplicates is not seated.
  const seated: number[] = [];
  let gain = 0;
  for (const i of fresh) {
    if (need <= 0) break;
    if (plan.twins[i]?.some((j) => seated.includes(j))) continue;
    seated.push(i);
    need--;
    gain += plan.weight[i]!;
  }
  return gain;
}

/**
 * The best slot for a new meeting of this office: most constituents without any meeting free then
 * (on-time before late), then most free, then closest to their other meetings, then the least-loaded
 * accompanier, then the earliest. With `requireAccompanier`, only slots where one is free.
 */
export function bestSlot(x: Search, office: TargetOffice, requireAccompanier: boolean): SlotChoice | undefined {
  return rankedSlots(x, office, requireAccompanier, 1)[0];
}

/** The `limit` best slots for a new meeting of this office, best first (see bestSlot). */
export function rankedSlots(x: Search, office: TargetOffice, requireAccompanier: boolean, limit: number, maxFlows = limit + RANK_EXTRA_FLOWS): SlotChoice[] {
  const { plan, pool } = x;
  const { slots, event } = x.input;
  const lateFirst = event.lateRsvps === 'after-on-time';
  const nS = plan.nS;
  // Counted person by person (each person's row of avail/busy is contiguous), into per-slot totals; each
  // slot's closeness is still summed in candidate order, so the sums are the same to the last bit.
  const { unplacedOnTime, unplacedLate, free, close, accOf, load } = slotTotals(nS);
  // In person: each slot's meeting as the walking rule reads it (a seat must leave time to walk; a
  // crossing to the other side it adds counts against its closeness). None in a virtual event.
  const campus = plan.campus;
  const probes = campus && plan.placeOf(office) ? slots.map((sl) => plan.probe(office, sl.index)) : undefined;
  for (const i of plan.candidates.get(office.id) ?? []) {
    const mine = plan.meetingsOf[i]!;
    // Someone in no meeting has met no office yet (officeSeen only holds their meetings' offices): their set is not looked at.
    if (mine.length && plan.officeSeen[i]!.has(office.id)) continue;
    const row = i * nS;
    const from = plan.availFrom[i]!;
    const to = plan.availFrom[i + 1]!;
    if (!mine.length) {
      const counts = lateFirst && plan.late[i] ? unplacedLate : unplacedOnTime;
      for (let j = from; j < to; j++) {
        const s = plan.availList[j]!;
        if (plan.busy[row + s] === 1) continue;
        free[s]! += 1;
        counts[s]! += 1;
      }
      continue;
    }
    for (let j = from; j < to; j++) {
      const s = plan.availList[j]!;
      const slot = slots[s]!;
      if (plan.busy[row + s] === 1) continue;
      if (probes && walkConflict(campus, mine, probes[s]!)) continue;
      free[s]! += 1;
      // plan.closeness, inline: the best 1 / (1 + gap) to the person's meetings that day.
      let best = 0;
      for (const other of mine) if (other.day === slot.day) best = Math.max(best, 1 / (1 + Math.abs((other.slots[0] ?? 0) - s)));
      if (probes) best -= crossingsAdded(campus!, mine, probes[s]!);
      close[s]! += best;
    }
  }
  // The slots worth a meeting, best first, by the key (most unplaced on-time people, most unplaced, most
  // free, closest, most unplaced uncapped, least-loaded accompanier, tie), read from per-slot arrays.
  const maxGroup = event.maxGroup;
  const order: number[] = [];
  for (const slot of slots) {
    const s = slot.index;
    if (free[s]! < event.minGroup) continue;
    const acc = pool.size ? pool.pick(plan.probe(office, s)) : undefined;
    accOf[s] = acc ?? NOBODY;
    load[s] = acc === undefined ? 0 : pool.accLoad[acc]!;
    order.push(s);
  }
  // Ties go to the earliest slot on the first start, and to a seeded choice on the others.
  const tie = x.start ? x.slotTie : undefined;
  order.sort((a, b) => {
    const onA = unplacedOnTime[a]!;
    const onB = unplacedOnTime[b]!;
    const unA = onA + unplacedLate[a]!;
    const unB = onB + unplacedLate[b]!;
    return Math.min(onB, maxGroup) - Math.min(onA, maxGroup) || Math.min(unB, maxGroup) - Math.min(unA, maxGroup)
      || Math.min(free[b]!, maxGroup) - Math.min(free[a]!, maxGroup) || close[b]! - close[a]! || unB - unA
      || load[a]! - load[b]! || (tie ? tie[b]! - tie[a]! : a - b);
  });
  const out: SlotChoice[] = [];
  let flows = 0;
  for (const s of order) {
    if (out.length >= limit) break;
    const acc = accOf[s] === NOBODY ? undefined : accOf[s];
    // Nobody free then as things stand: maybe the accompaniers of other meetings can be reshuffled
    // (a few tries per call: each is a max-flow).
    if (requireAccompanier && pool.size && acc === undefined) {
      if (flows >= maxFlows) continue;
      if (!pool.noStaffAt.has(s)) flows++;
      if (!pool.staffingWith(s, plan.probe(office, s))) continue;
      out.push({ s, acc: RESHUFFLE });
    } else out.push({ s, acc });
  }
  return out;
}

type SlotTotals = Record<'unplacedOnTime' | 'unplacedLate' | 'free' | 'accOf' | 'load', Int32Array> & { close: Float64Array };
let totals: SlotTotals | undefined;

/**
 * rankedSlots' per-slot arrays, zeroed (accOf and load are written before they are read): kept between
 * calls, as the flow's are (staffing.ts), since slots are ranked thousands of times per start.
 */
function slotTotals(nS: number): SlotTotals {
  if (totals?.free.length !== nS) {
    totals = { unplacedOnTime: new Int32Array(nS), unplacedLate: new Int32Array(nS), free: new Int32Array(nS), close: new Float64Array(nS), accOf: new Int32Array(nS), load: new Int32Array(nS) };
    return totals;
  }
  totals.unplacedOnTime.fill(0);
  totals.unplacedLate.fill(0);
  totals.free.fill(0);
  totals.close.fill(0);
  return totals;
}

/** A new, empty meeting of the office at slot s, staffed by `acc` (or by a reshuffle, or marked as needing one). */
export function placeAt(x: Search, office: TargetOffice, s: number, acc: number | undefined): Meeting {
  const { pool } = x;
  const at = x.plan.probe(office, s);
  if (acc !== undefined && acc !== RESHUFFLE && !pool.canTake(acc, at)) acc = pool.pick(at) ?? RESHUFFLE;
  const staffing = acc === RESHUFFLE ? pool.staffingWith(s, at) : undefined;
  const m = x.plan.newMeetingAt(office, s);
  if (staffing) pool.apply(staffing, m);
  else if (acc !== undefined && acc !== RESHUFFLE) pool.assign(m, acc);
  else m.status = 'needs accompanier';
  return m;
}

export function scheduleOffice(x: Search, office: TargetOffice, allowUnstaffed: boolean): void {
  const best = bestSlot(x, office, !allowUnstaffed);
  if (!best) return;
  fill(x, placeAt(x, office, best.s, best.acc));
}

/** Every office its first meeting, in order, then (in rounds) more where maxMeetingsPerOffice allows. */
export function construct(x: Search, offices: readonly TargetOffice[]): void {
  for (let round = 0; round < x.input.event.maxMeetingsPerOffice; round++) {
    for (const office of offices) {
      if (x.plan.meetingsFor(office).length > round) continue;
      if (round > 0 && !x.plan.meetingsFor(office).length) continue;
      scheduleOffice(x, office, false);
    }
  }
}

export function removeMeeting(x: Search, m: Meeting): void {
  x.plan.dropMeeting(m);
  x.pool.unassign(m);
}

/** Puts a removed meeting back as it was. */
export function restore(x: Search, office: TargetOffice, s: number, acc: number | undefined, attendees: readonly number[]): void {
  const back = placeAt(x, office, s, acc);
  for (const i of attendees) x.plan.attend(back, i);
}
