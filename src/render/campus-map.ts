// A small map of one person's in-person day, inline SVG: the campus's buildings where the campus puts
// them (the Capitol's six office buildings and the Capitol as they stand, not to scale, with the two
// avenues; an organizer's own campus in a row), the day's meetings numbered in order and each walk
// drawn as an arrow. Nothing is loaded (no image, font, script or url()); every text is escaped; the
// same day gives the same bytes.
import type { Building, Campus, Place } from '../campus/model.js';
import { escapeHtml as e } from './html.js';

/** One meeting of the day: its number in the day's order, and where it is. */
export interface MapStop { n: number; place: Place }

const W = 68;
const H = 30;
const R = 10;
const WIDTH = 420;

const r1 = (v: number) => String(Math.round(v * 10) / 10);

/**
 * Where a building is drawn: the campus's own x/y, the Capitol's rows brought closer together (the space
 * between the avenues is empty on a schematic, and a page has little room).
 */
const drawnY = (b: Building, capitol: boolean) => (capitol ? 35 + (b.y - 50) * 0.77 : b.y);

/** Where a building's markers go: towards the Capitol from an office building, beside the Capitol, below a building of an organizer's campus. */
function markerAt(b: Building, i: number, k: number, capitol: boolean): [number, number] {
  const y = drawnY(b, capitol);
  if (capitol && b.side === 'Capitol') return [b.x + W / 2 + R + 3 + i * (2 * R + 4), y];
  const x = b.x - (k - 1) * (R + 2) + i * (2 * R + 4);
  const dy = !capitol || b.side === 'Senate' ? H / 2 + R + 3 : -(H / 2 + R + 3);
  return [x, y + dy];
}

/** An arrow from one marker to the next, stopping short of both circles. */
function arrow([x1, y1]: [number, number], [x2, y2]: [number, number]): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const ax = x1 + ux * (R + 1);
  const ay = y1 + uy * (R + 1);
  const bx = x2 - ux * (R + 1);
  const by = y2 - uy * (R + 1);
  const head = [[bx, by], [bx - ux * 8 - uy * 4, by - uy * 8 + ux * 4], [bx - ux * 8 + uy * 4, by - uy * 8 - ux * 4]].map(([x, y]) => `${r1(x!)},${r1(y!)}`).join(' ');
  return `<line class="walk" x1="${r1(ax)}" y1="${r1(ay)}" x2="${r1(bx - ux * 6)}" y2="${r1(by - uy * 6)}" stroke="#000" stroke-width="2"/><polygon points="${head}" fill="#000"/>`;
}

function avenues(campus: Campus): string {
  const y = (side: string) => campus.buildings.filter((b) => b.side === side).map((b) => drawnY(b, true))[0];
  const north = y('Senate');
  const south = y('House');
  if (north === undefined || south === undefined) return '';
  const road = (at: number, name: string) =>
    `<line x1="0" y1="${at}" x2="${WIDTH}" y2="${at}" stroke="#777" stroke-width="6"/><text x="4" y="${at - 5}" font-size="11" fill="#333">${e(name)}</text>`;
  // Constitution Avenue runs between the Senate buildings and the Capitol, Independence Avenue between it and the House's.
  return road(north + H / 2 + 2 * R + 13, 'Constitution Ave') + road(south - H / 2 - 2 * R - 13, 'Independence Ave');
}

/** The map as an <svg> element; `title` names it for screen readers. Stops in no building of the campus are left off (the page lists them). */
export function campusMap(campus: Campus, stops: readonly MapStop[], opts: { capitol: boolean; title: string; caption?: string }): string {
  const height = Math.max(...campus.buildings.map((b) => drawnY(b, opts.capitol))) + H / 2 + (opts.capitol ? 6 : 2 * R + 16);
  const visited = new Set(stops.map((s) => s.place.building));
  const parts: string[] = [];
  if (opts.caption) parts.push(`<text x="2" y="11" font-size="12" font-weight="bold">${e(opts.caption)}</text>`);
  if (opts.capitol) parts.push(avenues(campus));
  for (const b of campus.buildings) {
    const y = drawnY(b, opts.capitol);
    parts.push(`<rect x="${r1(b.x - W / 2)}" y="${r1(y - H / 2)}" width="${W}" height="${H}" fill="${visited.has(b.name) ? '#d0d0d0' : '#f4f4f4'}" stroke="#000"/>`
      + `<text x="${r1(b.x)}" y="${r1(y + 4)}" font-size="11" text-anchor="middle">${e(b.name)}</text>`);
  }
  const at = new Map<MapStop, [number, number]>();
  for (const b of campus.buildings) {
    const here = stops.filter((s) => s.place.building === b.name);
    here.forEach((s, i) => at.set(s, markerAt(b, i, here.length, opts.capitol)));
  }
  const drawn = stops.filter((s) => at.has(s));
  for (let i = 1; i < drawn.length; i++) {
    if (drawn[i - 1]!.place.building !== drawn[i]!.place.building) parts.push(arrow(at.get(drawn[i - 1]!)!, at.get(drawn[i]!)!));
  }
  for (const s of drawn) {
    const [x, y] = at.get(s)!;
    parts.push(`<g class="stop"><circle cx="${r1(x)}" cy="${r1(y)}" r="${R}" fill="#fff" stroke="#000" stroke-width="1.5"/>`
      + `<text x="${r1(x)}" y="${r1(y + 4)}" font-size="13" font-weight="bold" text-anchor="middle">${s.n}</text></g>`);
  }
  return `<svg class="campus-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${r1(height)}" role="img" aria-label="${e(opts.title)}"><title>${e(opts.title)}</title>${parts.join('')}</svg>`;
}
