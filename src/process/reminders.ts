// Reminders (reminders/, reminders.csv): for each day of meetings, one draft a person to go out the day
// before (or that morning, config `reminders`): that day's meetings with the video link, the lead
// and the accompanier and how to reach them (their phones). Pure: the roster in, messages out.
import type { Config } from '../config/schema.js';
import { accompanierKey, personKey } from '../identity.js';
import { itineraries, type RosterMeeting } from '../render/roster-model.js';
import type { DataTable } from '../render/table.js';
import { longDate } from '../render/when.js';
import { oneAddress } from './cells.js';
import type { Campus } from '../campus/model.js';
import { inPersonCampus } from '../campus/of-event.js';
import { whereOrLink } from './notices.js';
import { meetingWhen, organizerValues } from './requests.js';
import { builtInTemplate, fillTemplate } from './templates.js';
import { trainingInstants, trainingText } from './training.js';

export interface Reminder {
  key: string;
  name: string;
  to: string;
  /** The day of the meetings, and the day the reminder goes out (YYYY-MM-DD, event zone). */
  day: string;
  sendOn: string;
  folder: 'participants' | 'accompaniers';
  subject: string;
  body: string;
}

const dayBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function reminderLine(m: RosterMeeting, zone: string, readerZone: string | undefined, role: string, accompanierPhone: string, campus?: Campus): string {
  const lead = m.attendees.find((a) => a.role === 'lead');
  const leadText = lead ? `${lead.firstName} ${lead.lastName}`.trim() + (lead.phone ? `, ${lead.phone}` : '') + (lead.email ? ` <${lead.email}>` : '') : m.lead || 'your accompanier leads';
  return [
    `- ${meetingWhen(m.startMs, m.endMs, zone, readerZone)}: meeting ${m.id} with ${m.member} (${m.chamber === 'House' ? m.district : `${m.state} Senate`})${role === 'accompanier' ? '; you accompany it' : role === 'lead' ? '; you lead it' : ''}`,
    `  ${whereOrLink(m, campus)}`,
    `  Lead: ${role === 'lead' ? 'you' : leadText}`,
    `  Accompanier: ${m.accompanier && m.accompanier !== 'TBD' ? `${m.accompanier}${accompanierPhone && role !== 'accompanier' ? `, ${accompanierPhone}` : ''}${m.accompanierEmail ? ` <${m.accompanierEmail}>` : ''}` : 'to be named'}`,
    ...(role === 'accompanier' ? [`  Participants: ${m.attendees.map((a) => `${a.firstName} ${a.lastName}`.trim() + (a.phone ? ` (${a.phone})` : '')).join(', ')}`] : []),
  ].join('\n');
}

/**
 * `accompanierPhones`: each meeting's accompanier and their phone by meeting ID, from the staff list (meetings.csv
 * has no phone column): on the day, a participant whose link fails calls the accompanier.
 */
export function buildReminders(roster: readonly RosterMeeting[], config: Config, accompanierPhones: ReadonlyMap<string, { name: string; phone: string }> = new Map()): Reminder[] {
  // Only the phone of the accompanier the meeting still names (a hand edit may have named another).
  const phone = (m: RosterMeeting) => (accompanierPhones.get(m.id)?.name === m.accompanier ? accompanierPhones.get(m.id)!.phone : '');
  const zone = config.event.timeZone;
  const campus = inPersonCampus(config.event);
  const morning = config.reminders === 'morning-of';
  const template = builtInTemplate('reminder');
  const training = trainingInstants(config);
  const out: Reminder[] = [];
  const make = (key: string, name: string, email: string, folder: Reminder['folder'], day: string, lines: string[], readerZone?: string) => {
    const sendOn = morning ? day : dayBefore(day);
    // The training is named once it is set, where it is still ahead when the reminder goes out.
    const trainingAhead = training !== undefined && new Date(training.start).toISOString().slice(0, 10) >= sendOn;
    const t = fillTemplate(template, {
      ...organizerValues(config), name, when: morning ? 'Today' : 'Tomorrow', when_lower: morning ? 'today' : 'tomorrow', day: longDate(day), meetings: lines.join('\n'),
      training: trainingAhead ? trainingText(config, readerZone) : '', call: config.organizer.phone ? ` or call ${config.organizer.phone}` : '',
    });
    out.push({ key, name, to: oneAddress(email), day, sendOn, folder, subject: t.subject, body: t.body });
  };
  for (const it of itineraries(roster)) {
    const first = it.meetings[0]?.attendee;
    const key = personKey(it.email, first?.firstName, first?.lastName, first?.phone);
    for (const day of [...new Set(it.meetings.map(({ meeting }) => meeting.date))].sort()) {
      const lines = it.meetings.filter(({ meeting }) => meeting.date === day).map(({ meeting, attendee }) => reminderLine(meeting, zone, it.timeZone || undefined, attendee.role, phone(meeting), campus));
      make(key, it.name, it.email, 'participants', day, lines, it.timeZone || undefined);
    }
  }
  const byAccompanier = new Map<string, RosterMeeting[]>();
  for (const m of roster) if (m.accompanier && m.accompanier !== 'TBD') (byAccompanier.get(m.accompanier) ?? byAccompanier.set(m.accompanier, []).get(m.accompanier)!).push(m);
  for (const [name, ms] of [...byAccompanier].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const day of [...new Set(ms.map((m) => m.date))].sort()) {
      make(accompanierKey(name, ms[0]!.accompanierEmail), name, ms[0]!.accompanierEmail, 'accompaniers', day, ms.filter((m) => m.date === day).map((m) => reminderLine(m, zone, undefined, 'accompanier', phone(m), campus)));
    }
  }
  return out.sort((a, b) => a.day.localeCompare(b.day));
}

export function remindersTable(reminders: readonly Reminder[]): DataTable {
  return { name: 'Reminders', columns: ['send_on', 'day', 'to', 'subject', 'body'], rows: reminders.map((r) => [r.sendOn, r.day, r.to, r.subject, r.body]) };
}
