// How good the scheduler's plans are: small instances (up to 60 participants, 10 offices, the 3 days,
// a few accompanier limits) solved exactly by integer programming (HiGHS) on the scheduler's own
// objective, in the same lexicographic order: (1) tier-weighted offices covered, then (2) participants
// placed, on-time before late. Prints the scheduler's share of the optimum on each.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import loadHighs from 'highs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (m) => import(path.join(ROOT, 'dist', m));
const { DEFAULT_CONFIG } = await dist('config/schema.js');
const { buildSlots } = await dist('event.js');
const { rankParticipants } = await dist('match/match.js');
const { scheduleMeetings } = await dist('schedule/scheduler.js');
const { evaluate } = await dist('schedule/objective.js');

export function makeInstance(seed, size) {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const event = { ...DEFAULT_CONFIG.event, maxGroup: size.maxGroup, maxMeetingsPerDay: size.perDay };
  const slots = buildSlots(event);
  const states = ['IL', 'AZ', 'MA'].slice(0, size.states);
  const offices = [];
  for (const st of states) {
    offices.push({ id: `S-${st}-A`, chamber: 'Senate', state: st, member: `Sen. A ${st}`, tier: 1 + Math.floor(rand() * 3) });
    offices.push({ id: `S-${st}-B`, chamber: 'Senate', state: st, member: `Sen. B ${st}`, tier: 1 + Math.floor(rand() * 3) });
  }
  let d = 1;
  while (offices.length < size.offices) {
    const st = states[offices.length % states.length];
    offices.push({ id: `H-${st}-${d}`, chamber: 'House', state: st, district: d, member: `Rep. ${st}-${d}`, tier: 1 + Math.floor(rand() * 3) });
    d++;
  }
  const full = (o) => ({ party: '', tierRaw: String(o.tier), phone: '', schedulerName: '', schedulerEmail: '', cosponsor: '', notes: '', file: '', sheet: '', row: 0, ...o });
  const offs = offices.map(full);
  const people = [];
  for (let i = 0; i < size.participants; i++) {
    const st = states[Math.floor(rand() * states.length)];
    const house = offs.filter((o) => o.chamber === 'House' && o.state === st);
    const mine = offs.filter((o) => o.chamber === 'Senate' && o.state === st);
    if (house.length && rand() < 0.85) mine.push(house[Math.floor(rand() * house.length)]);
    const density = size.density * (0.5 + rand());
    const avail = slots.filter(() => rand() < density).map((s) => s.index);
    const late = rand() < 0.1;
    people.push({
      rsvp: { row: i + 2, firstName: `P${i}`, lastName: '', email: `p${i}@x.org`, late, lead: rand() < 0.3, availability: { slots: avail, blank: false, cannotJoin: false, unreadable: [] } },
      location: { state: st }, offices: mine, bestTier: Math.min(...mine.map((o) => o.tier)),
    });
  }
  const staff = Array.from({ length: size.staff }, (_, k) => ({ row: k + 2, name: `S${k}`, email: `s${k}@x.org`, phone: '', organization: '',
    slots: slots.filter((s) => (k + Number(s.day.slice(-1))) % 3 !== 0 || size.staff === 1).map((s) => s.index) }));
  return { event, slots, offices: offs, participants: rankParticipants(people.filter((p) => p.offices.length)), staff };
}

