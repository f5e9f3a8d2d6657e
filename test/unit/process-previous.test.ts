// A re-run's starting plan from an earlier folder: people found again across shifted rows, office
// replies applied, and what could not be kept reported by name.
import { describe, expect, it } from 'vitest';
import type { ScheduleFolder } from '../../src/folder/read.js';
import type { AttendeeRow, MeetingRow } from '../../src/folder/rows.js';
import { rankParticipants } from '../../src/match/match.js';
import type { TargetOffice } from '../../src/model.js';
import { personKey } from '../../src/identity.js';
import type { OfficeReply } from '../../src/process/offices.js';
import { finishRerun, rerunMatch, startingPlanFrom } from '../../src/process/previous.js';
import { planEvent } from '../../src/schedule/plan.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

const sen = office('S-IL-DALTON', { member: 'Sen. Richard Dalton' });
const rep = office('H-IL-05', { member: 'Rep. Maria Kowalski' });
const rep9 = office('H-IL-09', { member: 'Rep. Jan Schakowsky' });
const offices = [sen, rep, rep9];
const at = (day: string, start: string) => slots.filter((s) => s.day === day && s.start === start).map((s) => s.index);

const meeting = (row: number, id: string, o: TargetOffice, date: string, start: string, accompanier = 'TBD'): MeetingRow => ({
  file: 'meetings.csv', row, cells: { meeting_id: id, member: o.member, accompanier }, added: [], meetingId: id, date, dateText: date, start, startText: start, endText: '',
  chamber: o.chamber, state: o.state, district: o.chamber === 'House' ? `IL-0${o.district}` : '', member: o.member, accompanier, accompanierEmail: '', lead: '', link: '', status: 'proposed', notes: '',
});
const seat = (row: number, id: string, first: string, email: string, phone = '', role = 'participant'): AttendeeRow => ({
  file: 'attendees.csv', row, cells: { phone, email, first_name: first, last_name: 'T' }, added: [], meetingId: id, rsvpRowText: '', firstName: first, lastName: 'T', email, role,
  dateText: '', startText: '', member: '',
});

