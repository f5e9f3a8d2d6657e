// `--out` and `--force` are typed by hand and schedule folders travel: whatever they name, no input file
// and no folder awg did not write is deleted or replaced, and a path awg cannot write is an ordinary
// error (exit 2) naming the path and the cause. Each test compares every file of the folder around the
// run (names and SHA-256) before and after.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFolder } from '../../src/write/files.js';
import { awg, expectNoStack, fx, ROOT, tmpDir, type Run } from '../helpers/run.js';

/** Every file, link and folder under `dir`, hidden ones included, with its content's hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const full = path.join(dir, r);
      if (e.isDirectory()) {
        out[`${r}/`] = 'folder';
        walk(r);
      } else if (e.isSymbolicLink()) out[r] = `link to ${fs.readlinkSync(full)}`;
      else out[r] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk('');
  return out;
}

/** A folder holding the inputs (data/) and a place to run from; returns the paths. */
function workspace() {
  const root = tmpDir('awg-out-');
  const data = path.join(root, 'data');
  fs.mkdirSync(data);
  fs.copyFileSync(fx('rsvps-google-forms.csv'), path.join(data, 'rsvps.csv'));
  fs.copyFileSync(fx('targets.xlsx'), path.join(data, 'targets.xlsx'));
  fs.copyFileSync(fx('rsvps-google-sheets.xlsx'), path.join(data, 'rsvps.xlsx'));
  return { root, data };
}

const inputs = ['--rsvps', 'data/rsvps.csv', '--targets', 'data/targets.xlsx', '--quiet'];

/** Runs awg from `cwd` and asserts an ordinary refusal that left every file under `watch` as it was. */
function refused(args: string[], cwd: string, watch: string, message: RegExp): Run {
  const before = snapshot(watch);
  const r = awg(args, { cwd });
  expectNoStack(r);
  expect(r.stderr).not.toContain('bug in awg');
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  expect(snapshot(watch)).toEqual(before);
  return r;
}

