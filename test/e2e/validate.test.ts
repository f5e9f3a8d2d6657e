import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

const SHAPES = ['rsvps-google-forms.csv', 'rsvps-google-sheets.csv', 'rsvps-google-sheets.xlsx', 'rsvps-action-network.csv', 'rsvps-excel-unicode.txt'];

interface Report {
  summary: Record<string, unknown> & { rsvpRows: number; targets: { house: number; senate: number } };
  problems: Array<{ code: string; severity: string; file: string; row?: number; column?: string; message: string }>;
  people: Array<Record<string, unknown>>;
}

const validateJson = (rsvps: string, targets = ['targets.xlsx']): { code: number; report: Report } => {
  const r = awg(['validate', '--rsvps', fx(rsvps), ...targets.flatMap((t) => ['--targets', fx(t)]), '--json']);
  expectNoStack(r);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
};

describe('awg validate on every RSVP shape', () => {
  const reports = SHAPES.map((s) => ({ shape: s, ...validateJson(s) }));

  it('yields the same normalized people from every export shape', () => {
    const [first, ...rest] = reports;
    expect(first!.report.people).toHaveLength(41);
    for (const r of rest) expect(r.report.people, r.shape).toEqual(first!.report.people);
  });

  it('exits 1 because the fixtures hold rows with errors, and counts them', () => {
    for (const r of reports) {
      expect(r.code).toBe(1);
      expect(r.report.summary).toMatchObject({ rsvpRows: 41, withErrors: 4, late: 1, duplicates: 1, targets: { house: 11, senate: 8 } });
    }
  });

  const forms = reports[0]!.report;
  const problemAt = (row: number, code: string) => forms.problems.find((p) => p.row === row && p.code === code);

  it.each([
    [6, 'zip-leading-zero', 'ZIP Code', '"2119" lost its leading zero; read as 02119'],
    [7, 'duplicate-rsvp', 'Email Address', 'row 7 superseded by row 31'],
    [11, 'zip-state-mismatch', 'ZIP Code', 'ZIP 60657 does not belong to TX'],
    [17, 'unreachable', 'Email Address', 'has no email and no phone number'],
    [18, 'invalid-email', 'Email Address', '"quinn at example.org" is not an email address'],
    [20, 'no-such-district', 'Congressional District (if known)', '"CA-60" does not exist: CA has districts 1 to 52'],
    [21, 'unreadable-availability', 'Any other availability? (e.g. Tue after 2pm)', 'depends on my chemo schedule'],
    [32, 'note-with-times', 'If you cannot join any meeting time, please tell us', 'I may need to leave early on Tuesday.'],
    [33, 'unknown-state', 'State', '"Nowhereland" is not a US state or territory'],
    [36, 'same-person-two-emails', 'Email Address', 'possible duplicate of row 3: same name and phone'],
    [37, 'invalid-zip', 'ZIP Code', '"8500" is not a 5-digit ZIP'],
  ])('row %i: %s in column %s', (row, code, column, message) => {
    const p = problemAt(row, code);
    expect(p, `no ${code} problem at row ${row}`).toBeDefined();
    expect(p).toMatchObject({ column, file: fx('rsvps-google-forms.csv') });
    expect(p!.message).toContain(message);
  });

  it('reads the messy rows into the right people', () => {
    const person = (row: number) => forms.people.find((p) => p.row === row)!;
    expect(person(2)).toMatchObject({ firstName: 'Ana María', lastName: 'López', state: 'IL', availability: 'any time', lead: true });
    expect(person(4)).toMatchObject({ firstName: '伟', lastName: '陈' });
    expect(person(6)).toMatchObject({ zip: '02119', state: 'MA' });
    expect(person(8)).toMatchObject({ late: true });
    expect(person(9)).toMatchObject({ zip: '94612', timeZone: 'America/Los_Angeles' });
    expect(person(9)!.availability).toEqual(['2020-07-14 12:00', '2020-07-14 12:30', '2020-07-14 13:00', '2020-07-14 13:30', '2020-07-14 14:00', '2020-07-14 14:30']);
    expect(person(10)).toMatchObject({ cannotJoin: true, availability: [] });
    expect(person(13)).toMatchObject({ district: 7 });
    expect(person(14)).toMatchObject({ state: 'VT', district: 0 });
    expect(person(19)).toMatchObject({ phone: '(312) 555-0118 ext. 4' });
    expect(person(22)).toMatchObject({ state: 'NY', needs: 'Spanish interpretation' });
    expect(person(27)).toMatchObject({ firstName: '<script>alert(1)</script>' });
    expect(person(29)).toMatchObject({ firstName: 'Sunny 🌞' });
    expect(person(40)).toMatchObject({ district: 9 });
  });

  it('reads the same targets from the workbook and from two CSVs', () => {
    const two = validateJson('rsvps-google-forms.csv', ['targets-senate.csv', 'targets-house.csv']);
    expect(two.report.summary.targets).toEqual({ house: 11, senate: 8 });
  });

  it('prints a readable report on the terminal: summary on stdout, problems on stderr', () => {
    const r = awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('41 rows read: 29 valid, 8 with warnings, 4 with errors');
    expect(r.stdout).toContain('Targets: 11 Representatives, 8 Senators');
    expect(r.stderr).toContain('rsvps-google-forms.csv row 37 (ZIP Code): "8500" is not a 5-digit ZIP');
    expect(r.stderr).toContain('fix: Write the 5-digit ZIP code');
    expect(r.stderr).not.toContain('\u001b[');
  });
});

