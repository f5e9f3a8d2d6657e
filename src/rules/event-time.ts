// A meeting is on one of the event's days, inside the meeting window.
import { toMinutes } from '../event.js';

export const eventTime = {
  code: 'outside-window',
  describe: 'meeting times are inside the window, on the event\'s days',
  allows: (m: { day: string; startMin: number; endMin: number }, event: { days: readonly string[]; windowStart: string; windowEnd: string }): boolean =>
    event.days.includes(m.day) && m.startMin >= toMinutes(event.windowStart) && m.endMin <= toMinutes(event.windowEnd) && m.endMin > m.startMin,
};
