// Runs the built CLI in this process and reports, on exit, its peak memory (maxRSS) and the stages it
// marked (src/progress.ts: User Timing marks and measures, in ms since the process started), for the benchmark.
import fs from 'node:fs';

const report = process.env.AWG_BENCH_REPORT;
process.on('exit', () => {
  if (!report) return;
  const entries = performance.getEntries().filter((e) => e.name.startsWith('awg:')).map((e) => ({ name: e.name.slice(4), type: e.entryType, start: e.startTime, duration: e.duration, rssMB: e.detail?.rssMB }));
  const use = process.resourceUsage();
  // CPU of the whole process (its worker threads included), in ms: steadier than the wall time on a busy machine.
  fs.writeFileSync(report, JSON.stringify({ maxRssKB: use.maxRSS, cpuMs: (use.userCPUTime + use.systemCPUTime) / 1000, exitCode: process.exitCode ?? 0, endMs: performance.now(), entries }));
});
process.argv = [process.argv[0], 'awg', ...process.argv.slice(2)];
await import('../dist/awg.mjs');