export function lp(inst, stage, coverageFloor) {
  const { slots, offices, participants, staff, event } = inst;
  const maxTier = 3;
  const nO = offices.length;
  const tierW = (o) => (nO + 1) ** (maxTier - Math.min(o.tier, maxTier));
  const lateN = participants.filter((p) => p.rsvp.late).length;
  const rows = [];
  const bin = [];
  const y = (o, s) => `y_${o}_${s}`;
  const xv = (p, o, s) => `x_${p}_${o}_${s}`;
  const av = (k, o, s) => `a_${k}_${o}_${s}`;
  const zv = (p) => `z_${p}`;
  const xs = [];
  participants.forEach((p, pi) => p.offices.forEach((o) => {
    const oi = offices.indexOf(o);
    for (const s of p.rsvp.availability.slots) xs.push({ pi, oi, s });
  }));
  for (let oi = 0; oi < nO; oi++) for (const s of slots) bin.push(y(oi, s.index));
  for (const v of xs) bin.push(xv(v.pi, v.oi, v.s));
  for (let pi = 0; pi < participants.length; pi++) bin.push(zv(pi));
  const kAvail = staff.map((k) => new Set(k.slots));
  for (let k = 0; k < staff.length; k++) for (let oi = 0; oi < nO; oi++) for (const s of slots) if (kAvail[k].has(s.index)) bin.push(av(k, oi, s.index));
  let c = 0;
  const row = (expr, op, rhs) => rows.push(` c${c++}: ${expr.length ? expr.join(' + ').replace(/\+ -/g, '- ') : '0 y_0_0'} ${op} ${rhs}`);
  // One meeting per office (maxMeetingsPerOffice = 1 here).
  for (let oi = 0; oi < nO; oi++) row(slots.map((s) => y(oi, s.index)), '<=', 1);
  // Attendance only in a meeting that happens; group size bounds.
  const byOS = new Map();
  for (const v of xs) {
    row([xv(v.pi, v.oi, v.s), `-1 ${y(v.oi, v.s)}`], '<=', 0);
    const key = `${v.oi}|${v.s}`;
    byOS.set(key, [...(byOS.get(key) ?? []), xv(v.pi, v.oi, v.s)]);
  }
  for (let oi = 0; oi < nO; oi++) for (const s of slots) {
    const att = byOS.get(`${oi}|${s.index}`) ?? [];
    row([...att, `-${event.maxGroup} ${y(oi, s.index)}`], '<=', 0);
    row([...att, `-${event.minGroup} ${y(oi, s.index)}`], '>=', 0);
    // Exactly one accompanier per meeting.
    const ks = staff.map((_, k) => k).filter((k) => kAvail[k].has(s.index)).map((k) => av(k, oi, s.index));
    row([...ks, `-1 ${y(oi, s.index)}`], '=', 0);
  }
  // Nobody twice at once; z only if placed.
  const byPS = new Map();
  const byP = new Map();
  for (const v of xs) {
    byPS.set(`${v.pi}|${v.s}`, [...(byPS.get(`${v.pi}|${v.s}`) ?? []), xv(v.pi, v.oi, v.s)]);
    byP.set(v.pi, [...(byP.get(v.pi) ?? []), xv(v.pi, v.oi, v.s)]);
  }
  for (const vars of byPS.values()) if (vars.length > 1) row(vars, '<=', 1);
  for (let pi = 0; pi < participants.length; pi++) row([zv(pi), ...(byP.get(pi) ?? []).map((v) => `-1 ${v}`)], '<=', 0);
  // Accompaniers: one meeting at a time, at most maxMeetingsPerDay a day.
  for (let k = 0; k < staff.length; k++) {
    for (const s of slots) if (kAvail[k].has(s.index)) row(Array.from({ length: nO }, (_, oi) => av(k, oi, s.index)), '<=', 1);
    for (const day of event.days) {
      const vars = slots.filter((s) => s.day === day && kAvail[k].has(s.index)).flatMap((s) => Array.from({ length: nO }, (_, oi) => av(k, oi, s.index)));
      if (vars.length) row(vars, '<=', event.maxMeetingsPerDay);
    }
  }
  const coverage = offices.flatMap((o, oi) => slots.map((s) => `${tierW(o)} ${y(oi, s.index)}`));
  if (stage === 2) row(coverage, '>=', coverageFloor - 1e-6);
  const objective = stage === 1 ? coverage : participants.map((p, pi) => `${p.rsvp.late ? 1 : lateN + 1} ${zv(pi)}`);
  return { text: `Maximize\n obj: ${objective.join(' + ')}\nSubject To\n${rows.join('\n')}\nBinary\n ${bin.join('\n ')}\nEnd\n`, tierW, lateN };
}

export const SIZES = [
    { participants: 20, offices: 6, states: 2, staff: 2, perDay: 2, maxGroup: 10, density: 0.25 },
    { participants: 30, offices: 8, states: 2, staff: 2, perDay: 3, maxGroup: 6, density: 0.2 },
    { participants: 40, offices: 8, states: 3, staff: 1, perDay: 2, maxGroup: 8, density: 0.15 },
    { participants: 50, offices: 10, states: 3, staff: 3, perDay: 2, maxGroup: 5, density: 0.1 },
    { participants: 60, offices: 10, states: 3, staff: 2, perDay: 3, maxGroup: 10, density: 0.12 },
];

