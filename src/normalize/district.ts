// Congressional district numbers from what spreadsheets hold: CA-12, CA12, CA 12, 12, 12th, At-Large, AL, 0, 00.
import { districtExists, type StateInfo } from '../data/states.js';
import { parseState } from './state.js';

export type DistrictResult =
  | { ok: true; district: number; state?: StateInfo }
  | { ok: false; reason: 'unreadable' | 'no-such-district' | 'state-mismatch'; message: string; state?: StateInfo };

const AT_LARGE = /^(at[\s-]*large|al|a\/l|0+|statewide)$/i;

/**
 * Reads a district cell. `state` is the row's state where known; a state written inside the cell
 * (CA-12) is returned too, and a mismatch between the two is reported.
 */
export function parseDistrict(raw: string, state?: StateInfo): DistrictResult {
  let text = raw.trim().replace(/^district\s*/i, '').replace(/\s*district$/i, '');
  let inCell: StateInfo | undefined;
  const m = /^([A-Za-z.]{2,5})[\s\-–]*((?:at[\s-]*large)|al|\d{1,2}(?:st|nd|rd|th)?)$/i.exec(text);
  if (m && m[1] && m[2] && parseState(m[1])) {
    inCell = parseState(m[1]);
    text = m[2];
  }
  if (inCell && state && inCell.code !== state.code) {
    return { ok: false, reason: 'state-mismatch', message: `names ${inCell.code} but the row's state is ${state.code}`, state: inCell };
  }
  const st = inCell ?? state;
  let n: number | undefined;
  if (AT_LARGE.test(text)) n = 0;
  else {
    const d = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(text);
    if (d && d[1]) n = Number(d[1]);
  }
  if (n === undefined) return { ok: false, reason: 'unreadable', message: 'is not a district number', state: st };
  if (st) {
    // An at-large state's one seat is written 1 as often as 0.
    if (st.seats === 1 && n === 1) n = 0;
    if (!districtExists(st, n)) {
      const range = st.seats <= 1 ? 'one at-large seat (AL)' : `districts 1 to ${st.seats}`;
      return { ok: false, reason: 'no-such-district', message: `${st.code} has ${range}`, state: st };
    }
  }
  return st ? { ok: true, district: n, state: st } : { ok: true, district: n };
}

/** CA-12, AK-AL: how districts are shown everywhere in awg. */
export function districtLabel(state: string, district: number): string {
  return district === 0 ? `${state}-AL` : `${state}-${String(district).padStart(2, '0')}`;
}
