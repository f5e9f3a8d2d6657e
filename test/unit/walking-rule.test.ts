// Walking time in person (rules/walking.ts), held against a table of minutes written here, not read
// from awg: the rulebook's replay keeps exactly the seats that leave everyone time to walk, the
// scheduler never plans a walk too short, and an office that meets by video needs no walk at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingPlace } from '../../src/campus/meeting-place.js';
import { campusOf } from '../../src/campus/of-event.js';
import { buildSlots, meetingMinutesFor, toMinutes } from '../../src/event.js';
import { rankParticipants } from '../../src/match/match.js';
import type { Meeting, Participant, TargetOffice } from '../../src/model.js';
import { violations, type RuleContext } from '../../src/rules/replay.js';
import type { RuleMeeting } from '../../src/rules/rulebook.js';
import { scheduleMeetings, type ScheduleInput } from '../../src/schedule/scheduler.js';
import { event as baseEvent, office, rsvp } from '../helpers/build.js';

/** The guides' rules of thumb, by hand: 5 in one building or a tunnel-linked neighbour, 15 on one side, 30 across. */
const SIDE: Record<string, 'House' | 'Senate'> = { Rayburn: 'House', Longworth: 'House', Cannon: 'House', Russell: 'Senate', Dirksen: 'Senate', Hart: 'Senate' };
const TUNNEL = new Set(['Rayburn/Longworth', 'Longworth/Cannon', 'Russell/Dirksen', 'Dirksen/Hart']);
function minutesNeeded(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  if (a === b || TUNNEL.has(`${a}/${b}`) || TUNNEL.has(`${b}/${a}`)) return 5;
  return SIDE[a] === SIDE[b] ? 15 : 30;
}

// Offices in six buildings, and one that meets by video (its room would be in Hart).
const ROOMS: Array<[id: string, building: string | undefined, address: string]> = [
  ['S-IL-A', 'Hart', '524 Hart Senate Office Building'], ['S-IL-B', 'Dirksen', '332 Dirksen Senate Office Building'],
  ['S-IL-C', 'Russell', '115 Russell Senate Office Building'], ['H-IL-1', 'Rayburn', '2408 Rayburn House Office Building'],
  ['H-IL-2', 'Cannon', '300 Cannon House Office Building'], ['H-IL-3', 'Longworth', '1632 Longworth House Office Building'],
  ['S-IL-V', undefined, '711 Hart Senate Office Building'],
];
const offices: TargetOffice[] = ROOMS.map(([id, building, address]) => office(id, { address, ...(building ? {} : { format: 'virtual' as const }) }));
const buildingOf = new Map(ROOMS.map(([id, b]) => [id, b]));

const eventOf = (slotMinutes: number) => ({
  ...baseEvent, maxGroup: 3, maxMeetingsPerOffice: 2, maxMeetingsPerDay: 3, format: 'in-person' as const,
  meetingMinutes: { House: 20, Senate: 30 }, slotMinutes,
});

interface Seat { officeId: string; day: string; start: number; end: number }

/** Every two seats of one person on one day, one after the other, with less time between them than the table says. */
function tooClose(seats: readonly Seat[]): string[] {
  const out: string[] = [];
  for (const a of seats) {
    for (const b of seats) {
      if (a === b || a.day !== b.day || a.end > b.start) continue;
      const needs = minutesNeeded(buildingOf.get(a.officeId), buildingOf.get(b.officeId));
      if (b.start - a.end < needs) out.push(`${a.officeId}@${a.start}→${b.officeId}@${b.start}: ${b.start - a.end} < ${needs}`);
    }
  }
  return out;
}

const caseArb = fc.record({
  slotMinutes: fc.constantFrom(30, 45),
  people: fc.array(fc.record({ offices: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 3 }), free: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 3 }) }), { minLength: 1, maxLength: 6 }),
  meetings: fc.array(fc.record({ office: fc.nat(6), slot: fc.nat(5), who: fc.array(fc.nat(5), { maxLength: 5 }) }), { minLength: 2, maxLength: 12 }),
});

