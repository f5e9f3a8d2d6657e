// The map of a person's in-person day: buildings where the campus puts them, one numbered marker per
// meeting, an arrow per walk between buildings, nothing loaded, every text escaped, the same bytes
// for the same day.
import { describe, expect, it } from 'vitest';
import { CAPITOL_CAMPUS } from '../../src/campus/capitol.js';
import { campusOf } from '../../src/campus/of-event.js';
import { readPlace } from '../../src/campus/place.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { campusMap, type MapStop } from '../../src/render/campus-map.js';

const at = (text: string, n: number, campus = CAPITOL_CAMPUS): MapStop => ({ n, place: readPlace(campus, text, 'members') });
const markers = (svg: string) => [...svg.matchAll(/<g class="stop"><circle cx="([\d.]+)" cy="([\d.]+)"[^>]*\/><text[^>]*>(\d+)<\/text><\/g>/g)]
  .map((x) => ({ x: Number(x[1]), y: Number(x[2]), n: Number(x[3]) }));
const arrows = (svg: string) => (svg.match(/<line class="walk"/g) ?? []).length;

describe('the campus map', () => {
  const day = [at('2157 Rayburn House Office Building', 1), at('2160 Rayburn House Office Building', 2), at('SH-511', 3), at('1432 Longworth', 4)];
  const svg = campusMap(CAPITOL_CAMPUS, day, { capitol: true, title: 'Map of your meetings' });

  it('numbers each meeting once, in order, and draws a walk only between two buildings', () => {
    expect(markers(svg).map((m) => m.n)).toEqual([1, 2, 3, 4].sort());
    // Rayburn → Rayburn is no walk to draw; Rayburn → Hart and Hart → Longworth are.
    expect(arrows(svg)).toBe(2);
    const [r1, r2] = markers(svg).filter((m) => m.n <= 2);
    expect(r1!.x).not.toBe(r2!.x);
  });

  it('puts the Senate buildings north of the Capitol and the House ones south, with both avenues between', () => {
    const y = (name: string) => Number(new RegExp(`y="([\\d.]+)"[^>]*>${name}</text>`).exec(svg)![1]);
    expect(y('Hart')).toBeLessThan(y('Capitol'));
    expect(y('Capitol')).toBeLessThan(y('Rayburn'));
    expect(svg).toContain('Constitution Ave');
    expect(svg).toContain('Independence Ave');
    const hart = markers(svg).find((m) => m.n === 3)!;
    const rayburn = markers(svg).find((m) => m.n === 1)!;
    expect(hart.y).toBeLessThan(rayburn.y);
  });

  it('is self-contained and the same bytes for the same day', () => {
    expect(svg).toMatch(/^<svg class="campus-map" [^>]*role="img"/);
    expect(svg).not.toMatch(/url\(|href|<script|<image|font-family/i);
    expect(campusMap(CAPITOL_CAMPUS, day, { capitol: true, title: 'Map of your meetings' })).toBe(svg);
  });

  it('escapes every text it prints, from a title to the buildings of an organizer\'s campus, drawn in a row without the Hill\'s avenues', () => {
    const event = {
      ...DEFAULT_CONFIG.event, format: 'in-person' as const,
      campus: { name: 'State Capitol', buildings: [
        { name: '<b>Annex</b>', address: '', side: 'main', neighbours: [], aliases: [] },
        { name: 'Capitol & Co', address: '', side: 'main', neighbours: [], aliases: [] },
        { name: 'Senate "Wing"', address: '', side: 'main', neighbours: [], aliases: [] },
      ] },
    };
    const campus = campusOf(event);
    const own = campusMap(campus, [at('Room 12 Capitol & Co', 1, campus), at('Room 3 <b>Annex</b>', 2, campus)], { capitol: false, title: '<script>alert(1)</script>' });
    expect(own).not.toMatch(/<script|<b>/);
    expect(own).toContain('&lt;b&gt;Annex&lt;/b&gt;');
    expect(own).toContain('Capitol &amp; Co');
    expect(own).toContain('Senate &quot;Wing&quot;');
    expect(own).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(own).not.toContain('Constitution Ave');
    const ys = [...own.matchAll(/<rect x="[\d.]+" y="([\d.]+)"/g)].map((x) => x[1]);
    expect(new Set(ys).size).toBe(1);
    expect(markers(own).map((m) => m.n)).toEqual([1, 2]);
    expect(arrows(own)).toBe(1);
  });
});
