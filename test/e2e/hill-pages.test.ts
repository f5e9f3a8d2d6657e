// An in-person Hill day as the people in it carry it: itineraries with building, room, floor and the
// walk to the next meeting, accompaniers' routes, maps of each person's day, calendars with the room
// as LOCATION, a check-in list a day, and requests that ask for a meeting in the DC office. Every
// expectation is taken from the written meetings.csv and attendees.csv and the campus's own rules
// (src/campus), not from the pages' code.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPITOL_CAMPUS } from '../../src/campus/capitol.js';
import { floorOf, readPlace } from '../../src/campus/place.js';
import { walkBetween } from '../../src/campus/walk.js';
import type { Place } from '../../src/campus/model.js';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const unescape = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const IN_PERSON = { event: { format: 'in-person', meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 } };

let dir = '';
let meetings: Rec[] = [];
let attendees: Rec[] = [];
const byId = new Map<string, Rec>();

/** The place meetings.csv gives a meeting, read with the campus's own reader; undefined when it has none (by video or not known). */
function placeOf(m: Rec): Place | undefined {
  if (!m.room || m.room === 'not known yet') return undefined;
  return readPlace(CAPITOL_CAMPUS, m.room, 'offices', m.chamber as 'House' | 'Senate');
}
const fullName = (p: Place) => CAPITOL_CAMPUS.buildings.find((b) => b.name === p.building)!.fullName;

