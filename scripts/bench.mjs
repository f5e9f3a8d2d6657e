#!/usr/bin/env node
// `npm run bench`: how fast awg is against the goals of issue 24, each measured in one run against the bare
// csv-parse read of the same RSVP file (a ratio, never an absolute time): the whole `awg schedule` run (Node's
// start included) as its own process, its peak memory (the whole process's, worker threads included), each
// stage's time (marked by the run itself, see src/progress.ts). Every run writes into a fresh, never-used
// folder, on the disk (bench-out/runs/) and on tmpfs beside it (/dev/shm): on ext4 without a journal,
// creating files just after many were deleted costs 0.5–1 ms each instead of 20 µs (the kernel skips
// recently deleted inodes), so deleting the last run's folder right before a run would time that instead.
// The old run folders are deleted at the start, and the disk's runs wait until that is 30 s old.
// Then `awg check` at scale (bench-check.mjs), the schedule's quality against an exact optimum
// (bench-quality.mjs) and re-run stability (bench-stability.mjs). Prints the tables, writes bench-out/bench.json.
// Usage: node scripts/bench.mjs [--sizes 1000,10000,100000] [--runs 3] [--on disk,tmpfs] [--no-check] [--no-quality] [--no-stability]
//   AWG_BENCH_DIST=../other/dist runs another build (the same inputs, the same machine).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { benchCheck } from './bench-check.mjs';
import { makeEveryday, makeLarge } from './make-large.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-out');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '1000,10000,100000').split(',').filter(Boolean).map(Number);
/** Runs of each event and folder (the median counts: the machine is shared and noisy); 100,000 RSVPs run once. */
const RUNS = Number(arg('--runs', '3'));
const TMPFS = '/dev/shm';
const targets = arg('--on', fs.existsSync(TMPFS) ? 'disk,tmpfs' : 'disk').split(',');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r0 = (x) => String(Math.round(x));

// Fresh folders: every run gets a name never used before; the old ones go now, not right before a run.
const RUNS_ON = { disk: path.join(OUT, 'runs'), tmpfs: path.join(TMPFS, `awg-bench-${path.basename(ROOT)}`) };
const cleanedAt = performance.now();
for (const dir of Object.values(RUNS_ON)) fs.rmSync(dir, { recursive: true, force: true });
let used = 0;
const freshFolder = (on, label) => path.join(RUNS_ON[on], `${label}-${++used}`);
/** ext4 skips inodes deleted in the last 30 s when it makes new ones (fs/ext4/ialloc.c, recently_deleted). */
const RECENTLY_DELETED_MS = 31_000;

const STAGES = [
  ['start', 'Node start, loading awg'],
  ['read', 'reading the inputs'],
  ['normalize', 'normalizing'],
  ['match', 'matching'],
  ['schedule', 'scheduling'],
  ['plan', 'planning the changes'],
];
const RENDERERS = ['tables', 'workbook', 'pages and calendars', 'requests', 'notices'];

