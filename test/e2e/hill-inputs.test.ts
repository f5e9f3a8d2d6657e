// The in-person Hill day's inputs through the built CLI: the targets' Room and Format columns, rooms and
// formats typed in offices.csv on the next run and in update, the warnings on the cells awg cannot read,
// and the participants' arrival and departure times, all read back from the files awg wrote.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true });
const writeCsv = (file: string, rows: Row[]) => {
  const cols = Object.keys(rows[0]!);
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  fs.writeFileSync(file, `${[cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c] ?? '')).join(','))].join('\r\n')}\r\n`);
};

let dir: string;
const inputs = () => ['--rsvps', path.join(dir, 'rsvps.csv'), '--targets', path.join(dir, 'targets.xlsx'), '--config', path.join(dir, 'awg.config.json')];
const officeRow = (rows: Row[], member: string) => rows.find((r) => r.member === member)!;
const problemsOf = (out: string) => readCsv(path.join(out, 'problems.csv'));

beforeAll(() => {
  dir = tmpDir('awg-hill-');
  fs.copyFileSync(fx('rsvps-hill-day.csv'), path.join(dir, 'rsvps.csv'));
  fs.copyFileSync(fx('in-person/targets.xlsx'), path.join(dir, 'targets.xlsx'));
  fs.copyFileSync(fx('in-person/awg.config.json'), path.join(dir, 'awg.config.json'));
  const run = awg(['schedule', ...inputs(), '--out', path.join(dir, 'first')]);
  expectNoStack(run);
  expect(run.code, run.stderr).toBe(0);
});

describe('the targets workbook says where and how each office meets', () => {
  it('a Room column overrides the list of members\' room: Schakowsky moved, and offices.csv says where she is now', () => {
    const offices = readCsv(path.join(dir, 'first', 'offices.csv'));
    expect(officeRow(offices, 'Rep. Jan Schakowsky').room).toBe('Longworth 1034');
    // Offices without a typed room keep the list of members' ("2083 Rayburn House Office Building").
    expect(officeRow(offices, 'Rep. Mike Quigley').room).toBe('Rayburn 2083');
    expect(officeRow(offices, 'Sen. Tim Kaine').room).toBe('Russell 231');
  });

  it('a Format of "Zoom only" makes that office virtual; the others meet in person', () => {
    const offices = readCsv(path.join(dir, 'first', 'offices.csv'));
    expect(officeRow(offices, 'Rep. Don Beyer').format).toBe('virtual');
    expect(officeRow(offices, 'Rep. Danny Davis').format).toBe('in-person');
    expect(officeRow(offices, 'Sen. Dick Durbin').format).toBe('in-person');
  });

  it('each cell awg cannot read is one warning naming its file, sheet, row and column, with what awg took it for', () => {
    const problems = problemsOf(path.join(dir, 'first'));
    const at = (code: string) => problems.filter((p) => p.code === code).map((p) => `${p.sheet} ${p.row} ${p.column} ${p.value}`);
    expect(at('unreadable-format')).toEqual(['House 9 Format TBD']);
    expect(problems.find((p) => p.code === 'unreadable-format')!.message).toMatch(/taken as meeting in person/);
    // A bare Senate number names no building: the warning says which are possible, and the list's.
    expect(at('room-without-building')).toEqual(['Senate 6 Room 730']);
    expect(problems.find((p) => p.code === 'room-without-building')!.message).toMatch(/Russell, Dirksen or Hart.*730 Hart Senate Office Building/);
  });

  it('an office with no known room (Gallagher: none in the list, none typed) is one warning telling where to type it', () => {
    const noRoom = problemsOf(path.join(dir, 'first')).filter((p) => p.code === 'no-room');
    expect(noRoom.map((p) => `${p.sheet} ${p.row}`)).toEqual(['House 10']);
    expect(noRoom[0]!.message).toMatch(/Rep\. James Gallagher \(CA-01\)/);
    expect(noRoom[0]!.fix).toMatch(/offices\.csv.*Room column/);
    expect(officeRow(readCsv(path.join(dir, 'first', 'offices.csv')), 'Rep. James Gallagher').room).toBe('');
  });
});

