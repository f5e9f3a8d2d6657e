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
import type { SeatMeeting, SeatRule, SeatState, StaffMeeting, StaffRule, StaffState } from './model.js';
import { officeOnce } from './office-once.js';
import { onePlace } from './one-place.js';
import { accompanierWalking, walkingTime } from './walking.js';

export const SEAT_RULES: readonly SeatRule[] = [constituent, officeOnce, available, onePlace, groupSize, possibleDuplicates, walkingTime];
export const STAFF_RULES: readonly StaffRule[] = [accompanierFree, accompanierOnePlace, accompanierPerDay, accompanierWalking];

/** The first rule person i's seat in m would break; undefined when every rule allows it. */
export function brokenSeatRule(st: SeatState, i: number, m: SeatMeeting): SeatRule | undefined {
  for (const r of SEAT_RULES) if (!r.allows(st, i, m)) return r;
  return undefined;
}

/**
 * The solver's move test: person i may join m. Every rule of SEAT_RULES, written out so each call is
 * to one known rule (the solver asks this for every candidate of every meeting it fills), the cheap
 * look-ups that rule out most candidates first. test/unit/rulebook.test.ts holds it to SEAT_RULES.
 */
export function canSeat(st: SeatState, i: number, m: SeatMeeting): boolean {
  return available.allows(st, i, m) && onePlace.allows(st, i, m) && groupSize.allows(st, i, m) && officeOnce.allows(st, i, m)
    && constituent.allows(st, i, m) && possibleDuplicates.allows(st, i, m) && walkingTime.allows(st, i, m);
}

/** The first rule accompanier k taking meeting m would break. */
export function brokenStaffRule(st: StaffState, k: number, m: StaffMeeting): StaffRule | undefined {
  for (const r of STAFF_RULES) if (!r.allows(st, k, m)) return r;
  return undefined;
}

/** Accompanier k may take m: every rule of STAFF_RULES, written out as canSeat is (held to them by test/unit/rulebook-check.test.ts). */
export function canStaff(st: StaffState, k: number, m: StaffMeeting): boolean {
  return accompanierFree.allows(st, k, m) && accompanierOnePlace.allows(st, k, m) && accompanierPerDay.allows(st, k, m) && accompanierWalking.allows(st, k, m);
}

export type { SeatMeeting, SeatRule, SeatState, StaffMeeting, StaffRule, StaffState, RuleMeeting, Timed, Violation } from './model.js';
