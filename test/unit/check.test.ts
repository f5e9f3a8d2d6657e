// Each rule `awg check` enforces, on a small folder that holds every rule, broken one edit at a time.
import { describe, expect, it } from 'vitest';
import { checkSchedule, type CheckContext } from '../../src/check/check.js';
import { attendeeRows, listRows, meetingRows } from '../../src/folder/rows.js';
import type { Participant, Unmatched } from '../../src/match/match.js';
import type { Problem } from '../../src/problems.js';
import { parseDelimitedText } from '../../src/read/table.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

const dalton = office('S-IL-Dalton');
const brandt = office('H-IL-9');
const cruz = office('S-TX-Cruz');
const ana = rsvp(2, { firstName: 'Ana', lastName: 'López', email: 'ana@example.org', state: 'IL' });
const ben = rsvp(3, { firstName: 'Ben', lastName: 'Okafor', email: 'ben@example.org', state: 'IL' });
const cy = rsvp(4, { firstName: 'Cy', lastName: 'Tran', email: 'cy@example.org', state: 'TX', availability: { slots: slots.filter((s) => s.start < '12:00').map((s) => s.index), blank: false, cannotJoin: false, unreadable: [] } });
const dee = rsvp(5, { firstName: 'Dee', lastName: 'Park', email: 'dee@example.org', state: 'IL' });
const eve = rsvp(6, { firstName: 'Eve', lastName: 'Adams', email: 'eve@example.org' });
const fay = rsvp(7, { firstName: 'Fay', lastName: 'Ng', email: 'fay@example.org', state: 'IL' });
const participant = (r: typeof ana, offices: typeof dalton[]): Participant => ({ rsvp: r, location: { state: r.state ?? '' }, offices, bestTier: 1, rank: 1 });

const ctx: CheckContext = {
  event, rsvpFile: 'rsvps.csv', slots, offices: [dalton, brandt, cruz], rsvps: [ana, ben, cy, dee, eve, fay],
  participants: [participant(ana, [dalton, brandt]), participant(ben, [dalton]), participant(cy, [cruz]), participant(fay, [dalton])],
  unmatched: [
    { rsvp: dee, code: 'cannot-join', reason: 'cannot join any meeting time', fix: '', digital: true } as Unmatched,
    { rsvp: eve, code: 'no-state', reason: 'no usable state', fix: 'Add the state.', digital: false } as Unmatched,
  ],
};

const MEETINGS = [
  'meeting_id,date,start,end,chamber,state,district,member,accompanier,lead',
  'M001,2020-07-14,10:00,10:30,Senate,IL,,Sen. Dalton,Rae Morgan,Ana López',
  'M002,2020-07-14,11:00,11:30,Senate,TX,,Sen. Cruz,Rae Morgan,',
];
const ATTENDEES = [
  'meeting_id,date,start,end,member,role,first_name,last_name,email,rsvp_row',
  'M001,2020-07-14,10:00,10:30,Sen. Dalton,lead,Ana,López,ana@example.org,2',
  'M001,2020-07-14,10:00,10:30,Sen. Dalton,participant,Ben,Okafor,ben@example.org,3',
  'M001,2020-07-14,10:00,10:30,Sen. Dalton,participant,Fay,Ng,fay@example.org,7',
  'M002,2020-07-14,11:00,11:30,Sen. Cruz,participant,Cy,Tran,cy@example.org,4',
];
const DIGITAL = ['rsvp_row,first_name,last_name,email,reason_code,reason', '5,Dee,Park,dee@example.org,cannot-join,x'];
const UNMATCHED = ['rsvp_row,first_name,last_name,email,reason_code,reason', '6,Eve,Adams,eve@example.org,no-state,x'];

interface Edit { meetings?: (l: string[]) => string[]; attendees?: (l: string[]) => string[]; digital?: (l: string[]) => string[] }

