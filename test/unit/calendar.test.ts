// Each person's copy of a meeting's event reuses the meeting's lines as the ics package wrote them, with
// its own UID, SEQUENCE, DESCRIPTION and ATTENDEE: every file must be exactly what the package writes.
import fc from 'fast-check';
import { createEvents, type EventAttributes } from 'ics';
import { describe, expect, it } from 'vitest';
import { calendarFilesWithState } from '../../src/render/calendar.js';
import { attendeeLine, checkContacts, descriptionLine, summaryLine, uidLine, type IcsContact } from '../../src/render/ics-lines.js';
import { buildRoster, itineraries } from '../../src/render/roster-model.js';

/** The properties of the one event the package writes for `attrs`, a folded line as one. */
function icsProps(attrs: Partial<EventAttributes>): string[] {
  const { error, value } = createEvents([{ start: 1594735200000, startInputType: 'utc', startOutputType: 'utc', ...attrs } as EventAttributes]);
  if (error || !value) throw error ?? new Error('no value');
  return value.split(/\r\n(?!\t)/).map((p) => `${p}\r\n`);
}
const contact = (name: string, email: string): IcsContact => ({ name, email, rsvp: false, role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' });

describe('the lines of a person\'s copy of an event', () => {
  it('are written as the ics package writes them, for any name, title, description and UID', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 });
    const any = fc.oneof(text, fc.constantFrom('Ana "Nana" López, Jr.; 李小龙 \\ 👩‍👩‍👧', 'a\nb\r\nc,;\\', ''));
    fc.assert(fc.property(any, any, any, fc.stringMatching(/^[a-z0-9-]{1,80}$/), (name, title, description, uid) => {
      const props = icsProps({ uid, title: title || 'x', description: description || 'x', attendees: [contact(name, 'ana.lopez+days@example.org')] });
      return props.includes(uidLine(uid)) && props.includes(summaryLine(title || 'x')) && props.includes(descriptionLine(description || 'x'))
        && props.includes(attendeeLine(contact(name, 'ana.lopez+days@example.org')));
    }), { numRuns: 200 });
  });

  it('leave to the package an address of an unusual shape: one it accepts passes, one it rejects stops the run', () => {
    expect(() => checkContacts([contact('A', 'plain@example.org'), contact('B', "o'brien!x@sub.example.co")])).not.toThrow();
    expect(() => checkContacts([contact('C', 'c@-bad-.example.org')])).toThrow(/could not write the calendar files/);
  });
});

describe('calendar files', () => {
  const meeting = (id: string, start: string, extra: Record<string, string> = {}) => ({
    meeting_id: id, date: '2020-07-14', start, end: `${start.slice(0, 3)}30`, chamber: 'Senate', state: 'IL', member: 'Sen. Dalton, "Dick"', accompanier: 'Rae Morgan',
    accompanier_email: 'rae@x.org', link: 'https://meet.example/a?b=1;c=2', status: 'confirmed', ...extra,
  });
  const person = (id: string, row: string, first: string, zone: string, extra: Record<string, string> = {}) => ({
    meeting_id: id, role: 'participant', first_name: first, last_name: 'López', email: `${row}@x.org`, rsvp_row: row, time_zone: zone, ...extra,
  });
  // M003 shares M001's times, link and status (and so the event the package validated), not its office.
  const meetings = [meeting('M001', '11:00'), meeting('M002', '14:00', { chamber: 'House', district: 'IL-09', link: '', status: 'proposed', accompanier: 'TBD' }),
    meeting('M003', '11:00', { member: 'Sen. Duckworth; "Tammy"', state: 'IL' })];
  const attendees = [
    person('M001', '2', 'Ana', 'America/Chicago', { role: 'lead', phone: '(312) 555-0101' }), person('M001', '3', 'Ben, "B"', 'America/Los_Angeles'),
    person('M001', '4', 'Kay', 'Nowhere/Else', { email: 'not an email' }), person('M002', '3', 'Ben, "B"', 'America/Los_Angeles'),
    person('M002', '5', 'Dee', 'America/Detroit', { email: "Dee.O'Neil@X.org" }), person('M003', '6', 'Zed', 'America/New_York'),
  ];

  it('are, event for event, what the ics package writes for each person\'s events', () => {
    const roster = buildRoster(meetings, attendees, 'America/New_York');
    const { files, events } = calendarFilesWithState(roster, itineraries(roster), 'Days', 'America/New_York', [], 'https://forms.example/r');
    expect(files.map((f) => f.path)).toEqual([
      'calendar/participants/ana-lopez.ics', 'calendar/participants/ben-b-lopez.ics', 'calendar/participants/dee-lopez.ics',
      'calendar/participants/kay-lopez.ics', 'calendar/participants/zed-lopez.ics', 'calendar/accompaniers/rae-morgan.ics',
    ]);
    for (const f of files) {
      const mine = events.filter((e) => e.path === f.path);
      // The package's own file for the same events: SUMMARY, times, STATUS, URL from the meeting, the rest from the person's copy.
      const props = f.text.split(/\r\n(?!\t)/);
      const own = (name: string) => props.filter((p) => p.startsWith(name)).map((p) => p.slice(name.length).replace(/\r\n\t/g, ''));
      const { value } = createEvents(mine.map((e, i) => ({
        timestamp: Date.UTC(2020, 6, 14, 4), uid: e.uid, sequence: e.sequence, productId: 'awg/advocacy-days', title: e.title,
        start: e.start, startInputType: 'utc', startOutputType: 'utc', end: e.end, endInputType: 'utc', endOutputType: 'utc',
        description: own('DESCRIPTION:')[i]!.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'), status: own('STATUS:')[i] as 'CONFIRMED',
        ...(own('URL:')[i] ? { url: own('URL:')[i], location: own('URL:')[i] } : {}),
        ...(e.ownerEmail.includes('@') ? { attendees: [{ name: e.ownerName, email: e.ownerEmail, rsvp: false, role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' }] } : {}),
      }) as EventAttributes));
      expect(f.text).toBe(value);
    }
    // A file's text is made when read: the same each time, whatever was read in between.
    const [a, b] = [files[0]!, files[1]!];
    expect([a.text, b.text, a.text, a.text]).toEqual([a.text, b.text, a.text, JSON.parse(JSON.stringify(a)).text]);
    const text = (path: string) => files.find((f) => f.path === path)!.text.replace(/\r\n\t/g, '');
    expect(text('calendar/participants/ana-lopez.ics')).toMatch(/Your role: meeting lead\\nLead: you/);
    expect(text('calendar/participants/ben-b-lopez.ics')).toMatch(/When: Tuesday\\, July 14\\, 8:00–8:30 am PT \(11:00–11:30 am ET\)/);
    expect(text('calendar/participants/kay-lopez.ics')).not.toMatch(/ATTENDEE/);
    expect(text('calendar/accompaniers/rae-morgan.ics')).toMatch(/Your role: accompanier/);
    expect(text('calendar/accompaniers/rae-morgan.ics')).not.toMatch(/M002/);
    expect(text('calendar/participants/zed-lopez.ics')).toMatch(/SUMMARY:Days: meeting with Sen\. Duckworth\\; "Tammy" \(IL Senate\)/);
  });
});
