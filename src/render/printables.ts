// Rosters, meeting sheets, itineraries and calendars for a schedule, from its meetings and attendees
// records (as written in meetings.csv and attendees.csv).
import type { Config } from '../config/schema.js';
import { EVENTS_FILE, eventsTable } from '../process/calendar-state.js';
import { calendarFilesWithState, type CalendarEventRecord, type CalendarFile } from './calendar.js';
import { toCsv } from './csv.js';
import { dayRoster, itineraryPages, meetingSheets } from './html.js';
import { buildRoster, itineraries, type Rec } from './roster-model.js';

export function renderPrintables(meetings: readonly Rec[], attendees: readonly Rec[], config: Config,
  calendar: { previous?: readonly CalendarEventRecord[]; made?: (files: CalendarFile[]) => void } = {}): Map<string, string> {
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
  const cal = calendarFilesWithState(roster, people, event.name, event.timeZone, calendar.previous);
  for (const f of cal.files) files.set(f.path, f.text);
  files.set(EVENTS_FILE, toCsv(eventsTable(cal.events)));
  calendar.made?.(cal.files);
  return files;
}
