// The letters of an in-person Hill day say where to go, not "Video link: we will send it": the first
// message and the reminders name the room of each meeting in person, and an office that confirmed is
// told the group comes to its office. Expectations come from the written meetings.csv's room column.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
/** What a letter says of a room meetings.csv gives: a bare number names no building, and the letter says to confirm it. */
const whereOf = (room: string) => (/^[A-Z]?\d+[A-Z]?$/i.test(room) ? new RegExp(`^Where: Room ${room} \\(building not known yet`) : new RegExp(`^Where: ${room}[ ,(]`));
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const inputs = ['--rsvps', fx('rsvps-hill-day.csv'), '--targets', fx('in-person/targets.xlsx'), '--staff', fx('in-person/staff.csv'), '--config', fx('in-person/awg.config.json')];

let dir = '';
let meetings: Rec[] = [];

beforeAll(() => {
  dir = path.join(tmpDir('awg-hill-msg-'), 'out');
  const r = awg(['schedule', ...inputs, '--out', dir]);
  expectNoStack(r);
  expect([0, 1], r.stderr).toContain(r.code);
  meetings = readCsv(path.join(dir, 'meetings.csv'));
}, 120_000);

/** The lines a letter gives each of its meetings: the meeting ID and the Where/Video line after it. */
function whereLines(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let id = '';
  for (const line of body.split('\n')) {
    const m = /meeting (M\d+) with/i.exec(line);
    if (m) id = m[1]!;
    if (id && /^\s+(Where|Video link):/.test(line)) out.set(id, line.trim());
  }
  return out;
}

describe('letters on an in-person day', () => {
  it('the first message names the room of each meeting in person, and gives no video link for it', () => {
    const notices = readCsv(path.join(dir, 'notices.csv')).filter((n) => /meeting M\d+ with/i.test(n.body ?? ''));
    expect(notices.length).toBeGreaterThan(5);
    let seen = 0;
    for (const n of notices) {
      for (const [id, line] of whereLines(n.body!)) {
        const room = meetings.find((m) => m.meeting_id === id)!.room!;
        if (!room) expect(line, id).toMatch(/^Video link:/);
        else if (room === 'not known yet') expect(line, id).toBe('Where: Room not known yet (in person)');
        else expect(line, id).toMatch(whereOf(room));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('the reminders of each day say where each meeting is', () => {
    const reminders = readCsv(path.join(dir, 'reminders.csv'));
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) {
      for (const [id, line] of whereLines(r.body!)) {
        const room = meetings.find((m) => m.meeting_id === id)!.room!;
        if (room && room !== 'not known yet') expect(line, id).toMatch(whereOf(room));
      }
    }
    expect(reminders.some((r) => /Where: /.test(r.body!))).toBe(true);
  });

  it('an office that confirmed is told the group comes to its office, in its room', () => {
    const m = meetings.find((x) => x.room && x.room !== 'not known yet')!;
    const again = path.join(path.dirname(dir), 'before');
    fs.cpSync(dir, again, { recursive: true });
    const rows = readCsv(path.join(again, 'offices.csv')).map((o) => (o.meeting_id === m.meeting_id ? { ...o, status: 'confirmed' } : o));
    fs.writeFileSync(path.join(again, 'offices.csv'), `\uFEFF${stringify(rows, { header: true, columns: Object.keys(rows[0]!), record_delimiter: '\r\n' })}`);
    const out = path.join(path.dirname(dir), 'after');
    expectNoStack(awg(['schedule', ...inputs, '--previous', again, '--out', out]));
    const list = readCsv(path.join(out, 'office-messages.csv')).find((x) => x.kind === 'attendee list' && x.member === m.member)!;
    expect(list.body).toContain(`We will come to your office in person (${m.room})`);
    expect(list.body).not.toContain('Video link');
  });
});
