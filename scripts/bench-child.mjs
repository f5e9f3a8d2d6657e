// Runs the built CLI in this process and reports its peak memory (maxRSS) on exit, for the benchmark.
import fs from 'node:fs';

const report = process.env.AWG_BENCH_REPORT;
process.on('exit', () => {
  if (report) fs.writeFileSync(report, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS, exitCode: process.exitCode ?? 0 }));
});
process.argv = [process.argv[0], 'awg', ...process.argv.slice(2)];
await import('../dist/awg.mjs');