function run(edit: Edit = {}, extra: Partial<CheckContext> = {}): Problem[] {
  const sheet = (lines: string[], file: string) => parseDelimitedText(`${lines.join('\r\n')}\r\n`, file).sheets[0]!;
  const problems: Problem[] = [];
  const days = event.days;
  const folder = {
    meetings: meetingRows(sheet((edit.meetings ?? ((l) => l))([...MEETINGS]), 'meetings.csv'), { file: 'meetings.csv' }, days, problems),
    attendees: attendeeRows(sheet((edit.attendees ?? ((l) => l))([...ATTENDEES]), 'attendees.csv'), { file: 'attendees.csv' }, days, problems),
    lists: [
      ...listRows(sheet((edit.digital ?? ((l) => l))([...DIGITAL]), 'digital-advocacy.csv'), { file: 'digital-advocacy.csv' }, 'digital-advocacy.csv', problems),
      ...listRows(sheet(UNMATCHED, 'unmatched.csv'), { file: 'unmatched.csv' }, 'unmatched.csv', problems),
    ],
  };
  return [...problems, ...checkSchedule(folder, { ...ctx, ...extra }).problems];
}
const set = (i: number, fn: (s: string) => string) => (l: string[]) => l.map((x, k) => (k === i ? fn(x) : x));
const drop = (i: number) => (l: string[]) => l.filter((_, k) => k !== i);
const add = (line: string) => (l: string[]) => [...l, line];