function build(g: typeof caseArb extends fc.Arbitrary<infer T> ? T : never) {
  const event = eventOf(g.slotMinutes);
  const slots = buildSlots(event);
  const participants: Participant[] = rankParticipants(g.people.map((p, k) => ({
    rsvp: rsvp(k + 2, { state: 'IL', availability: { slots: p.free.map((s) => slots[s]!.index), blank: false, cannotJoin: false, unreadable: [] } }),
    location: { state: 'IL' }, offices: p.offices.map((o) => offices[o]!), bestTier: 1,
  })));
  const meetings: RuleMeeting[] = g.meetings.map((m, k) => {
    const s = slots[m.slot]!;
    const o = offices[m.office]!;
    const place = meetingPlace(event, o);
    return { id: `M${k + 1}`, officeId: o.id, day: s.day, startMin: toMinutes(s.start), endMin: toMinutes(s.start) + meetingMinutesFor(event, o.chamber), slots: [s.index],
      rows: [...new Set(m.who.filter((w) => w < g.people.length).map((w) => w + 2))], ...(place ? { place } : {}) };
  }).sort((a, b) => a.day.localeCompare(b.day) || a.startMin - b.startMin || a.id.localeCompare(b.id));
  const ctx: RuleContext = { event, nS: slots.length, campus: campusOf(event), people: participants.map((p) => ({ ...p.rsvp, offices: new Set(p.offices.map((o) => o.id)), slots: p.rsvp.availability.slots })) };
  return { event, slots, participants, meetings, ctx };
}

const seatsOf = (meetings: readonly Meeting[]) => {
  const by = new Map<number, Seat[]>();
  for (const m of meetings) {
    const seat = { officeId: m.office.id, day: m.day, start: toMinutes(m.start), end: toMinutes(m.end) };
    for (const p of m.attendees) by.set(p.rsvp.row, [...(by.get(p.rsvp.row) ?? []), seat]);
    if (m.accompanier) by.set(-m.accompanier.row, [...(by.get(-m.accompanier.row) ?? []), seat]);
  }
  return by;
};

