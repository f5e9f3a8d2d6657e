// Accompaniers by max-flow: a set of meetings can all be staffed exactly when the flow says so, and
// the flow finds staffings that the scheduler's one-at-a-time choice misses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Accompanier, Meeting, Participant } from '../../src/model.js';
import { rankParticipants } from '../../src/match/match.js';
import type { ScheduleInput } from '../../src/schedule/input.js';
import { scheduleMeetings } from '../../src/schedule/scheduler.js';
import { StaffPool } from '../../src/schedule/staff-pool.js';
import { assignStaff, type StaffingInput } from '../../src/schedule/staffing.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

const day0 = slots.filter((s) => s.day === event.days[0]);
const [s0, s1] = [day0[0]!.index, day0[1]!.index];
const staffer = (row: number, name: string, avail: number[]): Accompanier => ({ row, name, email: '', phone: '', organization: '', slots: avail });

/** Is the assignment a valid staffing: distinct accompaniers per slot, each free then and within each day's capacity? */
function valid(input: StaffingInput, assignment: readonly number[]): boolean {
  const used = new Set<string>();
  const perDay = new Map<string, number>();
  return assignment.every((k, i) => {
    const s = input.meetingSlots[i]!;
    const d = input.dayOf[s]!;
    if (!input.free[k]![s] || used.has(`${k}@${s}`)) return false;
    used.add(`${k}@${s}`);
    perDay.set(`${k}@${d}`, (perDay.get(`${k}@${d}`) ?? 0) + 1);
    return perDay.get(`${k}@${d}`)! <= input.capacity[k]![d]!;
  });
}

/** Every assignment tried: whether any staffs all the meetings. */
function bruteForce(input: StaffingInput, K: number): boolean {
  const n = input.meetingSlots.length;
  const pick: number[] = [];
  const go = (i: number): boolean => {
    if (i === n) return valid(input, pick);
    for (let k = 0; k < K; k++) {
      pick[i] = k;
      if (go(i + 1)) return true;
    }
    return false;
  };
  return go(0);
}

describe('assignStaff', () => {
  // A is free at both slots, B only at the first; each may take one meeting a day.
  const free = [Uint8Array.from(slots.map((s) => Number(s.index === s0 || s.index === s1))), Uint8Array.from(slots.map((s) => Number(s.index === s0)))];
  const capacity = [[1, 1, 1], [1, 1, 1]];
  const dayOf = slots.map((s) => event.days.indexOf(s.day));

  it('staffs what taking the least-loaded free accompanier one meeting at a time cannot', () => {
    // The scheduler's own greedy choice (StaffPool.pick): the first meeting takes A, and then nobody
    // is left for the second.
    const input: ScheduleInput = { event: { ...event, maxMeetingsPerDay: 1 }, slots, offices: [], participants: [], staff: [staffer(2, 'A', [s0, s1]), staffer(3, 'B', [s0])] };
    const meetings: Meeting[] = [];
    const pool = new StaffPool(input, meetings);
    const first = pool.pick([s0], event.days[0]!);
    expect(first).toBe(0);
    pool.assign({ slots: [s0], day: event.days[0]! } as Meeting, first!);
    expect(pool.pick([s1], event.days[0]!)).toBeUndefined();
    // The flow moves the first meeting to B and gives the second to A.
    expect(assignStaff({ meetingSlots: [s0, s1], dayOf, free, capacity })).toEqual([1, 0]);
    // Starting from the greedy staffing changes nothing in the answer.
    expect(assignStaff({ meetingSlots: [s0, s1], dayOf, free, capacity, initial: [0, undefined] })).toEqual([1, 0]);
  });

  it('says no when the meetings cannot all be staffed', () => {
    expect(assignStaff({ meetingSlots: [s0, s0, s0], dayOf, free, capacity })).toBeUndefined();
    expect(assignStaff({ meetingSlots: [s1, s1], dayOf, free, capacity })).toBeUndefined();
    expect(assignStaff({ meetingSlots: [s0, s1], dayOf, free, capacity: [[1, 1, 1], [0, 1, 1]] })).toBeUndefined();
  });

  it('agrees with trying every assignment, on small random cases', () => {
    const K = 3;
    const nSlots = 6;
    const smallDayOf = [0, 0, 0, 1, 1, 1];
    const cases = fc.record({
      meetingSlots: fc.array(fc.integer({ min: 0, max: nSlots - 1 }), { minLength: 1, maxLength: 5 }),
      free: fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nSlots, maxLength: nSlots }), { minLength: K, maxLength: K }),
      capacity: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }), { minLength: K, maxLength: K }),
    });
    // A fixed seed: on a failure fast-check prints { seed, path }, which replay the case.
    fc.assert(fc.property(cases, ({ meetingSlots, free: f, capacity: c }) => {
      const input = { meetingSlots, dayOf: smallDayOf, free: f, capacity: c };
      const got = assignStaff(input);
      expect(got !== undefined).toBe(bruteForce(input, K));
      if (got) expect(valid(input, got)).toBe(true);
    }), { numRuns: 300, seed: 20_200_715 });
  });
});

describe('the scheduler with a reshuffle of accompaniers', () => {
  it('covers an office the one-at-a-time choice would leave without an accompanier', () => {
    const [x, y] = [office('S-IL-X'), office('S-IL-Y', { tier: 2 })];
    const person = (row: number, offices: typeof x[], free: number[]): Omit<Participant, 'rank'> => ({
      rsvp: rsvp(row, { state: 'IL', availability: { slots: free, blank: false, cannotJoin: false, unreadable: [] } }), location: { state: 'IL' }, offices, bestTier: 1,
    });
    // Office X (tier 1, placed first) can meet at either slot; office Y only at the second.
    const participants = rankParticipants([person(2, [x], [s0, s1]), person(3, [y], [s1])]);
    const r = scheduleMeetings({ event: { ...event, maxMeetingsPerDay: 1 }, slots, offices: [x, y], participants, staff: [staffer(2, 'A', [s0, s1]), staffer(3, 'B', [s0])] }, { starts: 1 });
    expect(r.meetings.map((m) => [m.office.id, m.start, m.accompanier?.name, m.status])).toEqual([
      ['S-IL-X', day0[0]!.start, 'B', 'proposed'],
      ['S-IL-Y', day0[1]!.start, 'A', 'proposed'],
    ]);
  });
});