describe('awg check rules', () => {
  it('finds nothing wrong with a sound folder', () => {
    expect(run()).toEqual([]);
  });

  it.each<[string, Edit, string, 'error' | 'warning', string, number, RegExp]>([
    ['a meeting with no meeting_id', { meetings: set(2, (s) => s.replace('M002', '')) }, 'missing-id', 'error', 'meetings.csv', 3, /Sen\. Cruz has no meeting_id/],
    ['a meeting_id used twice', { meetings: add('M001,2020-07-15,10:00,10:30,House,IL,IL-09,Rep. H-IL-9,,') }, 'duplicate-id', 'error', 'meetings.csv', 4, /M001 is used twice \(meetings\.csv row 2/],
    ['an office that is not a target', { meetings: set(2, (s) => s.replace('Sen. Cruz', 'Sen. Nobody').replace(',TX,', ',ZZ,')) }, 'unknown-office', 'error', 'meetings.csv', 3, /M002: .*Sen\. Nobody.*not a target office/],
    ['a day outside the event', { meetings: set(1, (s) => s.replace('2020-07-14', '2020-07-20')) }, 'not-an-event-day', 'error', 'meetings.csv', 2, /"2020-07-20" is not one of the event's days/],
    ['a time awg cannot read', { meetings: set(1, (s) => s.replace(',10:00,', ',ten,')) }, 'unreadable-time', 'error', 'meetings.csv', 2, /"ten" is not a start time/],
    ['a time outside the window', { meetings: set(2, (s) => s.replace('11:00,11:30', '17:00,17:30')), attendees: set(4, (s) => s.replace('11:00,11:30', '17:00,17:30')) }, 'outside-window', 'error', 'meetings.csv', 3, /17:00–17:30 is outside the meeting window/],
    ['an office over its meeting limit', { meetings: add('M003,2020-07-15,10:00,10:30,Senate,IL,,Sen. Dalton,,'), attendees: add('M003,,,,,participant,Ben,Okafor,ben@example.org,3') }, 'too-many-meetings', 'error', 'meetings.csv', 4, /Sen\. Dalton has 2 meetings \(M001, M003\)/],
    ['an accompanier in two places', { meetings: set(2, (s) => s.replace('11:00,11:30', '10:00,10:30')), attendees: set(4, (s) => s.replace('11:00,11:30', '10:00,10:30')) }, 'accompanier-conflict', 'error', 'meetings.csv', 3, /Rae Morgan accompanies two meetings at once: M001/],
    ['a meeting of nobody', { attendees: drop(4) }, 'empty-meeting', 'error', 'meetings.csv', 3, /M002 \(Sen\. Cruz, 2020-07-14 11:00\) has no participants/],
    ['a meeting over capacity', { meetings: set(1, (s) => s) }, 'over-capacity', 'error', 'meetings.csv', 2, /M001 \(Sen\. Dalton\) has 3 participants; the limit is 2/],
    ['a meeting under the minimum', {}, 'under-capacity', 'warning', 'meetings.csv', 3, /M002 \(Sen\. Cruz\) has 1 participant; the minimum is 2/],
    ['a lead who is not a participant', { meetings: set(1, (s) => s.replace('Ana López', 'Zed Nobody')) }, 'lead-not-attending', 'error', 'meetings.csv', 2, /the lead Zed Nobody is not one of its participants/],
    ['an attendee in a meeting that does not exist', { attendees: set(4, (s) => s.replace('M002', 'M009')) }, 'unknown-meeting', 'error', 'attendees.csv', 5, /Cy Tran <cy@example\.org> is in meeting M009/],
    ['the files disagreeing on a meeting\'s time', { meetings: set(2, (s) => s.replace('11:00,11:30', '11:30,12:00')) }, 'files-disagree', 'error', 'attendees.csv', 5, /Cy Tran .* this row and meetings\.csv row 3 disagree on it: start 11:00 here, 11:30 there/],
    ['the files disagreeing on a meeting\'s date', { attendees: set(4, (s) => s.replace('2020-07-14', '2020-07-15')) }, 'files-disagree', 'error', 'attendees.csv', 5, /date 2020-07-15 here, 2020-07-14 there/],
    ['the files disagreeing on a meeting\'s office', { attendees: set(4, (s) => s.replace(',Sen. Cruz,', ',Sen. Dalton,')) }, 'files-disagree', 'error', 'attendees.csv', 5, /member Sen\. Dalton here, Sen\. Cruz there/],
    ['someone who did not RSVP', { attendees: add('M002,,,,,participant,Gus,Grey,gus@example.org,') }, 'not-an-rsvp', 'error', 'attendees.csv', 6, /Gus Grey <gus@example\.org> is not an RSVP/],
    ['an rsvp_row that is another person\'s', { attendees: set(2, (s) => s.replace(',3', ',4')) }, 'rsvp-row-mismatch', 'error', 'attendees.csv', 3, /rsvp_row 4 is Cy Tran <cy@example\.org> \(RSVP row 4\), while this email is Ben Okafor/],
    ['an email that is not the rsvp_row\'s', { attendees: set(2, (s) => s.replace('ben@example.org', 'benny@example.org')) }, 'rsvp-row-mismatch', 'error', 'attendees.csv', 3, /rsvp_row 3 is Ben Okafor <ben@example\.org> \(RSVP row 3\), not this email/],
    ['an rsvp_row left blank', { attendees: set(2, (s) => s.replace(/,3$/, ',')) }, 'rsvp-row-mismatch', 'error', 'attendees.csv', 3, /Ben Okafor <ben@example\.org>: ben@example\.org is RSVP row 3, not rsvp_row \(blank\)/],
    ['a lost column', { attendees: (l) => l.map((x) => x.split(',').slice(0, -1).join(',')) }, 'missing-column', 'error', 'attendees.csv', 1, /has lost its column rsvp_row/],
    ['a person listed twice in a meeting', { attendees: add('M001,,,,,participant,Ben,Okafor,ben@example.org,3') }, 'listed-twice', 'error', 'attendees.csv', 6, /Ben Okafor <ben@example\.org> \(RSVP row 3\) is listed twice in M001 \(attendees\.csv row 3/],
    ['an unmatched RSVP in a meeting', { attendees: add('M002,,,,,participant,Eve,Adams,eve@example.org,6') }, 'not-matched', 'error', 'attendees.csv', 6, /Eve Adams <eve@example\.org> \(RSVP row 6\) cannot be in a meeting: no usable state/],
    ['a non-constituent', { attendees: add('M002,,,,,participant,Ben,Okafor,ben@example.org,3') }, 'not-constituent', 'error', 'attendees.csv', 6, /Ben Okafor .* is not a constituent of Sen\. Cruz \(M002\); they can meet Sen\. Dalton/],
    ['a person not free then', { meetings: set(2, (s) => s.replace('11:00,11:30', '14:00,14:30')), attendees: set(4, (s) => s.replace('11:00,11:30', '14:00,14:30')) }, 'not-available', 'warning', 'attendees.csv', 5, /Cy Tran .* did not say they can attend M002 on 2020-07-14 at 14:00/],
    ['a person in two meetings at once', { meetings: add('M003,2020-07-14,10:00,10:30,House,IL,IL-09,Rep. H-IL-9,,'), attendees: add('M003,,,,,participant,Ana,López,ana@example.org,2') }, 'double-booked', 'error', 'attendees.csv', 6, /Ana López <ana@example\.org> \(RSVP row 2\) is in two meetings at once: M001 and M003/],
    ['a person meeting one office twice', { meetings: add('M003,2020-07-15,10:00,10:30,Senate,IL,,Sen. Dalton,,'), attendees: add('M003,,,,,participant,Ben,Okafor,ben@example.org,3') }, 'same-office-twice', 'error', 'attendees.csv', 6, /Ben Okafor .* meets Sen\. Dalton twice \(M001 and M003\)/],
    ['an RSVP taken out of every meeting and on no list', { attendees: drop(3) }, 'on-no-list', 'warning', 'rsvps.csv', 7, /Fay Ng <fay@example\.org> \(RSVP row 7\) is in no meeting and on no list .* awg update puts them on digital-advocacy\.csv/],
    ['an RSVP in a meeting and still on digital advocacy', { digital: add('7,Fay,Ng,fay@example.org,meetings-full,x') }, 'on-two-lists', 'warning', 'digital-advocacy.csv', 3, /Fay Ng .* is in M001 and still on digital-advocacy\.csv; awg update takes them off it/],
    ['an RSVP on two lists', { digital: add('6,Eve,Adams,eve@example.org,x,x') }, 'on-two-lists', 'error', 'unmatched.csv', 2, /Eve Adams .* is on two lists/],
    ['a lead changed in attendees.csv only', { attendees: set(2, (s) => s.replace('participant', 'lead')) }, 'lead-disagrees', 'warning', 'attendees.csv', 3, /Ben Okafor .* is the lead of M001 here, but meetings\.csv row 2 names Ana López; awg update takes the lead from meetings\.csv/],
    ['a row swallowed by an open quote', { attendees: (l) => [...l.slice(0, 3), `M001,2020-07-14,10:00,10:30,Sen. Dalton,participant,"Fay,Ng,fay@example.org,7\r\n${l[4]}",x`] }, 'stray-quote', 'error', 'attendees.csv', 4, /a quote opens a cell in row 4 .* would swallow row 5/],
    ['a merged row', { attendees: set(4, (s) => `${s},M001,,,,,participant,Dee,Park,dee@example.org,5`) }, 'merged-row', 'error', 'attendees.csv', 5, /two rows may have been merged/],
  ])('reports %s', (_name, edit, code, severity, file, row, message) => {
    const problems = run(edit, _name === 'a meeting over capacity' ? { event: { ...event, maxGroup: 2 } } : _name === 'a meeting under the minimum' ? { event: { ...event, minGroup: 2 } } : {});
    const p = problems.find((x) => x.code === code);
    expect(p, JSON.stringify(problems, null, 1)).toBeDefined();
    expect(p).toMatchObject({ severity, file, row });
    expect(p!.message).toMatch(message);
  });

  it('lets a person swapped in from digital advocacy be (the lists are derived): only a warning that update takes them off it', () => {
    const problems = run({ attendees: add('M001,,,,,participant,Dee,Park,dee@example.org,5') }, { participants: [...ctx.participants, participant(dee, [dalton])], unmatched: ctx.unmatched.filter((u) => u.rsvp !== dee) });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['on-two-lists']);
  });

  it('lets a constituent swapped in from digital advocacy whose RSVP said they cannot join be, with a warning that says so (not a refusal)', () => {
    const cannot = { rsvp: dee, code: 'cannot-join', reason: 'cannot join any meeting time: "away all week"', fix: 'Send them the digital-advocacy toolkit.', digital: true, location: { state: 'IL' }, offices: [dalton] } as Unmatched;
    const unmatched = [cannot, ...ctx.unmatched.filter((u) => u.rsvp !== dee)];
    const problems = run({ attendees: add('M001,,,,,participant,Dee,Park,dee@example.org,5') }, { unmatched });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['swapped-in', 'on-two-lists']);
    expect(problems[0]).toMatchObject({ file: 'attendees.csv', row: 6, message: 'Dee Park <dee@example.org> (RSVP row 5) is in M001, though their RSVP kept them out of every meeting: cannot join any meeting time: "away all week"' });
    // Not a constituent of the meeting's office: still an error.
    const cruzMeeting = run({ attendees: add('M002,,,,,participant,Dee,Park,dee@example.org,5') }, { unmatched });
    expect(cruzMeeting.find((p) => p.code === 'not-constituent')).toMatchObject({ severity: 'error', row: 6 });
  });

  it('checks accompaniers against the staff list: on it, free, within the daily limit', () => {
    const staff = [{ row: 2, name: 'Rae Morgan', email: 'rae@x.org', phone: '', organization: '', slots: [0] }];
    const problems = run({}, { staff, event: { ...event, maxMeetingsPerDay: 1 } });
    expect(problems.map((p) => [p.code, p.severity, p.row])).toEqual([['accompanier-unavailable', 'warning', 3], ['accompanier-overloaded', 'error', 3]]);
    const unknown = run({ meetings: set(1, (s) => s.replace('Rae Morgan', 'Nobody Known')) }, { staff });
    expect(unknown.find((p) => p.code === 'unknown-accompanier')).toMatchObject({ row: 2, message: 'M001: Nobody Known is not on the staff list' });
  });

  describe('in person: walking time between two meetings in a row', () => {
    const hill = { ...event, format: 'in-person' as const, meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 };
    const inHart = office('S-IL-Dalton', { address: '524 Hart Senate Office Building' });
    const inRayburn = office('H-IL-9', { address: '2408 Rayburn House Office Building' });
    const offices = [inHart, inRayburn, cruz];
    const participants = [participant(ana, [inHart, inRayburn]), participant(ben, [inHart]), participant(cy, [cruz]), participant(fay, [inHart])];
    const walk = (start: string, end: string, room?: string, over: Partial<CheckContext> = {}) => run({
      meetings: (l) => [...(room === undefined ? l : [`${l[0]},room`, ...l.slice(1).map((x) => `${x},`)]), `M003,2020-07-14,${start},${end},House,IL,IL-09,Rep. H-IL-9,,${room === undefined ? '' : `,${room}`}`],
      attendees: add(`M003,2020-07-14,${start},${end},Rep. H-IL-9,participant,Ana,López,ana@example.org,2`),
    }, { event: hill, offices, participants, ...over }).filter((p) => p.code === 'walking-time');

    it('names the person, both meetings with their offices and times, and the minutes the walk needs and has', () => {
      expect(walk('10:30', '10:50').map((p) => [p.file, p.row, p.severity, p.message])).toEqual([['attendees.csv', 6, 'error',
        'Ana López <ana@example.org> (RSVP row 2) needs 30 minutes to walk from Hart 524 to Rayburn 2408; has 0: M001 (Sen. Dalton, 2020-07-14 10:00–10:30) then M003 (Rep. H-IL-9, 10:30–10:50)']]);
      // Two slots on, the walk fits.
      expect(walk('11:00', '11:20')).toEqual([]);
    });

    it('reads the room of a room column of meetings.csv over the office\'s own', () => {
      expect(walk('10:30', '10:50', 'SH-216').map((p) => p.message)).toEqual([expect.stringContaining('needs 5 minutes to walk from Hart 524 to Hart 216; has 0')]);
      expect(walk('10:40', '11:00', 'SH-216')).toEqual([]);
      // Left blank, the office's own room.
      expect(walk('10:40', '11:00', '').map((p) => p.message)).toEqual([expect.stringContaining('needs 30 minutes to walk from Hart 524 to Rayburn 2408; has 10')]);
    });

    it('asks no walk of a meeting by video, nor of a virtual event', () => {
      const byVideo = office('H-IL-9', { address: '2408 Rayburn House Office Building', format: 'virtual' });
      expect(walk('10:30', '10:50', undefined, { offices: [inHart, byVideo, cruz], participants: [participant(ana, [inHart, byVideo]), ...participants.slice(1)] })).toEqual([]);
      expect(walk('10:30', '10:50', undefined, { event })).toEqual([]);
    });
  });
});
