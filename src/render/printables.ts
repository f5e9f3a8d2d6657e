// Rosters, meeting sheets, itineraries, accompaniers' day sheets and calendars for a schedule, from
// its meetings and attendees records (as written in meetings.csv and attendees.csv).
import type { Config } from '../config/schema.js';
import { EVENTS_FILE, eventsTable } from './calendar-state.js';
import { calendarFilesWithState, slug, type CalendarEventRecord, type CalendarFile } from './calendar.js';
import { toCsv } from './csv.js';
import type { PageContext } from './html.js';
import { dayRoster, meetingSheets } from './meeting-pages.js';
import { accompanierPages, itineraryPage, itineraryPages } from './people-pages.js';
import { accompanierDays, buildRoster, itineraries, type Rec } from './roster-model.js';

/** `base.html`, or `base-2.html` when two people's names make the same file name. */
function uniquePath(used: Set<string>, base: string): string {
  let p = `${base}.html`;
  for (let i = 2; used.has(p); i++) p = `${base}-${i}.html`;
  used.add(p);
  return p;
}

export function renderPrintables(meetings: readonly Rec[], attendees: readonly Rec[], config: Config,
  calendar: { previous?: readonly CalendarEventRecord[]; made?: (files: CalendarFile[]) => void } = {}): Map<string, string> {
  const { event } = config;
  const ctx: PageContext = { eventName: event.name, zone: event.timeZone, asks: event.asks, reportFormUrl: event.reportFormUrl };
  const roster = buildRoster(meetings, attendees, event.timeZone);
  const files = new Map<string, string>();
  const days = [...new Set([...event.days, ...roster.map((m) => m.date)])].filter(Boolean).sort();
  for (const day of days) {
    const ms = roster.filter((m) => m.date === day);
    files.set(`rosters/${day}.html`, dayRoster(day, ms, ctx));
    files.set(`meeting-sheets/${day}.html`, meetingSheets(day, ms, ctx));
  }
  const people = itineraries(roster);
  files.set('itineraries.html', itineraryPages(people, ctx));
  const used = new Set<string>();
  for (const p of people) files.set(uniquePath(used, `itineraries/${p.rsvpRow ? `row-${p.rsvpRow}-` : ''}${slug(p.name)}`), itineraryPage(p, ctx));
  for (const [name, ds] of accompanierDays(roster)) files.set(uniquePath(used, `accompaniers/${slug(name)}`), accompanierPages(ds, ctx));
  const cal = calendarFilesWithState(roster, people, event.name, event.timeZone, calendar.previous, event.reportFormUrl);
  for (const f of cal.files) files.set(f.path, f.text);
  files.set(EVENTS_FILE, toCsv(eventsTable(cal.events)));
  calendar.made?.(cal.files);
  return files;
}
