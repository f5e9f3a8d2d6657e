import { describe, expect, it } from 'vitest';
import type { Accompanier, ConfirmedMeeting, Participant, TargetOffice } from '../../src/model.js';
import { rankParticipants } from '../../src/match/match.js';
import { evaluate } from '../../src/schedule/objective.js';
import { scheduleMeetings, type ScheduleInput } from '../../src/schedule/scheduler.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

/** The slot index on day d (0-based) that starts at HH:MM, as a one-slot availability. */
const at = (d: number, start: string) => slots.filter((s) => s.day === event.days[d] && s.start === start).map((s) => s.index);

function person(row: number, offices: TargetOffice[], availability: number[] | 'all', over: Parameters<typeof rsvp>[1] = {}) {
  const r = rsvp(row, {
    state: offices[0]?.state ?? 'IL',
    availability: availability === 'all' ? { slots: slots.map((s) => s.index), blank: true, cannotJoin: false, unreadable: [] } : { slots: availability, blank: false, cannotJoin: false, unreadable: [] },
    ...over,
  });
  return { rsvp: r, location: { state: r.state! }, offices, bestTier: Math.min(...offices.map((o) => o.tier ?? 99)) };
}

const ranked = (list: Array<Omit<Participant, 'rank'>>) => rankParticipants(list);
const staffer = (row: number, name: string, avail: number[] | 'all'): Accompanier => ({ row, name, email: `${name.toLowerCase()}@awg.example`, phone: '', organization: 'AWG', slots: avail === 'all' ? slots.map((s) => s.index) : avail });
const run = (over: Partial<ScheduleInput>) => scheduleMeetings({ event, slots, offices: [], participants: [], ...over });

