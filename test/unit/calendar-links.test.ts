// Any text in a meeting's link cell: the calendars are still written, every file still reads as a
// calendar, and the link is the event's text; a URL property only for a link the ics package accepts.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { createEvents } from 'ics';
import { describe, expect, it } from 'vitest';
import { calendarUrl, linkProblem } from '../../src/normalize/video-link.js';
import { calendarFilesWithState } from '../../src/render/calendar.js';
import { icsSafe } from '../../src/render/ics-lines.js';
import { buildRoster, itineraries } from '../../src/render/roster-model.js';

const meeting = (id: string, link: string) => ({
  meeting_id: id, date: '2020-07-14', start: '11:00', end: '11:30', chamber: 'Senate', state: 'IL', member: 'Sen. Dalton', accompanier: 'Rae Morgan',
  accompanier_email: 'rae@x.org', link, status: 'confirmed',
});
const person = (id: string) => ({ meeting_id: id, role: 'lead', first_name: 'Ana', last_name: 'López', email: 'ana@x.org', rsvp_row: '2', time_zone: 'America/Chicago' });

function calendarsFor(links: readonly string[]) {
  const roster = buildRoster(links.map((l, i) => meeting(`M00${i + 1}`, l)), links.map((_, i) => person(`M00${i + 1}`)), 'America/New_York');
  return { roster, files: calendarFilesWithState(roster, itineraries(roster), 'Days', 'America/New_York').files };
}

// Links as they come: pasted with text after them, odd hosts and ports, any character at all.
const linkish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.tuple(fc.constantFrom('https://', 'Https://', 'HTTP://', 'http://', 'https:/', ''), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), fc.constantFrom('', ' passcode 9876', '\r\n', '\u0000', ':8/x', '#')).map((p) => p.join('')),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
);

describe('a meeting\'s link in the calendar files', () => {
  it('never stops the calendars, and every file reads as a calendar with the link as the event\'s text', () => {
    fc.assert(fc.property(fc.array(linkish, { minLength: 1, maxLength: 3 }), (links) => {
      const { roster, files } = calendarsFor(links);
      for (const f of files) {
        const events = new ICAL.Component(ICAL.parse(f.text)).getAllSubcomponents('vevent');
        expect(events.length).toBe(links.length);
        for (const [i, m] of roster.entries()) {
          const event = events.find((v) => String(v.getFirstPropertyValue('uid')).startsWith(`${m.id}-`))!;
          expect(String(event.getFirstPropertyValue('description'))).toContain(`Video link: ${icsSafe(m.link) || 'to be sent by the organizers'}`);
          const url = event.getFirstPropertyValue('url');
          expect(url === null ? undefined : String(url)).toBe(calendarUrl(m.link));
          expect(links[i]).toBeDefined();
        }
      }
    }), { numRuns: 300 });
  });

  it('gets a URL property only where the ics package takes it as one', () => {
    const anyUrl = fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), linkish, fc.webUrl().map((u) => u.toUpperCase()));
    fc.assert(fc.property(anyUrl, (link) => {
      const url = calendarUrl(link);
      if (url) expect(createEvents([{ start: 0, end: 0, uid: 'x', url }]).error).toBeFalsy();
    }), { numRuns: 1000 });
  });

  it('is warned about when it is a web address a calendar cannot open, and only then', () => {
    const at = { file: 'confirmed.csv', row: 3, column: 'Video link' };
    for (const link of ['https://Zoom.us/j/1', 'https://zoom.us/j/123 passcode 9876', 'Https://zoom.us/j/5', 'https://my_host.zoom.us/j/1', 'https://host:8/x', 'https://[2001:db8::1]/x']) {
      expect(linkProblem(link, at), link).toMatchObject({ code: 'link-not-in-calendar', severity: 'warning', ...at, value: link });
    }
    for (const link of ['https://meet.example/dalton', 'https://zoom.us/j/123?pwd=abc#x', '', 'to be sent', 'zoom.us/j/1']) expect(linkProblem(link, at), link).toBeUndefined();
  });
});
