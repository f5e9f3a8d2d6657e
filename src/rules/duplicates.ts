// Two RSVPs that may be one person under two emails (same name and phone, or same name and ZIP: the
// "review" list of awg unmatched) are never in the same meeting: one person would take two seats.
import { duplicateKeys, rowsOfRepeatedNames } from '../normalize/duplicates.js';
import type { Rsvp } from '../model.js';
import type { SeatRule, SeatState } from './model.js';

type Keyed = Pick<Rsvp, 'firstName' | 'lastName' | 'phone' | 'phoneValid' | 'zip' | 'email'>;

/** Per person (by index), the others who may be them; undefined where there are none. */
export function twinsOf(people: readonly Keyed[]): Array<number[] | undefined> {
  const twins: Array<number[] | undefined> = new Array(people.length);
  const byKey = new Map<string, number[]>();
  // Only people whose name another has too can have a twin: the keys of everyone else are not made.
  for (const i of rowsOfRepeatedNames(people).candidates) {
    for (const k of duplicateKeys(people[i]!)) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const i of list) {
      for (const j of list) {
        if (i === j || people[i]!.email === people[j]!.email) continue;
        const mine = (twins[i] ??= []);
        if (!mine.includes(j)) mine.push(j);
      }
    }
  }
  return twins;
}

/** None of person i's possible duplicates is in m. */
export function noTwinIn(st: SeatState, i: number, m: Parameters<SeatState['seatedIn']>[1]): boolean {
  const twins = st.twins[i];
  if (!twins) return true;
  for (const j of twins) if (st.seatedIn(j, m)) return false;
  return true;
}

export const possibleDuplicates: SeatRule = {
  code: 'possible-duplicates-together',
  describe: 'two RSVPs that may be one person are never in the same meeting',
  allows: noTwinIn,
  notKept: 'possible-duplicate',
  reason: () => 'a possible duplicate of them (same name and phone or ZIP) is already in the meeting',
};
