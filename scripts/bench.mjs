#!/usr/bin/env node
// `npm run bench`: how fast awg is, stage by stage, against the bare csv-parse time of the same RSVP
// file, and how much memory a whole `awg schedule` run takes. Also how good the schedule is against an
// exact optimum (scripts/bench-quality.mjs). Prints one table and writes bench-out/bench.json.
// Usage: node scripts/bench.mjs [--sizes 1000,10000,100000] [--no-quality]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import * as XLSX from 'xlsx';
import { makeLarge } from './make-large.mjs';

XLSX.set_fs(fs);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench-out');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('--sizes', '1000,10000,100000').split(',').map(Number);
const dist = (m) => import(path.join(ROOT, 'dist', m));

const { loadConfig, pickRsvpSheet, readTableFile } = await dist('read/inputs.js');
const { pickTargetSheets } = await dist('normalize/target-sheets.js');
const { readTextInput } = await dist('read/files.js');
const { buildSlots } = await dist('event.js');
const { normalizeRsvps } = await dist('normalize/rsvps.js');
const { normalizeTargets } = await dist('normalize/targets.js');
const { normalizeStaff } = await dist('normalize/staff.js');
const { findDuplicates } = await dist('normalize/duplicates.js');
const { parseCrosswalk } = await dist('match/crosswalk.js');
const { matchConstituents } = await dist('match/match.js');
const { buildPriority } = await dist('match/priority.js');
const { planEvent } = await dist('schedule/plan.js');
const { renderScheduleFolder, summarize } = await dist('render/schedule-files.js');
const { writeFolder } = await dist('write/files.js');

const ms = (t0) => Math.round(performance.now() - t0);

function stages(files, outDir) {
  const t = {};
  let t0 = performance.now();
  const { config } = loadConfig(undefined, OUT);
  const rsvpTable = readTableFile(files.rsvps, config, 'RSVP');
  const targetTable = readTableFile(files.targets, config, 'targets');
  const staffTable = readTableFile(files.staff, config, 'staff');
  const xwalkText = readTextInput(files.zips, config.maxInputMB, 'ZIP-district');
  t.read = ms(t0);
  t0 = performance.now();
  const slots = buildSlots(config.event);
  const r = normalizeRsvps(pickRsvpSheet(rsvpTable), files.rsvps, config, slots);
  const targets = normalizeTargets(pickTargetSheets([targetTable]));
  const dups = findDuplicates(r.rsvps, files.rsvps);
  const staff = normalizeStaff(pickRsvpSheet(staffTable), files.staff, config, slots);
  t.normalize = ms(t0);
  t0 = performance.now();
  const crosswalk = parseCrosswalk(xwalkText, files.zips);
  const match = matchConstituents(r.rsvps, dups.supersededBy, targets.offices, config.event, crosswalk);
  const report = buildPriority(r.rsvps, dups.supersededBy, targets.offices, match);
  t.match = ms(t0);
  t0 = performance.now();
  const plan = planEvent({ config, slots, offices: targets.offices, match, staff: staff.staff });
  t.schedule = ms(t0);
  t0 = performance.now();
  const summary = summarize(plan, r.rsvps, new Set(), match.participants, targets.offices.length);
  // Rendering is lazy (files are made as they are written): render here to time it on its own.
  const out = [...renderScheduleFolder({ plan, config, slots, rsvps: r.rsvps, report, summary })];
  t.render = ms(t0);
  t0 = performance.now();
  writeFolder(outDir, out, true);
  t.write = ms(t0);
  t.total = Object.values(t).reduce((a, b) => a + b, 0);
  return { t, meetings: plan.meetings.length, scheduled: summary.scheduledParticipants, files: out.length };
}

function wholeRun(files, outDir) {
  const report = path.join(OUT, 'child-report.json');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-child.mjs'), 'schedule', '--rsvps', files.rsvps, '--targets', files.targets,
    '--zip-districts', files.zips, '--staff', files.staff, '--out', outDir, '--force'], { env: { ...process.env, AWG_BENCH_REPORT: report, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = ms(t0);
  const rep = JSON.parse(fs.readFileSync(report, 'utf8'));
  return { wall, peakMB: Math.round(rep.maxRssKB / 1024), exit: r.status };
}

function bareCsvParse(file) {
  const t0 = performance.now();
  const rows = parse(fs.readFileSync(file), { bom: true, relax_column_count: true });
  return { ms: ms(t0), rows: rows.length - 1 };
}

fs.mkdirSync(OUT, { recursive: true });
const results = [];
for (const n of sizes) {
  const files = makeLarge(n, path.join(OUT, `input-${n}`));
  const bare = bareCsvParse(files.rsvps);
  const inProcess = stages(files, path.join(OUT, `schedule-${n}-stages`));
  const whole = wholeRun(files, path.join(OUT, `schedule-${n}`));
  results.push({ rsvps: n, csvParseMs: bare.ms, stagesMs: inProcess.t, wholeRunMs: whole.wall, peakMB: whole.peakMB, exitCode: whole.exit,
    ratioToCsvParse: +(whole.wall / bare.ms).toFixed(1), meetings: inProcess.meetings, scheduledParticipants: inProcess.scheduled, filesWritten: inProcess.files });
}

const cols = ['rsvps', 'csv-parse', 'read', 'normalize', 'match', 'schedule', 'render', 'write', 'stages', 'whole run', 'x csv-parse', 'peak MB', 'meetings'];
const rows = results.map((r) => [r.rsvps, r.csvParseMs, r.stagesMs.read, r.stagesMs.normalize, r.stagesMs.match, r.stagesMs.schedule, r.stagesMs.render, r.stagesMs.write, r.stagesMs.total, r.wholeRunMs, r.ratioToCsvParse, r.peakMB, r.meetings].map(String));
const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
console.log('Speed (milliseconds; stages timed inside one process, whole run = `awg schedule` as its own process, Node start included)');
console.log(cols.map((c, i) => c.padStart(widths[i])).join('  '));
for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i])).join('  '));

const goals = [];
const big = results.find((r) => r.rsvps === 100000);
if (big) goals.push(`100,000 RSVPs: whole run ${big.wholeRunMs} ms = ${big.ratioToCsvParse}x csv-parse (goal <= 2x): ${big.ratioToCsvParse <= 2 ? 'met' : 'MISSED'}; peak ${big.peakMB} MB (goal < 1024): ${big.peakMB < 1024 ? 'met' : 'MISSED'}`);
const small = results.find((r) => r.rsvps === 1000);
if (small) goals.push(`1,000 RSVPs: whole run ${small.wholeRunMs} ms (goal < 1000): ${small.wholeRunMs < 1000 ? 'met' : 'MISSED'}`);
for (const g of goals) console.log(g);

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
fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify({ node: process.version, speed: results, goals, quality, stability }, null, 2));
console.log(`\nWrote ${path.relative(ROOT, path.join(OUT, 'bench.json'))}`);