describe('awg validate on bad input', () => {
  const dir = tmpDir();
  const write = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('exits 0 on clean input', () => {
    const rsvps = write('clean.csv', 'Email,Name,State,ZIP\nana@example.org,Ana López,IL,60614\n');
    const r = awg(['validate', '--rsvps', rsvps, '--targets', fx('targets.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 rows read: 1 valid');
  });

  it('exits 2 naming a file that does not exist', () => {
    const r = awg(['validate', '--rsvps', path.join(dir, 'nope.csv'), '--targets', fx('targets.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the RSVP file .*nope\.csv: no such file/);
    expectNoStack(r);
  });

  it('exits 2 for a folder given as a file', () => {
    const r = awg(['validate', '--rsvps', dir, '--targets', fx('targets.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a folder, not a file');
  });

  it('exits 2 for a broken workbook, naming it', () => {
    const bad = write('broken.xlsx', Buffer.from('PK\u0003\u0004garbage'));
    const r = awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.xlsx is not a spreadsheet awg can open');
    expectNoStack(r);
  });

  it('exits 2 for a usage error', () => {
    const r = awg(['validate', '--targets', fx('targets.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--rsvps <file>' not specified");
  });

  it('exits 1 when a required column is missing, listing the headers it saw', () => {
    const rsvps = write('noemail.csv', 'Name,State,Shoe size\nAna,IL,7\n');
    const r = awg(['validate', '--rsvps', rsvps, '--targets', fx('targets.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('noemail.csv has no column for email. Headers seen in row 1: "Name", "State", "Shoe size"');
    expectNoStack(r);
  });

  it('finds the header under title rows, and numbers rows as the spreadsheet does', () => {
    const rsvps = write('titled.csv', 'Advocacy Days RSVPs\n\nEmail,Name,State,ZIP\nana@example.org,Ana,IL,6061\n');
    const r = awg(['validate', '--rsvps', rsvps, '--targets', fx('targets.xlsx'), '--json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.problems.find((p) => p.code === 'invalid-zip')).toMatchObject({ row: 4, column: 'ZIP' });
    expect(report.problems.find((p) => p.code === 'no-availability-column')).toMatchObject({ row: 3, severity: 'warning' });
  });

  it('exits 1 for an invalid config, naming the key', () => {
    const config = write('awg.config.json', JSON.stringify({ event: { days: ['2020-07-14', '2020-07-32'] } }));
    const r = awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--config', config]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('event.days[1]: "2020-07-32" is not a date');
  });

  it('reports target rows by tab and row', () => {
    const house = write('house.csv', 'Target reps\nState,District,Member,Tier\nCA,60,Rep. Nobody,1\nIL,9,Rep. A,1\nIL,IL-09,Rep. A again,1\n');
    const r = awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', house, '--json']);
    const report = JSON.parse(r.stdout) as Report;
    const targetProblems = report.problems.filter((p) => p.file === house && p.severity === 'error');
    expect(targetProblems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'District', 'no-such-district'], [5, 'district', 'duplicate-office']]);
    expect(report.problems.find((p) => p.file === house && p.row === 4)).toMatchObject({ code: 'wrong-member', message: '"Rep. A" does not hold IL-09: Janice D. Schakowsky (D) does, by awg\'s list of current members' });
  });
});

describe('awg init', () => {
  it('writes a config that validate then accepts', () => {
    const dir = tmpDir();
    expect(awg(['init'], { cwd: dir }).code).toBe(0);
    const cfg = JSON.parse(fs.readFileSync(path.join(dir, 'awg.config.json'), 'utf8'));
    expect(cfg.event.days).toEqual(['2020-07-14', '2020-07-15', '2020-07-16']);
    expect(awg(['init'], { cwd: dir }).code).toBe(2);
    const r = awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx')], { cwd: dir });
    expect(r.code).toBe(1);
  });
});
