// A re-run from an earlier schedule (a starting plan): what still holds stays put, what does not is
// reported, and the rest is scheduled around it.
import { describe, expect, it } from 'vitest';
import type { Accompanier, ConfirmedMeeting, Meeting, Participant, StartingMeeting, TargetOffice } from '../../src/model.js';
import { rankParticipants } from '../../src/match/match.js';
import { scheduleMeetings, type ScheduleInput } from '../../src/schedule/scheduler.js';
import { startingPlanOf } from '../../src/schedule/starting.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

const at = (d: number, start: string) => slots.filter((s) => s.day === event.days[d] && s.start === start).map((s) => s.index);
const all = slots.map((s) => s.index);

function person(row: number, offices: TargetOffice[], availability: number[], over: Parameters<typeof rsvp>[1] = {}): Omit<Participant, 'rank'> {
  const r = rsvp(row, { state: offices[0]?.state ?? 'IL', availability: { slots: availability, blank: false, cannotJoin: false, unreadable: [] }, ...over });
  return { rsvp: r, location: { state: r.state! }, offices, bestTier: Math.min(...offices.map((o) => o.tier ?? 99)) };
}
const staffer = (row: number, name: string, avail: number[]): Accompanier => ({ row, name, email: `${name.toLowerCase()}@awg.example`, phone: '', organization: 'AWG', slots: avail });
const strip = (meetings: readonly Meeting[]) => meetings.map((m) => ({
  id: m.id, office: m.office.id, day: m.day, start: m.start, status: m.status, accompanier: m.accompanier?.name, lead: m.lead?.rsvp.row,
  rows: m.attendees.map((p) => p.rsvp.row).sort((a, b) => a - b),
}));

/** A busy little event: seven offices, 45 people with scattered times, two accompaniers, one confirmed meeting. */
function busyEvent(): ScheduleInput {
  const [sa, sb, h1, h2, h3] = [office('S-IL-A'), office('S-IL-B', { tier: 2 }), office('H-IL-01'), office('H-IL-02', { tier: 2 }), office('H-IL-03', { tier: 3 })];
  const [wa, wb] = [office('S-WI-A'), office('S-WI-B', { tier: 2 })];
  let seed = 7;
  const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  const people = Array.from({ length: 45 }, (_, k) => {
    const wi = k % 5 === 4;
    const offices = wi ? [wa, wb] : [sa, sb, [h1, h2, h3][k % 3]!];
    const times = k % 7 === 0 ? all : Array.from(new Set(Array.from({ length: 3 }, () => rand(slots.length)))).sort((a, b) => a - b);
    return person(k + 2, offices, times, { state: wi ? 'WI' : 'IL', lead: k % 4 === 0, late: k > 40 });
  });
  const staff = [staffer(2, 'Aubrey Lee', all), staffer(3, 'Bo Chen', all.filter((s) => s % 2 === 0))];
  const confirmed: ConfirmedMeeting[] = [{ row: 2, office: sa, day: '2020-07-15', startMin: 14 * 60, endMin: 14 * 60 + 30, link: 'https://meet.example/a', notes: '', participantEmails: ['p2@example.org'] }];
  return {
    event: { ...event, maxGroup: 4, maxMeetingsPerDay: 3, maxMeetingsPerOffice: 2 }, slots, offices: [sa, sb, h1, h2, h3, wa, wb],
    participants: rankParticipants(people), staff, confirmed, confirmedFile: 'confirmed.csv',
  };
}

