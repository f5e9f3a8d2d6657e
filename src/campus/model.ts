// Where an in-person meeting is: the campus's buildings, the minutes people need between two of them,
// and a meeting's place (building, room, floor). The Capitol's campus is capitol.ts; an organizer's
// own (a state capitol) comes from `event.campus`.

export type Side = 'House' | 'Senate' | 'Capitol' | string;

export interface Building {
  /** Short and stable: 'Rayburn', 'Hart'. What people say and what a room is written with. */
  name: string;
  /** The full name on the door: 'Rayburn House Office Building'. */
  fullName: string;
  /** The street address a calendar and a map app can find. */
  address: string;
  /** Buildings on one side are a short walk apart; across sides means going outside. */
  side: Side;
  /** Names it is joined to by a tunnel or a corridor (a neighbour: no going outside). */
  neighbours: readonly string[];
  /** Other ways organizers and offices write it: 'RHOB', 'SH', 'Hart Senate Office Building'. */
  aliases: readonly string[];
  /** Where it is drawn on the schematic map (0–400 wide, 0–300 high; north is up). */
  x: number;
  y: number;
}

/** Minutes needed between meetings, by how the two buildings relate. */
export interface WalkTable {
  sameBuilding: number;
  neighbours: number;
  sameSide: number;
  acrossSides: number;
  /** Exact minutes for one pair of buildings, keyed by `pairKey(a, b)`; wins over the rest. */
  pairs: Readonly<Record<string, number>>;
  /** Part of `acrossSides` (and of a pair across sides) spent in the security line at the door. */
  securityMinutes: number;
}

export interface Campus {
  name: string;
  buildings: readonly Building[];
  walk: WalkTable;
}

/** Where one in-person meeting is. */
export interface Place {
  /** Building.name, or undefined when the room names no building the campus knows. */
  building?: string;
  /** '2157', 'SH-511' as typed, or '' when no room is known yet. */
  room: string;
  /** 'ground floor', '1st floor', …; '' when the room does not say. */
  floor: string;
  /** 'Rayburn 2157', or what was typed when no building is known. */
  label: string;
  /** The street address of the building, '' when unknown. */
  address: string;
  /** Where the room came from, for the pages that say to confirm it. */
  from: 'members' | 'targets' | 'offices' | 'none';
}

const byName = new WeakMap<Campus, Map<string, Building>>();

/** The campus's building of this name (`Place.building`), looked up in a map made once per campus. */
export function buildingNamed(campus: Campus, name: string | undefined): Building | undefined {
  if (name === undefined) return undefined;
  let map = byName.get(campus);
  if (!map) byName.set(campus, (map = new Map(campus.buildings.map((b) => [b.name, b]))));
  return map.get(name);
}

/** One key for an unordered pair of building names. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}/${b}` : `${b}/${a}`);
