// An accompanier takes at most maxMeetingsPerDay meetings a day (the staffing flow's capacities too).
import type { StaffRule } from './model.js';

export const accompanierPerDay: StaffRule = {
  code: 'accompanier-overloaded',
  describe: 'an accompanier has at most maxMeetingsPerDay meetings a day',
  allows: (st, k, { day }) => st.meetingsOn(k, day) < st.maxMeetingsPerDay,
  reason: (m) => `already has ${m.maxMeetingsPerDay} meetings on ${m.day}`,
};

/** Meetings each accompanier can take on one day: the staffing flow's capacity. */
export const perDayLimit = (event: { maxMeetingsPerDay: number }): number => event.maxMeetingsPerDay;
