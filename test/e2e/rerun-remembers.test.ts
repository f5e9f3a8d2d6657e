// A re-run remembers what the schedule was made from: `schedule --previous DIR` takes every input the
// command line leaves out (staff list, confirmed meetings, config, targets, crosswalk, even the RSVP export)
// from DIR's awg-folder.json, so forgetting --staff, or running from another folder, never strips the
// schedule or swaps the event for the built-in one. `check` and `update` show the staff list's own problems.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const folderJson = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'awg-folder.json'), 'utf8')) as { config: { event: { name: string }; organizer: { email: string } }; inputs: Record<string, { path: string } | undefined> };

const t = {} as { root: string; inputs: string; first: string; config: string; staff: string };

beforeAll(() => {
  t.root = tmpDir('awg-remember-');
  // The organizer's own folder of inputs, with an event config of their own and a staff list with one bad row.
  t.inputs = path.join(t.root, 'inputs');
  fs.mkdirSync(t.inputs);
  for (const f of ['rsvps-google-forms.csv', 'targets.xlsx', 'confirmed.csv']) fs.copyFileSync(fx(f), path.join(t.inputs, f));
  t.staff = path.join(t.inputs, 'staff.csv');
  fs.writeFileSync(t.staff, `${fs.readFileSync(fx('staff.csv'), 'utf8').trimEnd()}\r\nPat Rivera,pat at example dot org,(202) 555-0199,AWG,\r\n`);
  t.config = path.join(t.inputs, 'awg.config.json');
  fs.writeFileSync(t.config, JSON.stringify({ event: { name: 'Immigrant Justice Days' }, organizer: { name: 'Ana Ortiz', email: 'ana@coalition.example' } }));
  t.first = path.join(t.root, 'first');
  const r = awg(['schedule', '--rsvps', 'rsvps-google-forms.csv', '--targets', 'targets.xlsx', '--staff', 'staff.csv', '--confirmed', 'confirmed.csv', '--config', 'awg.config.json', '--out', t.first], { cwd: t.inputs });
  expectNoStack(r);
}, 60_000);

