#!/usr/bin/env node
// `awg check` on a folder of 100,000 meetings (issue 23): the everyday folder's meetings copied over and
// over with their attendees, every copy breaking rules. One run as its own process: wall time, peak memory.
// Run alone: node scripts/bench-check.mjs [MEETINGS] (makes the everyday folder first when bench-out lacks it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeEveryday } from './make-large.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-out');

/** The everyday folder's meetings copied `n` times over, each copy with its attendees; the attendee rows written. */
export function copiedFolder(src, dst, n) {
  fs.rmSync(dst, { recursive: true, force: true });
  fs.cpSync(src, dst, { recursive: true });
  const rows = (f) => fs.readFileSync(path.join(src, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  // awg's meeting IDs need no quotes: each row is its ID, a comma, and the rest.
  const [mHead, ...ms] = rows('meetings.csv');
  const [aHead, ...as] = rows('attendees.csv');
  const rest = (line) => line.slice(line.indexOf(','));
  const byId = new Map();
  for (const a of as) {
    const id = a.slice(0, a.indexOf(','));
    if (!byId.has(id)) byId.set(id, []);
    byId.get(id).push(rest(a));
  }
  const mOut = [mHead];
  const aOut = [aHead];
  for (let i = 0; i < n; i++) {
    const m = ms[i % ms.length];
    const id = `M${String(i + 1).padStart(6, '0')}`;
    mOut.push(id + rest(m));
    for (const a of byId.get(m.slice(0, m.indexOf(','))) ?? []) aOut.push(id + a);
  }
  fs.writeFileSync(path.join(dst, 'meetings.csv'), `\uFEFF${mOut.join('\r\n')}\r\n`);
  fs.writeFileSync(path.join(dst, 'attendees.csv'), `\uFEFF${aOut.join('\r\n')}\r\n`);
  return aOut.length - 1;
}

/** One `awg check` run on `n` copied meetings of the everyday folder `everydayDir`. */
export function benchCheck(everydayDir, n = 100_000) {
  // Beside the folder it copies: the folder's record names its inputs by paths relative to it.
  const checkDir = path.join(path.dirname(everydayDir), `check-${n}`);
  const attendeeRows = copiedFolder(everydayDir, checkDir, n);
  const report = path.join(OUT, 'child-report.json');
  fs.rmSync(report, { force: true });
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-child.mjs'), 'check', '--schedule', checkDir],
    { env: { ...process.env, AWG_BENCH_REPORT: report, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  const rep = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : undefined;
  return { meetings: n, attendeeRows, wallMs, cpuMs: rep?.cpuMs ?? NaN, exitCode: run.status, peakMB: rep ? rep.maxRssKB / 1024 : NaN };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100_000);
  const everydayDir = path.join(OUT, 'schedule-everyday');
  if (!fs.existsSync(path.join(everydayDir, 'meetings.csv'))) {
    const files = makeEveryday(path.join(OUT, 'input-everyday'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'awg'), 'schedule', '--rsvps', files.rsvps, '--targets', files.targets, '--staff', files.staff, '--out', everydayDir, '--force'],
      { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    if (!fs.existsSync(path.join(everydayDir, 'meetings.csv'))) throw new Error(`awg schedule failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  }
  const r = benchCheck(everydayDir, n);
  console.log(`awg check on ${n.toLocaleString('en-US')} meetings (${r.attendeeRows} attendee rows): ${Math.round(r.wallMs)} ms (CPU ${Math.round(r.cpuMs)} ms), peak ${Math.round(r.peakMB)} MB, exit ${r.exitCode}`);
}