describe('scheduleMeetings from a starting plan', () => {
  it('keeps a starting plan equal to a fresh result exactly, and reports nothing as changed', () => {
    const input = busyEvent();
    const fresh = scheduleMeetings(input);
    expect(fresh.meetings.length).toBeGreaterThan(5);
    const again = scheduleMeetings(input, { start: startingPlanOf(fresh.meetings) });
    expect(strip(again.meetings)).toEqual(strip(fresh.meetings));
    expect(again.notKept).toEqual([]);
    // The field on the input is the same thing as the option.
    expect(strip(scheduleMeetings({ ...input, start: startingPlanOf(fresh.meetings) }).meetings)).toEqual(strip(fresh.meetings));
  });

  it('without a starting plan, gives what it always gave', () => {
    const input = busyEvent();
    expect(strip(scheduleMeetings(input, {}).meetings)).toEqual(strip(scheduleMeetings(input).meetings));
    expect(scheduleMeetings(input).notKept).toEqual([]);
  });

  it('lets a cancelled person leave and keeps everything else where it was', () => {
    const input = busyEvent();
    const fresh = scheduleMeetings(input);
    const from = fresh.meetings.find((m) => m.status === 'proposed' && m.attendees.length >= 2 && m.lead)!;
    const gone = from.lead!.rsvp.row;
    const again = scheduleMeetings({ ...input, participants: input.participants.filter((p) => p.rsvp.row !== gone) }, { start: startingPlanOf(fresh.meetings) });
    const before = new Map(strip(fresh.meetings).map((m) => [m.id, m]));
    for (const m of strip(again.meetings)) {
      const b = before.get(m.id);
      if (!b) continue;
      expect([m.office, m.day, m.start, m.accompanier]).toEqual([b.office, b.day, b.start, b.accompanier]);
      // Everyone who was there still is (a freed seat may have gone to someone new).
      expect(m.rows).toEqual(expect.arrayContaining(b.rows.filter((r) => r !== gone)));
    }
    expect(again.meetings.some((m) => m.attendees.some((p) => p.rsvp.row === gone))).toBe(false);
    // One line per meeting the person was in, and one for each meeting they led.
    const theirs = fresh.meetings.filter((m) => m.attendees.some((p) => p.rsvp.row === gone));
    expect(again.notKept).toEqual(expect.arrayContaining(theirs.map((m) => (
      { meetingId: m.id, what: 'participant', code: 'cancelled', rsvpRow: gone, reason: expect.stringContaining('no longer among the participants') }))));
    expect(again.notKept.filter((n) => n.what === 'lead').map((n) => n.meetingId).sort()).toEqual(theirs.filter((m) => m.lead?.rsvp.row === gone).map((m) => m.id).sort());
    expect(again.notKept).toHaveLength(theirs.length + theirs.filter((m) => m.lead?.rsvp.row === gone).length);
    const kept = again.meetings.find((m) => m.id === from.id)!;
    if (kept.attendees.some((p) => p.rsvp.lead)) expect(kept.lead?.rsvp.lead).toBe(true);
  });

  it('drops the meeting of an office that is no longer a target and places its people elsewhere', () => {
    const [sa, sb, rep] = [office('S-IL-A'), office('S-IL-B'), office('H-IL-05')];
    const start: StartingMeeting[] = [
      { meetingId: 'M001', officeId: rep.id, day: '2020-07-14', start: '10:00', rsvpRows: [4, 5], leadRow: 4 },
      { meetingId: 'M002', officeId: sa.id, day: '2020-07-14', start: '11:00', rsvpRows: [2, 3] },
    ];
    // The House office left the targets, so matching no longer gives it to rows 4 and 5.
    const people = rankParticipants([person(2, [sa], all), person(3, [sa], all), person(4, [sa, sb], all, { lead: true }), person(5, [sa, sb], all)]);
    const r = scheduleMeetings({ event: { ...event, maxGroup: 2 }, slots, offices: [sa, sb], participants: people }, { start });
    expect(r.notKept).toEqual([{ meetingId: 'M001', what: 'meeting', code: 'office-not-target', reason: 'H-IL-05 is no longer a target office' }]);
    expect(strip(r.meetings).map((m) => [m.id, m.office, m.day, m.start, m.rows])).toEqual([
      ['M003', 'S-IL-B', '2020-07-14', '10:00', [4, 5]],
      ['M002', 'S-IL-A', '2020-07-14', '11:00', [2, 3]],
    ]);
  });

  it('seats new participants in the meetings already planned before making new ones', () => {
    const sa = office('S-IL-A');
    const start: StartingMeeting[] = [{ meetingId: 'M007', officeId: sa.id, day: '2020-07-15', start: '14:00', rsvpRows: [2, 3], accompanierName: '  aubrey   LEE ', link: 'https://meet.example/x' }];
    const people = rankParticipants([person(2, [sa], all), person(3, [sa], all), person(9, [sa], all)]);
    const r = scheduleMeetings({ event: { ...event, maxMeetingsPerOffice: 2 }, slots, offices: [sa], participants: people, staff: [staffer(2, 'Aubrey Lee', all)] }, { start });
    // A fresh run would meet at 10:00 on the first day; the kept meeting stays at its time and takes row 9.
    expect(strip(r.meetings)).toEqual([{ id: 'M007', office: 'S-IL-A', day: '2020-07-15', start: '14:00', status: 'proposed', accompanier: 'Aubrey Lee', lead: undefined, rows: [2, 3, 9] }]);
    expect(r.meetings[0]!.link).toBe('https://meet.example/x');
    expect(r.notKept).toEqual([]);
  });

  it('says why a person, an accompanier or a whole meeting could not be kept', () => {
    const [sa, sb] = [office('S-IL-A'), office('S-IL-B')];
    const start: StartingMeeting[] = [
      { meetingId: 'M001', officeId: sa.id, day: '2020-07-14', start: '10:00', rsvpRows: [2, 3, 4], accompanierName: 'Dana Gone' },
      { meetingId: 'M002', officeId: sb.id, day: '2020-07-14', start: '10:00', rsvpRows: [2, 5], accompanierName: 'Bo Chen' },
      { meetingId: 'M003', officeId: sb.id, day: '2020-07-20', start: '10:00', rsvpRows: [6] },
    ];
    const people = rankParticipants([
      person(2, [sa, sb], all), person(3, [sb], all), person(4, [sa], at(1, '10:00')), person(5, [sa, sb], all), person(6, [sb], all),
    ]);
    const staff = [staffer(2, 'Aubrey Lee', all), staffer(3, 'Bo Chen', at(2, '10:00'))];
    const r = scheduleMeetings({ event, slots, offices: [sa, sb], participants: people, staff }, { start });
    expect(r.notKept.map((n) => [n.meetingId, n.what, n.code, n.rsvpRow])).toEqual([
      ['M001', 'participant', 'not-constituent', 3],
      ['M001', 'participant', 'not-free', 4],
      ['M001', 'accompanier', 'accompanier-changed', undefined],
      ['M002', 'participant', 'double-booked', 2],
      ['M002', 'accompanier', 'accompanier-changed', undefined],
      ['M003', 'meeting', 'time-not-in-event', undefined],
    ]);
    expect(r.notKept[2]!.reason).toBe('Dana Gone is no longer on the staff list');
    expect(r.notKept[4]!.reason).toBe('Bo Chen is no longer available at 2020-07-14 10:00');
    const m1 = r.meetings.find((m) => m.id === 'M001')!;
    expect([m1.start, m1.accompanier?.name, m1.attendees.map((p) => p.rsvp.row)]).toEqual(['10:00', 'Aubrey Lee', [2]]);
    // Nobody is in two meetings at once, and no id names two meetings.
    expect(new Set(r.meetings.map((m) => m.id)).size).toBe(r.meetings.length);
    expect(r.meetings.map((m) => m.id)).not.toContain('M003');
  });

  it('keeps an office-confirmed time even off the grid, and drops a meeting nobody can still attend', () => {
    const [sa, sb] = [office('S-IL-A'), office('S-IL-B')];
    const start: StartingMeeting[] = [
      { meetingId: 'M004', officeId: sa.id, day: '2020-07-16', start: '10:15', rsvpRows: [2], link: 'https://meet.example/c', locked: true },
      { meetingId: 'M005', officeId: sb.id, day: '2020-07-14', start: '15:00', rsvpRows: [3] },
    ];
    // Row 3 can no longer come at 15:00.
    const people = rankParticipants([person(2, [sa], all), person(3, [sb], at(0, '10:00'))]);
    const r = scheduleMeetings({ event, slots, offices: [sa, sb], participants: people }, { start });
    expect(r.notKept.map((n) => [n.meetingId, n.what, n.code, n.rsvpRow])).toEqual([
      ['M005', 'participant', 'not-free', 3],
      ['M005', 'meeting', 'meeting-empty', undefined],
    ]);
    expect(r.meetings.map((m) => [m.id, m.office.id, m.day, m.start, m.end, m.status, m.link, m.attendees.map((p) => p.rsvp.row)])).toEqual([
      ['M006', 'S-IL-B', '2020-07-14', '10:00', '10:30', 'needs accompanier', '', [3]],
      ['M004', 'S-IL-A', '2020-07-16', '10:15', '10:45', 'confirmed', 'https://meet.example/c', [2]],
    ]);
  });
});