describe('a re-run from an earlier folder', () => {
  // The earlier run: Ana and Ben with the Senator, Ana and Dee (no email) with Kowalski, Eve with Schakowsky.
  const folder: ScheduleFolder = {
    dir: 'earlier', source: 'csv', lists: [], offices: [], coverage: [], problems: [],
    meetings: [meeting(2, 'M001', sen, '2020-07-14', '10:00'), meeting(3, 'M002', rep, '2020-07-14', '11:00'), meeting(4, 'M003', rep9, '2020-07-15', '10:00')],
    attendees: [seat(2, 'M001', 'Ana', 'ana@x.org', '', 'lead'), seat(3, 'M001', 'Ben', 'ben@x.org'), seat(4, 'M002', 'Ana', 'ana@x.org'), seat(5, 'M002', 'Dee', '', '(312) 555-0104'), seat(6, 'M003', 'Eve', 'eve@x.org')],
  };
  // The new export: Ben is gone, rows shifted, Fay is new; Dee has no email and is found by name and phone.
  const all = slots.map((s) => s.index);
  const rsvps = [
    rsvp(2, { firstName: 'Dee', lastName: 'T', email: '', emailValid: false, phone: '312.555.0104', phoneValid: true, state: 'IL', availability: { slots: at('2020-07-14', '11:00'), blank: false, cannotJoin: false, unreadable: [] } }),
    rsvp(3, { firstName: 'Eve', lastName: 'T', email: 'eve@x.org', state: 'IL' }),
    rsvp(4, { firstName: 'Ana', lastName: 'T', email: 'ana@x.org', state: 'IL', lead: true }),
    rsvp(5, { firstName: 'Fay', lastName: 'T', email: 'fay@x.org', state: 'IL', availability: { slots: all, blank: true, cannotJoin: false, unreadable: [] } }),
  ];
  const replies: OfficeReply[] = [
    { row: 5, office: rep, meetingId: 'M002', status: 'confirmed', day: '2020-07-15', start: '13:00', link: 'https://meet.example/k', notes: '' },
    { row: 4, office: rep9, meetingId: 'M003', status: 'declined', link: '', notes: '' },
  ];
  const rerun = startingPlanFrom({ folder, replies, rsvps, supersededBy: new Map(), offices, maxMeetingsPerDay: event.maxMeetingsPerDay });

  it('finds people again by email, then name and phone, never by row, and applies the offices\' replies', () => {
    expect(rerun.start).toEqual([
      { meetingId: 'M001', officeId: sen.id, day: '2020-07-14', start: '10:00', rsvpRows: [4], leadRow: 4 },
      { meetingId: 'M002', officeId: rep.id, day: '2020-07-15', start: '13:00', rsvpRows: [4, 2], link: 'https://meet.example/k', locked: true },
    ]);
    expect([...rerun.declinedMeetings]).toEqual(['M003']);
    expect([...rerun.declinedOffices]).toEqual([rep9.id]);
    // Ben cancelled (gone from the export) and Fay is new: changes of their own.
    expect([...rerun.own].sort()).toEqual([personKey('ben@x.org', 'Ben', 'T', ''), personKey('fay@x.org', 'Fay', 'T', '')].sort());
    // Ana's Kowalski meeting moved, so her schedule may change: she is not held to her earlier offices.
    expect(rerun.settled.has(4)).toBe(false);
  });

  it('schedules around it: a declined office\'s people go elsewhere or to digital advocacy saying so; a confirmed time someone cannot make is a warning naming them', () => {
    const match = {
      participants: rankParticipants(rsvps.map((r) => ({ rsvp: r, location: { state: 'IL' }, offices: r.firstName === 'Eve' ? [rep9] : [sen, rep], bestTier: 1 }))),
      unmatched: [], withoutDistrict: 0, locations: new Map(),
    };
    const plan = planEvent({ config: DEFAULT_CONFIG, slots, offices, match: rerunMatch(match, rerun), start: rerun.start });
    const problems = finishRerun(plan, rerun, rsvps, match);
    const m1 = plan.meetings.find((m) => m.id === 'M001')!;
    expect([m1.day, m1.start, m1.lead?.rsvp.row]).toEqual(['2020-07-14', '10:00', 4]);
    expect(m1.attendees.map((p) => p.rsvp.row)).toContain(5); // Fay joins the existing meeting
    const m2 = plan.meetings.find((m) => m.id === 'M002')!;
    expect([m2.day, m2.start, m2.link]).toEqual(['2020-07-15', '13:00', 'https://meet.example/k']);
    expect(m2.attendees.map((p) => p.rsvp.row)).not.toContain(2);
    expect(plan.meetings.some((m) => m.office.id === rep9.id)).toBe(false);
    expect(plan.digital.find((d) => d.rsvp.row === 3)).toMatchObject({ code: 'office-declined', reason: expect.stringContaining('Rep. Jan Schakowsky declined') });
    // The summary and coverage.csv say the office declined, not that no constituent can attend.
    expect(plan.uncovered.get(rep9.id)).toBe('the office declined the meeting (offices.csv)');
    const warning = problems.find((p) => p.code === 'confirmed-time-not-free')!;
    // Named at the offices.csv row where the reply set that time, not at the earlier meetings.csv row.
    expect(warning).toMatchObject({ severity: 'warning', file: 'offices.csv', row: 5 });
    // Dee is free only at a time none of her offices meets: the warning says where she is now, not that she was placed.
    expect(warning.message).toBe('M002 is confirmed at a time one of its people cannot make, who are taken out of it: Dee T (row 2), now in no meeting (digital advocacy)');
  });
});

