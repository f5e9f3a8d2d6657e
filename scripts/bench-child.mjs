// Runs the built CLI in this process and reports, on exit, its peak memory and the stages it marked
// (src/progress.ts: User Timing marks and measures, in ms since the process started), for the benchmark.
// The peak is the whole process's, its worker threads included: getrusage's maxRSS (a thread is no process of
// its own; scripts/bench.mjs checks it once with a worker that fills memory) and the kernel's VmHWM beside it.
// AWG_BENCH_DIST runs another build's dist/ (an A/B comparison of two builds in the same conditions).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const report = process.env.AWG_BENCH_REPORT;
/** The kernel's peak resident set of this process (all its threads), in KB; undefined off Linux. */
const vmHwmKB = () => {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
};
process.on('exit', () => {
  if (!report) return;
  const entries = performance.getEntries().filter((e) => e.name.startsWith('awg:')).map((e) => ({ name: e.name.slice(4), type: e.entryType, start: e.startTime, duration: e.duration, rssMB: e.detail?.rssMB }));
  const use = process.resourceUsage();
  // CPU of the whole process (its worker threads included), in ms: steadier than the wall time on a busy machine.
  fs.writeFileSync(report, JSON.stringify({ maxRssKB: use.maxRSS, vmHwmKB: vmHwmKB(), cpuMs: (use.userCPUTime + use.systemCPUTime) / 1000, exitCode: process.exitCode ?? 0, endMs: performance.now(), entries }));
});
if (process.argv[2] === '--rss-check') {
  // The check of the peak itself: a worker thread touches 200 MB; the process's maxRSS must show it.
  const { Worker } = await import('node:worker_threads');
  await new Promise((resolve, reject) => {
    const w = new Worker('const b = Buffer.alloc(200 * 1048576, 1); require("node:worker_threads").parentPort.postMessage(b[12345]);', { eval: true });
    w.once('message', () => void w.terminate().then(resolve));
    w.once('error', reject);
  });
} else {
  process.argv = [process.argv[0], 'awg', ...process.argv.slice(2)];
  const dist = process.env.AWG_BENCH_DIST ? path.resolve(process.env.AWG_BENCH_DIST) : path.join(import.meta.dirname, '..', 'dist');
  await import(pathToFileURL(path.join(dist, 'awg.mjs')).href);
}
