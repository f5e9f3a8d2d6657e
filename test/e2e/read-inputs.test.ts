// Nothing misread without a word: files no earlier test had seen, each read the way the organizer meant it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

interface Person { row: number; firstName: string; lastName: string; email: string; state: string | null; zip: string | null; availability: string[] | string; cannotJoin: boolean; late: boolean }
interface Report {
  summary: { rsvpRows: number };
  files: Array<{ role: string; file: string; headerRow: number; columns: Array<{ column: string; header: string; use: string }> }>;
  problems: Array<{ code: string; severity: string; row?: number; column?: string; message: string }>;
  people: Person[];
}

const validate = (rsvps: string, more: string[] = []): { code: number; report: Report } => {
  const r = awg(['validate', '--rsvps', fx(rsvps), '--targets', fx('targets.xlsx'), ...more, '--json']);
  expectNoStack(r);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
};
const same = (p: Person) => ({ first: p.firstName, last: p.lastName, email: p.email, state: p.state, zip: p.zip, availability: p.availability, cannotJoin: p.cannotJoin, late: p.late });
const forms = validate('rsvps-google-forms.csv').report.people.map(same);

describe('the exports of other form tools, read with no config', () => {
  it.each(['rsvps-eventbrite.csv', 'rsvps-jotform.csv', 'rsvps-surveymonkey.csv', 'rsvps-typeform.csv', 'rsvps-mobilize.csv', 'rsvps-everyaction.csv'])(
    '%s reads the same people, states, ZIPs and availability as the Google Forms export', (file) => {
      const { report } = validate(file);
      expect(report.people.map(same)).toEqual(forms);
      expect(report.problems.filter((p) => p.code === 'unused-column' || p.code === 'no-availability-column')).toEqual([]);
    });

  it('SurveyMonkey: the two header rows are read together, and rows keep the numbers the spreadsheet shows', () => {
    const { report } = validate('rsvps-surveymonkey.csv');
    const uses = Object.fromEntries(report.files[0]!.columns.map((c) => [c.header, c.use]));
    expect(uses).toMatchObject({ 'Email Address': 'email', 'ZIP/Postal Code': 'ZIP code', 'State/Province': 'state', 'Tuesday, July 14': 'availability on 2020-07-14' });
    // Eve Adams is the fifth person: row 7 under two header rows, where her ZIP lost its zero.
    expect(report.problems.find((p) => p.code === 'zip-leading-zero')).toMatchObject({ row: 7, column: 'ZIP/Postal Code' });
  });

  it('Typeform: a stamp in a "(UTC)" column is read as UTC', () => {
    const late = validate('rsvps-typeform.csv').report.people.filter((p) => p.late).map((p) => p.email);
    expect(late).toEqual(['grace.kim@example.org']);
  });
});