describe('office replies that name no meeting by its ID', () => {
  const folder: ScheduleFolder = {
    dir: 'earlier', source: 'csv', lists: [], offices: [], coverage: [], problems: [],
    meetings: [meeting(2, 'M001', sen, '2020-07-14', '10:00')],
    attendees: [seat(2, 'M001', 'Ana', 'ana@x.org', '', 'lead')],
  };
  const rsvps = [rsvp(2, { firstName: 'Ana', lastName: 'T', email: 'ana@x.org', state: 'IL', lead: true })];

  it('a reply with its meeting_id cell blank still confirms its office\'s one meeting', () => {
    const replies: OfficeReply[] = [{ row: 4, office: sen, meetingId: '', status: 'confirmed', day: '2020-07-15', start: '11:00', link: '', notes: '' }];
    const rerun = startingPlanFrom({ folder, replies, rsvps, supersededBy: new Map(), offices, maxMeetingsPerDay: event.maxMeetingsPerDay });
    expect(rerun.start[0]).toMatchObject({ meetingId: 'M001', day: '2020-07-15', start: '11:00', locked: true });
    expect(rerun.problems).toEqual([]);
  });

  it('a confirmed reply for an office with no earlier meeting, or an unknown meeting ID, is a warning at its row, not dropped', () => {
    const replies: OfficeReply[] = [
      { row: 5, office: rep, meetingId: '', status: 'confirmed', day: '2020-07-15', start: '10:00', link: '', notes: '' },
      { row: 6, office: rep9, meetingId: 'M009', status: 'requested', link: '', notes: '' },
      { row: 7, office: sen, meetingId: 'M001', status: 'requested', link: '', notes: '' },
    ];
    const rerun = startingPlanFrom({ folder, replies, rsvps, supersededBy: new Map(), offices, maxMeetingsPerDay: event.maxMeetingsPerDay });
    expect(rerun.problems.map((p) => [p.code, p.file, p.row, p.column])).toEqual([
      ['reply-without-meeting', 'offices.csv', 5, 'meeting_id'], ['reply-without-meeting', 'offices.csv', 6, 'meeting_id'],
    ]);
    expect(rerun.problems[0]!.message).toBe('Rep. Maria Kowalski is marked confirmed for 2020-07-15 10:00, but the earlier schedule has no meeting with this office; this reply moves no meeting');
    expect(rerun.problems[1]!.message).toContain('M009 is not a meeting of the earlier schedule');
  });
});

describe('a row marked cancelled in the export', () => {
  it('is read from a status column (Mobilize, Eventbrite) or a yes under "Cancelled", and is not scheduled', async () => {
    const { normalizeRsvps } = await import('../../src/normalize/rsvps.js');
    const { matchConstituents } = await import('../../src/match/match.js');
    const rows = [
      ['Email', 'First Name', 'Last Name', 'State', 'ZIP', 'Status'],
      ['a@x.org', 'Ana', 'T', 'IL', '60614', 'Confirmed'],
      ['b@x.org', 'Ben', 'T', 'IL', '60201', ' CANCELLED '],
    ];
    const r = normalizeRsvps({ name: 'Sheet1', rows }, 'rsvps.csv', DEFAULT_CONFIG, slots);
    expect(r.rsvps.map((x) => x.cancelled ?? false)).toEqual([false, true]);
    const yes = normalizeRsvps({ name: 'Sheet1', rows: [['Email', 'Name', 'State', 'Cancelled?'], ['c@x.org', 'Cy T', 'IL', 'yes'], ['d@x.org', 'Di T', 'IL', '']] }, 'rsvps.csv', DEFAULT_CONFIG, slots);
    expect(yes.rsvps.map((x) => x.cancelled ?? false)).toEqual([true, false]);
    const match = matchConstituents(r.rsvps, new Map(), offices, event);
    expect(match.unmatched.find((u) => u.rsvp.email === 'b@x.org')).toMatchObject({ code: 'cancelled', digital: false });
    expect(match.participants.map((p) => p.rsvp.email)).toEqual(['a@x.org']);
  });
});
