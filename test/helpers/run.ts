// Runs the built CLI the way an organizer does, and collects what it printed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'fixtures');
export const fx = (name: string) => path.join(FIXTURES, name);

/** A file of the built dist/ (worker threads start only from there), with a clear error when the build is missing. */
export function builtFile(rel: string): string {
  const file = path.join(ROOT, 'dist', rel);
  if (!fs.existsSync(file)) throw new Error('dist/ is missing: run `npm run build` (npm test does it).');
  return file;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function awg(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  builtFile('awg.mjs');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'awg'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tmpDir(prefix = 'awg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** No run may end in a stack trace, whatever it was fed. */
export function expectNoStack(run: Run): void {
  const text = run.stdout + run.stderr;
  if (/\n\s+at .+\(.*:\d+:\d+\)|\bat Object\.|node:internal/.test(text)) throw new Error(`stack trace printed:\n${text}`);
}
