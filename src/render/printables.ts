// Rosters, meeting sheets, itineraries and calendars for a schedule, from its meetings and attendees
// records (as written in meetings.csv and attendees.csv).
import type { Config } from '../config/schema.js';
import { calendarFiles } from './calendar.js';
import { dayRoster, itineraryPages, meetingSheets } from './html.js';
import { buildRoster, itineraries, type Rec } from './roster-model.js';

export function renderPrintables(meetings: readonly Rec[], attendees: readonly Rec[], config: Config): Map<string, string> {
  const { event } = config;
  const roster = buildRoster(meetings, attendees);
  const files = new Map<string, string>();
  const days = [...new Set([...event.days, ...roster.map((m) => m.date)])].filter(Boolean).sort();
  for (const day of days) {
    const ms = roster.filter((m) => m.date === day);
    files.set(`rosters/${day}.html`, dayRoster(day, ms, event.name, event.timeZone));
    files.set(`meeting-sheets/${day}.html`, meetingSheets(day, ms, event.name, event.asks, event.timeZone));
  }
  const people = itineraries(roster);
  files.set('itineraries.html', itineraryPages(people, event.name, event.asks));
  for (const f of calendarFiles(roster, people, event.name, event.timeZone)) files.set(f.path, f.text);
  return files;
}
