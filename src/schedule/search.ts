// What every phase of one scheduler run works on, and the small orderings they share.
import type { Problem } from '../problems.js';
import type { ScheduleInput } from './input.js';
import type { StaffPool } from './staff-pool.js';
import type { WorkingPlan } from './working-plan.js';

export interface Search {
  input: ScheduleInput;
  plan: WorkingPlan;
  pool: StaffPool;
  /** Which start of the multi-start: 0 takes the earliest slot on ties, the others a seeded choice. */
  start: number;
  /** Per slot, the seeded tie-break of this start. */
  slotTie: number[];
  problems: Problem[];
}

/** Lexicographic comparison of two keys (positive when `a` is better). */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `n` numbers in [0, 1) from a fixed seed (a Lehmer generator): the same seed, the same numbers. */
export function seeded(seed: number, n: number): number[] {
  let x = (seed * 2654435761) % 2147483647 || 1;
  return Array.from({ length: n }, () => (x = (x * 48271) % 2147483647) / 2147483647);
}

/** Meetings in time order, then by office: the order every phase visits them in. */
export const byTime = (a: { startMs: number; office: { id: string } }, b: { startMs: number; office: { id: string } }): number =>
  a.startMs - b.startMs || a.office.id.localeCompare(b.office.id);