/** One `awg <args>` run as its own process, through bench-child.mjs: wall time, its report. */
function child(args) {
  const report = path.join(OUT, `child-report-${process.pid}.json`);
  fs.rmSync(report, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-child.mjs'), ...args],
    { env: { ...process.env, AWG_BENCH_REPORT: report, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  if (!fs.existsSync(report)) throw new Error(`awg ${args[0]} failed (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
  return { wallMs, status: r.status, rep: JSON.parse(fs.readFileSync(report, 'utf8')) };
}

/** One `awg schedule` run into a fresh folder: wall time, peak memory and its stages (ms). */
function wholeRun(args, outDir) {
  const { wallMs, status, rep } = child(['schedule', ...args, '--out', outDir]);
  const entry = (type, name) => rep.entries.find((e) => e.type === type && e.name === name);
  const mark = (name) => entry('mark', name)?.start;
  const measure = (name) => entry('measure', name)?.duration ?? 0;
  // Memory: what a stage leaves in use (read at the next stage's start), and each renderer's peak while making its files.
  const memory = Object.fromEntries(STAGES.map(([k], i) => [k, entry('mark', STAGES[i + 1]?.[1] ?? 'writing the folder')?.rssMB ?? 0]));
  for (const r of RENDERERS) memory[`render: ${r}`] = entry('measure', `render:${r}`)?.rssMB ?? 0;
  const at = [0, ...STAGES.slice(1).map(([, m]) => mark(m)), mark('writing the folder'), rep.endMs];
  const stages = Object.fromEntries(STAGES.map(([k], i) => [k, at[i + 1] - at[i]]));
  for (const r of RENDERERS) stages[`render: ${r}`] = measure(`render:${r}`);
  stages.write = measure('write');
  // What is left of the writing stage: renaming the folder into place, the summary, exiting.
  stages.finish = at.at(-1) - at.at(-2) - RENDERERS.reduce((a, r) => a + stages[`render: ${r}`], 0) - stages.write;
  // Beside the main thread, on its worker (not a share of the wall time; its wait is render: workbook).
  const onWorker = measure('workbook-worker');
  return { wallMs, cpuMs: rep.cpuMs, peakMB: Math.max(rep.maxRssKB, rep.vmHwmKB ?? 0) / 1024, exitCode: status, stages, onWorker, memory };
}

/** The bare read: the file read and parsed by csv-parse in this process (warmed up first: awg's code comes compiled from its cache). */
function bareCsvParse(file) {
  const t0 = performance.now();
  parse(fs.readFileSync(file), { bom: true, relax_column_count: true });
  return performance.now() - t0;
}

/**
 * `runs` runs of the event on `on`, each beside a bare csv-parse read of the same file just before it (A B A B:
 * the same load on both); the median run by its ratio, every run's wall time and ratio.
 */
function measured(files, args, on, label, runs) {
  const all = Array.from({ length: runs }, () => {
    const csvParseMs = bareCsvParse(files.rsvps);
    const run = wholeRun(args, freshFolder(on, label));
    return { ...run, csvParseMs, ratio: run.wallMs / csvParseMs };
  });
  const best = all.find((r) => r.ratio === median(all.map((x) => x.ratio)));
  return { on, ...best, wallRunsMs: all.map((r) => Math.round(r.wallMs)), ratios: all.map((r) => +r.ratio.toFixed(2)), peakMB: Math.max(...all.map((r) => r.peakMB)) };
}

/** The peak counts worker threads: a worker touching 200 MB shows in the process's maxRSS. */
function rssCoversWorkers() {
  const { rep } = child(['--rss-check']);
  const mb = rep.maxRssKB / 1024;
  return { maxRssMB: mb, vmHwmMB: (rep.vmHwmKB ?? 0) / 1024, covers: mb > 200 };
}

fs.mkdirSync(OUT, { recursive: true });
const rss = rssCoversWorkers();
for (let i = 0; i < 3; i++) bareCsvParse(makeEveryday(path.join(OUT, 'input-everyday')).rsvps);
const events = [
  ...sizes.map((n) => {
    const files = makeLarge(n, path.join(OUT, `input-${n}`));
    return { name: `${n} RSVPs`, rsvps: n, files, args: ['--rsvps', files.rsvps, '--targets', files.targets, '--zip-districts', files.zips, '--staff', files.staff], runs: n >= 100_000 ? 1 : RUNS };
  }),
  (() => {
    const files = makeEveryday(path.join(OUT, 'input-everyday'));
    return { name: 'everyday', rsvps: files.rows, files, args: ['--rsvps', files.rsvps, '--targets', files.targets, '--staff', files.staff], runs: RUNS, offices: files.offices };
  })(),
];
const results = [];
// tmpfs first: the disk's runs wait out the deleting of the old folders.
for (const on of [...targets.filter((t) => t === 'tmpfs'), ...targets.filter((t) => t !== 'tmpfs')]) {
  const wait = on === 'disk' ? RECENTLY_DELETED_MS - (performance.now() - cleanedAt) : 0;
  if (wait > 0) await sleep(wait);
  for (const ev of events) results.push({ event: ev.name, rsvps: ev.rsvps, ...measured(ev.files, ev.args, on, ev.name.replace(/\W+/g, '-'), ev.runs) });
}
const everydayOffices = events.at(-1).offices;
const on = targets.includes('disk') ? 'disk' : targets[0];
const shown = results.filter((r) => r.on === on);

const table = (cols, rows) => {
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cols), ...rows.map(line)].join('\n');
};
console.log(`awg benchmark (Node ${process.version}, ${sizes.join(' / ')} RSVPs against all 535 seats; the everyday event: ${events.at(-1).rsvps} RSVPs, ${everydayOffices} offices, bundled crosswalk, staff list)`);
console.log(`Peak memory is the whole process's: a worker thread touching 200 MB shows in its maxRSS (${r0(rss.maxRssMB)} MB; VmHWM ${r0(rss.vmHwmMB)} MB): ${rss.covers ? 'worker threads are counted' : 'NOT COUNTED: the peaks below miss the workers'}.\n`);
const stageNames = Object.keys(shown[0].stages);
console.log(`Stage times, ms, into a fresh folder on the ${on} (one \`awg schedule\` process each; the median of ${RUNS} runs below 100,000)`);
console.log(table(['stage', ...shown.map((r) => r.event)], [
  ...stageNames.map((s) => [s, ...shown.map((r) => r0(r.stages[s]))]),
  ['(workbook on its worker, beside)', ...shown.map((r) => r0(r.onWorker))],
]));
console.log('(render: workbook is the main thread\'s wait for the workbook\'s worker thread, or its making on the main thread for a small one)');
console.log('\nMemory in use, MB (after each stage; for each renderer, the most while making its files; peak = the whole process\'s)');
console.log(table(['stage', ...shown.map((r) => r.event)], [
  ...Object.keys(shown[0].memory).map((s) => [s, ...shown.map((r) => r0(r.memory[s]))]),
  ['peak', ...shown.map((r) => r0(r.peakMB))],
]));
console.log('\nMicroseconds per RSVP (a stage whose cost per RSVP grows with the size is flagged)');
const sized = shown.filter((r) => r.event !== 'everyday');
const growing = [];
console.log(table(['stage', ...sized.map((r) => r.event), 'grows?'], stageNames.filter((s) => s !== 'start').map((s) => {
  const us = sized.map((r) => (r.stages[s] * 1000) / r.rsvps);
  // Fixed costs shrink per RSVP; a stage costing more per RSVP at 10x the size (and above 5 µs: 0.5 s at
  // 100,000) grows. The main thread's wait for the workbook is not a cost of its own.
  const grows = s !== 'render: workbook' && us.some((u, i) => i > 0 && u > 5 && u > 1.5 * us[i - 1]);
  if (grows) growing.push(`${s} (${us.map((u) => u.toFixed(1)).join(' → ')} µs/RSVP)`);
  return [s, ...us.map((u) => u.toFixed(1)), grows ? 'GROWS' : s === 'render: workbook' ? '(a wait)' : ''];
})));
console.log('\nWhole runs, each against a bare csv-parse read of its RSVP file just before it');
console.log(table(['event', 'folder on', 'csv-parse ms', 'whole run ms', 'x csv-parse', 'runs ms', 'CPU ms (all threads)', 'peak MB', 'exit'],
  results.map((r) => [r.event, r.on, r0(r.csvParseMs), r0(r.wallMs), r.ratio.toFixed(1), r.wallRunsMs.join(' '), r0(r.cpuMs), r0(r.peakMB), String(r.exitCode)])));

/** Where a run's time goes: its largest stages, each with its share of the whole run. */
const biggest = (r) => Object.entries(r.stages).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, ms]) => `${s} ${r0(ms)} ms (${r0((100 * ms) / r.wallMs)}%)`).join(', ');
/** Where memory is held: the stages with the most in use, each as a share of the peak. */
const heaviest = (r) => Object.entries(r.memory).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([s, mb]) => `${s} ${r0(mb)} MB (${r0((100 * mb) / r.peakMB)}% of the peak)`).join(', ');
const goals = [];
const goal = (what, run, value, target, met, where) => goals.push({ what, on: run.on, value, target, met, ...(met ? {} : { where: where(run) }) });
for (const r of results) {
  if (r.rsvps === 100_000) {
    goal('100,000 RSVPs, whole run x bare csv-parse', r, `${r.ratio.toFixed(1)}x (${r0(r.wallMs)} / ${r0(r.csvParseMs)} ms)`, '<= 5x', r.ratio <= 5, biggest);
    goal('100,000 RSVPs, peak memory', r, `${r0(r.peakMB)} MB`, '< 600 MB', r.peakMB < 600, heaviest);
  }
  if (r.rsvps === 1000) goal('1,000 RSVPs x 535 seats, with Node\'s start', r, `${r0(r.wallMs)} ms (${r.ratio.toFixed(0)}x csv-parse)`, '< 800 ms', r.wallMs < 800, biggest);
  if (r.event === 'everyday') goal(`everyday event (${r.rsvps} RSVPs, ${everydayOffices} offices), with Node's start`, r, `${r0(r.wallMs)} ms (${r.ratio.toFixed(0)}x csv-parse)`, '< 600 ms', r.wallMs < 600, biggest);
}
if (sized.length > 1) goals.push({ what: 'every stage linear (µs per RSVP)', on, value: growing.length ? `grows: ${growing.join('; ')}` : 'none grows', target: 'none grows', met: !growing.length, ...(growing.length ? { where: growing.join('; ') } : {}) });
let checkAtScale;
if (!process.argv.includes('--no-check')) {
  // awg check on a folder of 100,000 meetings (issue 23), as scripts/bench-check.mjs measures it alone.
  const everydayFolder = fs.readdirSync(RUNS_ON[on]).filter((d) => d.startsWith('everyday-')).sort()[0];
  checkAtScale = { on, ...benchCheck(path.join(RUNS_ON[on], everydayFolder)) };
  console.log(`\nawg check on 100,000 meetings (${checkAtScale.attendeeRows} attendee rows, copies of the everyday folder's): ${r0(checkAtScale.wallMs)} ms, peak ${r0(checkAtScale.peakMB)} MB, exit ${checkAtScale.exitCode}`);
  goal('awg check, 100,000 meetings: time', checkAtScale, `${r0(checkAtScale.wallMs)} ms`, '< 30,000 ms', checkAtScale.wallMs < 30_000, () => 'awg check');
  goal('awg check, 100,000 meetings: peak memory', checkAtScale, `${r0(checkAtScale.peakMB)} MB`, '< 1,024 MB', checkAtScale.peakMB < 1024, () => 'awg check');
}
console.log('\nGoals (issues 24 and 23; a missed one names its largest stages and their share of the run)');
console.log(table(['goal', 'folder on', 'measured', 'target', ''], goals.map((g) => [g.what, g.on, g.value, g.target, g.met ? 'met' : `MISSED: ${g.where}`])));
// The tmpfs copies hold memory: gone now (deleting them costs the disk nothing).
fs.rmSync(RUNS_ON.tmpfs, { recursive: true, force: true });

let quality;
if (!process.argv.includes('--no-quality')) {
  const { benchQuality } = await import('./bench-quality.mjs');
  quality = await benchQuality();
}
let stability;
if (!process.argv.includes('--no-stability')) {
  const { benchStability } = await import('./bench-stability.mjs');
  stability = benchStability(1000);
}
fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify({ node: process.version, dist: process.env.AWG_BENCH_DIST, rssCoversWorkers: rss, runs: results, checkAtScale, goals, quality, stability }, null, 2));
console.log(`\nWrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))}`);
