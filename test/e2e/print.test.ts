import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromZonedTime } from 'date-fns-tz';
import { awg, fx, tmpDir } from '../helpers/run.js';
import { CHROMIUM, usePrinter } from '../helpers/browser.js';
import { personIdentity, shortHash, slug } from '../../src/render/file-names.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];

const dir = path.join(tmpDir(), 'schedule');
let meetings: Rec[] = [];
let attendees: Rec[] = [];
beforeAll(() => {
  awg(['schedule', ...inputs, '--out', dir]);
  meetings = readCsv(path.join(dir, 'meetings.csv'));
  attendees = readCsv(path.join(dir, 'attendees.csv'));
});

describe('printable pages as files', () => {
  it('writes rosters and meeting sheets per day, itineraries, and calendars', () => {
    for (const day of ['2020-07-14', '2020-07-15', '2020-07-16']) {
      expect(fs.existsSync(path.join(dir, 'rosters', `${day}.html`))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'meeting-sheets', `${day}.html`))).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'itineraries.html'))).toBe(true);
    const people = new Set(attendees.map((a) => a.rsvp_row));
    const itineraries = fs.readdirSync(path.join(dir, 'itineraries'));
    expect(itineraries).toHaveLength(people.size);
    // One page a person, named after them (not their row: rows shift between exports).
    for (const a of attendees) expect(itineraries.filter((f) => f.startsWith(`${slug(`${a.first_name} ${a.last_name}`)}`)).length, a.rsvp_row).toBeGreaterThan(0);
    expect(itineraries).toContain('ana-maria-lopez.html');
    expect(fs.readdirSync(path.join(dir, 'accompaniers')).sort()).toEqual(['aubrey-grant.html', 'claudia-lucero.html', 'dev-patel.html', 'rae-morgan.html']);
    expect(fs.readdirSync(path.join(dir, 'calendar', 'participants'))).toHaveLength(people.size);
    const staff = new Set(meetings.map((m) => m.accompanier).filter((a) => a !== 'TBD'));
    expect(fs.readdirSync(path.join(dir, 'calendar', 'accompaniers'))).toHaveLength(staff.size);
  });

  it('escapes every input text and loads nothing', () => {
    for (const f of ['itineraries.html', 'rosters/2020-07-16.html', 'meeting-sheets/2020-07-16.html']) {
      const html = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
      expect(html).toMatch(/<html lang="en">/);
    }
    expect(fs.readFileSync(path.join(dir, 'itineraries.html'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('makes links of the video link and of email addresses, and of nothing else', () => {
    const m = meetings.find((x) => x.link?.startsWith('https://'))!;
    const sheets = fs.readFileSync(path.join(dir, 'meeting-sheets', `${m.date}.html`), 'utf8');
    expect(sheets).toContain(`<a href="${m.link}">${m.link}</a>`);
    expect(sheets).toContain(`<a href="mailto:${m.accompanier_email}">`);
    for (const f of ['itineraries.html', ...fs.readdirSync(path.join(dir, 'accompaniers')).map((a) => `accompaniers/${a}`)]) {
      const html = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href, f).toMatch(/^(https?:\/\/|mailto:[^@\s]+@[^@\s]+$)/);
    }
  });

  it('writes times as US readers do, in the reader\'s zone first, with the meeting ID and where to report', () => {
    const ana = fs.readFileSync(path.join(dir, 'itineraries', 'ana-maria-lopez.html'), 'utf8');
    const first = attendees.find((a) => a.rsvp_row === '2')!;
    expect(first.time_zone).toBe('America/Chicago');
    expect(ana).toContain('Tuesday, July 14, 10:00–10:30 am CT (11:00–11:30 am ET)');
    expect(ana).toContain(`quoting meeting ID <strong>${first.meeting_id}</strong>`);
    const roster = fs.readFileSync(path.join(dir, 'rosters', '2020-07-14.html'), 'utf8');
    expect(roster).toContain('meetings on Tuesday, July 14');
    expect(roster).toContain('times in Eastern time (ET)');
  });
});

describe('calendar files, read back by an independent parser', () => {
  it('hold each participant\'s meetings at the times attendees.csv gives, with them as ATTENDEE', () => {
    const folder = path.join(dir, 'calendar', 'participants');
    let checked = 0;
    for (const f of fs.readdirSync(folder)) {
      // The file is the person's name, with a hash of who they are where two share it (render/file-names.ts).
      const stem = f.replace(/\.ics$/, '');
      const mine = attendees.filter((a) => {
        const name = `${a.first_name} ${a.last_name}`;
        return stem === slug(name) || stem === `${slug(name)}-${shortHash(personIdentity(a.email ?? '', name, a.phone))}`;
      });
      const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(folder, f), 'utf8')));
      const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events, f).toHaveLength(mine.length);
      for (const a of mine) {
        const start = fromZonedTime(`${a.date}T${a.start}:00`, 'America/New_York').getTime();
        const ev = events.find((x) => x.startDate.toJSDate().getTime() === start);
        expect(ev, `${f} at ${a.date} ${a.start}`).toBeDefined();
        expect(ev!.endDate.toJSDate().getTime()).toBe(fromZonedTime(`${a.date}T${a.end}:00`, 'America/New_York').getTime());
        expect(ev!.summary).toContain(a.member);
        const local = fromZonedTime(`${a.date}T${a.local_start}:00`, a.time_zone!).getTime();
        expect(local).toBe(start);
        const who = ev!.component.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase());
        if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a.email!)) expect(who).toEqual([`mailto:${a.email}`]);
        expect(ev!.description).toContain('Participants:');
        checked++;
      }
    }
    expect(checked).toBe(attendees.length);
  });

  it('give accompaniers their own meetings', () => {
    const folder = path.join(dir, 'calendar', 'accompaniers');
    for (const f of fs.readdirSync(folder)) {
      const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(folder, f), 'utf8')));
      const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const email = String(events[0]!.component.getFirstPropertyValue('attendee')).replace(/^mailto:/i, '');
      expect(events).toHaveLength(meetings.filter((m) => m.accompanier_email === email).length);
    }
  });
});

