// The column-level reading of issue 9: day headings, two header rows, columns chosen by their answers,
// possible duplicates, office contacts, the one table of zone words.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { buildSlots } from '../../src/event.js';
import type { Rsvp } from '../../src/model.js';
import { dayCellText, dayOfHeading, readsAsAvailability } from '../../src/normalize/availability.js';
import { answersLookLike, columnLetter } from '../../src/normalize/columns.js';
import { parseClockTime } from '../../src/normalize/confirmed.js';
import { findDuplicates } from '../../src/normalize/duplicates.js';
import { parseTimeZone } from '../../src/normalize/flags.js';
import { bodyRows, mapColumns, readHeaderRows } from '../../src/normalize/header.js';
import { recognizesRsvpHeader } from '../../src/normalize/rsvp-columns.js';
import { normalizeRsvps } from '../../src/normalize/rsvps.js';
import { normalizeStaff } from '../../src/normalize/staff.js';
import { zoneWord } from '../../src/normalize/zones.js';
import { normalizeTargets } from '../../src/normalize/targets.js';

const EVENT = DEFAULT_CONFIG.event;
const SLOTS = buildSlots(EVENT);

describe('columns headed by a day', () => {
  it.each([
    ['Tuesday, July 14', '2020-07-14'], ['Tue 7/14', '2020-07-14'], ['July 15', '2020-07-15'], ['7/16/2020', '2020-07-16'], ['2020-07-16', '2020-07-16'],
    ['Wednesday, July 15, 10am-12pm ET', '2020-07-15'],
  ])('"%s" is availability for %s', (header, day) => {
    expect(dayOfHeading(header, EVENT)).toEqual({ day });
  });
  it('a day outside the event is a day heading with no event day', () => {
    expect(dayOfHeading('Friday, July 17', EVENT)).toEqual({});
  });
  it.each(['Timestamp', 'Availability', 'Any other availability? (e.g. Tue after 2pm)', 'Which times can you join?', 'Start Date (UTC)', 'Any day'])(
    '"%s" is not a day heading', (header) => expect(dayOfHeading(header, EVENT)).toBeUndefined());
  it('a tick in a day column means the day (or the time) its heading names; n/a means no', () => {
    expect(dayCellText('x', 'Tuesday, July 14')).toBe('Tuesday, July 14');
    expect(dayCellText('Tuesday, July 14, 10am-12pm ET', 'Tuesday, July 14, 10am-12pm ET')).toBe('Tuesday, July 14, 10am-12pm ET');
    expect(dayCellText('N/A', 'Tuesday, July 14')).toBe('no');
    expect(dayCellText('after 2pm', 'Tuesday, July 14')).toBe('after 2pm');
  });
  it('answers made of days and times read as availability; yes/no, names and timestamps do not', () => {
    expect(readsAsAvailability('Tue 10am-12pm', EVENT)).toBe(true);
    expect(readsAsAvailability('mornings', EVENT)).toBe(true);
    for (const v of ['Yes', 'CRLN', '2020-06-22 13:00:07', 'depends on my schedule']) expect(readsAsAvailability(v, EVENT)).toBe(false);
  });
});

describe('the header rows', () => {
  it('reads SurveyMonkey\'s two header rows together: the sub-field, or the question where the sub-field is only "Response"', () => {
    const rows = [
      ['Respondent ID', 'Email Address', 'Contact information', '', '', 'Which times can you join?', '', 'Anything else?'],
      ['', '', 'Name', 'State/Province', 'Email Address', 'Tuesday, July 14', 'Wednesday, July 15', 'Open-Ended Response'],
      ['1189', '', 'Ana López', 'IL', 'ana@example.org', '10am-12pm ET', '', 'no'],
    ];
    expect(readHeaderRows(rows, recognizesRsvpHeader)).toEqual({
      index: 0, dataStart: 2, rows: [1, 2],
      headers: ['Respondent ID', 'Email Address', 'Name', 'State/Province', 'Email Address', 'Tuesday, July 14', 'Wednesday, July 15', 'Anything else?'],
    });
  });
  it('a title row above one header row is not a second header row', () => {
    const rows = [['AWG RSVPs'], ['Email', 'Name', 'State'], ['ana@example.org', 'Ana', 'IL']];
    expect(readHeaderRows(rows, recognizesRsvpHeader)).toMatchObject({ index: 1, dataStart: 2, rows: [2] });
  });
  it('gives a field the matching column that has answers over an empty one', () => {
    const m = mapColumns(['Email Address', 'Email Address'], [['email', /email/]] as const, {}, (i) => i === 1);
    expect(m.get('email')).toBe(1);
  });
  it('walks the rows after the header with their spreadsheet row numbers, blank rows skipped', () => {
    expect([...bodyRows([['h'], ['a'], [''], ['b']], 1)].map((r) => r.row)).toEqual([2, 4]);
  });
  it('names columns with spreadsheet letters', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });
});

