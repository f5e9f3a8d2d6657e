// A day's check-in list (the sign-in sheet at the door of an in-person day): everyone with a meeting
// that day, by last name, with their first meeting (time, office, room), their phone and a blank
// for the signature. A printable page a day and the same rows as CSV, for in-person events only.
import { toCsv } from './csv.js';
import { dayTitle, escapeHtml as e, meetingTime, officeTitle, page, phoneText, type PageContext } from './html.js';
import { extraCss, placeIn } from './place-pages.js';
import { itineraries, type RosterMeeting } from './roster-model.js';
import type { DataTable } from './table.js';
import { longDate } from './when.js';
import { roomCell } from './where.js';

interface CheckIn { lastName: string; firstName: string; phone: string; rsvpRow: string; first: RosterMeeting }

const byName = (a: CheckIn, b: CheckIn) =>
  a.lastName.localeCompare(b.lastName, 'en', { sensitivity: 'base' }) || a.firstName.localeCompare(b.firstName, 'en', { sensitivity: 'base' })
  || a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || Number(a.rsvpRow) - Number(b.rsvpRow);

/** Everyone with a meeting on `day`, by last name, each with their first meeting of the day. */
export function checkInList(day: string, roster: readonly RosterMeeting[]): CheckIn[] {
  return itineraries(roster.filter((m) => m.date === day)).map((p): CheckIn => {
    const { meeting, attendee } = p.meetings[0]!;
    return { lastName: attendee.lastName, firstName: attendee.firstName, phone: p.phone, rsvpRow: p.rsvpRow, first: meeting };
  }).sort(byName);
}

/** What the room cell of the list says: the room, "by video", or that it is not known yet. */
const roomOf = (m: RosterMeeting, ctx: PageContext) => roomCell(placeIn(m, ctx)) || 'by video';

export function checkInTable(day: string, list: readonly CheckIn[], ctx: PageContext): DataTable {
  return {
    name: `Check-in ${day}`,
    columns: ['last_name', 'first_name', 'first_meeting', 'start', 'office', 'room', 'phone', 'rsvp_row', 'signature'],
    rows: list.map((c) => [c.lastName, c.firstName, c.first.id, c.first.start, officeTitle(c.first), roomOf(c.first, ctx), c.phone, c.rsvpRow, '']),
  };
}

export function checkInPage(day: string, list: readonly CheckIn[], ctx: PageContext): string {
  const rows = list.map((c) => `<tr><td>${e(c.lastName)}, ${e(c.firstName)}</td><td>${meetingTime(c.first, ctx)} · ${e(officeTitle(c.first))} · <strong>${e(roomOf(c.first, ctx))}</strong></td><td>${phoneText(c.phone)}</td><td></td></tr>`);
  return page(`${ctx.eventName}: check-in, ${longDate(day)}`, `<section class="page">
<h1>${e(ctx.eventName)}: check-in, ${dayTitle(day)}</h1>
<p>${list.length === 1 ? '1 person' : `${list.length} people`} with a meeting this day, by last name, each with their first meeting. Sign in on arrival.</p>
<table class="people check-in">
<thead><tr><th scope="col" style="width:22%">Name</th><th scope="col" style="width:43%">First meeting</th><th scope="col" style="width:14%">Phone</th><th scope="col" style="width:21%">Signature</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`, extraCss(ctx));
}

/** The day's two files, check-in/DAY.html and check-in/DAY.csv, for every day with a meeting. */
export function* checkInFiles(days: readonly string[], roster: readonly RosterMeeting[], ctx: PageContext): Generator<[string, string]> {
  if (!ctx.campus) return;
  for (const day of days) {
    const list = checkInList(day, roster);
    if (!list.length) continue;
    yield [`check-in/${day}.html`, checkInPage(day, list, ctx)];
    yield [`check-in/${day}.csv`, toCsv(checkInTable(day, list, ctx))];
  }
}