export async function benchQuality({ instances = 20, timeLimit = 60 } = {}) {
  const highs = await loadHighs();
  const sizes = SIZES;
  const rows = [];
  for (let i = 0; i < instances; i++) {
    const size = sizes[i % sizes.length];
    const inst = makeInstance(1000 + i * 7919, size);
    const t0 = performance.now();
    const result = scheduleMeetings({ event: inst.event, slots: inst.slots, offices: inst.offices, participants: inst.participants, staff: inst.staff });
    const heurMs = performance.now() - t0;
    // Held to the hard rule the optimum keeps: a meeting counts only with an accompanier.
    const staffed = result.meetings.filter((mt) => mt.status !== 'needs accompanier');
    const v = evaluate(staffed, inst.staff.length);
    const m1 = lp(inst, 1);
    const s1 = highs.solve(m1.text, { output_flag: false, time_limit: timeLimit, mip_rel_gap: 0 });
    const optCoverage = s1.ObjectiveValue;
    const s2 = highs.solve(lp(inst, 2, optCoverage).text, { output_flag: false, time_limit: timeLimit, mip_rel_gap: 0 });
    const placedOpt = inst.participants.filter((_, pi) => (s2.Columns[`z_${pi}`]?.Primal ?? 0) > 0.5);
    const optPlaced = placedOpt.length;
    // Objective (2) as the optimum weighs it: an on-time participant outweighs every late one.
    const w = (p) => (p.rsvp.late ? 1 : m1.lateN + 1);
    const heurRows = new Set(staffed.flatMap((mt) => mt.attendees.map((p) => p.rsvp.row)));
    const heurPlacedValue = inst.participants.filter((p) => heurRows.has(p.rsvp.row)).reduce((a, p) => a + w(p), 0);
    const optOffices = inst.offices.filter((_, oi) => inst.slots.some((s) => (s2.Columns[`y_${oi}_${s.index}`]?.Primal ?? 0) > 0.5)).length;
    const heurCoverage = staffed.reduce((sum, mt) => sum + m1.tierW(mt.office), 0);
    rows.push({
      instance: i + 1, participants: inst.participants.length, offices: inst.offices.length, staff: inst.staff.length,
      optimal: s1.Status === 'Optimal' && s2.Status === 'Optimal',
      officesCovered: v.officesCovered, officesOptimum: optOffices, coverageShare: optCoverage ? heurCoverage / optCoverage : 1,
      placed: v.participantsPlaced, placedOptimum: optPlaced, placedShare: s2.ObjectiveValue ? heurPlacedValue / s2.ObjectiveValue : 1, schedulerMs: Math.round(heurMs),
    });
  }
  const avg = (k) => rows.reduce((a, r) => a + r[k], 0) / rows.length;
  const min = (k) => Math.min(...rows.map((r) => r[k]));
  console.log('\nSchedule quality against the exact optimum (HiGHS), tier-weighted offices covered, then participants placed');
  console.log('  #  people offices staff  offices(opt)  coverage  placed(opt)  placed  solved');
  for (const r of rows) {
    console.log(`${String(r.instance).padStart(3)}  ${String(r.participants).padStart(6)} ${String(r.offices).padStart(7)} ${String(r.staff).padStart(5)}  ${`${r.officesCovered}(${r.officesOptimum})`.padStart(12)}  ${r.coverageShare.toFixed(3).padStart(8)}  ${`${r.placed}(${r.placedOptimum})`.padStart(11)}  ${r.placedShare.toFixed(3).padStart(6)}  ${r.optimal ? 'exact' : 'time limit'}`);
  }
  const summary = { coverageAvg: avg('coverageShare'), coverageMin: min('coverageShare'), placedAvg: avg('placedShare'), placedMin: min('placedShare') };
  const ok = summary.coverageAvg >= 0.98 && summary.placedAvg >= 0.98 && summary.coverageMin >= 0.9 && summary.placedMin >= 0.9;
  console.log(`average: coverage ${summary.coverageAvg.toFixed(3)}, placed ${summary.placedAvg.toFixed(3)}; worst: coverage ${summary.coverageMin.toFixed(3)}, placed ${summary.placedMin.toFixed(3)} (goal: average >= 0.98, none below 0.90): ${ok ? 'met' : 'MISSED'}`);
  return { instances: rows, summary, goalMet: ok };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchQuality();
