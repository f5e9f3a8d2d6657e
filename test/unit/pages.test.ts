import { describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../../src/config/schema.js';
import { mailLink, webLink } from '../../src/render/html.js';
import { renderPrintables } from '../../src/render/printables.js';
import type { Rec } from '../../src/render/roster-model.js';

const meeting = (id: string, start: string, end: string, extra: Rec = {}): Rec => ({
  meeting_id: id, date: '2020-07-14', start, end, chamber: 'Senate', state: 'IL', district: '', member: 'Sen. Richard Dalton', party: 'D', tier: '1',
  accompanier: 'Rae Morgan', accompanier_email: 'rae.morgan@iic.example', lead: 'Ana López', office_phone: '(202) 224-2152', scheduler_email: '',
  link: 'https://meet.example/dalton', status: 'confirmed', cosponsor: 'Yes', office_notes: '', meeting_notes: '', ...extra,
});
const person = (id: string, row: string, first: string, last: string, extra: Rec = {}): Rec => ({
  meeting_id: id, role: 'participant', first_name: first, last_name: last, email: `${first.toLowerCase()}@example.org`, phone: '(312) 555-0101',
  organization: 'CRLN', needs: '', story: 'no', local_start: '99:99', local_end: '99:99', time_zone: 'America/Chicago', rsvp_row: row, ...extra,
});

const meetings = [
  meeting('M001', '11:00', '11:30'),
  meeting('M002', '12:30', '13:00', { member: 'Rep. Jan Schakowsky', chamber: 'House', district: 'IL-09', link: 'javascript:alert(1)', lead: '' }),
];
const attendees = [
  person('M001', '2', 'Ana', 'López', { role: 'lead', phone: '(312) 555-0199' }),
  person('M001', '3', '<b>Ben</b>', 'Okafor', { time_zone: 'America/Los_Angeles', email: 'not an email' }),
  person('M001', '4', 'Kay', 'Begay', { time_zone: 'America/Phoenix' }),
  person('M002', '3', '<b>Ben</b>', 'Okafor', { time_zone: 'America/Los_Angeles', email: 'not an email' }),
];
const config = (event: Record<string, unknown> = {}): Config => configSchema.parse({ event });
/** The files renderPrintables makes one at a time, by path. */
const printed = (...args: Parameters<typeof renderPrintables>) => new Map(renderPrintables(...args));

describe('printable pages', () => {
  it('makes a link only of a web address or an email address that validates', () => {
    expect(webLink('https://meet.example/x?a=1&b=2')).toBe('<a href="https://meet.example/x?a=1&amp;b=2">https://meet.example/x?a=1&amp;b=2</a>');
    expect(webLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(webLink('https://x.example/"onmouseover="alert(1)')).not.toContain('href');
    expect(webLink('')).toBe('to be sent by the organizers');
    expect(mailLink('Jane@Example.org')).toBe('<a href="mailto:jane@example.org">jane@example.org</a>');
    expect(mailLink('"><script>@x')).toBe('&quot;&gt;&lt;script&gt;@x');
  });

  it('writes one itinerary per participant beside the combined file, and a day sheet per accompanier', () => {
    const files = printed(meetings, attendees, config());
    expect([...files.keys()].filter((f) => f.endsWith('.html')).sort()).toEqual([
      'accompaniers/rae-morgan.html', 'itineraries.html', 'itineraries/ana-lopez.html', 'itineraries/b-ben-b-okafor.html',
      'itineraries/kay-begay.html', 'meeting-sheets/2020-07-14.html', 'meeting-sheets/2020-07-15.html', 'meeting-sheets/2020-07-16.html',
      'rosters/2020-07-14.html', 'rosters/2020-07-15.html', 'rosters/2020-07-16.html',
    ]);
  });

  it('shows an itinerary\'s times in the reader\'s zone first, from the meeting\'s own time (not stale local columns)', () => {
    const ben = printed(meetings, attendees, config()).get('itineraries/b-ben-b-okafor.html')!;
    expect(ben).toContain('Tuesday, July 14, 8:00–8:30 am PT (11:00–11:30 am ET)');
    expect(ben).toContain('Tuesday, July 14, 9:30–10:00 am PT (12:30–1:00 pm ET)');
    expect(ben).toContain("Pacific time (PT), with the event's Eastern time (ET)");
    expect(ben).not.toContain('99:99');
  });

  it('shows who else is in each meeting and how to reach the lead and the accompanier', () => {
    const ben = printed(meetings, attendees, config()).get('itineraries/b-ben-b-okafor.html')!;
    expect(ben).toContain('Ana López (lead)');
    expect(ben).toContain('<a href="mailto:ana@example.org">ana@example.org</a> · (312)\u00a0555-0199');
    expect(ben).toContain('Rae Morgan · <a href="mailto:rae.morgan@iic.example">rae.morgan@iic.example</a>');
    expect(ben).toContain('Kay Begay');
    expect(ben).toContain('no one else: you meet the office with your accompanier');
    expect(ben).toContain('&lt;b&gt;Ben&lt;/b&gt; Okafor');
    expect(ben).not.toContain('<b>');
    expect(ben).toContain('<a href="https://meet.example/dalton">');
    expect(ben).toContain('javascript:alert(1)</td>');
    expect(ben).not.toContain('href="javascript');
  });

  it('names the event\'s own zone on every page: with America/Chicago, Central', () => {
    const files = printed(meetings, attendees, config({ timeZone: 'America/Chicago' }));
    for (const [f, text] of files) {
      if (!f.endsWith('.html')) continue;
      expect(text, f).not.toMatch(/Eastern|\bET\b/);
    }
    expect(files.get('rosters/2020-07-14.html')).toContain('times in Central time (CT)');
    expect(files.get('rosters/2020-07-14.html')).toContain('11:00–11:30 am CT');
    expect(files.get('meeting-sheets/2020-07-14.html')).toContain("Participants' local time: 9:00–9:30 am MST; 9:00–9:30 am PT");
    expect(files.get('itineraries/ana-lopez.html')).toContain('Times are in Central time (CT).');
  });

  it('says where to report after the meeting, quoting its ID', () => {
    const plain = printed(meetings, attendees, config());
    expect(plain.get('meeting-sheets/2020-07-14.html')).toContain('the lead reports how it went to the organizers, quoting meeting ID <strong>M001</strong>');
    expect(plain.get('itineraries/ana-lopez.html')).toContain('you report how it went to the organizers, quoting meeting ID <strong>M001</strong>');
    const withForm = printed(meetings, attendees, config({ reportFormUrl: 'https://forms.example/report' }));
    expect(withForm.get('meeting-sheets/2020-07-14.html')).toContain('reports how it went at <a href="https://forms.example/report">https://forms.example/report</a>, quoting meeting ID <strong>M002</strong>');
    expect(withForm.get('calendar/participants/b-ben-b-okafor.ics')!.replace(/\r\n[ \t]/g, '')).toMatch(/reports how it went at https:\/\/forms\.example\/report\\, quoting meeting ID M001/);
  });

  it('gives the accompanier their meetings in order, with the office, the participants and their phones', () => {
    const sheet = printed(meetings, attendees, config()).get('accompaniers/rae-morgan.html')!;
    expect(sheet).toContain('Rae Morgan: Tuesday, July 14');
    expect(sheet.indexOf('Sen. Richard Dalton')).toBeLessThan(sheet.indexOf('Rep. Jan Schakowsky'));
    expect(sheet).toContain('11:00–11:30 am ET');
    expect(sheet).toContain('(202)\u00a0224-2152');
    expect(sheet.match(/\(312\)\u00a0555-0101/g)).toHaveLength(3);
    expect(sheet).toContain('no volunteer: you lead');
  });

  it('writes calendar text in the owner\'s zone first', () => {
    const ics = printed(meetings, attendees, config()).get('calendar/participants/b-ben-b-okafor.ics')!.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('When: Tuesday\\, July 14\\, 8:00–8:30 am PT (11:00–11:30 am ET)');
    expect(ics).toContain('Meeting ID: M001');
    expect(ics).toContain('Lead: Ana López <ana@example.org>\\, (312) 555-0199');
    const ana = printed(meetings, attendees, config()).get('calendar/participants/ana-lopez.ics')!.replace(/\r\n[ \t]/g, '');
    expect(ana).toContain('When: Tuesday\\, July 14\\, 10:00–10:30 am CT (11:00–11:30 am ET)');
    expect(ana).toContain('Lead: you');
  });

  it('rejects a report form address that is not a web address', () => {
    expect(configSchema.safeParse({ event: { reportFormUrl: 'javascript:alert(1)' } }).success).toBe(false);
    expect(configSchema.safeParse({ event: { reportFormUrl: 'https://forms.example/x' } }).success).toBe(true);
  });
});
