// An attendee is free at the meeting's time by their RSVP's availability, unless the organizer put them
// there by hand (those slots are then in `avail` too: process/previous.ts HeldEdits.freeAt).
import type { SeatRule, SeatState } from './model.js';

/** Person i said they can attend every one of these slots. */
export function saidFree(st: SeatState, i: number, slots: readonly number[]): boolean {
  const row = i * st.nS;
  for (const s of slots) if (st.avail[row + s] !== 1) return false;
  return true;
}

export const available: SeatRule = {
  code: 'not-available',
  describe: 'an attendee is free at the meeting\'s time',
  allows: (st, i, m) => saidFree(st, i, m.slots),
  notKept: 'not-free',
  reason: (m) => `no longer free at ${m.day} ${m.start}`,
};
