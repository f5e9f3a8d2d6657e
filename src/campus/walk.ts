// The minutes a person needs between two meetings in a row, by the two buildings: the rule the
// scheduler keeps, `awg check` names, and the itineraries print ("walk to Hart 511, about 20 minutes").
import type { Campus, Place } from './model.js';
import { buildingNamed, pairKey } from './model.js';

export interface Walk {
  minutes: number;
  /** Of `minutes`, the part in the security line (going outside and in again). */
  security: number;
  /** Between the House side and the Senate side. */
  crossing: boolean;
}

const NO_WALK: Walk = { minutes: 0, security: 0, crossing: false };

/**
 * What two places in a row need. A virtual meeting (no place) needs nothing; a room in no known
 * building is taken as its own building, so the same typed room needs the same-building minutes and
 * any other (or a room not known at all) the across-sides minutes: the safe side when awg cannot tell.
 */
export function walkBetween(campus: Campus, a: Place | undefined, b: Place | undefined): Walk {
  if (!a || !b) return NO_WALK;
  const t = campus.walk;
  // A room in no known building is only "the same place" as itself: the same typed room. Two rooms
  // awg knows nothing of (none typed, or "not known yet") may be anywhere: across sides.
  const known = (p: Place) => p.building !== undefined || (/\d/.test(p.room) && p.from !== 'none');
  if (!known(a) || !known(b)) return { minutes: t.acrossSides, security: Math.min(t.securityMinutes, t.acrossSides), crossing: true };
  const ka = a.building ?? `?${a.label}`;
  const kb = b.building ?? `?${b.label}`;
  if (ka === kb) return { minutes: t.sameBuilding, security: 0, crossing: false };
  const ba = buildingNamed(campus, a.building);
  const bb = buildingNamed(campus, b.building);
  const crossing = !ba || !bb || ba.side !== bb.side;
  const pair = t.pairs[pairKey(ka, kb)];
  if (pair !== undefined) return { minutes: pair, security: crossing ? Math.min(t.securityMinutes, pair) : 0, crossing };
  if (!crossing && ba!.neighbours.includes(bb!.name)) return { minutes: t.neighbours, security: 0, crossing };
  if (!crossing) return { minutes: t.sameSide, security: 0, crossing };
  return { minutes: t.acrossSides, security: Math.min(t.securityMinutes, t.acrossSides), crossing };
}

/** Minutes two places in a row need; 0 when either meeting is virtual. */
export const walkMinutes = (campus: Campus, a: Place | undefined, b: Place | undefined): number => walkBetween(campus, a, b).minutes;
