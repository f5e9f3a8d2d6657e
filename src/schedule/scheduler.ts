// The scheduler: a run is a list of phases over one working plan (see objective.ts for what it
// optimizes). Confirmed meetings first, at their times; then one meeting per target office in order
// of tier and scarcity (construct.ts); then local search (improve.ts, repair.ts); then the finishing
// steps (finish.ts). Several runs from different office orders (the multi-start) keep the best plan.
import { inPersonCampus } from '../campus/of-event.js';
import { tierKey, type TargetOffice } from '../model.js';
import {
  BIG_EVENT_MEETINGS, BIG_EVENT_WORK, IMPROVE_MAX_FLOWS, IMPROVE_PASSES, IMPROVE_TRIES, LOCAL_SEARCH_MAX_WORK, MAX_STARTS,
  REPAIR_PASSES, SINGLE_START_ABOVE_WORK, STARTS_OFFICE_BUDGET, STARTS_WORK_BUDGET,
} from './budgets.js';
import { placeConfirmed, staffAndFillConfirmed } from './confirmed.js';
import { construct, fill, scheduleOffice } from './construct.js';
import { chooseLeads, explainUncovered, leftOut, numbered, topUp } from './finish.js';
import { improve, swapOffices } from './improve.js';
import type { ScheduleInput, ScheduleOptions, ScheduleResult } from './input.js';
import { evaluate } from './objective.js';
import { repair } from './repair.js';
import { byTime, compareKeys, seeded, type Search } from './search.js';
import { StaffPool } from './staff-pool.js';
import { keepStartingPlan } from './starting.js';
import { indexPeople, WorkingPlan, type People } from './working-plan.js';

export type { ScheduleInput, ScheduleOptions, ScheduleResult } from './input.js';
// Re-exported from model.ts, where the domain types live, for modules that still import them from here.
export type { LeftOut, LeftOutCode, Meeting, MeetingStatus } from '../model.js';

/**
 * Runs the construction and its local search from several office orders (the first is by tier, then
 * scarcity; the others shuffle offices within each tier with a fixed seed, so results stay
 * deterministic) and keeps the best plan by the objective. Small events get many starts, large ones
 * one: the number is set by the work one start takes. `options` may be a number of starts (the older
 * form of the call).
 */
export function scheduleMeetings(input: ScheduleInput, options: ScheduleOptions | number = {}): ScheduleResult {
  const opts = typeof options === 'number' ? { starts: options } : options;
  const run = opts.start ? { ...input, start: opts.start } : input;
  const work = eventWork(run);
  const n = opts.starts ?? (work > SINGLE_START_ABOVE_WORK ? 1
    : Math.max(1, Math.min(MAX_STARTS, Math.floor(STARTS_WORK_BUDGET / Math.max(work, 1)), Math.floor(STARTS_OFFICE_BUDGET / Math.max(run.offices.length, 1)))));
  let best: { result: ScheduleResult; key: number[] } | undefined;
  const people = indexPeople(run);
  for (let k = 0; k < n; k++) {
    const result = runOnce(run, k, people);
    const key = objectiveKey(result, run);
    if (!best || compareKeys(key, best.key) > 0) best = { result, key };
  }
  return best!.result;
}

/** The size of an event for the search budgets: participant-office pairs times slots. */
function eventWork(input: ScheduleInput): number {
  return input.participants.reduce((a, p) => a + p.offices.length, 0) * Math.max(input.slots.length, 1);
}

/** The objective of objective.ts as one lexicographic key (meetings without an accompanier do not count). */
function objectiveKey(result: ScheduleResult, input: ScheduleInput): number[] {
  const staffed = input.staff?.length ? result.meetings.filter((m) => m.status !== 'needs accompanier') : result.meetings;
  const campus = inPersonCampus(input.event);
  const v = evaluate(staffed, input.staff?.length ?? 0, 5, campus);
  const lateFirst = input.event.lateRsvps === 'after-on-time';
  return [...v.officesByTier, result.meetings.length, lateFirst ? v.onTimePlaced : 0, v.participantsPlaced, v.participantMeetings,
    -(v.crossings + v.accompanierCrossings), -v.spread, -v.loadRange];
}

/** One start: every phase, in order, on a fresh working plan. */
function runOnce(input: ScheduleInput, start: number, people: People): ScheduleResult {
  const plan = new WorkingPlan(input, people);
  const pool = new StaffPool(input, plan.meetings);
  const x: Search = { input, plan, pool, start, slotTie: seeded(start, input.slots.length), problems: [] };
  placeConfirmed(x);
  const kept = input.start ? keepStartingPlan(x, input.start) : undefined;
  staffAndFillConfirmed(x);
  // New participants join the meetings kept from the starting plan before any new meeting is made.
  if (kept) for (const m of [...plan.keptMeetings].sort(byTime)) fill(x, m);
  const free = new Map(input.offices.map((o) => [o.id, plan.freeCount(o)]));
  let offices = [...input.offices].sort((a, b) => tierKey(a) - tierKey(b) || free.get(a.id)! - free.get(b.id)! || a.id.localeCompare(b.id));
  if (start > 0) offices = shuffleWithinTiers(offices, start);
  // Meetings with an accompanier first, in rounds (a second meeting per office only after every office had its first).
  construct(x, offices);
  localSearch(x);
  // Offices no accompanier could cover still get a meeting, marked "needs accompanier".
  if (pool.size) for (const office of offices) if (!plan.meetingsFor(office).length) scheduleOffice(x, office, true);
  topUp(x);
  pool.balanceLoad();
  chooseLeads(x, kept?.leads);
  const uncovered = explainUncovered(x, offices);
  const meetings = numbered(x, kept?.ids, kept?.usedIds);
  return { meetings, leftOut: leftOut(x), uncovered, problems: x.problems, notKept: kept?.notKept ?? [] };
}

/**
 * Local search, within a budget that keeps large events fast: with thousands of people per office the
 * meetings fill up anyway and moving them gains little.
 */
function localSearch(x: Search): void {
  const work = eventWork(x.input);
  const big = work > BIG_EVENT_WORK || x.plan.meetings.length > BIG_EVENT_MEETINGS;
  const searching = work <= LOCAL_SEARCH_MAX_WORK;
  repair(x, searching ? REPAIR_PASSES : 1, searching);
  if (!searching) return;
  const size = big ? 'big' : 'small';
  improve(x, IMPROVE_PASSES[size], IMPROVE_TRIES[size], IMPROVE_MAX_FLOWS[size]);
  if (!big) swapOffices(x);
  improve(x, IMPROVE_PASSES[size], IMPROVE_TRIES[size], IMPROVE_MAX_FLOWS[size]);
  repair(x);
}

/** A deterministic shuffle of offices that keeps higher tiers first. */
function shuffleWithinTiers(offices: TargetOffice[], seed: number): TargetOffice[] {
  const r = seeded(seed + 7919, offices.length);
  return offices.map((o, i) => ({ o, r: r[i]! })).sort((a, b) => tierKey(a.o) - tierKey(b.o) || a.r - b.r).map((k) => k.o);
}