describe('scheduleMeetings', () => {
  const sen = office('S-IL-DALTON');
  const rep = office('H-IL-05', { tier: 2 });

  it('puts constituents in a meeting at a time they can attend, with an accompanier', () => {
    const people = ranked([person(2, [sen], at(0, '11:00')), person(3, [sen], [...at(0, '11:00'), ...at(1, '10:00')])]);
    const r = run({ offices: [sen], participants: people, staff: [staffer(2, 'Aubrey', 'all')] });
    expect(r.meetings).toHaveLength(1);
    expect(r.meetings[0]).toMatchObject({ day: '2020-07-14', start: '11:00', end: '11:30', status: 'proposed' });
    expect(r.meetings[0]!.accompanier?.name).toBe('Aubrey');
    expect(r.meetings[0]!.attendees.map((p) => p.rsvp.row).sort()).toEqual([2, 3]);
  });

  it('never books a person in two meetings at once, nor in a meeting with an office that is not theirs', () => {
    const people = ranked([person(2, [sen, rep], at(0, '11:00')), person(3, [sen], 'all'), person(4, [rep], 'all')]);
    const r = run({ offices: [sen, rep], participants: people });
    const seen = new Set<string>();
    for (const m of r.meetings) {
      for (const p of m.attendees) {
        expect(p.offices.map((o) => o.id)).toContain(m.office.id);
        for (const s of m.slots) {
          expect(seen.has(`${p.rsvp.row}@${s}`)).toBe(false);
          seen.add(`${p.rsvp.row}@${s}`);
        }
      }
    }
    expect(r.meetings.map((m) => m.office.id).sort()).toEqual(['H-IL-05', 'S-IL-DALTON']);
  });

  it('keeps groups to maxGroup and sends the rest to the left-out list with the reason', () => {
    const people = ranked(Array.from({ length: 5 }, (_, k) => person(k + 2, [sen], at(0, '10:00'))));
    const r = run({ event: { ...event, maxGroup: 3 }, offices: [sen], participants: people });
    expect(r.meetings[0]!.attendees).toHaveLength(3);
    expect(r.leftOut.map((l) => [l.participant.rsvp.row, l.code])).toEqual([[5, 'meetings-full'], [6, 'meetings-full']]);
    expect(r.leftOut[0]!.reason).toContain('is full (3 participants)');
  });

  it('places on-time RSVPs before late ones', () => {
    const people = ranked([person(2, [sen], at(0, '10:00'), { late: true }), person(3, [sen], at(0, '10:00'))]);
    const r = run({ event: { ...event, maxGroup: 1 }, offices: [sen], participants: people });
    expect(r.meetings[0]!.attendees.map((p) => p.rsvp.row)).toEqual([3]);
    expect(r.leftOut[0]!.participant.rsvp.row).toBe(2);
  });

  it('covers the higher tier first when accompaniers are scarce', () => {
    const t1 = office('S-IL-A', { tier: 1 });
    const t2 = office('S-IL-B', { tier: 2 });
    const slot = at(0, '10:00');
    const people = ranked([person(2, [t2], slot), person(3, [t2], slot), person(4, [t1], slot)]);
    const r = run({ offices: [t2, t1], participants: people, staff: [staffer(2, 'Only', slot)] });
    const covered = r.meetings.filter((m) => m.status !== 'needs accompanier').map((m) => m.office.id);
    expect(covered).toEqual(['S-IL-A']);
    expect(r.meetings.find((m) => m.office.id === 'S-IL-B')?.status).toBe('needs accompanier');
  });

  it('gives no accompanier more than maxMeetingsPerDay meetings a day, and spreads the load', () => {
    const offices = Array.from({ length: 6 }, (_, k) => office(`S-IL-O${k}`));
    const people = ranked(offices.map((o, k) => person(k + 2, [o], [...at(0, '10:00'), ...at(0, '11:00'), ...at(0, '12:00')])));
    const r = run({ event: { ...event, maxMeetingsPerDay: 2 }, offices, participants: people, staff: [staffer(2, 'A', 'all'), staffer(3, 'B', 'all')] });
    const load = new Map<string, number>();
    for (const m of r.meetings) if (m.accompanier) load.set(m.accompanier.name, (load.get(m.accompanier.name) ?? 0) + 1);
    expect([...load.values()]).toEqual([2, 2]);
    expect(r.meetings.filter((m) => m.status === 'needs accompanier')).toHaveLength(2);
  });

  it('picks a volunteer lead, preferring one who leads nothing else that day', () => {
    const a = office('S-IL-A');
    const b = office('S-IL-B');
    const people = ranked([person(2, [a, b], 'all', { lead: true }), person(3, [a, b], 'all', { lead: true }), person(4, [a, b], 'all')]);
    const r = run({ event: { ...event, maxGroup: 3 }, offices: [a, b], participants: people });
    expect(r.meetings).toHaveLength(2);
    const leads = r.meetings.map((m) => m.lead?.rsvp.row);
    expect(new Set(leads).size).toBe(2);
    expect(leads.every((l) => l === 2 || l === 3)).toBe(true);
  });

  it('keeps a confirmed meeting at its time and reports conflicts by row', () => {
    const acc = staffer(2, 'Aubrey', 'all');
    const people = ranked([person(2, [sen, rep], 'all')]);
    const confirmed: ConfirmedMeeting[] = [
      { row: 2, office: sen, day: '2020-07-15', startMin: 14 * 60, endMin: 14 * 60 + 30, link: 'https://x', notes: '', accompanier: acc, participantEmails: ['p2@example.org'] },
      { row: 3, office: rep, day: '2020-07-15', startMin: 14 * 60 + 15, endMin: 14 * 60 + 45, link: '', notes: '', accompanier: acc, participantEmails: ['p2@example.org'] },
    ];
    const r = run({ offices: [sen, rep], participants: people, staff: [acc], confirmed, confirmedFile: 'confirmed.csv' });
    expect(r.meetings.map((m) => [m.office.id, m.day, m.start, m.end, m.status])).toEqual([
      ['S-IL-DALTON', '2020-07-15', '14:00', '14:30', 'confirmed'],
      ['H-IL-05', '2020-07-15', '14:15', '14:45', 'confirmed'],
    ]);
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([[3, 'accompanier-conflict'], [3, 'participant-conflict'], [3, 'confirmed-empty']]);
    expect(r.problems[0]!.message).toContain('Aubrey is in two confirmed meetings at once (rows 2 and 3)');
  });

  it('moves a person without a meeting into a full one in place of someone who has another', () => {
    const a = office('S-IL-A');
    const b = office('S-IL-B');
    const slot = at(0, '10:00');
    // Row 2 can meet both offices any time; row 3 only office A at 10:00; groups of one.
    const people = ranked([person(2, [a, b], 'all'), person(3, [a], slot)]);
    const r = run({ event: { ...event, maxGroup: 1 }, offices: [a, b], participants: people });
    const placed = new Set(r.meetings.flatMap((m) => m.attendees.map((p) => p.rsvp.row)));
    expect(placed).toEqual(new Set([2, 3]));
    expect(r.leftOut).toEqual([]);
  });

  it('says why an office has no meeting', () => {
    const people = ranked([person(2, [sen], [])]);
    const r = run({ offices: [sen, rep], participants: people });
    expect(r.uncovered.get('S-IL-DALTON')).toBe('no constituent is free at any meeting time');
    expect(r.uncovered.get('H-IL-05')).toBe("no constituent who can attend RSVP'd");
  });

  it('is deterministic', () => {
    const offices = [sen, rep, office('S-IL-DUCKWORTH')];
    const people = ranked(Array.from({ length: 30 }, (_, k) => person(k + 2, k % 2 ? [sen, rep] : offices, k % 3 ? 'all' : at(k % 3, '13:00'))));
    const strip = (r: ReturnType<typeof run>) => r.meetings.map((m) => [m.id, m.office.id, m.start, m.attendees.map((p) => p.rsvp.row)]);
    expect(strip(run({ offices, participants: people }))).toEqual(strip(run({ offices, participants: [...people].reverse() })));
  });

  it('is scored by the objective in its own words', () => {
    const people = ranked([person(2, [sen], 'all'), person(3, [sen, rep], 'all', { late: true })]);
    const r = run({ offices: [sen, rep], participants: people, staff: [staffer(2, 'A', 'all')] });
    expect(evaluate(r.meetings, 1)).toMatchObject({ officesCovered: 2, participantsPlaced: 2, onTimePlaced: 1, participantMeetings: 3, officesByTier: [1, 1, 0, 0, 0, 0] });
  });
});
