// improve tries several slots for each meeting and keeps a move only when it places more people; it
// counts what a trial meeting would gain (fillGain) instead of seating its people and taking them out
// again. The count must be what filling the meeting really gives, or the search keeps other moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSlots } from '../../src/event.js';
import { rankParticipants } from '../../src/match/match.js';
import type { Participant } from '../../src/model.js';
import { fill, fillGain, removeMeeting } from '../../src/schedule/construct.js';
import { seeded, type Search } from '../../src/schedule/search.js';
import { StaffPool } from '../../src/schedule/staff-pool.js';
import { WorkingPlan } from '../../src/schedule/working-plan.js';
import { event as baseEvent, office, rsvp } from '../helpers/build.js';
import { personArb } from '../helpers/rule-people.js';

// In person (the walking rule can keep someone out), with groups small enough that fill runs short.
const offices = [
  office('S-IL-A', { address: '524 Hart Senate Office Building' }), office('S-IL-B', { address: '332 Dirksen Senate Office Building' }),
  office('H-IL-01', { address: '2408 Rayburn House Office Building' }),
];
const SLOTS = 4;

const caseArb = fc.record({
  people: fc.array(fc.record({ person: personArb, late: fc.boolean() }), { minLength: 1, maxLength: 12 }),
  maxGroup: fc.integer({ min: 1, max: 4 }),
  // Meetings made (and filled) first, so that some people already have one.
  before: fc.array(fc.record({ office: fc.nat(2), slot: fc.nat(SLOTS - 1) }), { maxLength: 3 }),
});

describe('improve\'s count of a trial meeting', () => {
  it('a slot improve tries is worth to it exactly the people filling a meeting there seats', () => {
    let counted = 0;
    fc.assert(fc.property(caseArb, (c) => {
      const event = { ...baseEvent, maxGroup: c.maxGroup, maxMeetingsPerOffice: 3, lateRsvps: 'after-on-time' as const, format: 'in-person' as const, meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 };
      const slots = buildSlots(event);
      const participants: Participant[] = rankParticipants(c.people.map(({ person: p, late }, k) => {
        const [firstName, lastName] = p.name.split(' ') as [string, string];
        const r = rsvp(k + 2, { firstName, lastName, phone: p.phone, phoneValid: true, email: `p${k}@example.org`, state: 'IL', late,
          availability: { slots: p.free.map((s) => slots[s]!.index), blank: false, cannotJoin: false, unreadable: [] } });
        return { rsvp: r, location: { state: 'IL' }, offices: p.offices.map((o) => offices[o]!), bestTier: 1 };
      }));
      const input = { event, slots, offices, participants };
      const plan = new WorkingPlan(input);
      const x: Search = { input, plan, pool: new StaffPool(input, plan.meetings), start: 0, slotTie: seeded(0, slots.length), problems: [] };
      for (const b of c.before) fill(x, plan.newMeetingAt(offices[b.office]!, slots[b.slot]!.index));
      for (const o of offices) {
        for (let s = 0; s < SLOTS; s++) {
          const trial = plan.newMeetingAt(o, slots[s]!.index);
          const gain = fillGain(x, trial);
          const before = plan.placedValue(o.id);
          fill(x, trial);
          expect(gain).toBe(plan.placedValue(o.id) - before);
          if (gain) counted++;
          removeMeeting(x, trial);
        }
      }
    }), { numRuns: 300, seed: 24 });
    // The generated events do give trials people to count.
    expect(counted).toBeGreaterThan(300);
  });
});
