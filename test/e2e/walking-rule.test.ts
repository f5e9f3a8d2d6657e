// An in-person Hill day: nobody (participant, lead or accompanier) is sent from one meeting to the next
// with less than the walk between the two buildings, as the written meetings.csv and attendees.csv and
// the bundled list of members' rooms tell it (not the scheduler's state); a re-run keeps the rule, and
// `awg check` names a hand move that breaks it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPITOL_CAMPUS } from '../../src/campus/capitol.js';
import type { Place } from '../../src/campus/model.js';
import { readPlace } from '../../src/campus/place.js';
import { walkMinutes } from '../../src/campus/walk.js';
import { MEMBERS_BY_STATE } from '../../src/data/members-119.js';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const writeCsv = (file: string, rows: Rec[]) => fs.writeFileSync(file, `\uFEFF${stringify(rows, { header: true, columns: Object.keys(rows[0]!) })}`);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const CONFIG = { event: { format: 'in-person', meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 } };
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv')];

/** The member's DC office as the bundled list of members gives it (none for a member it does not have). */
function officeText(m: Rec): string {
  const rows = MEMBERS_BY_STATE[m.state!] ?? [];
  const row = rows.find((r) => r[0] === (m.chamber === 'House' ? 'H' : 'S') && m.member!.includes(r[3]));
  return row?.[7] ?? '';
}

interface Walk { id: string; date: string; start: number; end: number; place: Place; label: string }

/** Every person's and accompanier's meetings, from the written files. */
function days(dir: string): Map<string, Walk[]> {
  const meetings = new Map(readCsv(path.join(dir, 'meetings.csv')).map((m) => {
    const place = readPlace(CAPITOL_CAMPUS, officeText(m), 'members', m.chamber as 'House' | 'Senate');
    return [m.meeting_id!, { id: m.meeting_id!, date: m.date!, start: minutes(m.start!), end: minutes(m.end!), place, label: m.member!, acc: m.accompanier! }];
  }));
  const out = new Map<string, Walk[]>();
  const add = (who: string, w: Walk) => out.set(who, [...(out.get(who) ?? []), w]);
  for (const a of readCsv(path.join(dir, 'attendees.csv'))) add(`${a.first_name} ${a.last_name} <${a.email}>`, meetings.get(a.meeting_id!)!);
  for (const m of meetings.values()) if (m.acc && m.acc !== 'TBD') add(`accompanier ${m.acc}`, m);
  return out;
}

/** Each two meetings in a row with less time between them than the walk needs, and how many pairs in a row there were. */
function tooClose(dir: string): { broken: string[]; pairs: number; walks: number } {
  const broken: string[] = [];
  let pairs = 0;
  let walks = 0;
  for (const [who, list] of days(dir)) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);
    for (let k = 1; k < sorted.length; k++) {
      const [a, b] = [sorted[k - 1]!, sorted[k]!];
      if (a.date !== b.date) continue;
      pairs++;
      const needs = walkMinutes(CAPITOL_CAMPUS, a.place, b.place);
      if (needs > 5) walks++;
      if (b.start - a.end < needs) broken.push(`${who}: ${a.id} ${a.label} ${clock(a.end)} → ${b.id} ${b.label} ${clock(b.start)} needs ${needs}`);
    }
  }
  return { broken, pairs, walks };
}

const t = {} as { root: string; first: string };

beforeAll(() => {
  t.root = tmpDir('awg-walk-');
  fs.writeFileSync(path.join(t.root, 'awg.config.json'), JSON.stringify(CONFIG));
  t.first = path.join(t.root, 'first');
  const r = awg(['schedule', ...inputs, '--config', path.join(t.root, 'awg.config.json'), '--out', t.first]);
  expectNoStack(r);
  expect(fs.existsSync(path.join(t.first, 'meetings.csv'))).toBe(true);
});

