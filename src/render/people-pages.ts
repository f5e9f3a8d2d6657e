// Pages for the people in the meetings: each participant's itinerary (their times first, who else is
// there, how to reach the lead and the accompanier, where the lead reports) and each accompanier's
// day sheet (their meetings in order, with the office, the participants and their phones).
import { leadContact } from './meeting-pages.js';
import {
  contact, dayTitle, escapeHtml as e, localTimes, meetingTime, officeTitle, page, personName, phoneText, plural, reportBack, roleNote, webHref, webLink, zoneLabel,
  type PageContext,
} from './html.js';
import { confirmNote, dayMap, extraCss, numbered, walkHtml, whereHtml, whereLabel } from './place-pages.js';
import type { AccompanierDay, Itinerary, RosterMeeting } from './roster-model.js';
import { isZone, longDate } from './when.js';

/**
 * What every itinerary with this meeting prints the same: made once per meeting, not once per person in it.
 * Kept by the meeting object, which buildRoster makes afresh for each set of pages of one event.
 */
interface MeetingLines { office: string; link: string; lead: string; accompanier: string; people: string[]; day: string; times: Map<string, string> }
const meetingLines = new WeakMap<RosterMeeting, MeetingLines>();

function linesOf(m: RosterMeeting): MeetingLines {
  let l = meetingLines.get(m);
  if (!l) {
    l = {
      office: `${e(officeTitle(m))} · meeting ${e(m.id)} (${e(m.status)})`, link: webLink(m.link), lead: leadContact(m, 'your accompanier leads'),
      accompanier: contact(m.accompanier, m.accompanierEmail),
      people: m.attendees.map((a) => `${e(personName(a))}${roleNote(a)}${a.organization ? ` <span class="small">(${e(a.organization)})</span>` : ''}`),
      day: dayTitle(m.date), times: new Map(),
    };
    meetingLines.set(m, l);
  }
  return l;
}

/** The meeting's time for a reader in `zone`, made once per meeting and zone. */
function timeFor(m: RosterMeeting, ctx: PageContext, zone: string): string {
  const { times } = linesOf(m);
  let t = times.get(zone);
  if (t === undefined) times.set(zone, (t = meetingTime(m, ctx, zone)));
  return t;
}

function othersIn(m: RosterMeeting, me: Itinerary): string {
  const people = linesOf(m).people;
  const others = people.filter((_, i) => (m.attendees[i]!.rsvpRow || m.attendees[i]!.email) !== (me.rsvpRow || me.email));
  if (!others.length) return 'no one else: you meet the office with your accompanier';
  return others.join('; ');
}

/** One participant's itinerary, the section both their own page and itineraries.html print. */
export function itinerarySection(p: Itinerary, ctx: PageContext): string {
  const mine = isZone(p.timeZone) ? p.timeZone : ctx.zone;
  const zones = zoneLabel(mine) === zoneLabel(ctx.zone)
    ? `Times are in ${e(zoneLabel(ctx.zone))}.`
    : `Times are in your time zone, ${e(zoneLabel(mine))}, with the event's ${e(zoneLabel(ctx.zone))} in parentheses.`;
  const mineInOrder = p.meetings.map((x) => x.meeting);
  const n = ctx.campus ? numbered(mineInOrder) : undefined;
  const where = (m: RosterMeeting) => (n ? whereHtml(m, ctx, n.get(m)) : linesOf(m).link);
  const meetings = p.meetings.map(({ meeting: m, attendee: a }, i) => `${i > 0 ? walkHtml(mineInOrder[i - 1]!, m, ctx) : ''}
<div class="block">
<h2>${linesOf(m).day}, ${timeFor(m, ctx, mine)}</h2>
<table class="meta">
<tr><th scope="row">Meeting with</th><td>${linesOf(m).office}</td></tr>
<tr><th scope="row">${whereLabel(ctx)}</th><td>${where(m)}</td></tr>
<tr><th scope="row">Lead</th><td>${a.role === 'lead' ? '<strong>You</strong>' : linesOf(m).lead}</td></tr>
<tr><th scope="row">Accompanier</th><td>${linesOf(m).accompanier}</td></tr>
<tr><th scope="row">With you</th><td>${othersIn(m, p)}</td></tr>
</table>
${reportBack(m, ctx, a.role === 'lead' ? 'you report' : 'the lead reports')}
</div>`).join('');
  return `
<section class="page">
<h1>${e(p.name)}: your ${e(ctx.eventName)} schedule</h1>
${n ? intro(`<p>${plural(p.meetings.length, 'meeting')}. ${zones}</p>`, mineInOrder, ctx) : `<p>${plural(p.meetings.length, 'meeting')}. ${zones}</p>\n`}${meetings}
<h2>The asks</h2>
<ol class="asks">${ctx.asks.map((x) => `<li>${e(x)}</li>`).join('')}</ol>
<h2>If you cannot make it</h2>
<p>Tell that meeting's accompanier as soon as you can (how to reach them is above), so the group can plan without you. You can still join the digital advocacy: the organizers will send the toolkit.</p>
</section>`;
}

