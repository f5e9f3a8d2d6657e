// Every attendee is a constituent of the office the meeting is with.
import type { SeatRule } from './model.js';

export const constituent: SeatRule = {
  code: 'not-constituent',
  describe: 'every attendee is a constituent of the office',
  allows: (st, i, m) => st.isConstituent(i, m.office.id),
  notKept: 'not-constituent',
  reason: (m) => `no longer a constituent of ${m.member}`,
};
