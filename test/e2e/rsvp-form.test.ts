// `awg init --rsvp-form`: the RSVP form's questions, with the street address and the Representative, so a
// participant in a ZIP code that spans two districts is placed from their answer, not asked again.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

const o = {} as { dir: string; form: string; titles: string[]; out: string; stdout: string };

beforeAll(() => {
  o.dir = tmpDir('awg-rsvp-form-');
  const r = awg(['init', '--rsvp-form', '--out', path.join(o.dir, 'rsvp-form.txt')]);
  expectNoStack(r);
  expect(r.code).toBe(0);
  o.form = fs.readFileSync(path.join(o.dir, 'rsvp-form.txt'), 'utf8');
  o.titles = o.form.split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ''));
  // A form tool's export: one column a question, a grid question's rows as "Title [row]".
  const answers = (first: string, email: string, street: string, zip: string, city: string, rep: string) => [first, 'Tester', email, '(847) 555-0111', 'CRLN', street, city, 'IL', zip, rep, '10am-12pm', '', '', '', 'No', '', '', ''];
  const rows = [
    answers('Dana', 'dana@example.org', '12 Elm St', '60091', 'Glenview', 'IL-10'),
    answers('Eli', 'eli@example.org', '14 Oak St', '60091', 'Glenview', ''),
    answers('Fay', 'fay@example.org', '1 Clark St', '60657', 'Chicago', ''),
  ];
  const file = path.join(o.dir, 'responses.csv');
  fs.writeFileSync(file, stringify([['Timestamp', ...o.titles], ...rows.map((r) => ['2020/06/22 9:00:07 AM EDT', ...r])]));
  o.out = path.join(o.dir, 'out');
  const s = awg(['schedule', '--rsvps', file, '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--out', o.out]);
  expectNoStack(s);
  o.stdout = s.stdout;
});

describe('the RSVP form awg init writes', () => {
  it('asks for the street address and the Representative', () => {
    expect(o.titles).toContain('Street address');
    expect(o.titles.some((t) => /Representative/.test(t))).toBe(true);
    expect(o.form).toMatch(/Which times can you join\? \[Tuesday, July 14\]/);
  });

  it('its answers need no column mapping: the Representative places a split-ZIP participant, and only the one who left it blank is asked', () => {
    const attendees = parse(fs.readFileSync(path.join(o.out, 'attendees.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
    const meetings = parse(fs.readFileSync(path.join(o.out, 'meetings.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
    const houseOf = (email: string) => attendees.filter((a) => a.email === email).map((a) => meetings.find((m) => m.meeting_id === a.meeting_id)!).find((m) => m.chamber === 'House');
    expect(houseOf('dana@example.org')?.district).toMatch(/10$/);
    // Same ZIP, no answer: no House meeting until they say which district.
    expect(houseOf('eli@example.org')).toBeUndefined();
    expect(fs.readdirSync(path.join(o.out, 'notices', 'questions'))).toEqual(['eli-tester.eml']);
  });

  it('is refused beside --report-form (one form a file), without a stack trace', () => {
    const r = awg(['init', '--rsvp-form', '--report-form', '--out', path.join(o.dir, 'both.txt')]);
    expectNoStack(r);
    expect(r.code).toBe(2);
  });
});

describe('awg init --in-person and its RSVP form', () => {
  const d = {} as { dir: string; config: string; titles: string[]; out: string };
  beforeAll(() => {
    d.dir = tmpDir('awg-rsvp-hill-');
    d.config = path.join(d.dir, 'awg.config.json');
    const init = awg(['init', '--in-person', '--out', d.config]);
    expectNoStack(init);
    expect(init.code).toBe(0);
    const form = awg(['init', '--rsvp-form', '--config', d.config, '--out', path.join(d.dir, 'rsvp-form.txt')]);
    expect(form.code).toBe(0);
    d.titles = fs.readFileSync(path.join(d.dir, 'rsvp-form.txt'), 'utf8').split('\n').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ''));
    // Answers by title, so the test does not depend on the order of the questions.
    const answer = (first: string, email: string, leave: string): string[] => d.titles.map((t) => ({
      'First name': first, 'Last name': 'Tester', Email: email, 'Phone number': '(847) 555-0111', State: 'IL', 'ZIP code': '60657', City: 'Chicago',
      'What time do you need to leave?': leave,
    } as Record<string, string>)[t] ?? '');
    const file = path.join(d.dir, 'responses.csv');
    fs.writeFileSync(file, stringify([['Timestamp', ...d.titles], ...[
      answer('Gia', 'gia@example.org', ''), answer('Hal', 'hal@example.org', 'Tuesday 10am'), answer('Ida', 'ida@example.org', 'noon on the 14th'),
    ].map((r) => ['2020/06/22 9:00:07 AM EDT', ...r])]));
    d.out = path.join(d.dir, 'out');
    const s = awg(['schedule', '--rsvps', file, '--targets', fx('targets.xlsx'), '--config', d.config, '--out', d.out]);
    expectNoStack(s);
  });

  it('writes an in-person config: rooms and walking, House 20 and Senate 30 minutes on a 30-minute grid', () => {
    const config = JSON.parse(fs.readFileSync(d.config, 'utf8')) as { event: Record<string, unknown> };
    expect(config.event).toMatchObject({ format: 'in-person', meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 });
  });

  it('asks when each person arrives and must leave, and no time zone (on the Hill everyone is in the event\'s)', () => {
    expect(d.titles).toContain('When do you arrive in DC?');
    expect(d.titles).toContain('What time do you need to leave?');
    expect(d.titles).not.toContain('What time zone are you in?');
  });

  it('its answers need no mapping: the departures are read, and nobody is in a meeting ending after theirs', () => {
    const problems = readCsvFile(path.join(d.out, 'problems.csv'));
    expect(problems.filter((p) => /column/i.test(p.code ?? '') && /leave|arrive/i.test(`${p.column} ${p.message}`))).toEqual([]);
    const attendees = readCsvFile(path.join(d.out, 'attendees.csv'));
    const hal = attendees.filter((a) => a.first_name === 'Hal');
    // Leaving at 10am on the first day: the only meeting that could end by then does not exist (the day starts at 9:00 with 20 or 30 minutes).
    for (const a of hal) expect(`${a.date} ${a.end}`, 'Hal').toMatch(/^2020-07-14 (09|10):[0-5]\d$/);
    for (const a of attendees.filter((x) => x.first_name === 'Ida')) expect(`${a.date} ${a.end}` <= '2020-07-14 12:00', 'Ida').toBe(true);
    // Both are placed, and the one with no departure has meetings after theirs: the limits are what cut them.
    expect(hal.length).toBeGreaterThan(0);
    expect(attendees.filter((a) => a.first_name === 'Ida').length).toBeGreaterThan(0);
    expect(attendees.filter((a) => a.first_name === 'Gia').length).toBeGreaterThan(hal.length);
  });
});

function readCsvFile(file: string): Array<Record<string, string>> {
  return parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Array<Record<string, string>>;
}
