// The campus an event's meetings are on: the Capitol's, or the organizer's own (`event.campus`), with
// `event.walkMinutes` laid over its minutes. Virtual events have none.
import type { EventConfig } from '../config/schema.js';
import { CAPITOL_CAMPUS } from './capitol.js';
import { pairKey, type Building, type Campus } from './model.js';

const cache = new WeakMap<EventConfig, Campus>();

/** The campus of an in-person event; undefined for a virtual one, where nobody walks. */
export const inPersonCampus = (event: EventConfig): Campus | undefined => (event.format === 'in-person' ? campusOf(event) : undefined);

export function campusOf(event: EventConfig): Campus {
  const hit = cache.get(event);
  if (hit) return hit;
  const own = event.campus;
  const base: Campus = own
    ? {
        name: own.name,
        buildings: own.buildings.map((b, i): Building => ({
          name: b.name, fullName: b.fullName ?? b.name, address: b.address, side: b.side,
          neighbours: b.neighbours, aliases: b.aliases,
          // Drawn in a row on the map: an organizer's campus has no coordinates.
          x: 40 + ((i % 5) * 80), y: 60 + Math.floor(i / 5) * 90,
        })),
        walk: { ...CAPITOL_CAMPUS.walk, pairs: {} },
      }
    : CAPITOL_CAMPUS;
  const w = event.walkMinutes;
  const campus: Campus = !w ? base : {
    ...base,
    walk: {
      sameBuilding: w.sameBuilding ?? base.walk.sameBuilding,
      neighbours: w.neighbours ?? base.walk.neighbours,
      sameSide: w.sameSide ?? base.walk.sameSide,
      acrossSides: w.acrossSides ?? base.walk.acrossSides,
      securityMinutes: w.securityMinutes ?? base.walk.securityMinutes,
      pairs: {
        ...base.walk.pairs,
        ...Object.fromEntries(Object.entries(w.pairs ?? {}).map(([k, v]) => {
          const [a, b] = k.split('/').map((x) => x.trim());
          return [pairKey(a!, b!), v];
        })),
      },
    },
  };
  cache.set(event, campus);
  return campus;
}
