// The text of a calendar event (its description), for the person whose calendar it is: when in their
// own zone, the meeting ID, who to reach, the link, who else is there, and where the lead reports.
import type { RosterMeeting } from './roster-model.js';
import { longDate, whenText } from './when.js';

/**
 * `where`: an in-person meeting's room, building and floor, in place of the video link, with a word on
 * walking between buildings and the security line at the doors.
 */
export function description(m: RosterMeeting, zone: string, ownerZone: string, role: string, reportFormUrl: string | undefined, people: string, where?: string): string {
  const lead = m.attendees.find((a) => a.role === 'lead');
  const when = Number.isFinite(m.startMs) ? `${longDate(m.date)}, ${whenText(m.startMs, m.endMs, zone, ownerZone)}` : `${m.date} ${m.start}–${m.end}`;
  return [
    `When: ${when}`,
    `Meeting ID: ${m.id}`,
    `Your role: ${role}`,
    `Lead: ${role === 'meeting lead' ? 'you' : lead ? `${`${lead.firstName} ${lead.lastName}`.trim()}${lead.email ? ` <${lead.email}>` : ''}${lead.phone ? `, ${lead.phone}` : ''}` : m.lead || 'the accompanier'}`,
    `Accompanier: ${m.accompanier}${m.accompanierEmail ? ` <${m.accompanierEmail}>` : ''}`,
    ...(where !== undefined
      ? [`Where: ${where}`, 'Allow time to walk between buildings and for the security line at the door.']
      : [`Video link: ${m.link || 'to be sent by the organizers'}`]),
    `Participants:\n${people}`,
    `After the meeting, the lead reports how it went ${reportFormUrl ? `at ${reportFormUrl}` : 'to the organizers'}, quoting meeting ID ${m.id}.`,
  ].join('\n');
}
