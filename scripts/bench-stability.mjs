#!/usr/bin/env node
// The stability of a re-run (`awg schedule --previous`): a 1,000-RSVP event, then 50 new RSVPs, 30
// cancellations, 5 offices declined and 5 meetings confirmed at another time in offices.csv. Prints the
// people whose meeting, time or accompanier changed beyond those directly affected (goal: 0), and the
// re-run's people placed against a fresh run's on the same inputs.
// Usage: node scripts/bench-stability.mjs [N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { makeLarge } from './make-large.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readCsv = (file) => parse(fs.readFileSync(file), { columns: true, bom: true });
const key = (a) => (a.email ?? '').trim().toLowerCase();

function awg(args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'awg'), ...args], { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`awg ${args[0]} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return r;
}

/** Each person's seats as "meeting|date|start|accompanier" (the lead separately: it may change when a lead cancels). */
function seats(dir) {
  const meetings = new Map(readCsv(path.join(dir, 'meetings.csv')).map((m) => [m.meeting_id, m]));
  const out = new Map();
  const add = (k, s) => out.set(k, [...(out.get(k) ?? []), s].sort());
  for (const a of readCsv(path.join(dir, 'attendees.csv'))) {
    const m = meetings.get(a.meeting_id);
    add(key(a), [m.meeting_id, m.date, m.start, m.accompanier].join('|'));
  }
  for (const m of meetings.values()) if (m.accompanier && m.accompanier !== 'TBD') add(`accompanier:${(m.accompanier_email || m.accompanier).toLowerCase()}`, [m.meeting_id, m.date, m.start].join('|'));
  return out;
}

export function benchStability(n = 1000) {
  const out = path.join(ROOT, 'bench-out', `stability-${n}`);
  fs.rmSync(out, { recursive: true, force: true });
  const files = makeLarge(n, path.join(out, 'input'));
  const base = ['--targets', files.targets, '--zip-districts', files.zips, '--staff', files.staff];
  const first = path.join(out, 'first');
  awg(['schedule', '--rsvps', files.rsvps, ...base, '--out', first]);
  const attendees = readCsv(path.join(first, 'attendees.csv'));
  const meetings = readCsv(path.join(first, 'meetings.csv'));
  const offices = readCsv(path.join(first, 'offices.csv'));

  // 5 declined and 5 moved offices, spread over the list; 30 cancellations among people in other meetings.
  const withMeeting = offices.filter((o) => o.meeting_id);
  const declined = new Set(withMeeting.filter((_, i) => i % 20 === 3).slice(0, 5).map((o) => o.meeting_id));
  const moved = new Set(withMeeting.filter((_, i) => i % 20 === 11).slice(0, 5).map((o) => o.meeting_id));
  const inTouched = new Set(attendees.filter((a) => declined.has(a.meeting_id) || moved.has(a.meeting_id)).map(key));
  const cancelRows = new Set([...new Set(attendees.filter((a) => !inTouched.has(key(a))).map((a) => Number(a.rsvp_row)))].filter((_, i) => i % 7 === 0).slice(0, 30));
  const cancelled = new Set(attendees.filter((a) => cancelRows.has(Number(a.rsvp_row))).map(key));
  const lines = fs.readFileSync(files.rsvps, 'utf8').split(/\r\n/).filter(Boolean);
  const kept = lines.filter((_, i) => !cancelRows.has(i + 1));
  const added = new Set();
  for (let k = 0; k < 50; k++) {
    const src = lines[1 + ((k * 37) % (lines.length - 1))].replace(/person\d+@example\.org/, `newcomer${k}@example.org`).replace(/,First\d+,/, `,Newcomer${k},`);
    added.add(`newcomer${k}@example.org`);
    kept.push(src);
  }
  const rsvps = path.join(out, 'rsvps-later.csv');
  fs.writeFileSync(rsvps, `${kept.join('\r\n')}\r\n`);
  const byId = new Map(meetings.map((m) => [m.meeting_id, m]));
  const edited = offices.map((o) => {
    if (declined.has(o.meeting_id)) return { ...o, status: 'declined' };
    if (!moved.has(o.meeting_id)) return o;
    const m = byId.get(o.meeting_id);
    const hour = Number(m.start.slice(0, 2));
    return { ...o, status: 'confirmed', start: `${String(hour >= 14 ? hour - 2 : hour + 2).padStart(2, '0')}:${m.start.slice(3)}` };
  });
  fs.writeFileSync(path.join(first, 'offices.csv'), stringify(edited, { header: true, columns: Object.keys(offices[0]) }));

  const second = path.join(out, 'second');
  const t0 = performance.now();
  const rerun = awg(['schedule', '--rsvps', rsvps, ...base, '--previous', first, '--out', second]);
  const rerunMs = Math.round(performance.now() - t0);
  const fresh = path.join(out, 'fresh');
  awg(['schedule', '--rsvps', rsvps, ...base, '--out', fresh]);

  const before = seats(first);
  const after = seats(second);
  const touchedAcc = new Set(meetings.filter((m) => declined.has(m.meeting_id) || moved.has(m.meeting_id)).map((m) => `accompanier:${(m.accompanier_email || m.accompanier).toLowerCase()}`));
  const direct = (k) => cancelled.has(k) || added.has(k) || inTouched.has(k) || touchedAcc.has(k);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => (before.get(k) ?? []).join() !== (after.get(k) ?? []).join());
  const beyond = changed.filter((k) => !direct(k));
  // A change that only adds what someone lacked (a seat for a person who had none, e.g. off the
  // digital-advocacy list into a freed seat; an accompanier for a meeting that had TBD) is an improvement;
  // anything else that touches an earlier seat is a disruption.
  const improvement = (k) => {
    const b = before.get(k) ?? [];
    const a = after.get(k) ?? [];
    if (!b.length) return true;
    if (a.length !== b.length) return false;
    return b.every((x) => {
      const [id, date, start, acc] = x.split('|');
      return a.some((y) => { const [id2, date2, start2, acc2] = y.split('|'); return id === id2 && date === date2 && start === start2 && (acc === acc2 || acc === 'TBD'); });
    });
  };
  const disrupted = beyond.filter((k) => !improvement(k));
  const placed = (dir) => new Set(readCsv(path.join(dir, 'attendees.csv')).map(key)).size;
  const result = {
    rsvps: n, newRsvps: added.size, cancellations: cancelRows.size, declinedOffices: declined.size, movedOffices: moved.size,
    peopleChanged: changed.length, changedBeyondDirect: beyond.length, beyondExamples: beyond.slice(0, 5),
    disruptedBeyondDirect: disrupted.length, disruptedExamples: disrupted.slice(0, 5), improvementsBeyondDirect: beyond.length - disrupted.length,
    changesCsvPeople: new Set(readCsv(path.join(second, 'changes.csv')).map((c) => `${c.role === 'accompanier' ? 'accompanier:' : ''}${c.email.toLowerCase()}`)).size,
    rerunPlaced: placed(second), freshPlaced: placed(fresh), rerunMs, summary: /Changes: .*/.exec(rerun.stdout)?.[0] ?? '',
  };
  result.placedRatio = +(result.rerunPlaced / result.freshPlaced).toFixed(3);
  console.log(`\nStability of a re-run (${n} RSVPs; then ${result.newRsvps} new, ${result.cancellations} cancelled, ${result.declinedOffices} offices declined, ${result.movedOffices} moved)`);
  console.log(`  people whose meeting, time or accompanier changed: ${result.peopleChanged}; beyond those directly affected: ${result.changedBeyondDirect}`);
  console.log(`    of them disrupted (an earlier seat moved, dropped or given another accompanier, or a seat added to someone who had one): ${result.disruptedBeyondDirect}${result.disruptedExamples.length ? ` (${result.disruptedExamples.join(', ')})` : ''} (goal 0): ${result.disruptedBeyondDirect === 0 ? 'met' : 'MISSED'}`);
  console.log(`    improved only (placed from digital advocacy into a freed seat, or an accompanier where there was TBD): ${result.improvementsBeyondDirect}`);
  console.log(`  re-run placed ${result.rerunPlaced} people, a fresh run ${result.freshPlaced}: ${result.placedRatio} (goal >= 0.97): ${result.placedRatio >= 0.97 ? 'met' : 'MISSED'}`);
  console.log(`  ${result.summary} (re-run ${rerunMs} ms)`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) benchStability(Number(process.argv[2] ?? 1000));
