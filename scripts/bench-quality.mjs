// How good the scheduler's plans are: small instances (up to 60 participants, 10 offices, the 3 days,
// a few accompanier limits) solved exactly by integer programming (HiGHS) on the scheduler's own
// objective, in the same lexicographic order: (1) tier-weighted offices covered, then (2) participants
// placed, on-time before late. Prints the scheduler's share of the optimum on each. Then the same on
// in-person Hill days (real members' rooms from the bundled list, House meetings 20 minutes, Senate 30):
// the optimum keeps the walking rule too (one more constraint per pair of placements of one person or
// accompanier on one day too close to walk between), and (3) has the fewest House–Senate crossings.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import loadHighs from 'highs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (m) => import(path.join(ROOT, 'dist', m));
const { DEFAULT_CONFIG } = await dist('config/schema.js');
const { buildSlots, meetingMinutesFor, toMinutes } = await dist('event.js');
const { currentMembers } = await dist('data/bundled.js');
const { campusOf } = await dist('campus/of-event.js');
const { meetingPlace } = await dist('campus/meeting-place.js');
const { walkBetween } = await dist('campus/walk.js');
const { rankParticipants } = await dist('match/match.js');
const { scheduleMeetings } = await dist('schedule/scheduler.js');
const { evaluate } = await dist('schedule/objective.js');

/** An in-person Hill day's event keys: the grid of start times and each chamber's meeting length. */
export const IN_PERSON = { format: 'in-person', meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 };

