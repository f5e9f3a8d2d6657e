// Each hard rule is written once (src/rules/): a schedule with random violations is judged the same by
// the rulebook's replay (what check's rules are written over), by the solver's move test (canSeat on its
// own working plan, each seat asked before it is added) and by a re-run keeping it as its starting plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankParticipants } from '../../src/match/match.js';
import type { Participant, StartingMeeting } from '../../src/model.js';
import { officeLimit } from '../../src/rules/office-limit.js';
import { violations, type RuleContext } from '../../src/rules/replay.js';
import { brokenSeatRule, canSeat, SEAT_RULES, type RuleMeeting } from '../../src/rules/rulebook.js';
import { scheduleMeetings, type ScheduleInput } from '../../src/schedule/scheduler.js';
import { WorkingPlan } from '../../src/schedule/working-plan.js';
import { buildSlots, meetingMinutesFor, toMinutes } from '../../src/event.js';
import { event as baseEvent, office, rsvp } from '../helpers/build.js';
import { meetingPlace } from '../../src/campus/meeting-place.js';
import { campusOf } from '../../src/campus/of-event.js';
import { personArb } from '../helpers/rule-people.js';

// In person (walking time between meetings is a rule too): two Senate offices joined by a tunnel, a House one across the way.
const offices = [
  office('S-IL-A', { address: '524 Hart Senate Office Building' }), office('S-IL-B', { address: '332 Dirksen Senate Office Building' }),
  office('H-IL-01', { address: '2408 Rayburn House Office Building' }),
];
const event = { ...baseEvent, maxGroup: 3, maxMeetingsPerOffice: 2, format: 'in-person' as const, meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 };
const slots = buildSlots(event);
const SLOTS = 4;

const eventArb = fc.record({
  people: fc.array(personArb, { minLength: 2, maxLength: 8 }),
  meetings: fc.array(fc.record({ office: fc.nat(2), slot: fc.nat(SLOTS - 1), who: fc.array(fc.nat(7), { maxLength: 5 }) }), { minLength: 1, maxLength: 5 }),
});

type Gen = fc.Arbitrary<typeof eventArb extends fc.Arbitrary<infer T> ? T : never>;
function build(g: Gen extends fc.Arbitrary<infer T> ? T : never) {
  const participants: Participant[] = rankParticipants(g.people.map((p, k) => {
    const [firstName, lastName] = p.name.split(' ') as [string, string];
    const r = rsvp(k + 2, { firstName, lastName, phone: p.phone, phoneValid: true, email: `p${k}@example.org`, state: 'IL',
      availability: { slots: p.free.map((s) => slots[s]!.index), blank: false, cannotJoin: false, unreadable: [] } });
    const os = p.offices.map((o) => offices[o]!);
    return { rsvp: r, location: { state: 'IL' }, offices: os, bestTier: 1 };
  }));
  // In the order a re-run keeps them: by day, start, then id.
  const meetings: RuleMeeting[] = g.meetings.map((m, k) => {
    const s = slots[m.slot]!;
    const o = offices[m.office]!;
    return { id: `M${String(k + 1).padStart(3, '0')}`, officeId: o.id, day: s.day, startMin: toMinutes(s.start), endMin: toMinutes(s.start) + meetingMinutesFor(event, o.chamber), slots: [s.index],
      place: meetingPlace(event, o)!, rows: [...new Set(m.who.filter((w) => w < g.people.length).map((w) => w + 2))] };
  }).sort((a, b) => a.day.localeCompare(b.day) || a.startMin - b.startMin || a.id.localeCompare(b.id));
  const input: ScheduleInput = { event, slots, offices, participants };
  return { participants, meetings, input };
}

/** The rulebook's replay: the path check's rules and the re-run's are written over. */
function byReplay(b: ReturnType<typeof build>): string[] {
  const ctx: RuleContext = { event, nS: slots.length, campus: campusOf(event), people: b.participants.map((p) => ({ ...p.rsvp, offices: new Set(p.offices.map((o) => o.id)), slots: p.rsvp.availability.slots })) };
  return violations(b.meetings, ctx).map((v) => `${v.rule}|${v.meetingId}|${v.row ?? ''}`).sort();
}

