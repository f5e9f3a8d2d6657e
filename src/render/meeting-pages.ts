// The organizers' day roster (every meeting of a day, with phones) and the one-page meeting sheets
// (the office, the people, the asks, where to report afterwards), both in the event's zone.
import { contact, dayTitle, escapeHtml as e, localTimes, meetingTime, officeTitle, page, personName, phoneText, plural, reportBack, roleNote, webLink, zoneLabel, type PageContext } from './html.js';
import { confirmNote, extraCss, whereHtml, whereLabel } from './place-pages.js';
import { leadOf, type RosterMeeting } from './roster-model.js';
import { longDate } from './when.js';

/** The lead's name with how to reach them, or what happens without one. */
export function leadContact(m: RosterMeeting, missing: string): string {
  const lead = leadOf(m);
  if (lead) return contact(personName(lead), lead.email, lead.phone);
  return m.lead ? e(m.lead) : e(missing);
}

/** The Where cell in an in-person event, the video link in a virtual one. */
const where = (m: RosterMeeting, ctx: PageContext) => (ctx.campus ? whereHtml(m, ctx) : webLink(m.link));

export function dayRoster(day: string, meetings: readonly RosterMeeting[], ctx: PageContext): string {
  const blocks = meetings.map((m) => `
<section class="block">
<h2>${meetingTime(m, ctx)} · ${e(officeTitle(m))}</h2>
<table class="meta4">
<tr><th scope="row">Meeting</th><td>${e(m.id)} (${e(m.status)})</td><th scope="row">Accompanier</th><td>${contact(m.accompanier, m.accompanierEmail)}</td></tr>
<tr><th scope="row">Lead</th><td>${leadContact(m, 'no volunteer yet')}</td><th scope="row">${whereLabel(ctx)}</th><td>${where(m, ctx)}</td></tr>
<tr><th scope="row">Local time</th><td colspan="3">${localTimes(m, ctx)}</td></tr>
</table>
<table class="people">
<thead><tr><th scope="col" style="width:30%">Participant</th><th scope="col" style="width:28%">Organization</th><th scope="col" style="width:20%">Phone</th><th scope="col" style="width:22%">Needs</th></tr></thead>
<tbody>
${m.attendees.map((a) => `<tr><td>${e(personName(a))}${roleNote(a)}</td><td>${e(a.organization)}</td><td>${phoneText(a.phone)}</td><td>${e(a.needs)}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`).join('\n');
  return page(`${ctx.eventName}: meetings on ${longDate(day)}`, `<h1>${e(ctx.eventName)}: meetings on ${dayTitle(day)}</h1>
<p>${plural(meetings.length, 'meeting')}, times in ${e(zoneLabel(ctx.zone))}.</p>
${confirmNote(meetings, ctx, 'confirm each room with its office')}${blocks || '<p>No meetings this day.</p>'}`, extraCss(ctx));
}

export function meetingSheets(day: string, meetings: readonly RosterMeeting[], ctx: PageContext): string {
  const sheets = meetings.map((m) => `
<section class="page">
<h1>${e(officeTitle(m))}</h1>
<p class="when">${dayTitle(m.date)}, ${meetingTime(m, ctx)} <span class="small">· ${e(ctx.eventName)} · meeting ${e(m.id)}</span></p>
<p class="small">Participants' local time: ${localTimes(m, ctx)}</p>
<table class="meta4">
<tr><th scope="row">Office</th><td>${e(m.chamber === 'House' ? `Representative, ${m.district}` : `Senator, ${m.state}`)}</td><th scope="row">Party · tier</th><td>${e(m.party || '–')} · tier ${e(m.tier || '–')}</td></tr>
<tr><th scope="row">Cosponsor</th><td>${e(m.cosponsor || '–')}</td><th scope="row">Office notes</th><td>${e(m.officeNotes || '–')}</td></tr>
<tr><th scope="row">Lead</th><td>${leadContact(m, 'no volunteer yet: the accompanier leads')}</td><th scope="row">Accompanier</th><td>${contact(m.accompanier, m.accompanierEmail)}</td></tr>
<tr><th scope="row">${whereLabel(ctx)}</th><td>${where(m, ctx)}</td><th scope="row">Meeting notes</th><td>${e(m.meetingNotes || '–')}</td></tr>
</table>
<h2>Participants (${m.attendees.length})</h2>
<table class="people${m.attendees.length > 6 ? ' dense' : ''}">
<thead><tr><th scope="col" style="width:28%">Name</th><th scope="col" style="width:32%">Organization</th><th scope="col" style="width:11%">Story</th><th scope="col" style="width:29%">Interpretation or access needs</th></tr></thead>
<tbody>
${m.attendees.map((a) => `<tr><td>${e(personName(a))}${roleNote(a)}</td><td>${e(a.organization)}</td><td>${a.story ? 'will share' : ''}</td><td>${e(a.needs)}</td></tr>`).join('\n')}
</tbody>
</table>
<h2>The asks</h2>
<ol class="asks">${ctx.asks.map((a) => `<li>${e(a)}</li>`).join('')}</ol>
<div class="notes">${reportBack(m, ctx)}<p class="small">Notes</p></div>
</section>`).join('\n');
  return page(`${ctx.eventName}: meeting sheets, ${longDate(day)}`, sheets || '<h1>No meetings this day.</h1>', extraCss(ctx));
}
