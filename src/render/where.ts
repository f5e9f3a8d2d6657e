// Where an in-person meeting is, as meetings.csv's `room` column says it and as the pages, calendars
// and the check-in list word it. The column is what they are made from (an edited folder prints what it
// says): blank for a meeting by video, the room's label ("Rayburn 2157"), or ROOM_NOT_KNOWN.
import { buildingNamed, type Campus, type Place } from '../campus/model.js';
import { readPlace } from '../campus/place.js';
import type { Walk } from '../campus/walk.js';
import type { Chamber } from '../model.js';

/** The `room` cell of an in-person meeting whose room nobody knows yet (a member sworn in recently). */
import { ROOM_NOT_KNOWN } from '../campus/meeting-place.js';
export { ROOM_NOT_KNOWN };

/** The `room` cell of a meeting: blank by video, else its label, or ROOM_NOT_KNOWN. */
export const roomCell = (place: Place | undefined): string => (!place ? '' : place.label || ROOM_NOT_KNOWN);

/** What a roster meeting carries of its place: the `room` cell, and the office's address from the list of members. */
export interface RoomCells { room?: string | undefined; officeAddress?: string | undefined; chamber: string }

const places = new WeakMap<object, Place | undefined>();

/**
 * The place a `room` cell names, undefined for a blank one (by video). A room that reads as the list of
 * members' own (the `office_address` column) is from 'members', so its pages say to confirm it; one typed
 * over it is the organizer's.
 */
export function placeOfCells(campus: Campus, m: RoomCells): Place | undefined {
  const text = (m.room ?? '').trim();
  if (!text) return undefined;
  const chamber: Chamber | undefined = m.chamber === 'House' || m.chamber === 'Senate' ? m.chamber : undefined;
  if (text.toLowerCase() === ROOM_NOT_KNOWN) return { room: '', floor: '', label: '', address: '', from: 'none' };
  const typed = readPlace(campus, text, 'offices', chamber);
  const listed = m.officeAddress ? readPlace(campus, m.officeAddress, 'members', chamber) : undefined;
  return listed && listed.label === typed.label ? listed : typed;
}

/** The place of a roster meeting, read once per meeting object (the pages and calendars ask many times). */
export function placeOf(campus: Campus | undefined, m: RoomCells & object): Place | undefined {
  if (!campus) return undefined;
  if (places.has(m)) return places.get(m);
  const p = placeOfCells(campus, m);
  places.set(m, p);
  return p;
}

/** The room is known: there is a room number (a building alone is not where to go). */
export const roomKnown = (p: Place): boolean => p.from !== 'none' && p.room !== '';

/** The building's full name on the door, where the campus knows it. */
export const buildingOf = (campus: Campus, p: Place) => buildingNamed(campus, p.building);

/** "Rayburn 2157, Rayburn House Office Building, 2nd floor", or what is known. */
export function whereText(campus: Campus, p: Place): string {
  const b = buildingOf(campus, p);
  if (!roomKnown(p)) return b ? `${b.fullName}: room not known yet` : 'Room not known yet';
  if (!b) return `Room ${p.room} (building not known yet: confirm it with the office)`;
  return [p.label, b.fullName, p.floor].filter(Boolean).join(', ');
}

/** What a calendar's LOCATION says: room, building and street address, as a map app finds it. */
export function locationText(campus: Campus, p: Place): string {
  const b = buildingOf(campus, p);
  const room = roomKnown(p) ? p.label : 'Room not known yet';
  return [room, b?.fullName, p.address].filter(Boolean).join(', ');
}

/** The short name of a place to walk to: "Hart 511", "the Hart building", "the next office". */
export const walkTarget = (p: Place): string => (roomKnown(p) ? p.label : p.building ? `${p.building} (room not known yet)` : 'the next office (room not known yet)');

/** "Walk to Hart 511 — about 20 minutes, allow for security"; in one building, "same building". */
export function walkLine(campus: Campus, from: Place, to: Place, walk: Walk): string {
  const same = from.building !== undefined && from.building === to.building;
  if (same) return `Walk to ${walkTarget(to)}, in the same building — about ${walk.minutes} minutes`;
  const b = buildingOf(campus, from);
  const indoors = !walk.crossing && b !== undefined && to.building !== undefined && b.neighbours.includes(to.building);
  const tail = walk.security > 0 ? ', allow for security' : indoors ? ', without going outside' : '';
  return `Walk to ${walkTarget(to)} — about ${walk.minutes} minutes${tail}`;
}
