// A meeting holds at most maxGroup participants (fewer than minGroup is a warning of awg check: a
// meeting an office confirmed goes ahead however few can come).
import type { SeatRule } from './model.js';

export const groupSize: SeatRule = {
  code: 'over-capacity',
  describe: 'a meeting holds at most maxGroup participants',
  allows: (st, _i, m) => m.attendees.length < st.maxGroup,
  notKept: 'meeting-full',
  reason: (m) => `the meeting already has ${m.maxGroup} participants`,
};
