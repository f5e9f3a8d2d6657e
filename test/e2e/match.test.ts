import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

const base = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx')];

interface PriorityJson {
  offices: Array<{ office: string; constituents: number; available: number; recruitingGap: boolean; participants: number[] }>;
  participants: Array<{ row: number; rank: number; offices: string[]; district: number | null; candidates: unknown }>;
}
interface UnmatchedJson {
  summary: { rsvpRows: number; matched: number; unmatched: number };
  unmatched: Array<{ row: number; code: string; reason: string; fix: string; supersededBy: number | null }>;
}

const run = <T>(cmd: string, extra: string[]): T => {
  const r = awg([cmd, ...base, ...extra, '--json']);
  expectNoStack(r);
  // The fixtures hold rows with errors: the report is printed, and the exit code is validate's.
  expect(r.code).toBe(1);
  return JSON.parse(r.stdout) as T;
};

describe.each([['zip-districts-census.txt'], ['zip-districts.csv']])('with the %s crosswalk', (cw) => {
  const priority = run<PriorityJson>('priority', ['--zip-districts', fx(cw)]);
  const unmatched = run<UnmatchedJson>('unmatched', ['--zip-districts', fx(cw)]);
  const fate = (row: number) => {
    const p = priority.participants.find((x) => x.row === row);
    if (p) return p.offices.join(' ');
    return unmatched.unmatched.find((u) => u.row === row)?.code;
  };

  // The fate of every messy row of the fixtures (see scripts/make-fixtures.mjs for each case).
  it.each([
    [2, 'H-IL-05 S-IL-DALTON S-IL-DUCKWORTH'], [3, 'H-IL-09 S-IL-DALTON S-IL-DUCKWORTH'], [4, 'S-IL-DALTON S-IL-DUCKWORTH'],
    [5, 'S-IL-DALTON S-IL-DUCKWORTH H-IL-10'], [6, 'H-MA-07'], [7, 'duplicate'], [8, 'H-CA-12 S-CA-PADILLA'],
    [9, 'H-CA-12 S-CA-PADILLA'], [10, 'cannot-join'], [11, 'state-zip-conflict'], [12, 'S-AZ-GALLEGO S-AZ-KELLY H-AZ-03'],
    [13, 'S-AZ-GALLEGO S-AZ-KELLY H-AZ-07'], [14, 'H-VT-AL'], [15, 'territory'], [16, 'not-constituent'], [17, 'unreachable'],
    [18, 'H-IL-09 S-IL-DALTON S-IL-DUCKWORTH'], [19, 'H-IL-05 S-IL-DALTON S-IL-DUCKWORTH'], [20, 'H-CA-12 S-CA-PADILLA'],
    [21, 'availability-unreadable'], [22, 'H-NY-14'], [23, 'not-constituent'], [24, 'H-TX-23 S-TX-CORNYN'], [25, 'S-TX-CORNYN'],
    [26, 'not-constituent'], [27, 'H-IL-05 S-IL-DALTON S-IL-DUCKWORTH'], [28, 'H-IL-05 S-IL-DALTON S-IL-DUCKWORTH'],
    [29, 'S-AZ-GALLEGO S-AZ-KELLY H-AZ-03'], [31, 'H-MA-07'], [33, 'no-state'], [37, 'S-AZ-GALLEGO S-AZ-KELLY'],
    [39, 'H-VT-AL'], [40, 'H-IL-09 S-IL-DALTON S-IL-DUCKWORTH'], [41, 'district-unknown'], [42, 'H-MA-07'],
  ])('row %i → %s', (row, expected) => expect(fate(row)).toBe(expected));

  it('accounts for every RSVP row exactly once', () => {
    const rows = [...priority.participants.map((p) => p.row), ...unmatched.unmatched.map((u) => u.row)].sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({ length: 41 }, (_, i) => i + 2));
    expect(unmatched.summary).toEqual({ rsvpRows: 41, matched: priority.participants.length, unmatched: unmatched.unmatched.length, toReview: 1 });
  });

  it('lists the recruiting gaps first', () => {
    const gaps = priority.offices.filter((o) => o.recruitingGap).map((o) => o.office);
    expect(gaps.sort()).toEqual(['H-GA-06', 'S-ME-COLLINS', 'S-ME-KING']);
    expect(priority.offices.slice(0, 3).every((o) => o.recruitingGap)).toBe(true);
    expect(priority.offices.find((o) => o.office === 'H-IL-05')).toMatchObject({ constituents: 8, available: 5 });
  });

  it('ranks tier-1 constituents with the most offices first', () => {
    expect(priority.participants.find((p) => p.row === 2)?.rank).toBe(1);
    expect(priority.participants.find((p) => p.row === 4)?.rank).toBeGreaterThan(1);
  });

  it('explains the unmatched with the fix', () => {
    const u = (row: number) => unmatched.unmatched.find((x) => x.row === row)!;
    expect(u(7)).toMatchObject({ supersededBy: 31, reason: 'superseded by row 31 (same email, later submission)' });
    expect(u(11).reason).toBe('the state column says TX but ZIP 60657 is in IL');
    expect(u(41).reason).toMatch(/^district unknown: ZIP 02135 lies in MA-07 (\(70%\) )?and MA-08/);
    expect(u(41).fix).toContain('Ask which district');
    expect(u(16).reason).toBe("not a constituent of any target office (OR-01 and OR's two senators are not targets)");
  });
});

