import { describe, expect, it } from 'vitest';
import { rankParticipants } from '../../src/match/match.js';
import { officesStatusTable, meetingStatuses, parseStatus, readOfficeReplies } from '../../src/process/offices.js';
import { officeRows } from '../../src/folder/offices.js';
import type { Problem } from '../../src/problems.js';
import { parseDateCell, parseTimeCell } from '../../src/process/cells.js';
import { scheduleMeetings } from '../../src/schedule/scheduler.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

const sen = office('S-IL-DALTON', { member: 'Sen. Richard Dalton', phone: '(202) 224-2235' });
const rep = office('H-IL-05', { member: 'Rep. Maria Kowalski', tier: 2 });
const cnt = office('H-IL-09', { member: 'Rep. Jan Schakowsky' });
const offices = [sen, rep, cnt];
const HEADER = ['chamber', 'state', 'district', 'member', 'party', 'tier', 'scheduler_email', 'office_phone', 'status', 'date', 'start', 'end', 'link', 'notes', 'meeting_id'];
const row = (member: string, status: string, date = '', start = '', link = '', notes = '', id = '') =>
  ['', 'IL', '', member, 'D', '1', '', '', status, date, start, '', link, notes, id];

describe('offices.csv statuses', () => {
  it('reads the statuses as organizers type them, and refuses words it does not know', () => {
    expect(['To Request', ' requested ', 'CONFIRMED', 'Declined', 'to-request', 'to_request', ''].map(parseStatus)).toEqual(['to request', 'requested', 'confirmed', 'declined', 'to request', 'to request', '']);
    expect(parseStatus('maybe')).toBeUndefined();
  });

  it('reads dates and times as Excel re-saves them', () => {
    expect(parseDateCell('7/15/2020', event)).toBe('2020-07-15');
    expect(parseDateCell('2020-07-16 00:00:00', event)).toBe('2020-07-16');
    expect(parseDateCell('44027', event)).toBe('2020-07-15');
    expect(parseDateCell('Wed July 15', event)).toBe('2020-07-15');
    expect(parseTimeCell('2pm', '2020-07-15', event)).toBe('14:00');
    expect(parseTimeCell('2:30:00 PM', '2020-07-15', event)).toBe('14:30');
    expect(parseTimeCell('0.4375', '2020-07-15', event)).toBe('10:30');
  });

  it('keeps a confirmed time, a declined office and notes; names the row of each edit it cannot keep', () => {
    const sheet = { name: 'offices', rows: [HEADER,
      row('Sen. Richard Dalton', 'Confirmed', '7/15/2020', '2:30:00 PM', 'https://meet.example/d', 'talked to Sam', 'M001'),
      row('Rep. Maria Kowalski', ' declined ', '', '', '', 'awg: no meeting: x'),
      row('Rep. Jan Schakowsky', 'confirmed', '7/20/2020', '10:00', '', '', 'M003'),
      row('Rep. Nobody', 'requested'),
      row('Rep. Jan Schakowsky', 'perhaps'),
      row('Rep. Jan Schakowsky', 'confirmed', '2020-07-14', '17:00'),
    ] };
    const read: Problem[] = [];
    const { replies, problems } = readOfficeReplies(officeRows(sheet, { file: 'offices.csv' }, read), event, offices);
    expect(read).toEqual([]);
    expect(replies.map((r) => [r.office.id, r.status, r.day, r.start, r.link, r.notes])).toEqual([
      ['S-IL-DALTON', 'confirmed', '2020-07-15', '14:30', 'https://meet.example/d', 'talked to Sam'],
      ['H-IL-05', 'declined', undefined, undefined, '', ''],
      // A confirmed time awg cannot use, and a status it does not know, stay the organizer's: the office counts as asked.
      ['H-IL-09', 'requested', undefined, undefined, '', ''],
      ['H-IL-09', 'requested', undefined, undefined, '', ''],
    ]);
    expect(replies[2]!.typed).toEqual({ status: 'confirmed', date: '7/20/2020', start: '10:00' });
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, 'date', 'not-an-event-day'], [5, 'member', 'unknown-office'], [6, 'status', 'status-note'], [7, 'start', 'outside-window'], [7, 'status', 'office-in-two-rows'],
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error', 'warning', 'error', 'warning']);
    expect(problems.every((p) => p.file === 'offices.csv')).toBe(true);
  });

  it('writes one row per office: "to request" for each proposed meeting, the reason for an office without one', () => {
    const people = rankParticipants([
      { rsvp: rsvp(2, { state: 'IL' }), location: { state: 'IL' }, offices: [sen], bestTier: 1 },
    ]);
    const r = scheduleMeetings({ event, slots, offices, participants: people });
    const t = officesStatusTable({ offices, meetings: r.meetings, uncovered: r.uncovered });
    expect(t.columns).toEqual(HEADER);
    const byMember = new Map(t.rows.map((x) => [x[3], x]));
    const m = r.meetings[0]!;
    expect(byMember.get('Sen. Richard Dalton')!.slice(8)).toEqual(['to request', m.day, m.start, m.end, '', `awg: send the request drafted in requests/ (${m.id}), then run awg sent --schedule on this folder`, m.id]);
    expect(byMember.get('Rep. Maria Kowalski')![8]).toBe('');
    expect(String(byMember.get('Rep. Maria Kowalski')![13])).toMatch(/^awg: no meeting: /);
    // A recorded reply carries over: requested stays requested (no second request), declined stays declined.
    const replies = [{ row: 2, office: sen, meetingId: m.id, status: 'requested' as const, link: '', notes: 'sent 6/1' }, { row: 3, office: rep, meetingId: '', status: 'declined' as const, link: '', notes: '' }];
    expect(meetingStatuses(r.meetings, replies).get(m.id)).toBe('requested');
    const again = officesStatusTable({ offices, meetings: r.meetings, uncovered: r.uncovered, replies });
    expect(again.rows.find((x) => x[3] === 'Sen. Richard Dalton')!.slice(8, 9).concat(again.rows.find((x) => x[3] === 'Sen. Richard Dalton')![13])).toEqual(['requested', 'sent 6/1']);
    expect(again.rows.find((x) => x[3] === 'Rep. Maria Kowalski')![8]).toBe('declined');
    // A confirmed time recorded for an office that has no meeting is kept as written, not wiped.
    const confirmedNoMeeting = [{ row: 3, office: rep, meetingId: '', status: 'confirmed' as const, day: '2020-07-15', start: '10:00', link: '', notes: '' }];
    const kept = officesStatusTable({ offices, meetings: r.meetings, uncovered: r.uncovered, replies: confirmedNoMeeting }).rows.find((x) => x[3] === 'Rep. Maria Kowalski')!;
    expect(kept.slice(8, 11)).toEqual(['confirmed', '2020-07-15', '10:00']);
    expect(String(kept[13])).toMatch(/^awg: no meeting: /);
  });
});
