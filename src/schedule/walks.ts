// How well a day's walks go, beyond the hard rule (rules/walking.ts): the soft terms an in-person plan
// is steered by. Crossing between the House side and the Senate side (a half-mile walk and a security
// line) is what a person's day is ordered to avoid: their meetings on one side together.
import type { Campus } from '../campus/model.js';
import { walkBetween } from '../campus/walk.js';
import type { Timed } from '../rules/model.js';

const crosses = (campus: Campus, a: Timed | undefined, b: Timed | undefined): number =>
  a?.place && b?.place && walkBetween(campus, a.place, b.place).crossing ? 1 : 0;

/**
 * Side-to-side crossings m would add to a day of `mine` (one person's meetings): its neighbours in time
 * that day, in person, with m between them instead of one after the other. `except` is left out.
 */
export function crossingsAdded(campus: Campus, mine: readonly Timed[], m: Timed, except?: Timed): number {
  if (!m.place) return 0;
  let prev: Timed | undefined;
  let next: Timed | undefined;
  for (const o of mine) {
    if (o === m || o === except || !o.place || o.day !== m.day) continue;
    if (o.startMs < m.startMs) {
      if (!prev || o.startMs > prev.startMs) prev = o;
    } else if (!next || o.startMs < next.startMs) next = o;
  }
  return crosses(campus, prev, m) + crosses(campus, m, next) - crosses(campus, prev, next);
}

/** Crossings in one person's meetings, day by day, in time order. */
export function crossingsOf(campus: Campus, mine: readonly Timed[]): number {
  const inPerson = mine.filter((m) => m.place).sort((a, b) => a.day.localeCompare(b.day) || a.startMs - b.startMs);
  let n = 0;
  for (let j = 1; j < inPerson.length; j++) if (inPerson[j]!.day === inPerson[j - 1]!.day) n += crosses(campus, inPerson[j - 1], inPerson[j]);
  return n;
}
