// An office that meets only by video in an in-person event (TargetOffice.format 'virtual', as the
// targets workbook or offices.csv will say): its meeting has no room, its pages and calendar give the
// link, no walk is printed to or from it, and its request asks for a video meeting; the office that
// meets in person the same day keeps its room. From the plan through the tables to the files.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { Meeting, Participant, Rsvp, TargetOffice } from '../../src/model.js';
import { buildRequests } from '../../src/process/requests.js';
import { defaultTemplate } from '../../src/process/templates.js';
import { renderPrintables } from '../../src/render/printables.js';
import { tableRecords } from '../../src/render/roster-model.js';
import { attendeesTable, meetingsTable } from '../../src/render/schedule-files.js';
import type { Plan } from '../../src/schedule/plan.js';

const config = configSchema.parse({ event: { format: 'in-person', meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 } });
const zone = config.event.timeZone;

const office = (id: string, over: Partial<TargetOffice>): TargetOffice => ({
  id, chamber: 'House', state: 'IL', district: 9, member: 'Rep. Jan Schakowsky', party: 'D', tier: 1, tierRaw: '1', phone: '', schedulerName: '',
  schedulerEmail: 'scheduler@mail.house.example', cosponsor: '', notes: '', file: 'targets.xlsx', sheet: 'Targets', row: 2, ...over,
});
const rsvp: Rsvp = {
  row: 2, firstName: '<img src=x onerror=alert(1)>', lastName: 'Lopez', email: 'ana@example.org', emailValid: true, phone: '(312) 555-0101', phoneValid: true,
  organization: '', address: '', city: 'Chicago', state: 'IL', stateRaw: 'IL', availability: { slots: [0, 1], blank: false, cannotJoin: false, unreadable: [] },
  note: '', lead: true, story: false, needs: '', late: false,
};
const ana: Participant = { rsvp, location: { state: 'IL', district: 9 }, offices: [], bestTier: 1, rank: 1 };

function meeting(id: string, o: TargetOffice, start: string, end: string, slot: number, link: string, place?: Meeting['place']): Meeting {
  const ms = (t: string) => Date.parse(`2020-07-14T${t}:00-04:00`);
  return {
    id, office: o, day: '2020-07-14', start, end, startMs: ms(start), endMs: ms(end), slots: [slot], status: 'proposed', attendees: [ana], lead: ana, link, notes: '',
    accompanier: { row: 2, name: 'Rae Morgan', email: 'rae@example.org', phone: '', organization: '', slots: [0, 1] }, ...(place ? { place } : {}),
  };
}

const inPersonOffice = office('H-IL-09', { address: '2408 Rayburn House Office Building' });
const videoOffice = office('S-IL-DALTON', { chamber: 'Senate', district: undefined, member: 'Sen. Richard Dalton', address: '331 Hart Senate Office Building', format: 'virtual' });
const plan = {
  meetings: [
    meeting('M001', inPersonOffice, '10:00', '10:20', 0, '', { building: 'Rayburn', room: '2408', floor: '4th floor', label: 'Rayburn 2408', address: '45 Independence Ave SW, Washington, DC 20515', from: 'members' }),
    meeting('M002', videoOffice, '10:30', '11:00', 1, 'https://meet.example.org/dalton'),
  ],
  digital: [], unmatched: [], leftOut: [], uncovered: new Map(), problems: [], staffGiven: true, notKept: [],
} as Plan;

const files = new Map([...renderPrintables(tableRecords(meetingsTable(plan, config.event)), tableRecords(attendeesTable(plan, zone, config.event)), config)]);

describe('an office that meets by video in an in-person event', () => {
  it('has a blank room in meetings.csv and attendees.csv, beside the in-person office\'s room', () => {
    const rooms = tableRecords(meetingsTable(plan, config.event)).map((m) => m.room);
    expect(rooms).toEqual(['Rayburn 2408', '']);
    expect(tableRecords(attendeesTable(plan, zone, config.event)).map((a) => a.room)).toEqual(['Rayburn 2408', '']);
  });

  it('is "by video" with its link on the itinerary, with no walk to it, and off the map', () => {
    const page = [...files].find(([f]) => f.startsWith('itineraries/'))![1];
    expect(page).toContain('By video: <a href="https://meet.example.org/dalton">');
    expect(page).toContain('<strong>Rayburn 2408</strong>, Rayburn House Office Building, 4th floor');
    expect(page).not.toContain('class="walk"');
    const map = /<svg class="campus-map"[\s\S]*?<\/svg>/.exec(page)![0];
    expect((map.match(/<g class="stop">/g) ?? []).length).toBe(1);
    expect(page).not.toContain('<img');
  });

  it('keeps its link as the calendar\'s LOCATION; the in-person meeting has its room', () => {
    const ics = [...files].find(([f]) => f.startsWith('calendar/participants/'))![1];
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const by = new Map(events.map((e) => [e.uid.slice(0, 4), e]));
    expect(by.get('M001')!.location).toBe('Rayburn 2408, Rayburn House Office Building, 45 Independence Ave SW, Washington, DC 20515');
    expect(by.get('M002')!.location).toBe('https://meet.example.org/dalton');
    expect(by.get('M002')!.description).toContain('Video link: https://meet.example.org/dalton');
    expect(by.get('M002')!.description).not.toContain('walk');
  });

  it('is asked for a video meeting, and the in-person office for one in its DC office', () => {
    const requests = buildRequests({ meetings: plan.meetings, toRequest: new Set(['M001', 'M002']), slots: [], config, template: defaultTemplate('request') });
    expect(requests[0]!.body).toContain('meet with the office in person, in your DC office (Rayburn 2408) during');
    expect(requests[1]!.body).toContain('meet with the office over video during');
    expect(requests[1]!.body).toContain('We will send the video link once the time is confirmed.');
  });

  it('leaves its attendee on the day\'s check-in list once, with their first meeting (the one in person)', () => {
    const csv = files.get('check-in/2020-07-14.csv')!;
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect(csv).toContain('M001,10:00');
    expect(files.get('check-in/2020-07-14.html')).toContain('Rayburn 2408');
  });
});
