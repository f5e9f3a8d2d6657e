// Rosters, meeting sheets, itineraries, accompaniers' day sheets and calendars for a schedule, from
// its meetings and attendees records (as written in meetings.csv and attendees.csv).
import { inPersonCampus } from '../campus/of-event.js';
import type { Config } from '../config/schema.js';
import { EVENTS_FILE, eventsTable } from './calendar-state.js';
import { calendarFilesWithState, type CalendarEventRecord, type CalendarFile } from './calendar.js';
import { checkInFiles } from './check-in.js';
import { toCsv } from './csv.js';
import { personIdentity, slug, uniqueStems } from './file-names.js';
import type { PageContext } from './html.js';
import { dayRoster, meetingSheets } from './meeting-pages.js';
import { accompanierPages, itineraryPage, itineraryPages, itinerarySection } from './people-pages.js';
import { accompanierDays, buildRoster, itineraries, type Rec, type RosterMeeting } from './roster-model.js';

/** A schedule's calendar files and the record of their events (calendar/events.csv), made before anything is written. */
export interface CalendarPlan {
  files: CalendarFile[];
  events: CalendarEventRecord[];
}

/** The calendars of a roster: each event's SEQUENCE carried from `previous`, and the events gone from it cancelled. */
export function planCalendars(roster: readonly RosterMeeting[], config: Config, previous: readonly CalendarEventRecord[] = []): CalendarPlan {
  const { event } = config;
  const campus = inPersonCampus(event);
  return calendarFilesWithState(roster, itineraries(roster), event.name, event.timeZone, previous, event.reportFormUrl,
    { organizer: config.organizer, training: event.training, ...(campus ? { campus } : {}) });
}

/**
 * The files as [path, text], each made when the writer asks for it: with 100,000 RSVPs there are thousands
 * of pages and calendars, and holding them all at once cost tens of MB. The calendars are the change plan's
 * (planCalendars), made before any file; without one they are made here, as from no earlier run.
 */
export function* renderPrintables(meetings: readonly Rec[], attendees: readonly Rec[], config: Config,
  made?: { roster: readonly RosterMeeting[]; calendar: CalendarPlan }): Generator<[string, string]> {
  const { event } = config;
  const campus = inPersonCampus(event);
  const ctx: PageContext = {
    eventName: event.name, zone: event.timeZone, asks: event.asks, reportFormUrl: event.reportFormUrl,
    ...(campus ? { campus, capitol: !event.campus } : {}),
  };
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
  // One file name a person, the same from run to run (rows shift between exports; names and emails do not): their name, with a hash of who they are where another has the same (render/file-names.ts).
  const pages = uniqueStems(people.map((p) => ({ base: `itineraries/${slug(p.name)}`, identity: personIdentity(p.email, p.name, p.phone) })));
  for (const [i, p] of people.entries()) {
    yield [`${pages[i]!}.html`, itineraryPage(p, sections[i]!, ctx)];
    sections[i] = '';
  }
  const staff = [...accompanierDays(roster)];
  const sheets = uniqueStems(staff.map(([name, ds]) => ({ base: `accompaniers/${slug(name)}`, identity: personIdentity(ds[0]?.email ?? '', name) })));
  for (const [i, [, ds]] of staff.entries()) yield [`${sheets[i]!}.html`, accompanierPages(ds, ctx)];
  // In-person events only: the sign-in sheet at the door, a page and a CSV a day.
  yield* checkInFiles(days, roster, ctx);
  const cal = made?.calendar ?? planCalendars(roster, config);
  for (const f of cal.files) yield [f.path, f.text];
  yield [EVENTS_FILE, toCsv(eventsTable(cal.events))];
}
