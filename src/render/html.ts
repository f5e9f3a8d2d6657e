// Printable pages: day rosters, one-page meeting sheets, participant itineraries. Self-contained (inline
// CSS, no scripts, nothing loaded from anywhere), every input text escaped, a page break between
// meetings and between participants, sized to fit US Letter and A4 alike.
import { formatInTimeZone } from 'date-fns-tz';
import type { RosterMeeting, Itinerary } from './roster-model.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const e = escapeHtml;

/** "CDT, America/Chicago": the abbreviation on that day, and the zone's name. */
const zoneLabels = new Map<string, string>();

function zoneLabel(zone: string, day: string | undefined): string {
  if (!zone) return 'Eastern';
  const key = `${zone}|${day}`;
  let label = zoneLabels.get(key);
  if (label === undefined) {
    try {
      label = `${formatInTimeZone(new Date(`${day ?? '2020-01-01'}T12:00:00Z`), zone, 'zzz')}, ${zone}`;
    } catch {
      label = zone;
    }
    zoneLabels.set(key, label);
  }
  return label;
}

const CSS = `
@page { margin: 12mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { font-family: "DejaVu Sans", Arial, Helvetica, "Noto Sans", "Noto Sans CJK SC", sans-serif; font-size: 10pt; line-height: 1.3; margin: 0 auto; max-width: 180mm; padding: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 3mm 0 1.2mm; }
h3 { font-size: 11pt; margin: 3mm 0 1.5mm; }
p { margin: 1.5mm 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2mm 0; }
th, td { border: 1px solid #000; padding: 0.8mm 1.4mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #e6e6e6; font-weight: bold; overflow-wrap: normal; word-break: normal; }
.meta { width: 100%; }
.meta th { width: 32%; }
.meta4 th { width: 17%; }
.meta4 td { width: 33%; }
.people, .meta4, .asks { font-size: 9pt; }
.people td { padding: 0.5mm 1.2mm; }
.block { break-inside: avoid; page-break-inside: avoid; border-top: 2px solid #000; padding-top: 2mm; margin-top: 4mm; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.when { font-size: 12pt; font-weight: bold; }
.notes { border: 1px solid #000; height: 18mm; margin-top: 2mm; padding: 1mm 1.5mm; }
.small { font-size: 9.5pt; }
a { color: #000; overflow-wrap: anywhere; }
ol { margin: 1mm 0 1mm 6mm; padding: 0; }
`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const officeTitle = (m: RosterMeeting) => `${m.member} (${m.party ? `${m.party}-` : ''}${m.chamber === 'House' ? m.district : m.state})`;
const name = (a: { firstName: string; lastName: string }) => `${a.firstName} ${a.lastName}`.trim();
/** A link printed as text: nothing on these pages loads or opens anything by itself. */
const linkText = (url: string) => (url ? e(url) : 'to be sent by the organizers');

function localTimes(m: RosterMeeting, eventZoneLabel: string): string {
  const zones = new Map<string, string>();
  for (const a of m.attendees) if (a.timeZone && !zones.has(a.timeZone)) zones.set(a.timeZone, `${a.localStart}–${a.localEnd} ${a.timeZone}`);
  const list = [...zones.values()].filter((z) => !z.endsWith(eventZoneLabel)).sort();
  return list.length ? list.map(e).join('; ') : 'same as Eastern';
}

