// Every example command in the README, run as written, in order, from a fresh folder holding the
// fixtures. A line that is not an `awg` command must be on the list below with the reason it is not
// run here, so no example is skipped silently.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awg, expectNoStack, ROOT, tmpDir } from '../helpers/run.js';

const NOT_RUN: Record<string, string> = {
  'npm ci && npm run demo': 'installs from the network; `npm run demo` is the schedule example below, on the same fixtures',
  'npm ci && npm test': 'installs from the network, and runs this very test',
  'npm ci': 'installs from the network',
  'npm test': 'runs this very test',
  'npm run fixtures': 'rewrites the fixtures every test reads',
  'npm run bench': 'the benchmark takes minutes (run by hand, not in tests)',
  'node scripts/bench.mjs --sizes 1000 --no-quality': 'the benchmark (run by hand, not in tests)',
};

/** The command lines of the README's sh blocks, continuation lines joined and comments taken off. */
function examples(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const out: string[] = [];
  for (const block of text.matchAll(/^[ \t]*```sh\n([\s\S]*?)^[ \t]*```/gm)) {
    const joined = block[1]!.replace(/\\\n\s*/g, ' ');
    for (const raw of joined.split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      if (line) out.push(line);
    }
  }
  return out;
}

describe('the README examples', () => {
  const lines = examples();
  it('are all either awg commands or listed here with the reason they are not run', () => {
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) if (!l.startsWith('awg ')) expect(Object.keys(NOT_RUN), l).toContain(l);
  });

  it('run as written, in order, without a usage error or a stack trace', () => {
    const cwd = tmpDir('awg-readme-');
    fs.symlinkSync(path.join(ROOT, 'fixtures'), path.join(cwd, 'fixtures'));
    const ran: string[] = [];
    for (const line of lines.filter((l) => l.startsWith('awg '))) {
      const r = awg(line.split(/\s+/).slice(1), { cwd });
      expectNoStack(r);
      // 1 is "problems in the inputs": the fixtures hold a messy row for every case on purpose.
      expect([0, 1], `${line}\n${r.stderr}`).toContain(r.code);
      if (/^awg (check|update) /.test(line)) expect(r.code, `${line}\n${r.stderr}`).toBe(0);
      ran.push(line);
    }
    expect(ran.some((l) => l.startsWith('awg update'))).toBe(true);
    expect(fs.existsSync(path.join(cwd, 'out', 'advocacy-days.previous'))).toBe(true);
    expect(fs.existsSync(path.join(cwd, 'priority.xlsx'))).toBe(true);
  }, 180_000);
});