describe('what an unused column\'s answers look like', () => {
  const kinds = { availability: (v: string) => readsAsAvailability(v, EVENT) };
  it.each([
    [['ana@example.org', 'ben@example.org'], 'email addresses'],
    [['60614', '02134-1234'], 'ZIP codes'],
    [['(312) 555-0101', '312.555.0102'], 'phone numbers'],
    [['IL', 'Massachusetts'], 'states'],
    [['Tue 10am-12pm', 'afternoons'], 'availability'],
    [['CRLN', 'AWG'], undefined],
    [['1187650000', '1187650007'], undefined],
  ])('%j look like %s', (values, kind) => expect(answersLookLike(values, kinds)).toBe(kind));
});

describe('RSVPs and staff with availability by day', () => {
  const sheet = (rows: string[][]) => ({ name: '', rows });
  it('an RSVP export with no availability column is a warning: everyone is free at every time', () => {
    const r = normalizeRsvps(sheet([['Email', 'Name', 'State'], ['ana@example.org', 'Ana', 'IL']]), 'r.csv', DEFAULT_CONFIG, SLOTS);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'no-availability-column', row: 1, severity: 'warning' })]);
    expect(r.rsvps[0]!.availability.blank).toBe(true);
  });
  it('a grid row or a heading naming a day outside the event is a warning, and its answers are ignored', () => {
    const r = normalizeRsvps(sheet([['Email', 'Name', 'State', 'Times [Friday, July 17]', 'Saturday, July 18', 'Times [Tuesday, July 14]'], ['a@example.org', 'Ana', 'IL', 'x', 'x', '10am-12pm']]), 'r.csv', DEFAULT_CONFIG, SLOTS);
    expect(r.problems.map((p) => [p.code, p.column])).toEqual([['grid-day-unknown', 'Times [Friday, July 17]'], ['day-outside-event', 'Saturday, July 18']]);
    expect(r.rsvps[0]!.availability.slots).toHaveLength(4);
  });
  it('an availability column found by its answers when its question does not say so', () => {
    const r = normalizeRsvps(sheet([['Email', 'Name', 'State', 'Best for you?'], ['a@example.org', 'Ana', 'IL', 'Tue mornings'], ['b@example.org', 'Ben', 'IL', 'Wed after 2pm']]), 'r.csv', DEFAULT_CONFIG, SLOTS);
    expect(r.columnMap.find((c) => c.header === 'Best for you?')?.use).toBe('availability (read from its answers)');
    expect(r.rsvps[0]!.availability.slots.map((i) => SLOTS[i]!.day)).toEqual(['2020-07-14', '2020-07-14', '2020-07-14', '2020-07-14']);
  });
  it('a staff list with one column per day: free on the days answered yes, at the times written', () => {
    const { staff, columnMap } = normalizeStaff(sheet([
      ['Name', 'Tuesday, July 14', 'Wednesday, July 15', 'Thursday, July 16'],
      ['Aubrey', 'yes', 'no', 'n/a'],
      ['Rae', 'mornings', '', 'No'],
    ]), 'staff.csv', DEFAULT_CONFIG, SLOTS);
    const days = (slots: number[]) => [...new Set(slots.map((i) => SLOTS[i]!.day))];
    expect(days(staff[0]!.slots)).toEqual(['2020-07-14']);
    expect(staff[0]!.slots).toHaveLength(12);
    expect(staff[1]!.slots.map((i) => SLOTS[i]!.start)).toEqual(['10:00', '10:30', '11:00', '11:30']);
    expect(columnMap.map((c) => c.use)).toEqual(['full name', 'availability on 2020-07-14', 'availability on 2020-07-15', 'availability on 2020-07-16']);
  });
});