describe('participants\' arrival and departure', () => {
  // From rsvps-hill-day.csv: the row, and what its arrival or departure cell says (event zone).
  const departures: Record<number, string> = { 4: '2026-03-11 16:30', 6: '2026-03-10 15:00', 11: '2026-03-11 09:15', 12: '2026-03-11 16:45', 15: '2026-03-11 14:00' };
  const arrivals: Record<number, string> = { 3: '2026-03-10 11:30', 7: '2026-03-11 09:00', 15: '2026-03-10 10:00' };
  const seats = () => readCsv(path.join(dir, 'first', 'attendees.csv')).map((a) => ({ row: Number(a.rsvp_row), start: `${a.date} ${a.start}`, end: `${a.date} ${a.end}` }));

  it('nobody is placed in a meeting that ends after they must leave', () => {
    const placed = seats().filter((s) => departures[s.row]);
    // Eli (row 6) leaves on the first day at 3pm: without the limit the schedule put him on the second day.
    expect(placed.some((s) => s.row === 6)).toBe(true);
    for (const s of placed) expect(s.end <= departures[s.row]!, `row ${s.row} in a meeting ending ${s.end}, leaves ${departures[s.row]}`).toBe(true);
  });

  it('nobody is placed in a meeting that starts before they arrive', () => {
    const placed = seats().filter((s) => arrivals[s.row]);
    // Fatima (row 7) arrives on the second day: without the limit she met on the first.
    expect(placed.some((s) => s.row === 7)).toBe(true);
    for (const s of placed) expect(s.start >= arrivals[s.row]!, `row ${s.row} in a meeting starting ${s.start}, arrives ${arrivals[s.row]}`).toBe(true);
  });

  it('a departure before any meeting of theirs can end leaves them out, said on their cell', () => {
    expect(seats().some((s) => s.row === 11)).toBe(false);
    const p = problemsOf(path.join(dir, 'first')).find((x) => x.code === 'no-time-in-stay')!;
    expect(`${p.row} ${p.column} ${p.value}`).toBe('11 What time do you need to leave? Wed 9:15am');
  });

  it('an arrival or departure awg cannot read is a warning naming the row and column, never dropped', () => {
    const problems = problemsOf(path.join(dir, 'first'));
    const cells = problems.filter((p) => /^unreadable-(arrival|departure)$/.test(p.code ?? '')).map((p) => `${p.row} ${p.column} ${p.value}`);
    expect(cells).toEqual(['9 What time do you need to leave? sometime in the evening, not sure', '10 When do you arrive in DC? Thursday']);
    for (const p of problems.filter((x) => /^unreadable-(arrival|departure)$/.test(x.code ?? ''))) expect(p.message).toMatch(/awg took it as no limit/);
  });

  it('the arrival and departure columns can be mapped by hand under "columns"', () => {
    const d = tmpDir('awg-hill-map-');
    const text = fs.readFileSync(fx('rsvps-hill-day.csv'), 'utf8').replace('When do you arrive in DC?', 'Travel in').replace('What time do you need to leave?', 'Travel out');
    fs.writeFileSync(path.join(d, 'rsvps.csv'), text);
    const config = JSON.parse(fs.readFileSync(fx('in-person/awg.config.json'), 'utf8'));
    fs.writeFileSync(path.join(d, 'awg.config.json'), JSON.stringify({ ...config, columns: { arrival: 'Travel in', departure: 'Travel out' } }));
    const run = awg(['schedule', '--rsvps', path.join(d, 'rsvps.csv'), '--targets', fx('in-person/targets.xlsx'), '--config', path.join(d, 'awg.config.json'), '--out', path.join(d, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    const brooks = readCsv(path.join(d, 'out', 'attendees.csv')).filter((a) => a.rsvp_row === '6');
    expect(brooks.length).toBeGreaterThan(0);
    for (const a of brooks) expect(`${a.date} ${a.end}` <= '2026-03-10 15:00').toBe(true);
    expect(problemsOf(path.join(d, 'out')).some((p) => p.code === 'unreadable-departure' && p.column === 'Travel out')).toBe(true);
  });
});

describe('a room or format typed in offices.csv', () => {
  let typed: string;
  beforeAll(() => {
    // The organizer confirms rooms with the offices and types them over what awg pre-filled.
    // Beside the first folder: a folder records its inputs by their path relative to it.
    typed = dir;
    fs.cpSync(path.join(dir, 'first'), path.join(typed, 'typed-first'), { recursive: true });
    const file = path.join(typed, 'typed-first', 'offices.csv');
    const rows = readCsv(file).map((r) => {
      if (r.member === 'Rep. James Gallagher') return { ...r, room: '  1130 Longworth  ' };
      if (r.member === 'Sen. Mark Warner') return { ...r, room: 'SD-G12 (hearing room, ask at the desk)' };
      if (r.member === 'Rep. James Walkinshaw') return { ...r, format: 'Video call' };
      if (r.member === 'Sen. Angela Alsobrooks') return { ...r, format: 'sometimes' };
      return r;
    });
    writeCsv(file, rows);
  });

  it('wins on the re-run, stays as typed on that office\'s row, and the office has a room now', () => {
    const run = awg(['schedule', '--previous', path.join(typed, 'typed-first'), '--out', path.join(typed, 'typed-second')]);
    expectNoStack(run);
    expect(run.code, run.stderr).toBe(0);
    const offices = readCsv(path.join(typed, 'typed-second', 'offices.csv'));
    expect(officeRow(offices, 'Rep. James Gallagher').room).toBe('1130 Longworth');
    expect(officeRow(offices, 'Sen. Mark Warner').room).toBe('SD-G12 (hearing room, ask at the desk)');
    expect(officeRow(offices, 'Rep. James Walkinshaw').format).toBe('Video call');
    // The rows nobody typed over are as awg wrote them.
    expect(officeRow(offices, 'Rep. Jan Schakowsky').room).toBe('Longworth 1034');
    const problems = problemsOf(path.join(typed, 'typed-second'));
    expect(problems.filter((p) => p.code === 'no-room')).toEqual([]);
    const format = problems.find((p) => p.code === 'unreadable-format' && p.file?.endsWith('offices.csv'))!;
    expect(`${format.column} ${format.value}`).toBe('format sometimes');
    expect(format.row).toBe(String(offices.findIndex((r) => r.member === 'Sen. Angela Alsobrooks') + 2));
  });

  it('a third run keeps the typed words too (a room awg wrote back is not taken for a new one)', () => {
    const run = awg(['schedule', '--previous', path.join(typed, 'typed-second'), '--out', path.join(typed, 'typed-third')]);
    expect(run.code, run.stderr).toBe(0);
    const offices = readCsv(path.join(typed, 'typed-third', 'offices.csv'));
    expect(officeRow(offices, 'Rep. James Gallagher').room).toBe('1130 Longworth');
    expect(fs.readFileSync(path.join(typed, 'typed-third', 'offices.csv'), 'utf8')).toBe(fs.readFileSync(path.join(typed, 'typed-second', 'offices.csv'), 'utf8'));
  });

  it('awg update takes the typed room too: the office with no room is no longer warned of', () => {
    const d = path.join(dir, 'update-folder');
    fs.cpSync(path.join(typed, 'typed-first'), d, { recursive: true });
    const run = awg(['update', '--schedule', d]);
    expectNoStack(run);
    expect(run.code, run.stderr).toBe(0);
    const problems = problemsOf(d);
    expect(problems.filter((p) => p.code === 'no-room')).toEqual([]);
    // Before the room was typed, the same folder warned of it.
    expect(problemsOf(path.join(dir, 'first')).filter((p) => p.code === 'no-room')).toHaveLength(1);
  });

  it('a typed room reaches that meeting\'s pages and calendar on the re-run and in update', () => {
    for (const out of [path.join(typed, 'typed-second'), path.join(dir, 'update-folder')]) {
      const m = readCsv(path.join(out, 'meetings.csv')).find((r) => r.member === 'Rep. James Gallagher')!;
      expect(m.room, out).toBe('Longworth 1130');
      const people = readCsv(path.join(out, 'attendees.csv')).filter((a) => a.meeting_id === m.meeting_id);
      expect(people.length).toBeGreaterThan(0);
      const sheet = fs.readFileSync(path.join(out, 'meeting-sheets', `${m.date}.html`), 'utf8');
      const section = sheet.slice(sheet.indexOf(m.meeting_id!), sheet.indexOf(m.meeting_id!) + 3000);
      expect(section).toContain('Longworth 1130');
      const itineraries = fs.readdirSync(path.join(out, 'itineraries')).map((f) => fs.readFileSync(path.join(out, 'itineraries', f), 'utf8'));
      const theirs = itineraries.filter((h) => h.includes(`meeting ${m.meeting_id} (`));
      expect(theirs).toHaveLength(new Set(people.map((a) => a.rsvp_row)).size);
      for (const h of theirs) expect(h).toContain('<strong>Longworth 1130</strong>');
      const ics = fs.readdirSync(path.join(out, 'calendar', 'participants')).map((f) => fs.readFileSync(path.join(out, 'calendar', 'participants', f), 'utf8'))
        .filter((t) => t.includes(m.meeting_id!));
      expect(ics.length).toBeGreaterThan(0);
      for (const t of ics) expect(t.replace(/\r\n[ \t]/g, '')).toMatch(/LOCATION:Longworth 1130\\, Longworth House Office Building\\, 15 Independence Ave SE/);
    }
  });

  it('a room typed without its building is a warning on that offices.csv cell', () => {
    const d = path.join(dir, 'bare-first');
    fs.cpSync(path.join(dir, 'first'), d, { recursive: true });
    const file = path.join(d, 'offices.csv');
    const rows = readCsv(file);
    const i = rows.findIndex((r) => r.member === 'Sen. Tammy Duckworth');
    rows[i] = { ...rows[i]!, room: '511' };
    writeCsv(file, rows);
    const run = awg(['schedule', '--previous', d, '--out', path.join(dir, 'bare-second')]);
    expect(run.code, run.stderr).toBe(0);
    const p = problemsOf(path.join(dir, 'bare-second')).find((x) => x.code === 'room-without-building' && x.file?.endsWith('offices.csv'))!;
    expect(`${p.row} ${p.column} ${p.value}`).toBe(`${i + 2} room 511`);
    expect(p.message).toMatch(/Sen\. Tammy Duckworth.*Russell, Dirksen or Hart/);
  });
});

describe('a virtual event', () => {
  it('keeps offices.csv as it was, with no room or format column and no room warning, even from targets with Room and Format', () => {
    const d = tmpDir('awg-hill-virtual-');
    const config = JSON.parse(fs.readFileSync(fx('in-person/awg.config.json'), 'utf8'));
    fs.writeFileSync(path.join(d, 'awg.config.json'), JSON.stringify({ ...config, event: { ...config.event, format: 'virtual' } }));
    const run = awg(['schedule', '--rsvps', fx('rsvps-hill-day.csv'), '--targets', fx('in-person/targets.xlsx'), '--config', path.join(d, 'awg.config.json'), '--out', path.join(d, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    const header = fs.readFileSync(path.join(d, 'out', 'offices.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header).toBe('chamber,state,district,member,party,tier,scheduler_email,office_phone,status,date,start,end,link,notes,meeting_id');
    expect(problemsOf(path.join(d, 'out')).filter((p) => /room|format/.test(p.code ?? ''))).toEqual([]);
  });
});

describe('a room typed in meetings.csv by hand', () => {
  it('is kept by awg update and reaches that meeting\'s pages, and awg check reads the same room', () => {
    const d = path.join(dir, 'hand-room');
    fs.cpSync(path.join(dir, 'first'), d, { recursive: true });
    const file = path.join(d, 'meetings.csv');
    const rows = readCsv(file);
    const m = rows.find((r) => /^[A-Z][a-z]+ \d+$/.test(r.room ?? ''))!;
    // The same building, another room (a hearing room the office booked): no walk changes, only the room.
    const room = `${m.room!.split(' ')[0]} 999`;
    writeCsv(file, rows.map((r) => (r === m ? { ...r, room } : r)));
    const check = awg(['check', '--schedule', d]);
    expectNoStack(check);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const run = awg(['update', '--schedule', d]);
    expectNoStack(run);
    expect(run.code, run.stderr).toBe(0);
    expect(readCsv(file).find((r) => r.meeting_id === m.meeting_id)!.room).toBe(room);
    const pages = fs.readdirSync(path.join(d, 'itineraries')).map((f) => fs.readFileSync(path.join(d, 'itineraries', f), 'utf8'))
      .filter((h) => h.includes(`meeting ${m.meeting_id} (`));
    expect(pages.length).toBeGreaterThan(0);
    for (const h of pages) expect(h).toContain(`<strong>${room}</strong>`);
  });
});