describe('walking time between meetings in person', () => {
  it('the replay keeps exactly the seats that leave each person the walk the table gives, and refuses the others by the walking rule', () => {
    let refused = 0;
    fc.assert(fc.property(caseArb, (g) => {
      const b = build(g);
      const broken = violations(b.meetings, b.ctx);
      const left = new Set(broken.map((v) => `${v.meetingId}|${v.row}`));
      const kept = new Map<number, Seat[]>();
      for (const m of b.meetings) {
        // A meeting over its office's limit is left out whole.
        if (left.has(`${m.id}|undefined`)) continue;
        for (const row of m.rows) {
          const seat = { officeId: m.officeId, day: m.day, start: m.startMin, end: m.endMin };
          if (left.has(`${m.id}|${row}`)) {
            const v = broken.find((x) => x.meetingId === m.id && x.row === row)!;
            // Refused for walking only when it is too close, by the table, to a seat kept before it.
            const mine = kept.get(row) ?? [];
            if (v.rule === 'walking-time') {
              refused++;
              expect(tooClose([...mine, seat]).length).toBeGreaterThan(0);
            }
            continue;
          }
          kept.set(row, [...(kept.get(row) ?? []), seat]);
        }
      }
      for (const seats of kept.values()) expect(tooClose(seats)).toEqual([]);
    }), { numRuns: 300, seed: 22 });
    expect(refused).toBeGreaterThan(30);
  });

  it('the scheduler never plans a walk too short, for a participant or an accompanier, on 30- and 45-minute grids', () => {
    let walks = 0;
    fc.assert(fc.property(caseArb, fc.integer({ min: 0, max: 2 }), (g, nStaff) => {
      const b = build(g);
      const staff = Array.from({ length: nStaff }, (_, k) => ({ row: k + 2, name: `S${k}`, email: `s${k}@x.org`, phone: '', organization: '', slots: b.slots.map((s) => s.index) }));
      const input: ScheduleInput = { event: b.event, slots: b.slots, offices, participants: b.participants, ...(nStaff ? { staff } : {}) };
      const { meetings } = scheduleMeetings(input, { starts: 2 });
      for (const seats of seatsOf(meetings).values()) {
        expect(tooClose(seats)).toEqual([]);
        if (seats.length > 1) walks++;
      }
    }), { numRuns: 150, seed: 23 });
    expect(walks).toBeGreaterThan(50);
  });

  it('an office that meets by video in an in-person event needs no walk: its constituent free only at 10:00 and 10:30 meets both offices', () => {
    const event = eventOf(30);
    const slots = buildSlots(event);
    const free = slots.filter((s) => s.day === event.days[0] && (s.start === '10:00' || s.start === '10:30')).map((s) => s.index);
    const run = (senate: TargetOffice) => {
      const house = offices[3]!;
      const person = { rsvp: rsvp(2, { state: 'IL', availability: { slots: free, blank: false, cannotJoin: false, unreadable: [] } }), location: { state: 'IL' }, offices: [senate, house], bestTier: 1 };
      const { meetings } = scheduleMeetings({ event, slots, offices: [senate, house], participants: rankParticipants([person]) });
      return meetings.filter((m) => m.attendees.length).map((m) => `${m.office.id} ${m.start}–${m.end} ${m.place?.label ?? 'by video'}`).sort();
    };
    // In Hart, the walk from Rayburn (30 minutes) fits neither order: one meeting only.
    expect(run(office('S-IL-A', { address: '524 Hart Senate Office Building' }))).toHaveLength(1);
    // By video, both, back to back.
    expect(run(offices[6]!)).toEqual(expect.arrayContaining([expect.stringMatching(/^H-IL-1 10:(00|30)–10:(20|50) Rayburn 2408$/), expect.stringMatching(/^S-IL-V 10:(00|30)–1[01]:(30|00) by video$/)]));
    expect(run(offices[6]!)).toHaveLength(2);
  });

  it('a day with both senators and the representative is planned on one side, then the other, without hours idle between', () => {
    const event = { ...eventOf(30), maxGroup: 6, days: [baseEvent.days[0]!] };
    const slots = buildSlots(event);
    const three = [offices[0]!, offices[3]!, offices[1]!];
    const people = rankParticipants([2, 3, 4, 5, 6, 7].map((row) => ({ rsvp: rsvp(row, { state: 'IL', availability: { slots: slots.map((x) => x.index), blank: false, cannotJoin: false, unreadable: [] } }), location: { state: 'IL' }, offices: three, bestTier: 1 })));
    const staff = [{ row: 2, name: 'Rae Morgan', email: 'rae@x.org', phone: '', organization: '', slots: slots.map((x) => x.index) }];
    const { meetings } = scheduleMeetings({ event, slots, offices: three, participants: people, staff });
    const day = meetings.map((m) => ({ side: buildingOf.get(m.office.id) === 'Rayburn' ? 'House' : 'Senate', start: toMinutes(m.start), end: toMinutes(m.end) })).sort((a, b) => a.start - b.start);
    // Everyone (and the accompanier) is in all three: Senate, Senate, House or House, Senate, Senate; never across and back.
    expect(meetings.map((m) => m.attendees.length)).toEqual([6, 6, 6]);
    expect(meetings.every((m) => m.accompanier?.name === 'Rae Morgan')).toBe(true);
    expect(day.filter((m, k) => k > 0 && m.side !== day[k - 1]!.side)).toHaveLength(1);
    expect(tooClose(meetings.map((m) => ({ officeId: m.office.id, day: m.day, start: toMinutes(m.start), end: toMinutes(m.end) })))).toEqual([]);
    // And no hours idle: a Senate meeting fills its 30-minute slot, so each walk after one waits for the
    // next start; the tightest day is 10:00–12:20 (140 minutes), and the plan is within a slot of it.
    expect(day.at(-1)!.end - day[0]!.start).toBeLessThanOrEqual(150);
  });

  it('two accompaniers of a day of two Senate and two House meetings each keep to one side', () => {
    const event = { ...eventOf(30), maxGroup: 6, days: [baseEvent.days[0]!] };
    const slots = buildSlots(event);
    const four = [offices[0]!, offices[1]!, offices[3]!, offices[4]!];
    const all = { slots: slots.map((x) => x.index), blank: false, cannotJoin: false, unreadable: [] };
    // Each office its own constituents, free all day: nothing but the walks ties the meetings together.
    const people = rankParticipants(four.flatMap((o, k) => [0, 1].map((j) => ({ rsvp: rsvp(2 + k * 2 + j, { state: 'IL', availability: all }), location: { state: 'IL' }, offices: [o], bestTier: 1 }))));
    const staff = ['Rae Morgan', 'Sam Lee'].map((name, k) => ({ row: k + 2, name, email: `s${k}@x.org`, phone: '', organization: '', slots: all.slots }));
    const { meetings } = scheduleMeetings({ event, slots, offices: four, participants: people, staff });
    const sides = (name: string) => new Set(meetings.filter((m) => m.accompanier?.name === name).map((m) => SIDE[buildingOf.get(m.office.id)!]));
    expect(meetings.filter((m) => m.accompanier)).toHaveLength(4);
    expect([sides('Rae Morgan').size, sides('Sam Lee').size]).toEqual([1, 1]);
  });

  it('a virtual event keeps no one\'s meetings for the walking rule and plans as before', () => {
    const slots = buildSlots(baseEvent);
    const people = rankParticipants([2, 3, 4].map((row) => ({ rsvp: rsvp(row, { state: 'IL' }), location: { state: 'IL' }, offices: offices.slice(0, 4), bestTier: 1 })));
    const { meetings } = scheduleMeetings({ event: baseEvent, slots, offices: offices.slice(0, 4), participants: people });
    expect(meetings.every((m) => m.place === undefined)).toBe(true);
    // Back to back is fine by video: someone has two meetings in a row with no gap.
    const seats = [...seatsOf(meetings).values()].flatMap((s) => s.flatMap((a) => s.filter((b) => b.day === a.day && b.start === a.end)));
    expect(seats.length).toBeGreaterThan(0);
  });
});