describe.skipIf(!CHROMIUM)('printed in headless Chromium', () => {
  const print = usePrinter();

  const expectWellFormed = (r: Awaited<ReturnType<typeof print>>, file: string) => {
    expect(r.requests.every((u) => u.startsWith('file://')), `${file} loaded ${r.requests.join(', ')}`).toBe(true);
    expect(r.a11y.lang).toBe('en');
    expect(r.a11y.scripts).toBe(0);
    expect(r.a11y.tablesWithoutHeaders).toBe(0);
    // Headings never skip a level going down.
    r.a11y.headings.forEach((h, i) => expect(h - (r.a11y.headings[i - 1] ?? 0), `${file} heading ${i}`).toBeLessThanOrEqual(1));
    expect(r.Letter!.overflow, file).toEqual([]);
    expect(r.A4!.overflow, file).toEqual([]);
  };

  it('catches a page that overflows the paper (the check itself can fail)', async () => {
    const bad = path.join(tmpDir(), 'bad.html');
    fs.writeFileSync(bad, '<!DOCTYPE html><html lang="en"><body><h1>x</h1><table><tr><th>a</th></tr><tr><td><div style="width:1200px">wide</div></td></tr></table></body></html>');
    const r = await print(bad);
    expect(r.Letter!.overflow.length).toBeGreaterThan(0);
    expect(r.A4!.overflow.length).toBeGreaterThan(0);
  });

  it.each(['2020-07-14', '2020-07-15', '2020-07-16'])('prints one meeting sheet per page on %s', async (day) => {
    const file = path.join(dir, 'meeting-sheets', `${day}.html`);
    const r = await print(file);
    const n = meetings.filter((m) => m.date === day).length;
    expect(r.Letter!.pages).toBe(n);
    expect(r.A4!.pages).toBe(n);
    expectWellFormed(r, file);
  });

  it('prints each participant\'s own itinerary file on one page', async () => {
    for (const f of fs.readdirSync(path.join(dir, 'itineraries')).slice(0, 6)) {
      const file = path.join(dir, 'itineraries', f);
      const r = await print(file);
      expect(r.Letter!.pages, f).toBe(1);
      expect(r.A4!.pages, f).toBe(1);
      expectWellFormed(r, file);
    }
  });

  it('prints each accompanier\'s day sheets, a page or more a day, without clipping', async () => {
    for (const f of fs.readdirSync(path.join(dir, 'accompaniers'))) {
      const file = path.join(dir, 'accompaniers', f);
      const r = await print(file);
      const name = meetings.find((m) => file.endsWith(`${m.accompanier!.toLowerCase().replace(/ /g, '-')}.html`))!.accompanier;
      const days = new Set(meetings.filter((m) => m.accompanier === name).map((m) => m.date));
      expect(r.Letter!.pages, f).toBeGreaterThanOrEqual(days.size);
      expectWellFormed(r, file);
      for (const m of meetings.filter((x) => x.accompanier === name)) expect(r.a11y.text, f).toContain(m.member);
    }
  });

  it('prints one itinerary per participant', async () => {
    const file = path.join(dir, 'itineraries.html');
    const r = await print(file);
    const n = new Set(attendees.map((a) => a.rsvp_row)).size;
    expect(r.Letter!.pages).toBe(n);
    expect(r.A4!.pages).toBe(n);
    expect(r.a11y.text).toContain('<script>alert(1)</script> Tester');
    expectWellFormed(r, file);
  });

  it.each(['2020-07-14', '2020-07-15', '2020-07-16'])('prints the %s roster without clipping', async (day) => {
    const file = path.join(dir, 'rosters', `${day}.html`);
    const r = await print(file);
    expectWellFormed(r, file);
    for (const m of meetings.filter((x) => x.date === day)) expect(r.a11y.text).toContain(m.member);
  });

  it('fits a full meeting of 10 with long names on one page, after awg update re-renders an edited folder', async () => {
    // Ten RSVPs with long names, in Illinois with no ZIP (so they can meet its senators only); then the
    // first meeting is edited to hold exactly them, and awg update renders the folder again.
    const long = 'Interfaith Coalition for Immigrant Rights and Humane Asylum Policy of Greater Metropolitan Chicago';
    const rsvps = path.join(tmpDir(), 'rsvps.csv');
    const extraRsvps = Array.from({ length: 10 }, (_, k) => `2020/06/23 9:0${k}:00 AM EDT,maxi${k}@example.org,Maximiliana-Josefina ${k},Wolfeschlegelsteinhausenbergerdorff,,${long},Chicago,IL,,,,,,,,Yes,Yes,Spanish and ASL interpretation; captions; large print materials,`);
    fs.writeFileSync(rsvps, `${fs.readFileSync(fx('rsvps-google-forms.csv'), 'utf8').trimEnd()}\r\n${extraRsvps.join('\r\n')}\r\n`);
    const edited = path.join(tmpDir(), 'edited');
    awg(['schedule', '--rsvps', rsvps, ...inputs.slice(2), '--out', edited]);
    const ms = readCsv(path.join(edited, 'meetings.csv'));
    const first = ms.find((m) => m.member === 'Sen. Richard Dalton')!;
    const all = readCsv(path.join(edited, 'attendees.csv'));
    const isLong = (a: Rec) => a.email!.startsWith('maxi');
    const base = all.find((a) => a.meeting_id === first.meeting_id)!;
    const extra = Array.from({ length: 10 }, (_, k) => ({ ...base, role: 'participant', first_name: `Maximiliana-Josefina ${k}`, last_name: 'Wolfeschlegelsteinhausenbergerdorff', email: `maxi${k}@example.org`, phone: '', organization: long, needs: 'Spanish and ASL interpretation; captions; large print materials', story: 'yes', rsvp_row: String(43 + k) }));
    const rows = [...all.filter((a) => a.meeting_id !== first.meeting_id && !isLong(a)), ...extra];
    const line = (a: Rec) => Object.values(a).map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
    const header = fs.readFileSync(path.join(edited, 'attendees.csv'), 'utf8').split('\r\n')[0]!;
    fs.writeFileSync(path.join(edited, 'attendees.csv'), `${[header, ...rows.map(line)].join('\r\n')}\r\n`);
    const mHeader = fs.readFileSync(path.join(edited, 'meetings.csv'), 'utf8').split('\r\n')[0]!;
    const fixed = ms.map((m) => (m === first ? { ...m, lead: '' } : m));
    fs.writeFileSync(path.join(edited, 'meetings.csv'), `${[mHeader, ...fixed.map(line)].join('\r\n')}\r\n`);
    const r = awg(['update', '--schedule', edited]);
    expect(r.code, r.stderr).toBe(0);
    const meetings = readCsv(path.join(edited, 'meetings.csv'));
    const sheets = path.join(edited, 'meeting-sheets', `${first.date}.html`);
    const printed = await print(sheets);
    const n = meetings.filter((m) => m.date === first.date).length;
    expect(printed.Letter!.pages).toBe(n);
    expect(printed.A4!.pages).toBe(n);
    expectWellFormed(printed, sheets);
    // Each of the ten sees the nine others, with their long names, on their own one-page itinerary.
    const mineName = fs.readdirSync(path.join(edited, 'itineraries')).find((f) => f.includes('maximiliana-josefina-5-wolfeschlegelsteinhausenbergerdorff'));
    expect(mineName, 'the itinerary of one of the ten').toBeDefined();
    const mine = path.join(edited, 'itineraries', mineName!);
    const itinerary = await print(mine);
    expect(itinerary.Letter!.pages).toBe(1);
    expect(itinerary.A4!.pages).toBe(1);
    expectWellFormed(itinerary, mine);
    expect(itinerary.a11y.text).toContain('Maximiliana-Josefina 9 Wolfeschlegelsteinhausenbergerdorff');
    const accompanier = path.join(edited, 'accompaniers', `${first.accompanier!.toLowerCase().replace(/ /g, '-')}.html`);
    expectWellFormed(await print(accompanier), accompanier);
  });
});

describe('an event in another zone', () => {
  it('names that zone on every page: with America/Chicago, Central', () => {
    const cfgDir = tmpDir();
    const config = path.join(cfgDir, 'awg.config.json');
    fs.writeFileSync(config, JSON.stringify({ event: { timeZone: 'America/Chicago', windowStart: '09:00', windowEnd: '15:00' } }));
    const out = path.join(cfgDir, 'out');
    awg(['schedule', ...inputs, '--config', config, '--out', out]);
    const pages = fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const f of pages) {
      const html = fs.readFileSync(path.join(out, f), 'utf8');
      // A participant living in the East sees their own zone first; every page names the event's.
      if (f.startsWith('itineraries')) expect(html, f).toContain('Central time (CT)');
      else expect(html, f).not.toMatch(/Eastern/);
      for (const [, h] of html.matchAll(/<h2>([^<]*(?:am|pm)[^<]*)<\/h2>/g)) expect(h, f).toMatch(/ CT\)?(?: ·|$)/);
    }
    expect(fs.readFileSync(path.join(out, 'rosters', '2020-07-14.html'), 'utf8')).toContain('times in Central time (CT)');
  });
});
