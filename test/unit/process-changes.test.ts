import { describe, expect, it } from 'vitest';
import { changesSummary, diffSchedules, seatsOf } from '../../src/process/changes.js';
import { personKey } from '../../src/identity.js';

const meeting = (id: string, date: string, start: string, member: string, over: Record<string, string> = {}) =>
  ({ meeting_id: id, date, start, end: '', chamber: 'Senate', state: 'IL', district: '', member, accompanier: 'Rae Morgan', accompanier_email: 'rae@x.org', lead: 'Ana López', link: 'https://m/1', ...over });
const person = (id: string, row: string, first: string, email: string, role = 'participant') =>
  ({ meeting_id: id, first_name: first, last_name: 'T', email, phone: '', rsvp_row: row, role });

describe('changes between two schedules', () => {
  const before = {
    meetings: [meeting('M001', '2020-07-14', '10:00', 'Sen. A'), meeting('M002', '2020-07-14', '11:00', 'Sen. B'), meeting('M003', '2020-07-15', '10:00', 'Rep. C', { accompanier: 'Dev Patel', accompanier_email: 'dev@x.org' })],
    attendees: [person('M001', '2', 'Ana', 'ana@x.org', 'lead'), person('M001', '3', 'Ben', 'ben@x.org'), person('M002', '4', 'Cy', 'cy@x.org'), person('M003', '5', 'Di', 'di@x.org'), person('M003', '6', 'Ed', 'ed@x.org')],
  };
  // Rows shift by one (a row was inserted above); Ben cancelled; M002 moved; M003's office declined; Fay is new in M001.
  const after = {
    meetings: [meeting('M001', '2020-07-14', '10:00', 'Sen. A'), meeting('M002', '2020-07-15', '13:00', 'Sen. B'), meeting('M004', '2020-07-16', '10:00', 'Sen. A2')],
    attendees: [person('M001', '3', 'Ana', 'ANA@x.org ', 'lead'), person('M001', '9', 'Fay', 'fay@x.org'), person('M002', '5', 'Cy', 'cy@x.org'), person('M004', '6', 'Di', 'di@x.org')],
  };
  const changes = diffSchedules(seatsOf(before.meetings, before.attendees), seatsOf(after.meetings, after.attendees), new Set(['M003']));

  it('lists exactly the people whose schedule changed, matched by email across shifted rows', () => {
    const rows = changes.map((c) => [c.name, c.role, c.change, c.meetingId]).sort((a, b) => a.join().localeCompare(b.join()));
    expect(rows).toEqual([
      ['Ben T', 'participant', 'removed', 'M001'],
      ['Cy T', 'participant', 'moved', 'M002'],
      ['Dev Patel', 'accompanier', 'office declined', 'M003'],
      ['Di T', 'participant', 'added', 'M004'],
      ['Di T', 'participant', 'office declined', 'M003'],
      ['Ed T', 'participant', 'office declined', 'M003'],
      ['Fay T', 'participant', 'added', 'M001'],
      ['Rae Morgan', 'accompanier', 'added', 'M004'],
      ['Rae Morgan', 'accompanier', 'moved', 'M002'],
    ]);
    expect(changes.find((c) => c.name === 'Cy T')).toMatchObject({ rsvpRow: '5', before: 'M002 2020-07-14 11:00 Sen. B', after: 'M002 2020-07-15 13:00 Sen. B' });
    expect(changes.some((c) => c.name === 'Ana T')).toBe(false);
  });

  it('reports a new accompanier, lead or link to everyone in the meeting', () => {
    const b = [meeting('M001', '2020-07-14', '10:00', 'Sen. A')];
    const a = [meeting('M001', '2020-07-14', '10:00', 'Sen. A', { accompanier: 'Dev Patel', accompanier_email: 'dev@x.org', link: 'https://m/2' })];
    const people = [person('M001', '2', 'Ana', 'ana@x.org', 'lead')];
    const cs = diffSchedules(seatsOf(b, people), seatsOf(a, people));
    expect(cs.filter((c) => c.name === 'Ana T').map((c) => c.change)).toEqual(['accompanier changed', 'link changed']);
    expect(cs.filter((c) => c.role === 'accompanier').map((c) => [c.name, c.change])).toEqual([['Dev Patel', 'added'], ['Rae Morgan', 'removed']]);
  });

  it('counts the people to tell, and how many because of a change of their own', () => {
    const own = new Set([personKey('ben@x.org', 'Ben', 'T', ''), personKey('fay@x.org', 'Fay', 'T', '')]);
    const s = changesSummary(changes, own);
    expect(s).toMatchObject({ people: 7, own: 2 });
    expect(s.line).toMatch(/^Changes: 7 people to tell, 2 of them because of a change of their own/);
  });

  it('knows a person without an email by name and phone', () => {
    expect(personKey('', 'Ana ', 'López', '(312) 555-0101')).toBe(personKey(undefined, 'ana', 'lópez', '312.555.0101'));
  });
});