export function makeInstance(seed, size, inPerson) {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const event = { ...DEFAULT_CONFIG.event, maxGroup: size.maxGroup, maxMeetingsPerDay: size.perDay, ...(inPerson ?? {}),
    ...(size.days ? { days: DEFAULT_CONFIG.event.days.slice(0, size.days), windowStart: '09:00', windowEnd: '17:00' } : {}) };
  const slots = buildSlots(event);
  const states = ['IL', 'AZ', 'MA'].slice(0, size.states);
  // In person, the offices are the states' real members, in their rooms.
  const real = inPerson ? currentMembers() : [];
  const senator = (st, k) => real.filter((m) => m.chamber === 'Senate' && m.state === st)[k];
  const rep = (st, d) => real.find((m) => m.chamber === 'House' && m.state === st && m.district === d);
  const offices = [];
  for (const st of states) {
    offices.push({ id: `S-${st}-A`, chamber: 'Senate', state: st, member: `Sen. A ${st}`, tier: 1 + Math.floor(rand() * 3), ...(inPerson ? { address: senator(st, 0).office } : {}) });
    offices.push({ id: `S-${st}-B`, chamber: 'Senate', state: st, member: `Sen. B ${st}`, tier: 1 + Math.floor(rand() * 3), ...(inPerson ? { address: senator(st, 1).office } : {}) });
  }
  let d = 1;
  while (offices.length < size.offices) {
    const st = states[offices.length % states.length];
    offices.push({ id: `H-${st}-${d}`, chamber: 'House', state: st, district: d, member: `Rep. ${st}-${d}`, tier: 1 + Math.floor(rand() * 3), ...(inPerson && rep(st, d)?.office ? { address: rep(st, d).office } : {}) });
    d++;
  }
  const full = (o) => ({ party: '', tierRaw: String(o.tier), phone: '', schedulerName: '', schedulerEmail: '', cosponsor: '', notes: '', file: '', sheet: '', row: 0, ...o });
  const offs = offices.map(full);
  const people = [];
  for (let i = 0; i < size.participants; i++) {
    const st = states[Math.floor(rand() * states.length)];
    const house = offs.filter((o) => o.chamber === 'House' && o.state === st);
    const mine = offs.filter((o) => o.chamber === 'Senate' && o.state === st);
    if (house.length && rand() < (size.days ? 1 : 0.85)) mine.push(house[Math.floor(rand() * house.length)]);
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

/** Pairs of (office, slot) placements one person cannot both have: too close to walk between (in person). */
function walkClashes(inst) {
  const { event, slots, offices } = inst;
  if (event.format !== 'in-person') return undefined;
  const campus = campusOf(event);
  const place = offices.map((o) => meetingPlace(event, o));
  const len = offices.map((o) => meetingMinutesFor(event, o.chamber));
  const side = offices.map((o, oi) => campus.buildings.find((b) => b.name === place[oi]?.building)?.side ?? `?${oi}`);
  const clash = (o1, s1, o2, s2) => {
    const a = slots[s1];
    const b = slots[s2];
    if (a.day !== b.day || s1 === s2) return false;
    const [first, fs, second, ss] = s1 < s2 ? [o1, a, o2, b] : [o2, b, o1, a];
    return toMinutes(ss.start) - (toMinutes(fs.start) + len[first]) < walkBetween(campus, place[first], place[second]).minutes;
  };
  return { clash, side, campus, place };
}

export function lp(inst, stage, coverageFloor, placedFloor, seatsFloor = 0) {
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
  // In person: two placements of one person, or of one accompanier, too close to walk between.
  const walk = walkClashes(inst);
  const crossVars = [];
  if (walk) {
    for (let pi = 0; pi < participants.length; pi++) {
      const mine = xs.filter((v) => v.pi === pi);
      for (let a = 0; a < mine.length; a++) {
        for (let b = a + 1; b < mine.length; b++) {
          const [u, v] = [mine[a], mine[b]];
          if (walk.clash(u.oi, u.s, v.oi, v.s)) row([xv(u.pi, u.oi, u.s), xv(v.pi, v.oi, v.s)], '<=', 1);
          // (3) A crossing: two meetings of a day on different sides with none of theirs between them.
          else if (stage === 3 && slots[u.s].day === slots[v.s].day && u.s !== v.s && walk.side[u.oi] !== walk.side[v.oi]) {
            const [lo, hi] = u.s < v.s ? [u.s, v.s] : [v.s, u.s];
            const between = mine.filter((w) => w.s > lo && w.s < hi).map((w) => `-1 ${xv(w.pi, w.oi, w.s)}`);
            const w = `w_${crossVars.length}`;
            crossVars.push(w);
            row([xv(u.pi, u.oi, u.s), xv(v.pi, v.oi, v.s), `-1 ${w}`, ...between], '<=', 1);
          }
        }
      }
    }
    for (let k = 0; k < staff.length; k++) {
      const at = slots.filter((s) => kAvail[k].has(s.index));
      for (const s1 of at) for (const s2 of at) {
        if (s2.index <= s1.index || s2.day !== s1.day) continue;
        for (let o1 = 0; o1 < nO; o1++) for (let o2 = 0; o2 < nO; o2++) {
          if (walk.clash(o1, s1.index, o2, s2.index)) row([av(k, o1, s1.index), av(k, o2, s2.index)], '<=', 1);
        }
      }
    }
  }
  const coverage = offices.flatMap((o, oi) => slots.map((s) => `${tierW(o)} ${y(oi, s.index)}`));
  const placed = participants.map((p, pi) => `${p.rsvp.late ? 1 : lateN + 1} ${zv(pi)}`);
  if (stage >= 2) row(coverage, '>=', coverageFloor - 1e-6);
  // (3) is asked of plans giving at least as many seats as the scheduler's: fewer seats would cross less.
  if (stage === 3) row(placed, '>=', placedFloor - 1e-6);
  if (stage === 3) row(xs.map((v) => xv(v.pi, v.oi, v.s)), '>=', seatsFloor);
  const objective = stage === 1 ? coverage : stage === 2 ? placed : crossVars.map((w) => `-1 ${w}`);
  const bounds = crossVars.length ? `Bounds\n ${crossVars.map((w) => `0 <= ${w} <= 1`).join('\n ')}\n` : '';
  return { text: `Maximize\n obj: ${objective.length ? objective.join(' + ') : '0 y_0_0'}\nSubject To\n${rows.join('\n')}\n${bounds}Binary\n ${bin.join('\n ')}\nEnd\n`, tierW, lateN, walk };
}

/**
 * Hill days: one day, people there all day (most of its times free), each meeting their two senators
 * and their representative; accompaniers with most of a day's meetings.
 */
export const IN_PERSON_SIZES = [
  { participants: 20, offices: 6, states: 2, staff: 2, perDay: 4, maxGroup: 5, density: 0.6, days: 1 },
  { participants: 30, offices: 8, states: 2, staff: 2, perDay: 5, maxGroup: 6, density: 0.5, days: 1 },
  { participants: 40, offices: 8, states: 3, staff: 2, perDay: 4, maxGroup: 8, density: 0.5, days: 1 },
  { participants: 50, offices: 10, states: 3, staff: 3, perDay: 4, maxGroup: 6, density: 0.4, days: 1 },
  { participants: 60, offices: 10, states: 3, staff: 2, perDay: 6, maxGroup: 10, density: 0.4, days: 2 },
];

export const SIZES = [
    { participants: 20, offices: 6, states: 2, staff: 2, perDay: 2, maxGroup: 10, density: 0.25 },
    { participants: 30, offices: 8, states: 2, staff: 2, perDay: 3, maxGroup: 6, density: 0.2 },
    { participants: 40, offices: 8, states: 3, staff: 1, perDay: 2, maxGroup: 8, density: 0.15 },
    { participants: 50, offices: 10, states: 3, staff: 3, perDay: 2, maxGroup: 5, density: 0.1 },
    { participants: 60, offices: 10, states: 3, staff: 2, perDay: 3, maxGroup: 10, density: 0.12 },
];

/**
 * Crossings per person-day (days with a meeting) of one plan, as (person, office, slot) placements; with
 * `avoidable`, only those beyond the one a day on both sides needs (House, Senate, House: one too many).
 */
function crossingsPerDay(inst, walk, placements, avoidable = false) {
  const byPersonDay = new Map();
  for (const { pi, oi, s } of placements) {
    const k = `${pi}|${inst.slots[s].day}`;
    byPersonDay.set(k, [...(byPersonDay.get(k) ?? []), { oi, s }]);
  }
  let crossings = 0;
  for (const list of byPersonDay.values()) {
    list.sort((a, b) => a.s - b.s);
    for (let j = 1; j < list.length; j++) if (walk.side[list[j].oi] !== walk.side[list[j - 1].oi]) crossings++;
    if (avoidable) crossings -= new Set(list.map((p) => walk.side[p.oi])).size - 1;
  }
  return byPersonDay.size ? crossings / byPersonDay.size : 0;
}

/** The scheduler against the optimum on one instance. */
function compare(highs, inst, i, timeLimit, crossingsTimeLimit = timeLimit) {
  const opts = { output_flag: false, time_limit: timeLimit, mip_rel_gap: 0 };
  const t0 = performance.now();
  const result = scheduleMeetings({ event: inst.event, slots: inst.slots, offices: inst.offices, participants: inst.participants, staff: inst.staff });
  const heurMs = performance.now() - t0;
  // Held to the hard rule the optimum keeps: a meeting counts only with an accompanier.
  const staffed = result.meetings.filter((mt) => mt.status !== 'needs accompanier');
  const v = evaluate(staffed, inst.staff.length);
  const m1 = lp(inst, 1);
  const s1 = highs.solve(m1.text, opts);
  const optCoverage = s1.ObjectiveValue;
  const s2 = highs.solve(lp(inst, 2, optCoverage).text, opts);
  const placedOpt = inst.participants.filter((_, pi) => (s2.Columns[`z_${pi}`]?.Primal ?? 0) > 0.5);
  // Objective (2) as the optimum weighs it: an on-time participant outweighs every late one.
  const w = (p) => (p.rsvp.late ? 1 : m1.lateN + 1);
  const heurRows = new Set(staffed.flatMap((mt) => mt.attendees.map((p) => p.rsvp.row)));
  const heurPlacedValue = inst.participants.filter((p) => heurRows.has(p.rsvp.row)).reduce((a, p) => a + w(p), 0);
  const optOffices = inst.offices.filter((_, oi) => inst.slots.some((s) => (s2.Columns[`y_${oi}_${s.index}`]?.Primal ?? 0) > 0.5)).length;
  const heurCoverage = staffed.reduce((sum, mt) => sum + m1.tierW(mt.office), 0);
  const out = {
    instance: i + 1, participants: inst.participants.length, offices: inst.offices.length, staff: inst.staff.length,
    optimal: s1.Status === 'Optimal' && s2.Status === 'Optimal',
    officesCovered: v.officesCovered, officesOptimum: optOffices, coverageShare: optCoverage ? heurCoverage / optCoverage : 1,
    placed: v.participantsPlaced, placedOptimum: placedOpt.length, placedShare: s2.ObjectiveValue ? heurPlacedValue / s2.ObjectiveValue : 1, schedulerMs: Math.round(heurMs),
  };
  const walk = m1.walk;
  if (!walk) return out;
  // In person: (3) the fewest crossings among the plans optimal on (1) and (2), and the scheduler's own.
  const s3 = highs.solve(lp(inst, 3, optCoverage, s2.ObjectiveValue, v.participantMeetings).text, { ...opts, time_limit: crossingsTimeLimit });
  // At the time limit, the best plan found so far (fewer crossings than the optimum's, never more).
  const cols = s3.Columns;
  const placements = (pick) => inst.participants.flatMap((p, pi) => p.offices.flatMap((o) => {
    const oi = inst.offices.indexOf(o);
    return p.rsvp.availability.slots.filter((s) => pick(pi, oi, s)).map((s) => ({ pi, oi, s }));
  }));
  const byRow = new Map(inst.participants.map((p, pi) => [p.rsvp.row, pi]));
  const mine = new Set(staffed.flatMap((mt) => mt.attendees.map((p) => `${byRow.get(p.rsvp.row)}|${inst.offices.findIndex((o) => o.id === mt.office.id)}|${mt.slots[0]}`)));
  const heurPlacements = placements((pi, oi, s) => mine.has(`${pi}|${oi}|${s}`));
  // The walking rule, from the placements (not the scheduler's state): each pair of one person's, or one accompanier's.
  let walkBroken = 0;
  for (const a of heurPlacements) for (const b of heurPlacements) if (a.pi === b.pi && a.s < b.s && walk.clash(a.oi, a.s, b.oi, b.s)) walkBroken++;
  const byAcc = new Map();
  for (const mt of staffed) if (mt.accompanier) byAcc.set(mt.accompanier.row, [...(byAcc.get(mt.accompanier.row) ?? []), mt]);
  for (const list of byAcc.values()) for (const a of list) for (const b of list) {
    const [oa, ob] = [a, b].map((mt) => inst.offices.findIndex((o) => o.id === mt.office.id));
    if (a.slots[0] < b.slots[0] && walk.clash(oa, a.slots[0], ob, b.slots[0])) walkBroken++;
  }
  return {
    ...out, crossingsExact: s3.Status === 'Optimal', walkBroken,
    crossings: crossingsPerDay(inst, walk, heurPlacements), avoidable: crossingsPerDay(inst, walk, heurPlacements, true),
    crossingsOptimum: crossingsPerDay(inst, walk, placements((pi, oi, s) => (cols[`x_${pi}_${oi}_${s}`]?.Primal ?? 0) > 0.5)),
  };
}

function summarize(title, rows, inPerson) {
  const avg = (k) => rows.reduce((a, r) => a + r[k], 0) / rows.length;
  const min = (k) => Math.min(...rows.map((r) => r[k]));
  console.log(`\n${title}`);
  console.log(`  #  people offices staff  offices(opt)  coverage  placed(opt)  placed${inPerson ? '  crossings/person-day(opt)  walks broken' : ''}  solved`);
  for (const r of rows) {
    const walk = inPerson ? `  ${`${r.crossings.toFixed(2)}(${r.crossingsOptimum.toFixed(2)}${r.crossingsExact ? '' : '+'})`.padStart(25)}  ${String(r.walkBroken).padStart(12)}` : '';
    console.log(`${String(r.instance).padStart(3)}  ${String(r.participants).padStart(6)} ${String(r.offices).padStart(7)} ${String(r.staff).padStart(5)}  ${`${r.officesCovered}(${r.officesOptimum})`.padStart(12)}  ${r.coverageShare.toFixed(3).padStart(8)}  ${`${r.placed}(${r.placedOptimum})`.padStart(11)}  ${r.placedShare.toFixed(3).padStart(6)}${walk}  ${r.optimal ? 'exact' : 'time limit'}`);
  }
  const summary = { coverageAvg: avg('coverageShare'), coverageMin: min('coverageShare'), placedAvg: avg('placedShare'), placedMin: min('placedShare') };
  const ok = summary.coverageAvg >= 0.98 && summary.placedAvg >= 0.98 && summary.coverageMin >= 0.9 && summary.placedMin >= 0.9;
  console.log(`average: coverage ${summary.coverageAvg.toFixed(3)}, placed ${summary.placedAvg.toFixed(3)}; worst: coverage ${summary.coverageMin.toFixed(3)}, placed ${summary.placedMin.toFixed(3)} (goal: average >= 0.98, none below 0.90): ${ok ? 'met' : 'MISSED'}`);
  if (!inPerson) return { summary, ok };
  Object.assign(summary, { avoidableAvg: avg('avoidable'), crossingsAvg: avg('crossings'), crossingsOptimumAvg: avg('crossingsOptimum'), walkBroken: rows.reduce((a, r) => a + r.walkBroken, 0), coverAll: rows.every((r) => r.officesCovered >= r.officesOptimum) });
  const met = ok && summary.walkBroken === 0 && summary.coverAll;
  console.log(`in person: House–Senate crossings per person per day ${summary.crossingsAvg.toFixed(3)} (the fewest any plan optimal on coverage and placed, with as many seats, has: ${summary.crossingsOptimumAvg.toFixed(3)}; beyond the one a day on both sides needs: ${summary.avoidableAvg.toFixed(3)}); walks too short: ${summary.walkBroken}; every coverable office covered: ${summary.coverAll ? 'yes' : 'NO'}: ${met ? 'met' : 'MISSED'}`);
  return { summary, ok: met };
}

export async function benchQuality({ instances = 20, inPersonInstances = 5, timeLimit = 60, crossingsTimeLimit = 20 } = {}) {
  const highs = await loadHighs();
  const rows = [];
  for (let i = 0; i < instances; i++) rows.push(compare(highs, makeInstance(1000 + i * 7919, SIZES[i % SIZES.length]), i, timeLimit));
  const virtual = summarize('Schedule quality against the exact optimum (HiGHS), tier-weighted offices covered, then participants placed', rows, false);
  const inPersonRows = [];
  for (let i = 0; i < inPersonInstances; i++) inPersonRows.push(compare(highs, makeInstance(5000 + i * 7919, IN_PERSON_SIZES[i % IN_PERSON_SIZES.length], IN_PERSON), i, timeLimit, crossingsTimeLimit));
  const inPerson = summarize('In person (Hill rooms, House 20 / Senate 30 minutes on a 30-minute grid): against the optimum with the walking rule, then fewest crossings (+: the best found in the time limit)', inPersonRows, true);
  return { instances: rows, summary: virtual.summary, goalMet: virtual.ok, inPerson: { instances: inPersonRows, summary: inPerson.summary, goalMet: inPerson.ok } };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchQuality();