describe('possible duplicates', () => {
  const rsvp = (row: number, first: string, email: string, phone: string, zip: string): Rsvp => ({
    row, firstName: first, lastName: 'López', email, emailValid: true, phone, phoneValid: phone !== '', organization: '', address: '', city: '',
    stateRaw: 'IL', state: 'IL', zip, availability: { slots: [], blank: true, cannotJoin: false, unreadable: [] }, note: '', lead: false, story: false, needs: '', late: false,
  });
  it('same name and phone, or same name and ZIP, under another email: a warning on the later row naming the earlier; nothing superseded', () => {
    const d = findDuplicates([
      rsvp(2, 'Ana', 'ana@example.org', '(312) 555-0101', '60614'),
      rsvp(3, 'ana', 'alopez@work.example', '(312) 555-0101', '60201'),
      rsvp(4, 'Ana', 'ana.l@example.net', '(847) 555-0199', '60614'),
      rsvp(5, 'Bea', 'bea@example.org', '(312) 555-0101', '60614'),
    ], 'r.csv');
    expect(d.supersededBy.size).toBe(0);
    expect(d.problems.map((p) => [p.row, p.message])).toEqual([
      [3, 'possible duplicate of row 2: same name and phone, a different email; both are kept'],
      [4, 'possible duplicate of row 2: same name and ZIP, a different email; both are kept'],
    ]);
  });
});

describe('office contacts and zone words', () => {
  it('an office phone and a scheduler email are normalized like participants\'', () => {
    const table = { file: 't.csv', kind: 'csv' as const, sheets: [] };
    const sheet = { name: '', rows: [['State', 'Senator', 'DC Office Phone', 'Scheduler Email'], ['IL', 'Sen. Dalton', '+1 202.225.5905', ' Morgan.Reed@Senate.example '], ['IL', 'Sen. Duckworth', 'call the office', 'nobody']] };
    // The fixture's senators as the current members: this test is about the contacts, not who holds the seats.
    const senator = (last: string, rank: 'senior' | 'junior') => ({ chamber: 'Senate' as const, state: 'IL', rank, first: 'X', last, name: `X ${last}`, party: 'D', phone: '', office: '', contact: '', bioguide: last });
    const { offices, problems } = normalizeTargets([{ table, sheet, chamber: 'Senate' }], [senator('Dalton', 'senior'), senator('Duckworth', 'junior')]);
    expect(offices.map((o) => [o.phone, o.schedulerEmail])).toEqual([['(202) 225-5905', 'morgan.reed@senate.example'], ['call the office', 'nobody']]);
    expect(problems.map((p) => [p.row, p.code, p.column])).toEqual([[3, 'invalid-phone', 'DC Office Phone'], [3, 'invalid-email', 'Scheduler Email']]);
  });
  it('names the event\'s zone in messages as organizers write it, from the same table', () => {
    expect(['America/New_York', 'America/Chicago', 'America/Phoenix', 'Pacific/Honolulu', 'Europe/Paris'].map(zoneWord)).toEqual(['Eastern', 'Central', 'Arizona', 'Hawaii', 'Europe/Paris']);
  });
  it('one table of zone words: Alaska and Hawaii after a confirmed meeting\'s time too', () => {
    expect(parseClockTime('6 AM AKT', '2020-07-14', 'America/New_York')).toBe(10 * 60);
    expect(parseClockTime('5am HST', '2020-07-14', 'America/New_York')).toBe(11 * 60);
    expect(parseClockTime('1 PM CT', '2020-07-14', 'America/New_York')).toBe(14 * 60);
    expect(parseTimeZone('Hawaii–Aleutian (Honolulu)')).toBe('Pacific/Honolulu');
    expect(parseTimeZone('Arizona')).toBe('America/Phoenix');
  });
});
