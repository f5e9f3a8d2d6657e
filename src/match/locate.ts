// Where each person lives, by the order of evidence in DOMAIN.md: the district column; else a state
// with one at-large seat; else a ZIP that lies in one district. The state comes from the state column,
// else from the ZIP; a ZIP in another state than the column says makes the state unusable.
import { stateByCode, statesForZip } from '../data/states.js';
import type { Location, Rsvp } from '../model.js';
import type { Crosswalk } from './crosswalk.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { Location } from '../model.js';

export function locate(r: Rsvp, crosswalk?: Crosswalk): Location {
  const entries = r.zip ? crosswalk?.zips.get(r.zip) : undefined;
  // A ZIP of one crosswalk entry (most of them) needs no set; statesForZip's states are distinct already.
  const zipStates = !r.zip ? []
    : !entries ? statesForZip(r.zip).map((s) => s.code)
    : entries.length === 1 ? [entries[0]!.state]
    : [...new Set(entries.map((e) => e.state))];
  let state = r.state;
  let stateFrom: Location['stateFrom'] = state ? 'column' : undefined;
  if (state && zipStates.length && !zipStates.includes(state)) {
    return { stateProblem: 'zip-conflict', zipStates };
  }
  if (!state) {
    if (zipStates.length === 1) {
      state = zipStates[0];
      stateFrom = 'zip';
    } else return { stateProblem: r.stateRaw ? 'unknown' : 'missing', ...(zipStates.length > 1 ? { zipStates } : {}) };
  }
  const info = stateByCode(state ?? '');
  if (!state || !info) return { stateProblem: 'unknown' };
  // Literals rather than spreads of a shared base: this runs once per RSVP (the fields keep their order).
  if (r.district !== undefined) return { state, stateFrom, district: r.district, districtFrom: 'column' };
  if (info.seats <= 1) return { state, stateFrom, district: 0, districtFrom: 'at-large' };
  const inState = (entries ?? []).filter((e) => e.state === state);
  if (inState.length === 1) return { state, stateFrom, district: inState[0]!.district, districtFrom: 'zip' };
  if (inState.length > 1) {
    const candidates = [...inState].sort((a, b) => (b.share ?? 0) - (a.share ?? 0) || a.district - b.district);
    return { state, stateFrom, candidates };
  }
  return { state, stateFrom, zipUnknown: true };
}