describe('awg priority and unmatched outputs', () => {
  const dir = tmpDir();

  it('finds districts from ZIPs with the bundled crosswalk, and exits as validate does', () => {
    const r = awg(['priority', ...base]);
    expect(r.code).toBe(awg(['validate', ...base]).code);
    expect(r.stderr).toContain('districts: ZIP→119th Congress, bundled');
    expect(r.stderr).toContain('rsvps-google-forms.csv row 37 (ZIP Code): "8500" is not a 5-digit ZIP');
    expect(r.stdout).toContain('Recruiting gaps: 3 target offices have no constituents');
    const u = JSON.parse(awg(['unmatched', ...base, '--json']).stdout) as UnmatchedJson;
    expect(u.unmatched.find((x) => x.row === 6)).toBeUndefined();
    expect(u.unmatched.find((x) => x.row === 41)).toMatchObject({ code: 'district-unknown', reason: 'district unknown: ZIP 02135 lies in MA-07 and MA-08' });
  });

  it('writes CSV and a workbook', () => {
    const csv = path.join(dir, 'priority.csv');
    const r = awg(['priority', ...base, '--zip-districts', fx('zip-districts.csv'), '--out', csv]);
    expect(r.code).toBe(1);
    // A CSV holds one table: the offices' table goes to a second file, named on stderr.
    const offices = path.join(dir, 'priority-target-offices.csv');
    expect(r.stderr).toContain(`Wrote ${csv} and ${offices}`);
    expect(fs.readFileSync(offices, 'utf8')).toMatch(/^\uFEFFoffice,chamber,state,district,member/);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFrank,state,district,first_name')).toBe(true);
    expect(text).toContain(`'=HYPERLINK`);
    const xlsx = path.join(dir, 'unmatched.xlsx');
    expect(awg(['unmatched', ...base, '--out', xlsx]).code).toBe(1);
    const wb = XLSX.read(fs.readFileSync(xlsx));
    expect(wb.SheetNames).toEqual(['Unmatched', 'To review']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Unmatched!);
    // The workbook's headers are for people; the CSV keeps the machine names.
    expect(rows.find((r) => r['RSVP row'] === 7)).toMatchObject({ 'Reason code': 'duplicate', 'Superseded by RSVP row': 31 });
  });

  it('refuses an output it cannot write', () => {
    const r = awg(['priority', ...base, '--out', path.join(dir, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('awg writes .csv or .xlsx here');
  });

  it('exits 1 naming a crosswalk of the wrong shape', () => {
    const bad = path.join(dir, 'cw.csv');
    fs.writeFileSync(bad, 'zip,county\n60614,Cook\n');
    const r = awg(['priority', ...base, '--zip-districts', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a ZIP→district crosswalk awg knows');
  });
});
