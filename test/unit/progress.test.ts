// Progress on long runs: the stages a schedule run reports, and no progress at all when the output is
// for a machine (--json), when told --quiet, or when stderr is not a terminal (bin/awg, piped).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/run.js';
import type { ProgressDisplay } from '../../src/progress.js';
import { awg, fx, tmpDir } from '../helpers/run.js';

const scheduleArgs = () => ['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--out', tmpDir(), '--force'];

async function runWithDisplay(args: string[]) {
  const seen: string[] = [];
  let made = 0;
  let ended = false;
  let stderr = '';
  const display: ProgressDisplay = { stage: (s) => seen.push(s), count: (n) => seen.push(`files ${n}`), end: () => (ended = true) };
  const code = await runCli(args, { stdout: () => {}, stderr: (t) => (stderr += t), progress: async () => (made++, display) });
  return { code, seen, made, ended, stderr };
}

describe('progress on long runs', () => {
  it('a schedule run reports its stages in order, then counts the files it writes, and ends the line', async () => {
    const r = await runWithDisplay(scheduleArgs());
    expect(r.code).toBeLessThanOrEqual(1);
    const stages = r.seen.filter((s) => !s.startsWith('files '));
    expect(stages).toEqual(['reading the inputs', 'normalizing', 'matching', 'scheduling', 'planning the changes', 'writing the folder']);
    const counts = r.seen.filter((s) => s.startsWith('files ')).map((s) => Number(s.slice(6)));
    expect(counts.length).toBeGreaterThan(20);
    expect(counts).toEqual(counts.map((_, i) => i + 1));
    expect(r.ended).toBe(true);
  });

  it('the benchmark still learns the memory each renderer had in use, without a reading per file', async () => {
    performance.clearMeasures();
    const r = await runWithDisplay(scheduleArgs());
    expect(r.code).toBeLessThanOrEqual(1);
    const renderers = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('awg:render:'));
    expect(renderers.map((e) => e.name).sort()).toEqual(['awg:render:notices', 'awg:render:pages and calendars', 'awg:render:requests', 'awg:render:tables', 'awg:render:workbook']);
    for (const e of renderers) expect(((e as PerformanceMeasure).detail as { rssMB: number }).rssMB, e.name).toBeGreaterThan(10);
  });

  it('--quiet and --json show no progress', async () => {
    for (const flag of ['--quiet', '--json']) {
      const r = await runWithDisplay([...scheduleArgs(), flag]);
      expect(r.made, flag).toBe(0);
      expect(r.seen, flag).toEqual([]);
    }
  });

  it('bin/awg with stderr piped (not a terminal) writes no progress text and no terminal codes', () => {
    const run = awg(scheduleArgs());
    expect(run.stderr).not.toMatch(/awg: (reading|normalizing|matching|scheduling|planning|writing)/);
    // eslint-disable-next-line no-control-regex
    expect(run.stderr).not.toMatch(/\x1b\[/);
    expect(run.stdout).toMatch(/Wrote \d+ files/);
  });
});