/** Each person's meetings by RSVP row, in time order, as attendees.csv has them. */
function people(): Map<string, Rec[]> {
  const out = new Map<string, Rec[]>();
  for (const a of attendees) out.set(a.rsvp_row!, [...(out.get(a.rsvp_row!) ?? []), byId.get(a.meeting_id!)!]);
  for (const ms of out.values()) ms.sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`));
  return out;
}

/** The itinerary file of the person with these meetings (names repeat: the file holds exactly their meeting IDs). */
function itineraryOf(ms: Rec[]): string {
  const folder = path.join(dir, 'itineraries');
  const ids = ms.map((m) => m.meeting_id).join(' ');
  const hit = fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), 'utf8'))
    .filter((html) => [...html.matchAll(/meeting (M\d+) \(/g)].map((x) => x[1]).join(' ') === ids);
  expect(hit.length, ids).toBeGreaterThan(0);
  return hit[0]!;
}

beforeAll(() => {
  const root = tmpDir('awg-hill-');
  const config = path.join(root, 'awg.config.json');
  fs.writeFileSync(config, JSON.stringify(IN_PERSON));
  dir = path.join(root, 'out');
  const r = awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--config', config, '--out', dir]);
  expectNoStack(r);
  expect([0, 1], r.stderr).toContain(r.code);
  meetings = readCsv(path.join(dir, 'meetings.csv'));
  attendees = readCsv(path.join(dir, 'attendees.csv'));
  for (const m of meetings) byId.set(m.meeting_id!, m);
});

describe('an in-person event\'s schedule files', () => {
  it('give every meeting and every attendee row the room, as the list of members has it', () => {
    expect(Object.keys(meetings[0]!)).toContain('room');
    expect(Object.keys(attendees[0]!)).toContain('room');
    for (const m of meetings) {
      const listed = m.office_address ? readPlace(CAPITOL_CAMPUS, m.office_address, 'members', m.chamber as 'House' | 'Senate').label : '';
      expect(m.room, m.meeting_id).toBe(listed || 'not known yet');
    }
    for (const a of attendees) expect(a.room, `${a.meeting_id} ${a.rsvp_row}`).toBe(byId.get(a.meeting_id!)!.room);
  });
});

describe('itineraries on an in-person day', () => {
  it('give building, room and floor of each meeting, and between two in a row the walk walkBetween gives', () => {
    let walks = 0;
    for (const ms of people().values()) {
      const html = unescape(itineraryOf(ms));
      for (const [i, m] of ms.entries()) {
        const p = placeOf(m);
        if (!p) {
          expect(html, m.meeting_id).toContain('Room not known yet: confirm with the office');
          continue;
        }
        const floor = floorOf(p.building, p.room);
        expect(floor, m.room).not.toBe('');
        expect(html, m.meeting_id).toContain(`<strong>${p.label}</strong>, ${fullName(p)}, ${floor}`);
        const prev = ms[i - 1];
        const q = prev && prev.date === m.date ? placeOf(prev) : undefined;
        if (!q) continue;
        const w = walkBetween(CAPITOL_CAMPUS, q, p);
        const line = q.building === p.building
          ? `Walk to ${p.label}, in the same building — about ${w.minutes} minutes`
          : `Walk to ${p.label} — about ${w.minutes} minutes${w.security ? ', allow for security' : ''}`;
        expect(html, `${prev!.meeting_id} → ${m.meeting_id}`).toContain(`<p class="walk">${line}`);
        walks++;
      }
      // Meetings on different days are never joined by a walk.
      const days = new Set(ms.map((m) => m.date)).size;
      const pairs = ms.filter((m, i) => i > 0 && ms[i - 1]!.date === m.date).length;
      expect((html.match(/<p class="walk">/g) ?? []).length).toBeLessThanOrEqual(pairs);
      expect(days).toBeGreaterThan(0);
    }
    expect(walks, 'the fixtures have people with two meetings in a row').toBeGreaterThan(2);
  });

  it('say once, not on every meeting, that rooms from the list of members are to be confirmed', () => {
    for (const ms of people().values()) {
      const html = itineraryOf(ms);
      const fromList = ms.some((m) => placeOf(m));
      expect((html.match(/which move every two years/g) ?? []).length).toBe(fromList ? 1 : 0);
    }
  });


  it('give every time in the event\'s zone only: on the Hill a Californian\'s 10:30 is Eastern, not "7:30 PT (10:30 ET)"', () => {
    // The fixtures hold people from several zones; every attendee row is read in the event's.
    expect(new Set(attendees.map((a) => a.time_zone))).toEqual(new Set(['America/New_York']));
    expect(attendees.every((a) => a.local_start === a.start && a.local_end === a.end)).toBe(true);
    for (const f of fs.readdirSync(path.join(dir, 'itineraries'))) {
      const html = fs.readFileSync(path.join(dir, 'itineraries', f), 'utf8');
      expect(html, f).toContain('Times are in Eastern time');
      expect(html, f).not.toMatch(/ (CT|MT|PT) \(/);
    }
  });
  it('draw a map for each day with meetings in person: one numbered marker per meeting, an arrow per walk between buildings', () => {
    for (const ms of people().values()) {
      const html = itineraryOf(ms);
      expect(html).not.toMatch(/<script|<img|<link|url\(|src=|@import/i);
      const maps = [...html.matchAll(/<svg class="campus-map"[\s\S]*?<\/svg>/g)].map((x) => x[0]);
      const days = [...new Set(ms.filter((m) => placeOf(m)).map((m) => m.date))];
      expect(maps.length).toBe(days.length);
      for (const [k, day] of days.entries()) {
        const mine = ms.filter((m) => m.date === day);
        const shown = mine.map((m, i) => ({ n: i + 1, p: placeOf(m) })).filter((x) => x.p);
        const numbers = [...maps[k]!.matchAll(/<g class="stop">.*?font-weight="bold"[^>]*>(\d+)<\/text><\/g>/g)].map((x) => Number(x[1])).sort((a, b) => a - b);
        expect(numbers, day).toEqual(shown.map((x) => x.n));
        const crossings = shown.filter((x, i) => i > 0 && shown[i - 1]!.p!.building !== x.p!.building).length;
        expect((maps[k]!.match(/<line class="walk"/g) ?? []).length, day).toBe(crossings);
        for (const b of CAPITOL_CAMPUS.buildings) expect(maps[k], b.name).toContain(`>${b.name}</text>`);
        expect(maps[k]).toContain('Constitution Ave');
        expect(maps[k]).toContain('Independence Ave');
      }
    }
  });
});

describe('accompaniers\' day sheets on an in-person day', () => {
  it('carry the route of the day: their meetings in order with the walks between, and the map', () => {
    const folder = path.join(dir, 'accompaniers');
    let checked = 0;
    for (const f of fs.readdirSync(folder)) {
      const html = unescape(fs.readFileSync(path.join(folder, f), 'utf8'));
      const name = /<h1>([^:]+):/.exec(html)![1]!;
      for (const day of [...new Set(meetings.filter((m) => m.accompanier === name).map((m) => m.date))]) {
        const mine = meetings.filter((m) => m.accompanier === name && m.date === day).sort((a, b) => a.start!.localeCompare(b.start!));
        const section = html.split('<section class="page">').find((s) => s.includes(`${name}: `) && s.includes(mine[0]!.meeting_id!))!;
        const route = /<ol class="route">([\s\S]*?)<\/ol>/.exec(section)![1]!;
        const items = route.split('<li>').slice(1);
        expect(items.length, `${name} ${day}`).toBe(mine.length);
        for (const [i, m] of mine.entries()) {
          expect(items[i], m.meeting_id).toContain(m.member);
          const p = placeOf(m);
          const next = mine[i + 1] ? placeOf(mine[i + 1]!) : undefined;
          if (p && next) expect(items[i], m.meeting_id).toContain(`about ${walkBetween(CAPITOL_CAMPUS, p, next).minutes} minutes`);
        }
        if (mine.some((m) => placeOf(m))) expect(section).toContain('<svg class="campus-map"');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });
});

describe('meeting sheets and rosters on an in-person day', () => {
  it('carry the room of each meeting', () => {
    for (const day of [...new Set(meetings.map((m) => m.date))]) {
      const sheets = unescape(fs.readFileSync(path.join(dir, 'meeting-sheets', `${day}.html`), 'utf8'));
      const roster = unescape(fs.readFileSync(path.join(dir, 'rosters', `${day}.html`), 'utf8'));
      for (const m of meetings.filter((x) => x.date === day)) {
        const p = placeOf(m);
        const text = p ? `<strong>${p.label}</strong>, ${fullName(p)}` : 'Room not known yet: confirm with the office';
        const sheet = sheets.split('<section class="page">').find((s) => s.includes(`meeting ${m.meeting_id}<`))!;
        expect(sheet, m.meeting_id).toContain(text);
        const block = roster.split('<section class="block">').find((s) => s.includes(`<td>${m.meeting_id} (`))!;
        expect(block, m.meeting_id).toContain(text);
      }
    }
  });
});

describe('calendars on an in-person day, read back by ical.js', () => {
  it('give each meeting in person its room, building and street address as LOCATION, and say to allow for walking', () => {
    let checked = 0;
    for (const kind of ['participants', 'accompaniers']) {
      const folder = path.join(dir, 'calendar', kind);
      for (const f of fs.readdirSync(folder).filter((x) => x.endsWith('.ics'))) {
        const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(folder, f), 'utf8')));
        for (const v of cal.getAllSubcomponents('vevent')) {
          const ev = new ICAL.Event(v);
          const id = /^(M\d+)-/.exec(ev.uid)?.[1];
          if (!id) continue;
          const m = byId.get(id)!;
          const p = placeOf(m);
          const b = p && CAPITOL_CAMPUS.buildings.find((x) => x.name === p.building)!;
          expect(ev.location, `${f} ${id}`).toBe(p && b ? `${p.label}, ${b.fullName}, ${b.address}` : 'Room not known yet');
          expect(ev.description).toContain('Allow time to walk between buildings');
          expect(ev.description).not.toContain('Video link');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(attendees.length);
  });
});

describe('the check-in list of each day', () => {
  it('lists everyone with a meeting that day, by last name, with their first meeting, a phone and a blank to sign', () => {
    const days = [...new Set(meetings.map((m) => m.date))].sort();
    expect(fs.readdirSync(path.join(dir, 'check-in')).sort()).toEqual(days.flatMap((d) => [`${d}.csv`, `${d}.html`]));
    for (const day of days) {
      const rows = readCsv(path.join(dir, 'check-in', `${day}.csv`));
      const that = attendees.filter((a) => a.date === day);
      expect(rows.map((r) => r.rsvp_row).sort()).toEqual([...new Set(that.map((a) => a.rsvp_row!))].sort());
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i - 1]!.last_name!.localeCompare(rows[i]!.last_name!, 'en', { sensitivity: 'base' }), `${rows[i - 1]!.last_name} before ${rows[i]!.last_name}`).toBeLessThanOrEqual(0);
      }
      for (const r of rows) {
        const first = that.filter((a) => a.rsvp_row === r.rsvp_row).sort((a, b) => a.start!.localeCompare(b.start!))[0]!;
        expect(r.first_meeting, r.last_name).toBe(first.meeting_id);
        expect(r.start).toBe(first.start);
        expect(r.room).toBe(first.room);
        expect(r.phone).toBe(first.phone);
        expect(r.signature).toBe('');
      }
      const html = fs.readFileSync(path.join(dir, 'check-in', `${day}.html`), 'utf8');
      expect((html.match(/<tr><td>/g) ?? []).length).toBe(rows.length);
      const names = [...html.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((x) => unescape(x[1]!));
      expect(names).toEqual(rows.map((r) => `${r.last_name}, ${r.first_name}`));
    }
  });

  it('never makes markup of a participant\'s text: a name with <script> in it is printed as text', () => {
    const tester = attendees.find((a) => a.first_name!.includes('<script>'));
    expect(tester, 'the fixtures have a participant named <script>alert(1)</script>').toBeDefined();
    const pages = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    for (const f of pages) expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(/<script/i);
    const day = fs.readFileSync(path.join(dir, 'check-in', `${tester!.date}.html`), 'utf8');
    expect(day).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('meeting requests of an in-person event', () => {
  it('ask for the meeting in person in the DC office, naming the room, or asking for it where none is known', () => {
    const requests = readCsv(path.join(dir, 'requests.csv'));
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) {
      const id = /quote (M\d+) in your reply/.exec(r.body!.replace(/\s+/g, ' '))![1]!;
      const p = placeOf(byId.get(id)!);
      const body = r.body!.replace(/\s+/g, ' ');
      expect(body).not.toContain('over video');
      expect(body).toContain(p ? `in person, in your DC office (${p.label})` : 'in person, in your DC office during');
      if (!p) expect(body).toContain('tell us the room');
    }
  });
});

describe('a virtual event', () => {
  it('is written as before: no room column, no check-in list, no map, no walk, the link where the room would be', () => {
    const out = path.join(tmpDir('awg-virtual-'), 'out');
    awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--out', out]);
    expect(Object.keys(readCsv(path.join(out, 'meetings.csv'))[0]!)).not.toContain('room');
    expect(Object.keys(readCsv(path.join(out, 'attendees.csv'))[0]!)).not.toContain('room');
    expect(fs.existsSync(path.join(out, 'check-in'))).toBe(false);
    const html = fs.readFileSync(path.join(out, 'itineraries.html'), 'utf8');
    expect(html).not.toMatch(/<svg|class="walk"|>Where</);
    expect(html).toContain('>Video link</th>');
    expect(fs.readFileSync(path.join(out, 'requests.csv'), 'utf8')).toContain('over video');
  });
});
