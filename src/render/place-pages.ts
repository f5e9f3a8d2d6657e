// What the pages of an in-person event print about places: where each meeting is (building, room,
// floor, or "by video"), the walk between two meetings in a row, the once-a-page note that rooms from
// the list of members are to be confirmed, and the day's map. Each returns '' in a virtual event.
import { walkBetween } from '../campus/walk.js';
import type { Place } from '../campus/model.js';
import { campusMap, type MapStop } from './campus-map.js';
import { escapeHtml as e, webLink, type PageContext } from './html.js';
import type { RosterMeeting } from './roster-model.js';
import { longDate } from './when.js';
import { buildingOf, placeOf, roomKnown, walkLine, whereText } from './where.js';

// The blocks a little closer than on a virtual event's pages: the maps and walks take that room.
export const IN_PERSON_CSS = `
.block { margin-top: 2.5mm; padding-top: 1.5mm; }
h2 { margin: 2mm 0 1mm; }
.meta th, .meta td { padding: 0.5mm 1.4mm; }
.walk { margin: 1.5mm 0 0; font-weight: bold; }
.campus-map { display: block; width: 100%; height: auto; margin: 0.5mm 0; }
.map-block { break-inside: avoid; page-break-inside: avoid; width: 76mm; max-width: 100%; }
.intro { display: flex; gap: 3mm; align-items: flex-start; }
.intro > div:first-child { flex: 1 1 40mm; }
.maps { display: flex; gap: 2mm; flex: 0 1 auto; }
.maps .map-block { width: 54mm; }
.map-block p { margin: 0.5mm 0; }
.route { font-size: 9pt; }
.check-in td { height: 7mm; vertical-align: middle; }
`;

/** The CSS an event's pages add: none in a virtual event. */
export const extraCss = (ctx: PageContext) => (ctx.campus ? IN_PERSON_CSS : '');

/** The meeting's place in an in-person event; undefined by video (or in a virtual event). */
export const placeIn = (m: RosterMeeting, ctx: PageContext): Place | undefined => placeOf(ctx.campus, m);

/** What the Where cell says: "Rayburn 2157, Rayburn House Office Building, 2nd floor", or "By video: <link>". */
export function whereHtml(m: RosterMeeting, ctx: PageContext, n?: number): string {
  const p = placeIn(m, ctx);
  if (!p) return `By video: ${webLink(m.link)}`;
  const onMap = n !== undefined && p.building ? ` <span class="small">(${n} on the map)</span>` : '';
  const b = buildingOf(ctx.campus!, p);
  if (!roomKnown(p)) return `<strong>Room not known yet: confirm with the office</strong>${b ? ` (${e(b.fullName)})` : ''}${onMap}`;
  if (!b) return `<strong>Room ${e(p.room)}</strong> (building not known yet: confirm it with the office)${onMap}`;
  return `<strong>${e(p.label)}</strong>${e(whereText(ctx.campus!, p).slice(p.label.length))}${onMap}`;
}

/** The label of the row: the video link's in a virtual event, the place's in an in-person one. */
export const whereLabel = (ctx: PageContext) => (ctx.campus ? 'Where' : 'Video link');

/** The walk from one meeting to the next when both are in person and on one day; '' otherwise. */
export function walkText(a: RosterMeeting, b: RosterMeeting, ctx: PageContext): string {
  const pa = placeIn(a, ctx);
  const pb = placeIn(b, ctx);
  if (!ctx.campus || !pa || !pb || a.date !== b.date) return '';
  return walkLine(ctx.campus, pa, pb, walkBetween(ctx.campus, pa, pb));
}

export function walkHtml(a: RosterMeeting, b: RosterMeeting, ctx: PageContext): string {
  const t = walkText(a, b, ctx);
  return t ? `<p class="walk">${e(t)}</p>` : '';
}

/** One short line where any room is the list of members' (offices move every two years); '' when none is. */
export function confirmNote(meetings: readonly RosterMeeting[], ctx: PageContext, who: string): string {
  if (!meetings.some((m) => placeIn(m, ctx)?.from === 'members')) return '';
  return `<p class="small">Rooms are from the list of members' offices, which move every two years: ${e(who)} once the schedule is out.</p>`;
}

/** The meetings of one day, numbered in order (1 is the first), as the map and the Where cells number them. */
export function numbered(meetings: readonly RosterMeeting[]): Map<RosterMeeting, number> {
  const n = new Map<RosterMeeting, number>();
  const perDay = new Map<string, number>();
  for (const m of meetings) {
    const k = (perDay.get(m.date) ?? 0) + 1;
    perDay.set(m.date, k);
    n.set(m, k);
  }
  return n;
}

/**
 * The day's map, where the person has a meeting in a building of the campus that day, titled for screen
 * readers with `title`; the meetings it cannot show (a room in no building it knows) are named under it.
 */
export function dayMap(meetings: readonly RosterMeeting[], ctx: PageContext, title: string): string {
  if (!ctx.campus || !meetings.length) return '';
  const n = numbered(meetings);
  const stops: MapStop[] = [];
  const off: string[] = [];
  for (const m of meetings) {
    const p = placeIn(m, ctx);
    if (!p) continue;
    if (p.building && ctx.campus.buildings.some((b) => b.name === p.building)) stops.push({ n: n.get(m)!, place: p });
    else off.push(`${n.get(m)!}: ${p.label || 'room not known yet'}`);
  }
  if (!stops.length) return '';
  const svg = campusMap(ctx.campus, stops, { capitol: ctx.capitol === true, title, caption: `${longDate(meetings[0]!.date)} (not to scale)` });
  const note = off.length ? `<p class="small">Not on the map: ${e(off.join('; '))}.</p>` : '';
  return `<div class="map-block">${svg}${note}</div>`;
}