/** The solver's move test: on its own working plan, every seat asked before it is added. */
function bySolver(b: ReturnType<typeof build>): string[] {
  const plan = new WorkingPlan(b.input);
  const byRow = new Map(plan.people.map((p, i) => [p.rsvp.row, i]));
  const out: string[] = [];
  for (const rm of b.meetings) {
    const office = offices.find((o) => o.id === rm.officeId)!;
    if (!officeLimit.allows(plan.meetingsFor(office).length, event)) {
      out.push(`${officeLimit.code}|${rm.id}|`);
      continue;
    }
    const m = plan.newMeeting(office, rm.day, rm.startMin, rm.endMin, [...rm.slots]);
    for (const row of rm.rows) {
      const i = byRow.get(row)!;
      const broken = brokenSeatRule(plan, i, m);
      // The move test the solver asks (its rules written out, in another order) says the same.
      expect(canSeat(plan, i, m)).toBe(!broken);
      if (broken) out.push(`${broken.code}|${rm.id}|${row}`);
      else plan.attend(m, i);
    }
  }
  return out.sort();
}

/** A re-run from the schedule: what it does not keep, by rule. */
function byRerun(b: ReturnType<typeof build>): string[] | undefined {
  const start: StartingMeeting[] = b.meetings.map((m) => ({ meetingId: m.id, officeId: m.officeId, day: m.day, start: slots[m.slots[0]!]!.start, rsvpRows: [...m.rows] }));
  const { notKept } = scheduleMeetings(b.input, { start, starts: 1 });
  // A meeting nobody in it can attend is dropped (not a rule): it then takes no place of its office's.
  if (notKept.some((n) => n.code === 'meeting-empty')) return undefined;
  const rule = (n: (typeof notKept)[number]) => {
    if (n.code === 'office-full') return officeLimit.code;
    // Two rules share the re-run's 'double-booked': its reason tells which.
    const rules = SEAT_RULES.filter((r) => r.notKept === n.code);
    return (rules.find((r) => r.reason({ member: offices.find((o) => n.reason.includes(o.member))?.member ?? '', day: '', start: '', maxGroup: event.maxGroup }).split(' ').slice(0, 2).join(' ') === n.reason.split(' ').slice(0, 2).join(' ')) ?? rules[0]!).code;
  };
  return notKept.filter((n) => n.what !== 'accompanier' && n.what !== 'lead').map((n) => `${rule(n)}|${n.meetingId}|${n.rsvpRow ?? ''}`).sort();
}

describe('the rulebook: each hard rule enforced from one place', () => {
  it('a schedule breaking rules at random is judged the same by the rules\' replay, the solver\'s move test and a re-run', () => {
    let broken = 0;
    let compared = 0;
    fc.assert(fc.property(eventArb, (g) => {
      const b = build(g);
      const replay = byReplay(b);
      expect(bySolver(b)).toEqual(replay);
      const rerun = byRerun(b);
      if (rerun) {
        compared++;
        expect(rerun).toEqual(replay);
      }
      if (replay.length) broken++;
    }), { numRuns: 300, seed: 20 });
    // The generator does make broken schedules, and the re-run is compared on many of them.
    expect(broken).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(30);
  });

  it('two RSVPs that may be one person never share a meeting, and a re-run takes the second out of an earlier one', () => {
    const o = offices[0]!;
    const twin = (row: number, email: string) => ({ rsvp: rsvp(row, { firstName: 'Ben', lastName: 'Okafor', phone: '(312) 555-0102', phoneValid: true, email, state: 'IL' }), location: { state: 'IL' }, offices: [o], bestTier: 1 });
    const participants = rankParticipants([twin(3, 'ben@example.org'), twin(36, 'bokafor@example.net'), { ...twin(5, 'x@example.org'), rsvp: rsvp(5, { state: 'IL' }) }]);
    const input: ScheduleInput = { event: { ...event, maxMeetingsPerOffice: 1 }, slots, offices, participants };
    const fresh = scheduleMeetings(input);
    const rows = fresh.meetings.map((m) => m.attendees.map((p) => p.rsvp.row).sort((a, b) => a - b));
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toEqual(expect.arrayContaining([3, 36]));
    const s0 = slots[0]!;
    const again = scheduleMeetings(input, { start: [{ meetingId: 'M001', officeId: o.id, day: s0.day, start: s0.start, rsvpRows: [3, 36, 5] }] });
    expect(again.notKept).toEqual([{ meetingId: 'M001', what: 'participant', code: 'possible-duplicate', rsvpRow: 36, reason: 'a possible duplicate of them (same name and phone or ZIP) is already in the meeting' }]);
  });

  it('every rule a seat can break is broken somewhere in the generated schedules', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(eventArb, (g) => {
      for (const v of byReplay(build(g))) seen.add(v.split('|')[0]!);
    }), { numRuns: 300, seed: 21 });
    expect([...seen].sort()).toEqual([...SEAT_RULES.map((r) => r.code), officeLimit.code].sort());
  });
});
