// Two runs on one folder at once, and runs cut short. Each run is a real child process of bin/awg
// (started with spawn, so both run at the same time) on a 400-RSVP input set, a run of a few seconds:
// the second finds the lock, exits 2 and names it, and the earlier folder survives as it was.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, builtFile, expectNoStack, ROOT, tmpDir, type Run } from '../helpers/run.js';

interface Started {
  child: ReturnType<typeof spawn>;
  done: Promise<Run & { signal: NodeJS.Signals | null }>;
}

function start(args: string[], cwd: string): Started {
  builtFile('awg.mjs');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'awg'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })));
  return { child, done };
}

/** Every file under `dir` with its content's hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) out[rel] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

let inputs: string[] = [];
let root = '';
beforeAll(async () => {
  root = tmpDir('awg-concurrent-');
  const { makeLarge } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'make-large.mjs')).href) as { makeLarge: (n: number, out: string) => void };
  makeLarge(400, root);
  inputs = ['--rsvps', 'rsvps.csv', '--targets', 'targets.xlsx', '--zip-districts', 'zip-districts.csv', '--staff', 'staff.csv', '--quiet'];
}, 60_000);

/** A schedule folder of its own for one test, written once. */
function firstFolder(name: string): string {
  const r = awg(['schedule', ...inputs, '--out', name], { cwd: root });
  expect(r.stdout).toMatch(/Wrote \d+ files/);
  return path.join(root, name);
}

/** Runs the same command twice at once; returns the two results, one that did not stop at the lock first. */
async function twoAtOnce(args: string[]): Promise<[Run, Run]> {
  const [a, b] = await Promise.all([start(args, root).done, start(args, root).done]);
  for (const r of [a, b]) expectNoStack(r);
  return a.code === 2 ? [b, a] : [a, b];
}

function expectLockedOut(loser: Run, folder: string): void {
  expect(loser.code).toBe(2);
  expect(loser.stderr).toContain(`${folder} is being written by awg`);
  expect(loser.stderr).toContain(`lock file ${path.join(root, `.${folder}.awg-lock`)}`);
  expect(loser.stderr).toMatch(/process \d+ on /);
  expect(loser.stderr).not.toContain('bug in awg');
}

describe('two runs on one folder at once', () => {
  it('two schedule --previous DIR --out DIR --force at once: one writes, the other stops naming the lock, and the earlier folder is kept', async () => {
    const dir = firstFolder('rerun');
    const earlier = snapshot(dir);
    const [winner, loser] = await twoAtOnce(['schedule', ...inputs, '--previous', 'rerun', '--out', 'rerun', '--force']);
    expect(winner.code).not.toBe(2);
    expect(winner.stdout).toContain(`The earlier folder is kept as ${dir}.previous/`);
    expectLockedOut(loser, 'rerun');
    expect(snapshot(`${dir}.previous`)).toEqual(earlier);
    expect(fs.existsSync(path.join(dir, 'changes.csv'))).toBe(true);
    expect(fs.readdirSync(root).filter((n) => n.startsWith('.rerun'))).toEqual([]);
  }, 120_000);

  it('two updates at once: the copy from before the update is the folder as it was', async () => {
    const dir = firstFolder('edited');
    const before = snapshot(dir);
    const [winner, loser] = await twoAtOnce(['update', '--schedule', 'edited', '--quiet']);
    expect(winner.code).toBe(0);
    expectLockedOut(loser, 'edited');
    expect(snapshot(`${dir}.previous`)).toEqual(before);
  }, 120_000);

  it('two runs to the same new --out: one writes, the other says so instead of replacing it silently', async () => {
    const [winner, loser] = await twoAtOnce(['schedule', ...inputs, '--out', 'fresh']);
    expect(winner.code).not.toBe(2);
    expectLockedOut(loser, 'fresh');
    expect(awg(['check', '--schedule', 'fresh', '--quiet'], { cwd: root }).code).not.toBe(2);
  }, 120_000);
});

describe('runs cut short', () => {
  /** Starts a run and stops it with `signal` once its temporary folder holds files. */
  async function stopWhileWriting(out: string, signal: NodeJS.Signals) {
    const run = start(['schedule', ...inputs, '--out', out], root);
    const tmp = new RegExp(`^\\.${out}\\.tmp-[0-9a-f]{12}$`);
    for (let i = 0; i < 2000; i++) {
      const name = fs.readdirSync(root).find((n) => tmp.test(n));
      if (name && fs.readdirSync(path.join(root, name)).length) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    run.child.kill(signal);
    return run.done;
  }

  it('Ctrl-C or a kill while writing leaves no hidden copy with the names, emails and phones, and no lock', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const r = await stopWhileWriting('stopped', signal);
      expect(r.signal).toBe(signal);
      expect(fs.readdirSync(root).filter((n) => n.includes('stopped'))).toEqual([]);
    }
  }, 120_000);

  it('a run killed outright leaves a lock and a hidden copy: the next run takes the lock over, says so, and removes the copy', async () => {
    const r = await stopWhileWriting('killed', 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expect(fs.readdirSync(root).filter((n) => n.startsWith('.killed.')).length).toBe(2);
    const again = awg(['schedule', ...inputs, '--out', 'killed'], { cwd: root });
    expect(again.stderr).toMatch(/took over the lock .*\.killed\.awg-lock, left by awg schedule \(process \d+ on .*\), which is no longer running/);
    expect(again.stdout).toMatch(/Wrote \d+ files to killed\//);
    expect(fs.readdirSync(root).filter((n) => n.startsWith('.killed'))).toEqual([]);
  }, 120_000);
});
