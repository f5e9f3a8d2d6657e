// The hard rules, each written once (one file each), in the order a re-run reports the first one an
// earlier seat breaks. The solver tests every move with canSeat/canStaff, a re-run keeps what of an
// earlier schedule they still allow, and replay.ts finds a whole schedule's violations with the same calls.
import { accompanierFree } from './accompanier-free.js';
import { accompanierOnePlace } from './accompanier-one-place.js';
import { accompanierPerDay } from './accompanier-per-day.js';
import { available } from './available.js';
import { constituent } from './constituent.js';
import { possibleDuplicates } from './duplicates.js';
import { groupSize } from './group-size.js';
import type { SeatMeeting, SeatRule, SeatState, StaffRule, StaffState } from './model.js';
import { officeOnce } from './office-once.js';
import { onePlace } from './one-place.js';

export const SEAT_RULES: readonly SeatRule[] = [constituent, officeOnce, available, onePlace, groupSize, possibleDuplicates];
export const STAFF_RULES: readonly StaffRule[] = [accompanierFree, accompanierOnePlace, accompanierPerDay];

/** The first rule person i's seat in m would break; undefined when every rule allows it. */
export function brokenSeatRule(st: SeatState, i: number, m: SeatMeeting): SeatRule | undefined {
  for (const r of SEAT_RULES) if (!r.allows(st, i, m)) return r;
  return undefined;
}

/** The solver's move test: person i may join m. */
export function canSeat(st: SeatState, i: number, m: SeatMeeting): boolean {
  for (const r of SEAT_RULES) if (!r.allows(st, i, m)) return false;
  return true;
}

/** The first rule accompanier k taking a meeting at these slots would break. */
export function brokenStaffRule(st: StaffState, k: number, slots: readonly number[], day: string): StaffRule | undefined {
  for (const r of STAFF_RULES) if (!r.allows(st, k, slots, day)) return r;
  return undefined;
}

export function canStaff(st: StaffState, k: number, slots: readonly number[], day: string): boolean {
  for (const r of STAFF_RULES) if (!r.allows(st, k, slots, day)) return false;
  return true;
}

export type { SeatMeeting, SeatRule, SeatState, StaffRule, StaffState, RuleMeeting, Violation } from './model.js';
