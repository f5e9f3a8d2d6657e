// The pages of an in-person day, printed in headless Chromium on Letter and A4: one person or one
// meeting per page with the map included, the check-in list a page a day, nothing clipped, nothing loaded.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPITOL_CAMPUS } from '../../src/campus/capitol.js';
import { awg, fx, tmpDir } from '../helpers/run.js';
import { CHROMIUM, usePrinter, type Printed } from '../helpers/browser.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const BUILDINGS = CAPITOL_CAMPUS.buildings.length;

let dir = '';
let meetings: Rec[] = [];
let attendees: Rec[] = [];
beforeAll(() => {
  const root = tmpDir('awg-hill-print-');
  const config = path.join(root, 'awg.config.json');
  fs.writeFileSync(config, JSON.stringify({ event: { format: 'in-person', meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 } }));
  dir = path.join(root, 'out');
  awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--config', config, '--out', dir]);
  meetings = readCsv(path.join(dir, 'meetings.csv'));
  attendees = readCsv(path.join(dir, 'attendees.csv'));
});

const expectWellFormed = (r: Printed, file: string) => {
  expect(r.requests.every((u) => u.startsWith('file://')), `${file} loaded ${r.requests.join(', ')}`).toBe(true);
  expect(r.a11y.scripts).toBe(0);
  expect(r.a11y.tablesWithoutHeaders).toBe(0);
  r.a11y.headings.forEach((h, i) => expect(h - (r.a11y.headings[i - 1] ?? 0), `${file} heading ${i}`).toBeLessThanOrEqual(1));
  expect(r.Letter.overflow, file).toEqual([]);
  expect(r.A4.overflow, file).toEqual([]);
};

/** Maps a page should carry: one per day on which these meetings have a room in a building of the campus. */
const mapDays = (ms: readonly Rec[]) => new Set(ms.filter((m) => m.room && m.room !== 'not known yet').map((m) => m.date)).size;

describe.skipIf(!CHROMIUM)('an in-person day printed in headless Chromium', () => {
  const print = usePrinter();

  it('prints the fullest itineraries on one page each, with a map of each day they meet in person', async () => {
    const folder = path.join(dir, 'itineraries');
    // The six people with the most meetings (and so the most maps and walks): the pages likeliest to run over.
    const files = fs.readdirSync(folder).map((f) => {
      const ids = [...fs.readFileSync(path.join(folder, f), 'utf8').matchAll(/meeting (M\d+) \(/g)].map((x) => x[1]);
      return { f, mine: meetings.filter((m) => ids.includes(m.meeting_id)) };
    }).sort((a, b) => b.mine.length - a.mine.length || mapDays(b.mine) - mapDays(a.mine) || a.f.localeCompare(b.f)).slice(0, 6);
    expect(files[0]!.mine.length).toBeGreaterThanOrEqual(3);
    let maps = 0;
    for (const { f, mine } of files) {
      const file = path.join(folder, f);
      const r = await print(file);
      expect(r.Letter.pages, f).toBe(1);
      expect(r.A4.pages, f).toBe(1);
      expectWellFormed(r, file);
      // Every building of the campus is drawn on each map (the rect is all the printer's a11y count sees of it).
      expect(r.a11y.charts, f).toBe(BUILDINGS * mapDays(mine));
      maps += mapDays(mine);
    }
    expect(maps).toBeGreaterThan(6);
  }, 120_000);

  it('prints itineraries.html one participant per page', async () => {
    const file = path.join(dir, 'itineraries.html');
    const r = await print(file);
    const n = new Set(attendees.map((a) => a.rsvp_row)).size;
    expect(r.Letter.pages).toBe(n);
    expect(r.A4.pages).toBe(n);
    expect(r.a11y.text).toContain('<script>alert(1)</script> Tester');
    expectWellFormed(r, file);
  });

  it.each(['2020-07-14', '2020-07-15', '2020-07-16'])('prints one meeting sheet per page on %s, each with its room', async (day) => {
    const file = path.join(dir, 'meeting-sheets', `${day}.html`);
    const r = await print(file);
    const mine = meetings.filter((m) => m.date === day);
    expect(r.Letter.pages).toBe(mine.length);
    expect(r.A4.pages).toBe(mine.length);
    expectWellFormed(r, file);
    for (const m of mine) expect(r.a11y.text).toContain(m.room === 'not known yet' ? 'Room not known yet' : m.room);
  });

  it('prints each accompanier\'s day sheets, a page or more a day, with the route and the map', async () => {
    const folder = path.join(dir, 'accompaniers');
    for (const f of fs.readdirSync(folder)) {
      const file = path.join(folder, f);
      const r = await print(file);
      const name = /^(.+): /.exec(r.a11y.text)![1]!;
      const mine = meetings.filter((m) => m.accompanier === name);
      const days = new Set(mine.map((m) => m.date)).size;
      expect(r.Letter.pages, f).toBeGreaterThanOrEqual(days);
      expect(r.a11y.text).toContain('Your route');
      expect(r.a11y.charts, f).toBe(BUILDINGS * mapDays(mine));
      expectWellFormed(r, file);
    }
  }, 120_000);

  it.each(['2020-07-14', '2020-07-15', '2020-07-16'])('prints the %s check-in list on one page, everyone on it', async (day) => {
    const file = path.join(dir, 'check-in', `${day}.html`);
    const r = await print(file);
    expect(r.Letter.pages).toBe(1);
    expect(r.A4.pages).toBe(1);
    expectWellFormed(r, file);
    for (const a of attendees.filter((x) => x.date === day)) expect(r.a11y.text).toContain(`${a.last_name}, ${a.first_name}`);
  });
});
