// An accompanier takes meetings only when the staff list says they are available.
import type { StaffRule } from './model.js';

export const accompanierFree: StaffRule = {
  code: 'accompanier-unavailable',
  describe: 'an accompanier is free by the staff list',
  allows: (st, k, { slots }) => {
    const row = k * st.nS;
    for (const s of slots) if (st.accAvail[row + s] !== 1) return false;
    return true;
  },
  reason: (m) => `is no longer available at ${m.day} ${m.start}`,
};