describe('--out --force never deletes the inputs or the folders around them', () => {
  it('--out . --force does not delete the folder awg runs in, nor the RSVP export in it', () => {
    const { root, data } = workspace();
    refused(['schedule', '--rsvps', 'rsvps.csv', '--targets', 'targets.xlsx', '--out', '.', '--force'], data, root, /--out \. is the folder awg runs in/);
  });

  it('--out .. --force does not delete the folder above, with the inputs in it', () => {
    const { root, data } = workspace();
    const below = path.join(data, 'below');
    fs.mkdirSync(below);
    refused(['schedule', '--rsvps', '../rsvps.csv', '--targets', '../targets.xlsx', '--out', '..', '--force'], below, root, /--out \.\. holds the folder awg runs in/);
  });

  it('--out naming the folder that holds the inputs does not delete the RSVP export or the targets', () => {
    const { root } = workspace();
    refused(['schedule', ...inputs, '--out', 'data', '--force'], root, root, /--out data holds data\/(targets\.xlsx|rsvps\.csv), the .* which this run reads/);
  });

  it("--out naming a folder with someone else's file does not delete it, even with --force", () => {
    const { root } = workspace();
    fs.mkdirSync(path.join(root, 'shared'));
    fs.writeFileSync(path.join(root, 'shared', 'budget.xlsx'), 'the treasurer\'s budget');
    refused(['schedule', ...inputs, '--out', 'shared', '--force'], root, root, /--out shared holds files awg did not write \(budget\.xlsx\)/);
    awg(['schedule', ...inputs, '--out', 'ours'], { cwd: root });
    refused(['update', '--schedule', 'ours', '--out', 'shared', '--force'], root, root, /--out shared holds files awg did not write \(budget\.xlsx\)/);
  });

  it('--force still replaces a folder awg wrote, and an empty one', () => {
    const { root } = workspace();
    fs.mkdirSync(path.join(root, 'empty'));
    for (const out of ['empty', 'empty', 'fresh', 'fresh']) {
      const r = awg(['schedule', ...inputs, '--out', out, '--force'], { cwd: root });
      expect(r.stdout).toMatch(new RegExp(`Wrote \\d+ files to ${out}/`));
    }
    expect(fs.existsSync(path.join(root, 'fresh', 'awg-folder.json'))).toBe(true);
  });

  it('--previous DIR --out DIR does not move an RSVP export kept inside DIR away into DIR.previous', () => {
    const { root } = workspace();
    awg(['schedule', ...inputs, '--out', 'out'], { cwd: root });
    fs.copyFileSync(path.join(root, 'data', 'rsvps.csv'), path.join(root, 'out', 'rsvps.csv'));
    refused(['schedule', '--rsvps', 'out/rsvps.csv', '--targets', 'data/targets.xlsx', '--previous', 'out', '--out', 'out', '--force'], root, root, /--out out holds out\/rsvps\.csv, the RSVP export \(--rsvps\)/);
  });

  it("the copy kept as DIR.previous is replaced only if awg wrote it: someone's notes there stay", () => {
    const { root } = workspace();
    awg(['schedule', ...inputs, '--out', 'out'], { cwd: root });
    fs.mkdirSync(path.join(root, 'out.previous'));
    fs.writeFileSync(path.join(root, 'out.previous', 'notes.txt'), 'call the office back on Monday');
    refused(['schedule', ...inputs, '--previous', 'out', '--out', 'out', '--force'], root, root, /out\.previous \(where the folder as it was is kept\) holds files awg did not write \(notes\.txt\)/);
  });

  it('awg report --schedule rs --out rs --force does not replace the schedule it reads', () => {
    const { root } = workspace();
    fs.cpSync(fx('report-schedule'), path.join(root, 'rs'), { recursive: true });
    const args = ['report', '--schedule', 'rs', '--responses', fx('report-responses.csv')];
    refused([...args, '--out', 'rs', '--force'], root, root, /--out rs is the schedule folder \(--schedule\), which this run reads/);
    // Its own folder, holding only the report's files, it does replace.
    expect(awg([...args, '--out', 'report'], { cwd: root }).code).not.toBe(2);
    expect(awg([...args, '--out', 'report', '--force'], { cwd: root }).stderr).toMatch(/Wrote 7 files to report\//);
    refused([...args, '--out', 'data', '--force'], root, root, /--out data holds files awg did not write/);
  });
});

describe('a single-file --out is never one of the inputs', () => {
  it('awg priority --out rsvps.csv does not replace the RSVP export', () => {
    const { root } = workspace();
    refused(['priority', ...inputs, '--out', 'data/rsvps.csv'], root, root, /--out data\/rsvps\.csv is the RSVP export \(--rsvps\), which this run reads/);
  });

  it('awg unmatched --out rsvps.xlsx does not replace the RSVP workbook', () => {
    const { root } = workspace();
    refused(['unmatched', '--rsvps', 'data/rsvps.xlsx', '--targets', 'data/targets.xlsx', '--out', 'data/rsvps.xlsx'], root, root, /--out data\/rsvps\.xlsx is the RSVP export/);
  });

  it('a link or a second name for the targets file is the targets file', () => {
    const { root } = workspace();
    fs.symlinkSync('data/targets.xlsx', path.join(root, 'link.xlsx'));
    fs.linkSync(path.join(root, 'data', 'targets.xlsx'), path.join(root, 'same.xlsx'));
    refused(['priority', ...inputs, '--out', 'link.xlsx'], root, root, /--out link\.xlsx is the same file as data\/targets\.xlsx, the targets file/);
    refused(['priority', ...inputs, '--out', 'same.xlsx'], root, root, /--out same\.xlsx is the same file as data\/targets\.xlsx/);
    // The CSV beside the first one (priority-target-offices.csv) is checked too.
    fs.copyFileSync(path.join(root, 'data', 'rsvps.csv'), path.join(root, 'p-target-offices.csv'));
    refused(['priority', '--rsvps', 'p-target-offices.csv', '--targets', 'data/targets.xlsx', '--out', 'p.csv'], root, root, /p-target-offices\.csv is the RSVP export/);
  });

  it('awg init --report-form --force does not replace the config it reads the asks from', () => {
    const { root } = workspace();
    expect(awg(['init'], { cwd: root }).code).toBe(0);
    refused(['init', '--report-form', '--out', 'awg.config.json', '--force'], root, root, /--out awg\.config\.json is the event configuration/);
  });
});

describe('a path awg cannot write is an ordinary error naming it and the cause', () => {
  const long = 'x'.repeat(300);
  const cases: Array<[string, string[], RegExp]> = [
    ['a folder under a regular file', ['schedule', ...inputs, '--out', 'data/rsvps.csv/out'], /data\/rsvps\.csv\/out: a part of the path is a file, not a folder/],
    ['a file under a regular file', ['priority', ...inputs, '--out', 'data/rsvps.csv/p.csv'], /data\/rsvps\.csv\/p\.csv: a part of the path is a file, not a folder/],
    ['a folder in /proc', ['schedule', ...inputs, '--out', '/proc/awg-out'], /\/proc\/awg-out.*: its folder does not exist or does not take new files/],
    ['a folder where even root may not write (/sys)', ['schedule', ...inputs, '--out', '/sys/awg-out'], /\/sys\/awg-out.*: (permission denied|the operation is not permitted there)/],
    ['a 300-character folder name', ['schedule', ...inputs, '--out', long], /a name in the path is too long/],
    ['a 300-character file name', ['unmatched', ...inputs, '--out', `${long}.csv`], /a name in the path is too long/],
    ['a config under a regular file', ['init', '--out', 'data/rsvps.csv/awg.config.json'], /a part of the path is a file, not a folder/],
    ['a workbook --out that is a folder', ['priority', ...inputs, '--out', 'data'], /awg writes \.csv or \.xlsx here/],
    ['a workbook --out that is a folder named .xlsx', ['unmatched', ...inputs, '--out', 'box.xlsx'], /--out box\.xlsx is a folder; awg writes a file there/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: exit 2, nothing written, no bug message`, () => {
      const { root } = workspace();
      fs.mkdirSync(path.join(root, 'box.xlsx'));
      refused(args, root, root, message);
    });
  }

  it('a 245-character folder name is written (its temporary folder would be longer than 255 bytes)', () => {
    const { root } = workspace();
    const name = 'y'.repeat(245);
    const r = awg(['schedule', ...inputs, '--out', name], { cwd: root });
    expectNoStack(r);
    expect(r.stdout).toMatch(/Wrote \d+ files/);
    expect(fs.existsSync(path.join(root, name, 'awg-folder.json'))).toBe(true);
    expect(fs.readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

// Root may write anywhere, so the read-only cases run awg as another user (nobody) when the tests run as root.
const asRoot = process.getuid?.() === 0;
const other = asRoot ? { uid: 65534, gid: 65534 } : {};
function awgAsOther(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'awg'), ...args], { cwd, ...other, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const chownAll = (dir: string) => {
  if (!asRoot) return;
  for (const rel of ['', ...fs.readdirSync(dir, { recursive: true }) as string[]]) fs.lchownSync(path.join(dir, rel), 65534, 65534);
};

describe.skipIf(process.platform === 'win32')('read-only places, as a user who is not root', () => {
  it('a schedule folder that cannot be emptied stops the run before the new schedule replaces it', () => {
    const { root } = workspace();
    chownAll(root);
    expect(awgAsOther(['schedule', ...inputs, '--out', 'out'], root).stdout).toMatch(/Wrote/);
    fs.chmodSync(path.join(root, 'out', 'days'), 0o555);
    const before = snapshot(root);
    const r = awgAsOther(['schedule', ...inputs, '--out', 'out', '--force'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot replace out: awg could not delete what is in .*out\/days \(permission denied\)\. Nothing was written/);
    expect(snapshot(root)).toEqual(before);
    fs.chmodSync(path.join(root, 'out', 'days'), 0o755);
  });

  it('a read-only parent folder is an ordinary error, and nothing is left there', () => {
    const { root } = workspace();
    chownAll(root);
    fs.chmodSync(root, 0o555);
    const before = snapshot(root);
    for (const args of [['schedule', ...inputs, '--out', 'out'], ['priority', ...inputs, '--out', 'p.xlsx'], ['init', '--out', 'c.json']]) {
      const r = awgAsOther(args, root);
      expectNoStack(r);
      expect(r.stderr).not.toContain('bug in awg');
      expect(r.stderr).toMatch(/permission denied/);
      expect(r.code).toBe(2);
    }
    expect(snapshot(root)).toEqual(before);
    fs.chmodSync(root, 0o755);
  });
});

describe('the folder writer', () => {
  it('a second file at one path stops the write, names the path, and replaces nothing', () => {
    const root = tmpDir('awg-writer-');
    const dir = path.join(root, 'out');
    expect(() => writeFolder(dir, [['rosters/a.html', 'first'], ['rosters/b.html', 'b'], ['rosters/a.html', 'second']], false)).toThrow(/two files of .* have one path: rosters\/a\.html/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('a file named to climb out of the folder is refused and nothing is written outside it', () => {
    const root = tmpDir('awg-writer-');
    const dir = path.join(root, 'deep', 'out');
    for (const rel of ['../escape.csv', 'calendar/../../escape.csv', '/tmp/escape.csv', path.join(root, 'escape.csv'), 'a\\..\\..\\escape.csv', '']) {
      expect(() => writeFolder(dir, [['ok.csv', 'ok'], [rel, 'x']], false)).toThrow(/would be written outside the folder/);
    }
    expect(snapshot(root)).toEqual({ 'deep/': 'folder' });
  });
});
