// Nobody is in two meetings at once.
import type { SeatRule, SeatState } from './model.js';

/** Person i is in no meeting at any of these slots. */
export function notBusy(st: SeatState, i: number, slots: readonly number[]): boolean {
  const row = i * st.nS;
  for (const s of slots) if (st.busy[row + s] !== 0) return false;
  return true;
}

export const onePlace: SeatRule = {
  code: 'double-booked',
  describe: 'nobody is in two meetings at once',
  allows: (st, i, m) => notBusy(st, i, m.slots),
  notKept: 'double-booked',
  reason: (m) => `in another meeting at ${m.day} ${m.start}`,
};
