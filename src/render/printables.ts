// Rosters, meeting sheets, itineraries, accompaniers' day sheets and calendars for a schedule, from
// its meetings and attendees records (as written in meetings.csv and attendees.csv).
import type { Config } from '../config/schema.js';
import { EVENTS_FILE, eventsTable } from './calendar-state.js';
import { calendarFilesWithState, slug, type CalendarEventRecord, type CalendarFile } from './calendar.js';
import { toCsv } from './csv.js';
import type { PageContext } from './html.js';
import { dayRoster, meetingSheets } from './meeting-pages.js';
import { accompanierPages, itineraryPage, itineraryPages, itinerarySection } from './people-pages.js';
import { accompanierDays, buildRoster, itineraries, type Rec, type RosterMeeting } from './roster-model.js';

/** `base.html`, or `base-2.html` when two people's names make the same file name. */
function uniquePath(used: Set<string>, base: string): string {
  let p = `${base}.html`;
  for (let i = 2; used.has(p); i++) p = `${base}-${i}.html`;
  used.add(p);
  return p;
}

/** A schedule's calendar files and the record of their events (calendar/events.csv), made before anything is written. */
export interface CalendarPlan {
  files: CalendarFile[];
  events: CalendarEventRecord[];
}

/** The calendars of a roster: each event's SEQUENCE carried from `previous`, and the events gone from it cancelled. */
export function planCalendars(roster: readonly RosterMeeting[], config: Config, previous: readonly CalendarEventRecord[] = []): CalendarPlan {
  const { event } = config;
  return calendarFilesWithState(roster, itineraries(roster), event.name, event.timeZone, previous, event.reportFormUrl);
}

/**
 * The files as [path, text], each made when the writer asks for it: with 100,000 RSVPs there are thousands
 * of pages and calendars, and holding them all at once cost tens of MB. The calendars are the change plan's
 * (planCalendars), made before any file; without one they are made here, as from no earlier run.
 */
export function* renderPrintables(meetings: readonly Rec[], attendees: readonly Rec[], config: Config,
  made?: { roster: readonly RosterMeeting[]; calendar: CalendarPlan }): Generator<[string, string]> {
  const { event } = config;
  const ctx: PageContext = { eventName: event.name, zone: event.timeZone, asks: event.asks, reportFormUrl: event.reportFormUrl };
  const roster = made?.roster ?? buildRoster(meetings, attendees, event.timeZone);
  const days = [...new Set([...event.days, ...roster.map((m) => m.date)])].filter(Boolean).sort();
  for (const day of days) {
    const ms = roster.filter((m) => m.date === day);
    yield [`rosters/${day}.html`, dayRoster(day, ms, ctx)];
    yield [`meeting-sheets/${day}.html`, meetingSheets(day, ms, ctx)];
  }
  const people = itineraries(roster);
  // Each itinerary is printed twice (in itineraries.html and on its own): made once, let go once printed.
  const sections = people.map((p) => itinerarySection(p, ctx));
  yield ['itineraries.html', itineraryPages(sections, ctx)];
  const used = new Set<string>();
  for (const [i, p] of people.entries()) {
    yield [uniquePath(used, `itineraries/${p.rsvpRow ? `row-${p.rsvpRow}-` : ''}${slug(p.name)}`), itineraryPage(p, sections[i]!, ctx)];
    sections[i] = '';
  }
  for (const [name, ds] of accompanierDays(roster)) yield [uniquePath(used, `accompaniers/${slug(name)}`), accompanierPages(ds, ctx)];
  const cal = made?.calendar ?? planCalendars(roster, config);
  for (const f of cal.files) yield [f.path, f.text];
  yield [EVENTS_FILE, toCsv(eventsTable(cal.events))];
}
