// An accompanier is in one meeting at a time.
import type { StaffRule } from './model.js';

export const accompanierOnePlace: StaffRule = {
  code: 'accompanier-conflict',
  describe: 'nobody accompanies two meetings at once',
  allows: (st, k, { slots }) => {
    const row = k * st.nS;
    for (const s of slots) if (st.accBusy[row + s] !== 0) return false;
    return true;
  },
  reason: (m) => `accompanies another meeting at ${m.day} ${m.start}`,
};