/**
 * An in-person itinerary's opening: what it holds and the note on rooms, beside a map of each day the
 * person meets in person (side by side, so that three days still fit the page).
 */
function intro(summary: string, meetings: readonly RosterMeeting[], ctx: PageContext): string {
  const days = [...new Set(meetings.map((m) => m.date))];
  const maps = days.map((d) => dayMap(meetings.filter((m) => m.date === d), ctx, `Map of your meetings on ${longDate(d)}`)).filter(Boolean);
  const note = confirmNote(meetings, ctx, 'check each room with your accompanier');
  if (!maps.length) return `${summary}${note}\n`;
  // One or two maps beside the summary (the note beside one, under two); three or more in a row of their own.
  const row = `<div class="maps">${maps.join('')}</div>`;
  if (maps.length === 1) return `<div class="intro"><div>${summary}${note}</div>${row}</div>\n`;
  return maps.length === 2 ? `<div class="intro"><div>${summary}</div>${row}</div>${note}\n` : `${summary}${row}${note}\n`;
}

/** Every participant's itinerary in one file, a page each (to print, or to attach to one email), from their sections. */
export function itineraryPages(sections: readonly string[], ctx: PageContext): string {
  return page(`${ctx.eventName}: participant itineraries`, sections.join('\n') || '<h1>No participants in meetings yet.</h1>', extraCss(ctx));
}

/** One participant's itinerary, on its own (to attach to their email), from their section. */
export function itineraryPage(p: Itinerary, section: string, ctx: PageContext): string {
  return page(`${p.name}: your ${ctx.eventName} schedule`, section, extraCss(ctx));
}

function accompanierMeeting(m: RosterMeeting, ctx: PageContext, n?: number): string {
  return `
<section class="block">
<h2>${meetingTime(m, ctx)} · ${e(officeTitle(m))}</h2>
<table class="meta4">
<tr><th scope="row">Meeting</th><td>${e(m.id)} (${e(m.status)})</td><th scope="row">${whereLabel(ctx)}</th><td>${ctx.campus ? whereHtml(m, ctx, n) : webLink(m.link)}</td></tr>
<tr><th scope="row">Lead</th><td>${leadContact(m, 'no volunteer: you lead')}</td><th scope="row">Office phone</th><td>${m.officePhone ? phoneText(m.officePhone) : '–'}</td></tr>
<tr><th scope="row">Local time</th><td colspan="3">${localTimes(m, ctx)}</td></tr>
</table>
<table class="people">
<thead><tr><th scope="col" style="width:34%">Participant</th><th scope="col" style="width:19%">Phone</th><th scope="col" style="width:27%">Email</th><th scope="col" style="width:20%">Needs</th></tr></thead>
<tbody>
${m.attendees.map((a) => `<tr><td>${e(personName(a))}${roleNote(a)}${a.organization ? `<br><span class="small">${e(a.organization)}</span>` : ''}</td><td>${a.phone ? phoneText(a.phone) : '–'}</td><td>${a.email ? contact('', a.email) : '–'}</td><td>${e(a.needs)}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`;
}

/** An accompanier's day sheets: a page per day, their meetings in time order. */
export function accompanierPages(days: readonly AccompanierDay[], ctx: PageContext): string {
  const where = ctx.reportFormUrl && webHref(ctx.reportFormUrl) ? `at ${webLink(ctx.reportFormUrl)}` : 'to the organizers';
  const sections = days.map((d) => `
<section class="page">
<h1>${e(d.accompanier)}: ${dayTitle(d.day)}</h1>
<p>${plural(d.meetings.length, 'meeting')} to accompany, times in ${e(zoneLabel(ctx.zone))}. ${e(ctx.eventName)}.</p>
<p class="small">After each meeting its lead reports how it went ${where}, quoting the meeting ID.</p>
${ctx.campus ? routeOf(d, ctx) : ''}${d.meetings.map((m, i) => accompanierMeeting(m, ctx, ctx.campus ? i + 1 : undefined)).join('\n')}
</section>`).join('\n');
  return page(`${days[0]?.accompanier ?? 'Accompanier'}: ${ctx.eventName} day sheets`, sections, extraCss(ctx));
}

/** An accompanier's route for the day: their meetings in order with the walks between, and the map. */
function routeOf(d: AccompanierDay, ctx: PageContext): string {
  const stops = d.meetings.map((m, i) => {
    const walk = i + 1 < d.meetings.length ? walkHtml(m, d.meetings[i + 1]!, ctx) : '';
    return `<li>${meetingTime(m, ctx)} · ${e(officeTitle(m))} · ${whereHtml(m, ctx)}${walk}</li>`;
  });
  return `<h2>Your route</h2>
${confirmNote(d.meetings, ctx, 'confirm each room with its office')}<ol class="route">${stops.join('')}</ol>
${dayMap(d.meetings, ctx, `Map of ${d.accompanier}'s meetings on ${longDate(d.day)}`)}
`;
}
