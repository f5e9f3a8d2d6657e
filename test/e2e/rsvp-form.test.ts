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
