// One person meets an office at most once.
import type { SeatRule } from './model.js';

export const officeOnce: SeatRule = {
  code: 'same-office-twice',
  describe: 'an office is met by one person at most once',
  allows: (st, i, m) => !st.officeSeen[i]!.has(m.office.id),
  notKept: 'double-booked',
  reason: (m) => `already meets ${m.member} in another meeting`,
};