describe('awg schedule --previous remembers the inputs', () => {
  it('a re-run without --staff, --confirmed or --config, from another folder, keeps every accompanier and the event', () => {
    const again = path.join(t.root, 'again');
    // Run from the root, not the inputs' folder: no awg.config.json here, and only the RSVPs and targets given.
    const r = awg(['schedule', '--rsvps', path.join(t.inputs, 'rsvps-google-forms.csv'), '--targets', path.join(t.inputs, 'targets.xlsx'), '--previous', t.first, '--out', again], { cwd: t.root });
    expectNoStack(r);
    expect(r.stdout).toContain('Changes: 0 people to tell');
    expect(r.stdout).toMatch(/taken from its record: --staff .*staff\.csv, --confirmed .*confirmed\.csv, --config .*awg\.config\.json/);
    const before = readCsv(path.join(t.first, 'meetings.csv'));
    const after = readCsv(path.join(again, 'meetings.csv'));
    expect(after.map((m) => [m.meeting_id, m.accompanier, m.date, m.start])).toEqual(before.map((m) => [m.meeting_id, m.accompanier, m.date, m.start]));
    expect(after.filter((m) => m.accompanier && m.accompanier !== 'TBD').length).toBeGreaterThan(0);
    const made = folderJson(again);
    expect(made.config.event.name).toBe('Immigrant Justice Days');
    expect(made.config.organizer.email).toBe('ana@coalition.example');
    expect(made.inputs.staff?.path).toMatch(/staff\.csv$/);
    expect(made.inputs.confirmed?.path).toMatch(/confirmed\.csv$/);
    // The notices are signed by the organizer of the config the folder was made with.
    expect(fs.readFileSync(path.join(again, 'requests.csv'), 'utf8')).toContain('Ana Ortiz');
  });

  it('a re-run given nothing but --previous and --out finds the RSVPs and targets in the record too', () => {
    const again = path.join(t.root, 'bare');
    const r = awg(['schedule', '--previous', t.first, '--out', again], { cwd: t.root });
    expectNoStack(r);
    expect(r.stdout).toContain('Changes: 0 people to tell');
    expect(r.stdout).toMatch(/--rsvps .*rsvps-google-forms\.csv, --targets .*targets\.xlsx/);
  });

  it('a first run still needs --rsvps and --targets (exit 2, saying a re-run would take them)', () => {
    const r = awg(['schedule', '--targets', fx('targets.xlsx'), '--out', path.join(t.root, 'none')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs --rsvps FILE');
    expect(fs.existsSync(path.join(t.root, 'none'))).toBe(false);
  });

  it('a --staff that is another file than the recorded one is named in a warning, and used', () => {
    const other = path.join(t.root, 'other-staff.csv');
    fs.writeFileSync(other, 'Name,Email\r\nJo Kim,jo.kim@awg.example\r\n');
    const again = path.join(t.root, 'other');
    const r = awg(['schedule', '--staff', other, '--previous', t.first, '--out', again, '--json'], { cwd: t.root });
    expectNoStack(r);
    const json = JSON.parse(r.stdout) as { problems: Array<{ code: string; message: string }> };
    const differs = json.problems.find((p) => p.code === 'input-differs');
    expect(differs?.message).toContain('other-staff.csv is not the staff file the earlier schedule was made from');
    // Jo Kim alone, at most maxMeetingsPerDay (6) a day: the other meetings wait for an accompanier.
    const accompaniers = readCsv(path.join(again, 'meetings.csv')).map((m) => m.accompanier);
    expect(new Set(accompaniers)).toEqual(new Set(['Jo Kim', 'TBD']));
    expect(accompaniers.filter((a) => a === 'Jo Kim').length).toBeGreaterThan(0);
  });

  it('a recorded staff list that is gone stops the re-run (exit 2, naming it) instead of dropping every accompanier', () => {
    const moved = path.join(t.root, 'moved');
    fs.cpSync(t.inputs, moved, { recursive: true });
    const copy = path.join(t.root, 'first-copy');
    fs.cpSync(t.first, copy, { recursive: true });
    // The copy's record points at ../inputs/staff.csv; with the inputs folder renamed, it is gone.
    fs.renameSync(t.inputs, `${t.inputs}-away`);
    try {
      const r = awg(['schedule', '--rsvps', path.join(moved, 'rsvps-google-forms.csv'), '--targets', path.join(moved, 'targets.xlsx'), '--previous', copy, '--out', path.join(t.root, 'stripped')], { cwd: t.root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/staff file .*staff\.csv, which is not there any more/);
      expect(r.stderr).toContain('Pass --staff FILE');
      expect(fs.existsSync(path.join(t.root, 'stripped'))).toBe(false);
    } finally {
      fs.renameSync(`${t.inputs}-away`, t.inputs);
    }
  });

  it('awg check and awg update show the staff list\'s own problems, and update writes them to problems.csv', () => {
    const c = awg(['check', '--schedule', t.first, '--json'], { cwd: t.root });
    expectNoStack(c);
    const json = JSON.parse(c.stdout) as { problems: Array<{ code: string; file?: string; row?: number }> };
    const bad = json.problems.find((p) => p.code === 'invalid-email' && (p.file ?? '').endsWith('staff.csv'));
    expect(bad?.row).toBe(6);
    const u = awg(['update', '--schedule', t.first], { cwd: t.root });
    expectNoStack(u);
    expect(u.code).toBe(0);
    const problems = readCsv(path.join(t.first, 'problems.csv'));
    expect(problems.some((p) => p.code === 'invalid-email' && p.file?.endsWith('staff.csv') && p.row === '6')).toBe(true);
  });
});
