// Reading a room as organizers, offices and the list of members write it ("2157 Rayburn House Office
// Building", "SH-511", "Hart 511", "2157") into a building, a room and a floor. A bare House number
// names its building (3 digits Cannon, 4 from 1 Longworth, from 2 Rayburn); a bare Senate number does not.
import type { Chamber } from '../model.js';
import { buildingNamed, type Building, type Campus, type Place } from './model.js';

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const names = new WeakMap<Campus, Array<{ b: Building; n: string }>>();

/** Every way the campus's buildings are written, as words, longest first: made once per campus. */
function namesOf(campus: Campus): Array<{ b: Building; n: string }> {
  let list = names.get(campus);
  if (!list) {
    list = campus.buildings.flatMap((b) => [b.fullName, b.name, ...b.aliases].map((n) => ({ b, n: words(n) })))
      .filter((x) => x.n).sort((a, b) => b.n.length - a.n.length);
    names.set(campus, list);
  }
  return list;
}

/** The building a text names (its name, full name or an alias, as whole words), longest name first. */
export function findBuilding(campus: Campus, text: string): { building: Building; rest: string } | undefined {
  const w = ` ${words(text)} `;
  for (const { b, n } of namesOf(campus)) {
    const at = w.indexOf(` ${n} `);
    if (at >= 0) return { building: b, rest: (w.slice(0, at) + ' ' + w.slice(at + n.length + 2)).trim() };
  }
  return undefined;
}

/** The room number in what is left once the building is taken out ("room 2157" → "2157"). */
function roomIn(rest: string): string {
  const m = /(?:^|\s)(?:room\s+|rm\s+|suite\s+)?([a-z]?\d+[a-z]?)(?:\s|$)/i.exec(rest);
  return m ? m[1]!.toUpperCase() : '';
}

/** A bare House room number names its building. */
function houseBuilding(campus: Campus, room: string): Building | undefined {
  const name = /^\d{3}$/.test(room) ? 'Cannon' : /^1\d{3}$/.test(room) ? 'Longworth' : /^2\d{3}$/.test(room) ? 'Rayburn' : undefined;
  return buildingNamed(campus, name);
}

const ORDINAL = ['ground', '1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th'];

/** The floor a room is on: the first digit, or the second in Longworth and Rayburn's 4-digit numbers. */
export function floorOf(building: string | undefined, room: string): string {
  const r = room.toUpperCase();
  if (/^B/.test(r)) return 'basement';
  if (/^G/.test(r)) return 'ground floor';
  const digits = /^\d+/.exec(r)?.[0] ?? '';
  if (digits.length < 3) return '';
  const d = Number(digits.length === 4 && (building === 'Longworth' || building === 'Rayburn') ? digits[1] : digits[0]);
  return d === 0 ? 'ground floor' : `${ORDINAL[d]} floor`;
}

/** A room as written, read against the campus; `chamber` lets a bare House number name its building. */
export function readPlace(campus: Campus, text: string, from: Place['from'], chamber?: Chamber): Place {
  const raw = text.trim();
  if (!raw) return { room: '', floor: '', label: '', address: '', from: 'none' };
  const found = findBuilding(campus, raw);
  let building = found?.building;
  const room = found ? roomIn(found.rest) : roomIn(words(raw));
  if (!building && chamber === 'House' && room) building = houseBuilding(campus, room);
  if (!building) return { room: room || raw, floor: floorOf(undefined, room), label: raw, address: '', from };
  return {
    building: building.name, room, floor: floorOf(building.name, room),
    label: room ? `${building.name} ${room}` : building.name, address: building.address, from,
  };
}

/** "2157 Rayburn House Office Building" as the list of members gives it, or the override typed over it. */
export function placeOfOffice(
  campus: Campus,
  office: { chamber: Chamber; address?: string; room?: string; building?: string; roomFrom?: 'targets' | 'offices' },
): Place {
  if (office.room || office.building) {
    const text = [office.room ?? '', office.building ?? ''].join(' ').trim();
    return readPlace(campus, text, office.roomFrom ?? 'targets', office.chamber);
  }
  return readPlace(campus, office.address ?? '', office.address ? 'members' : 'none', office.chamber);
}