export function dayRoster(day: string, meetings: readonly RosterMeeting[], eventName: string, eventZone: string): string {
  const blocks = meetings.map((m) => `
<section class="block">
<h2>${e(m.start)}–${e(m.end)} Eastern · ${e(officeTitle(m))}</h2>
<table class="meta4">
<tr><th scope="row">Meeting</th><td>${e(m.id)} (${e(m.status)})</td><th scope="row">Accompanier</th><td>${e(m.accompanier)}${m.accompanierEmail ? ` · ${e(m.accompanierEmail)}` : ''}</td></tr>
<tr><th scope="row">Lead</th><td>${e(m.lead || 'no volunteer yet')}</td><th scope="row">Video link</th><td>${linkText(m.link)}</td></tr>
<tr><th scope="row">Local time</th><td colspan="3">${localTimes(m, eventZone)}</td></tr>
</table>
<table class="people">
<thead><tr><th scope="col" style="width:30%">Participant</th><th scope="col" style="width:28%">Organization</th><th scope="col" style="width:20%">Phone</th><th scope="col" style="width:22%">Needs</th></tr></thead>
<tbody>
${m.attendees.map((a) => `<tr><td>${e(name(a))}${a.role === 'lead' ? ' (lead)' : ''}</td><td>${e(a.organization)}</td><td>${e(a.phone)}</td><td>${e(a.needs)}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`).join('\n');
  return page(`${eventName}: meetings on ${day}`, `<main>
<h1>${e(eventName)}: meetings on ${e(day)}</h1>
<p>${meetings.length} meeting${meetings.length === 1 ? '' : 's'}, times in Eastern time.</p>
${blocks || '<p>No meetings this day.</p>'}
</main>`);
}

export function meetingSheets(day: string, meetings: readonly RosterMeeting[], eventName: string, asks: readonly string[], eventZone: string): string {
  const sheets = meetings.map((m) => `
<section class="page">
<h1>${e(officeTitle(m))}</h1>
<p class="when">${e(m.date)}, ${e(m.start)}–${e(m.end)} Eastern <span class="small">· ${e(eventName)} · meeting ${e(m.id)}</span></p>
<p class="small">Participants' local time: ${localTimes(m, eventZone)}</p>
<table class="meta4">
<tr><th scope="row">Office</th><td>${e(m.chamber === 'House' ? `Representative, ${m.district}` : `Senator, ${m.state}`)}</td><th scope="row">Party · tier</th><td>${e(m.party || '–')} · tier ${e(m.tier || '–')}</td></tr>
<tr><th scope="row">Cosponsor</th><td>${e(m.cosponsor || '–')}</td><th scope="row">Office notes</th><td>${e(m.officeNotes || '–')}</td></tr>
<tr><th scope="row">Lead</th><td>${e(m.lead || 'no volunteer yet: the accompanier leads')}</td><th scope="row">Accompanier</th><td>${e(m.accompanier)}${m.accompanierEmail ? ` · ${e(m.accompanierEmail)}` : ''}</td></tr>
<tr><th scope="row">Video link</th><td>${linkText(m.link)}</td><th scope="row">Meeting notes</th><td>${e(m.meetingNotes || '–')}</td></tr>
</table>
<h2>Participants (${m.attendees.length})</h2>
<table class="people">
<thead><tr><th scope="col" style="width:28%">Name</th><th scope="col" style="width:32%">Organization</th><th scope="col" style="width:11%">Story</th><th scope="col" style="width:29%">Interpretation or access needs</th></tr></thead>
<tbody>
${m.attendees.map((a) => `<tr><td>${e(name(a))}${a.role === 'lead' ? ' (lead)' : ''}</td><td>${e(a.organization)}</td><td>${a.story ? 'will share' : ''}</td><td>${e(a.needs)}</td></tr>`).join('\n')}
</tbody>
</table>
<h2>The asks</h2>
<ol class="asks">${asks.map((a) => `<li>${e(a)}</li>`).join('')}</ol>
<div class="notes"><span class="small">Notes</span></div>
</section>`).join('\n');
  return page(`${eventName}: meeting sheets, ${day}`, `<main>\n${sheets || '<h1>No meetings this day.</h1>'}\n</main>`);
}

export function itineraryPages(people: readonly Itinerary[], eventName: string, asks: readonly string[]): string {
  const pages = people.map((p) => `
<section class="page">
<h1>${e(p.name)}: your ${e(eventName)} schedule</h1>
<p>${p.meetings.length} meeting${p.meetings.length === 1 ? '' : 's'}. Times are in your time zone (${e(zoneLabel(p.timeZone, p.meetings[0]?.meeting.date))}) and in Eastern time.</p>
<table>
<thead><tr><th scope="col" style="width:16%">Your time</th><th scope="col" style="width:12%">Eastern</th><th scope="col" style="width:22%">Meeting with</th><th scope="col" style="width:14%">Lead</th><th scope="col" style="width:19%">Accompanier</th><th scope="col" style="width:17%">Video link</th></tr></thead>
<tbody>
${p.meetings.map(({ meeting: m, attendee: a }) => `<tr><td>${e(m.date)}<br>${e(a.localStart)}–${e(a.localEnd)}</td><td>${e(m.start)}–${e(m.end)}</td><td>${e(officeTitle(m))}</td><td>${a.role === 'lead' ? '<strong>You</strong>' : e(m.lead || 'the accompanier')}</td><td>${e(m.accompanier)}${m.accompanierEmail ? `<br><span class="small">${e(m.accompanierEmail)}</span>` : ''}</td><td class="small">${linkText(m.link)}</td></tr>`).join('\n')}
</tbody>
</table>
<h2>The asks</h2>
<ol>${asks.map((x) => `<li>${e(x)}</li>`).join('')}</ol>
<h2>If you cannot make it</h2>
<p>Tell your accompanier as soon as you can${p.meetings[0]?.meeting.accompanierEmail ? ` (${e(p.meetings[0].meeting.accompanierEmail)})` : ''}, so the group can plan without you. You can still join the digital advocacy: the organizers will send the toolkit.</p>
</section>`).join('\n');
  return page(`${eventName}: participant itineraries`, `<main>\n${pages || '<h1>No participants in meetings yet.</h1>'}\n</main>`);
}