describe('the four misreadings of issue 9', () => {
  it('an RSVP export with availability columns headed by the day alone reads them as that day', () => {
    const { report } = validate('rsvps-day-columns.csv');
    expect(report.people.map(same)).toEqual(forms);
    expect(report.problems.find((p) => p.code === 'day-outside-event')).toMatchObject({ row: 1, column: 'Friday, July 17', severity: 'warning' });
  });

  it('an availability question worded "Which times can you meet?" is availability', () => {
    const { report } = validate('rsvps-which-times.csv');
    expect(report.people.map(same)).toEqual(forms);
    expect(report.files[0]!.columns.find((c) => c.header === 'Which times can you meet?')?.use).toBe('availability');
  });

  it('a stray quote swallows nobody: everyone is read, the rows after it keep their numbers, and the quote is an error naming its row', () => {
    const { code, report } = validate('rsvps-stray-quote.csv');
    expect(code).toBe(1);
    expect(report.people.map(same)).toEqual(forms);
    expect(report.people.map((p) => p.row)).toEqual(forms.map((_, i) => i + 2));
    const quote = report.problems.find((p) => p.code === 'stray-quote');
    expect(quote).toMatchObject({ row: 5, column: 'City', severity: 'error' });
    expect(quote!.message).toContain('rows 6 to 10');
    expect(report.problems.find((p) => p.code === 'zip-leading-zero')).toMatchObject({ row: 6 });
    expect(report.problems.find((p) => p.code === 'invalid-zip')).toMatchObject({ row: 37 });
  });

  it('the staff list with one column per day: accompaniers meet only on the days they can come', () => {
    const dir = path.join(tmpDir(), 'out');
    const r = awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'),
      '--staff', fx('staff-by-day.csv'), '--out', dir]);
    expectNoStack(r);
    const meetings = parse(fs.readFileSync(path.join(dir, 'meetings.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
    const days: Record<string, string[]> = {
      'Aubrey Grant': ['2020-07-14'], 'Claudia Lucero': ['2020-07-15'], 'Dev Patel': ['2020-07-16'], 'Rae Morgan': ['2020-07-14'],
    };
    const staffed = meetings.filter((m) => m.accompanier !== 'TBD');
    expect(staffed.length).toBeGreaterThan(3);
    for (const m of staffed) expect(days[m.accompanier!], `${m.accompanier} on ${m.date}`).toContain(m.date);
    for (const m of staffed.filter((x) => x.accompanier === 'Rae Morgan')) expect((m.start ?? '') < '12:00').toBe(true);
  });

  it('possible duplicates are warnings naming both rows, and awg unmatched lists them to review; both rows stay', () => {
    const { report } = validate('rsvps-duplicates.csv');
    const dups = report.problems.filter((p) => p.code === 'same-person-two-emails');
    expect(dups.map((p) => [p.row, p.message.split(';')[0]])).toEqual([
      [5, 'possible duplicate of row 2: same name and phone, a different email'],
      [6, 'possible duplicate of row 4: same name and ZIP, a different email'],
    ]);
    expect(report.people).toHaveLength(6);
    const r = awg(['unmatched', '--rsvps', fx('rsvps-duplicates.csv'), '--targets', fx('targets.xlsx'), '--json']);
    const review = (JSON.parse(r.stdout) as { review: Array<{ row: number; reason: string }> }).review;
    expect(review.map((x) => x.row)).toEqual([5, 6]);
    const text = awg(['unmatched', '--rsvps', fx('rsvps-duplicates.csv'), '--targets', fx('targets.xlsx')]).stdout;
    expect(text).toContain('2 to review: possible duplicates');
    expect(text).toContain('row 5    ana maría López: possible duplicate of row 2: same name and phone');
  });
});

describe('every column is used or named', () => {
  const rsvpFixtures = fs.readdirSync(path.resolve(fx('.'))).filter((f) => /^rsvps-.*\.(csv|xlsx|txt)$/.test(f));

  it.each(rsvpFixtures)('awg validate prints the column map of %s, every header in it', (file) => {
    const r = awg(['validate', '--rsvps', fx(file), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')]);
    expectNoStack(r);
    expect(r.stdout).toMatch(new RegExp(`Columns of ${file.replace(/\./g, '\\.')}( \\[[^\\]]+\\])? \\(RSVPs`));
    for (const what of ['Representatives', 'Senators', 'staff', 'confirmed meetings']) expect(r.stdout).toContain(`(${what}, header in row`);
    const { report } = validate(file);
    const named = report.files[0]!.columns.map((c) => c.header);
    expect(named.length).toBeGreaterThan(5);
    // Every header of the file is in the map: none is dropped without a line.
    const head = file.endsWith('.csv') ? (parse(fs.readFileSync(fx(file)), { bom: true, to_line: 2, relax_column_count: true, relax_quotes: true }) as string[][]) : [];
    for (const h of (head[0] ?? []).filter((x) => x.trim() && !/^Contact information|^Which times can you join\?$/.test(x))) {
      if (!/surveymonkey/.test(file)) expect(named).toContain(h.replace(/\s+/g, ' ').trim());
    }
  });

  it('the columns not used are one short block of the human output', () => {
    const r = awg(['validate', '--rsvps', fx('rsvps-eventbrite.csv'), '--targets', fx('targets.xlsx')]);
    expect(r.stdout).toContain('Not used (9): A "Order #", F "Quantity", G "Ticket Type", H "Attendee #", I "Group", J "Order Type", K "Total Paid", N "Home Address 2", R "Home Country"');
    // Eventbrite's attendee status ("Attending", "Not Attending", "Refunded") tells who cancelled.
    expect(r.stdout).toMatch(/L +Attendee Status +→ status \(cancelled\)/);
    // Eventbrite leaves the home address empty when the event does not ask for it: the map says so.
    expect(r.stdout).toMatch(/M {3}Home Address 1 +→ street address \(no answers in this column\)/);
  });

  it('the staff list by day and the confirmed meetings show what each column is', () => {
    const r = awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff-by-day.csv'), '--confirmed', fx('confirmed.csv')]);
    expect(r.stdout).toMatch(/E {3}Tuesday, July 14 +→ availability on 2020-07-14/);
    expect(r.stdout).toMatch(/D {3}Video link +→ video link/);
  });

  it('a column awg does not use whose answers look like ZIPs is a warning naming it and how to map it', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'r.csv');
    fs.writeFileSync(file, 'Email,Name,State,Where you vote,Availability\na@example.org,Ana,IL,60614,any time\nb@example.org,Ben,IL,60201,Tue\n');
    const r = awg(['validate', '--rsvps', file, '--targets', fx('targets.xlsx'), '--json']);
    const p = (JSON.parse(r.stdout) as Report).problems.find((x) => x.code === 'unused-column');
    expect(p).toMatchObject({ column: 'Where you vote', severity: 'warning' });
    expect(p!.message).toContain('look like ZIP codes');
    expect((p as unknown as { fix: string }).fix).toContain('"zip": "Where you vote"');
  });
});
