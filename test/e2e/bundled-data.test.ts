// The bundled ZIP→district crosswalk and list of current members, end to end: districts with no flag,
// targets by seat, the wrong-member warning, the data's age, and `awg init --targets`.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

const rsvps = ['--rsvps', fx('rsvps-google-forms.csv')];
const base = [...rsvps, '--targets', fx('targets.xlsx')];

interface PriorityJson {
  participants: Array<{ row: number; district: number | null; candidates: Array<{ district: number }> | null; offices: string[] }>;
}
interface UnmatchedJson {
  unmatched: Array<{ row: number; code: string; reason: string }>;
}

const json = <T>(args: string[]): T => {
  const r = awg([...args, '--json']);
  expectNoStack(r);
  expect(r.code).toBe(1); // the fixtures hold rows with errors, as validate reports
  return JSON.parse(r.stdout) as T;
};

function workbook(dir: string, tabs: Record<string, unknown[][]>): string {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(tabs)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  const file = path.join(dir, 'targets.xlsx');
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

const readCsv = (file: string) => parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;

describe('districts with no --zip-districts', () => {
  const where = (p: PriorityJson['participants'][number]) => [p.row, p.district, p.candidates?.map((c) => c.district) ?? null, p.offices.join(' ')];
  const bundled = json<PriorityJson>(['priority', ...base]);
  const given = json<PriorityJson>(['priority', ...base, '--zip-districts', fx('zip-districts.csv')]);

  it('gives the fixtures\' people the same districts as the fixture crosswalk', () => {
    expect(bundled.participants.map(where)).toEqual(given.participants.map(where));
    const u1 = json<UnmatchedJson>(['unmatched', ...base]).unmatched.map((u) => [u.row, u.code]);
    const u2 = json<UnmatchedJson>(['unmatched', ...base, '--zip-districts', fx('zip-districts.csv')]).unmatched.map((u) => [u.row, u.code]);
    expect(u1).toEqual(u2);
    // Row 3 has no district column: 60201 lies in IL-09 alone.
    expect(bundled.participants.find((p) => p.row === 3)).toMatchObject({ district: 9 });
  });

  it('says which districts it used', () => {
    const out = tmpDir();
    const r = awg(['schedule', ...base, '--out', path.join(out, 's')]);
    expectNoStack(r);
    expect(r.stdout).toContain('districts: ZIP→119th Congress, bundled');
    const o = awg(['schedule', ...base, '--zip-districts', fx('zip-districts.csv'), '--out', path.join(out, 't')]);
    expect(o.stdout).toContain(`districts: ZIP→district from ${fx('zip-districts.csv')}`);
  });
});

describe('targets by seat', () => {
  it('fills member, party, phone and office from a workbook of seats and tiers', () => {
    const dir = tmpDir();
    const targets = workbook(dir, {
      Representatives: [['State', 'District', 'Tier'], ['IL', 'IL-05', '1'], ['CA', 'CA-12', '2']],
      Senators: [['State', 'Senator', 'Tier'], ['IL', '', '1'], ['AZ', 'senior', '2']],
    });
    const r = awg(['schedule', ...rsvps, '--targets', targets, '--out', path.join(dir, 'out')]);
    expectNoStack(r);
    const meetings = readCsv(path.join(dir, 'out', 'meetings.csv'));
    const byMember = new Map(meetings.map((m) => [m.member, m]));
    expect(byMember.get('Mike Quigley')).toMatchObject({ chamber: 'House', district: 'IL-05', party: 'D', tier: '1', office_phone: '(202) 225-4061', office_address: '2083 Rayburn House Office Building' });
    expect(byMember.get('Richard J. Durbin')).toMatchObject({ chamber: 'Senate', party: 'D', office_phone: '(202) 224-2152' });
    expect(byMember.get('Tammy Duckworth')).toMatchObject({ chamber: 'Senate', party: 'D', office_phone: '(202) 224-2854' });
    expect(byMember.get('Lateefah Simon')).toMatchObject({ district: 'CA-12', party: 'D' });
    expect(r.stderr).not.toMatch(/does not hold|is not a senator/);
  });

  it('warns when a row names someone who does not hold the seat, naming who does', () => {
    const r = awg(['validate', ...base]);
    expect(r.stderr).toContain('targets.xlsx [Target Representatives] row 4 (Member): "Rep. Maria Kowalski" does not hold IL-05: Mike Quigley (D) does');
    expect(r.stderr).toMatch(/"Sen\. Richard Dalton" is not a senator of IL: IL's senators are Richard J\. Durbin \(D\) and Tammy Duckworth \(D\)/);
    // A row that names the holder is not flagged (a hyphenated name too), so these two are the only ones, each in full.
    expect(r.stderr).not.toContain('Ocasio-Cortez');
    expect(r.stderr).not.toMatch(/Padilla|Cornyn|Gallego|McBath/);
    expect(r.stderr.match(/does not hold|is not a senator of/g)).toHaveLength(2);
  });

  it('warns when the targets hold one chamber only', () => {
    const r = awg(['validate', ...rsvps, '--targets', fx('targets-house.csv')]);
    expect(r.stderr).toContain('the targets list no Senators: nobody will be scheduled with a senator');
  });
});

describe("the data's age", () => {
  it('warns that the districts may be out of date for an event in 2027, and how to pass newer ones', () => {
    const dir = tmpDir();
    const config = path.join(dir, 'awg.config.json');
    fs.writeFileSync(config, JSON.stringify({ event: { days: ['2027-03-02', '2027-03-03'], deadline: null } }));
    const r = awg(['priority', ...base, '--config', config]);
    expectNoStack(r);
    expect(r.stderr).toContain('the event (2027-03-03) falls after the 119th Congress (2025-01-03 to 2027-01-03): awg\'s bundled districts and members are that Congress\'s and may be out of date');
    expect(r.stderr).toContain('--zip-districts FILE');
    // TX redrew for 2026: people placed there by their ZIP are named.
    expect(r.stderr).toMatch(/TX has redrawn its districts .*: the districts of 2 people found from the ZIP \(rows 24, 25\) may be out of date/);
    const given = awg(['priority', ...base, '--config', config, '--zip-districts', fx('zip-districts.csv')]);
    expect(given.stderr).not.toContain('falls after the 119th Congress');
    expect(awg(['validate', ...base, '--config', config]).stderr).toContain('the event (2027-03-03) falls after the 119th Congress');
  });

  it('says for an earlier event that a redrawn state\'s bundled districts hold until the new members take office', () => {
    const r = awg(['priority', ...base]);
    expect(r.stderr).toMatch(/TX has redrawn .*are the 119th Congress's, which hold until then/);
    // Named at the export's ZIP column as the sheet heads it.
    expect(r.stderr).toContain('rsvps-google-forms.csv (ZIP Code): TX has redrawn');
    expect(r.stderr).not.toContain('falls after the 119th Congress');
  });
});

describe('awg init --targets', () => {
  it('writes every seat of the states asked for, with an empty tier column, that awg reads back', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'targets.xlsx');
    const r = awg(['init', '--targets', file, '--states', 'IL,vermont']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('18 Representatives and 4 Senators');
    const wb = XLSX.read(fs.readFileSync(file));
    expect(wb.SheetNames).toEqual(['Representatives', 'Senators']);
    const house = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets.Representatives!, { defval: '' });
    expect(house.map((h) => h.District)).toEqual([...Array.from({ length: 17 }, (_, i) => `IL-${String(i + 1).padStart(2, '0')}`), 'VT-AL']);
    expect(house.find((h) => h.District === 'IL-05')).toMatchObject({ Member: 'Mike Quigley', Party: 'D', Tier: '' });
    const v = awg(['validate', ...rsvps, '--targets', file, '--json']);
    const summary = JSON.parse(v.stdout) as { summary: { targets: { house: number; senate: number } }; problems: Array<{ file: string }> };
    expect(summary.summary.targets).toEqual({ house: 18, senate: 4 });
    expect(summary.problems.filter((p) => p.file === file)).toEqual([]);
    expect(awg(['init', '--targets', file]).code).toBe(2);
  });
});