describe('walking time on an in-person Hill day', () => {
  it('nobody, participant or accompanier, has two meetings in a row closer than the walk between their buildings', () => {
    const { broken, pairs, walks } = tooClose(t.first);
    expect(broken).toEqual([]);
    // The schedule does give people and accompaniers several meetings a day, some of them walks between buildings.
    expect(pairs).toBeGreaterThan(5);
    expect(walks).toBeGreaterThan(0);
  });

  it('a re-run with --previous from a folder where a hand move broke the rule keeps it, and says whose seat it did not keep', () => {
    const edited = path.join(t.root, 'edited');
    fs.cpSync(t.first, edited, { recursive: true });
    const moved = moveTooClose(edited);
    const second = path.join(t.root, 'second');
    const r = awg(['schedule', ...inputs, '--config', path.join(t.root, 'awg.config.json'), '--previous', edited, '--out', second]);
    expectNoStack(r);
    expect(tooClose(second).broken).toEqual([]);
    expect(r.stdout + r.stderr).toContain(`${moved.later}: `);
    expect(r.stdout + r.stderr).toMatch(/needs \d+ minutes to walk from .+ to .+; has \d+ between their meetings with .+ at \d\d:\d\d and .+ at \d\d:\d\d; that part of the earlier schedule is not kept/);
  });

  it('awg check names a hand move in meetings.csv that leaves too little time to walk: the person, both meetings and the minutes', () => {
    const edited = path.join(t.root, 'checked');
    fs.cpSync(t.first, edited, { recursive: true });
    const moved = moveTooClose(edited);
    const r = awg(['check', '--schedule', edited, '--config', path.join(t.root, 'awg.config.json')]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    const text = r.stdout + r.stderr;
    expect(text).toContain(`needs ${moved.needs} minutes to walk from ${moved.from} to ${moved.to}; has ${moved.has}: ${moved.earlier} (`);
    expect(text).toContain(`then ${moved.later} (`);
    expect(text).toContain(moved.person);
    // And the folder as the scheduler wrote it passes.
    const clean = awg(['check', '--schedule', t.first, '--config', path.join(t.root, 'awg.config.json')]);
    expect(clean.stdout + clean.stderr).not.toContain('walk from');
  });
});

/**
 * Moves a meeting to the start after another meeting of one of its people on that day, in another
 * building; meetings.csv and attendees.csv both, as an organizer would.
 */
function moveTooClose(dir: string): { person: string; earlier: string; later: string; needs: number; has: number; from: string; to: string } {
  const meetings = readCsv(path.join(dir, 'meetings.csv'));
  const attendees = readCsv(path.join(dir, 'attendees.csv'));
  const byId = new Map(meetings.map((m) => [m.meeting_id!, m]));
  const place = (m: Rec) => readPlace(CAPITOL_CAMPUS, officeText(m), 'members', m.chamber as 'House' | 'Senate');
  for (const a of attendees) {
    const x = byId.get(a.meeting_id!)!;
    for (const b of attendees.filter((o) => o.email === a.email && o.meeting_id !== a.meeting_id)) {
      const y = byId.get(b.meeting_id!)!;
      const needs = walkMinutes(CAPITOL_CAMPUS, place(x), place(y));
      if (y.date !== x.date || needs <= 5 || minutes(y.start!) < minutes(x.start!)) continue;
      const length = minutes(y.end!) - minutes(y.start!);
      // The next start on the grid (slotMinutes 30): the re-run knows it as a meeting time.
      const start = minutes(x.start!) + 30;
      y.start = clock(start);
      y.end = clock(start + length);
      for (const r of attendees) if (r.meeting_id === y.meeting_id) Object.assign(r, { start: y.start, end: y.end });
      writeCsv(path.join(dir, 'meetings.csv'), meetings);
      writeCsv(path.join(dir, 'attendees.csv'), attendees);
      return { person: `${a.first_name} ${a.last_name}`, earlier: x.meeting_id!, later: y.meeting_id!, needs, has: start - minutes(x.end!), from: place(x).label, to: place(y).label };
    }
  }
  throw new Error('no one has two meetings in two buildings on one day: the fixture changed');
}
