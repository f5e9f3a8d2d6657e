// What every printable page shares: the page shell with its print CSS (self-contained: inline CSS, no
// scripts, nothing loaded from anywhere, sized to fit US Letter and A4 alike), escaping, links, and the
// way a meeting's time, office and contacts are written. Every input text is escaped; a link gets an
// href only when it is an http(s) address or an email address that validates.
import type { Campus } from '../campus/model.js';
import { normalizeEmail } from '../normalize/contact.js';
import type { RosterAttendee, RosterMeeting } from './roster-model.js';
import { isZone, longDate, offsetMinutes, rangeIn, whenText, zoneAbbr, zoneName } from './when.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;

export function escapeHtml(s: string): string {
  // Most text (names, times, IDs) has nothing to escape: tested first, it is returned as it is.
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c) : s;
}

const e = escapeHtml;

/** What the pages of one event share. */
export interface PageContext {
  eventName: string;
  /** The event's zone (IANA). */
  zone: string;
  asks: readonly string[];
  reportFormUrl?: string | undefined;
  /** In-person events only: where meetings are (rooms, walks and maps are printed); absent, the pages are as they always were. */
  campus?: Campus;
  /** The campus is the Capitol's (its avenues are drawn on the maps), not the organizer's own. */
  capitol?: boolean;
}

const CSS = `
@page { margin: 12mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { font-family: "DejaVu Sans", Arial, Helvetica, "Noto Sans", "Noto Sans CJK SC", sans-serif; font-size: 10pt; line-height: 1.3; margin: 0 auto; max-width: 180mm; padding: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 3mm 0 1.2mm; }
h3 { font-size: 10.5pt; margin: 2.5mm 0 1mm; }
p { margin: 1.5mm 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2mm 0; }
th, td { border: 1px solid #000; padding: 0.8mm 1.4mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #e6e6e6; font-weight: bold; overflow-wrap: normal; word-break: normal; }
.meta th { width: 22%; }
.meta4 th { width: 17%; }
.meta4 td { width: 33%; }
.people, .meta4, .meta, .asks { font-size: 9pt; }
.people td { padding: 0.5mm 1.2mm; }
/* A full meeting of ten with long names and organizations still fits its one page. */
.dense { font-size: 8.5pt; line-height: 1.2; }
.dense td { padding: 0.3mm 1.2mm; }
.block { break-inside: avoid; page-break-inside: avoid; border-top: 2px solid #000; padding-top: 2mm; margin-top: 4mm; }
.page { break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.when { font-size: 12pt; font-weight: bold; }
.notes { border: 1px solid #000; height: 24mm; margin-top: 2mm; padding: 1mm 1.5mm; }
.notes p { margin: 0 0 1mm; }
.notes .report { border: 0; padding: 0; }
.small { font-size: 9pt; }
.report { border: 1.5px solid #000; padding: 1mm 2mm; }
a { color: #000; overflow-wrap: anywhere; }
ol { margin: 1mm 0 1mm 6mm; padding: 0; }
`;

/** Pages of an in-person event add this to CSS (maps, walks); a virtual event's pages are as they were. */
export function page(title: string, body: string, extraCss = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}${extraCss}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The address itself when it is a plain http(s) web address; nothing else becomes an href. */
export function webHref(url: string): string | undefined {
  const t = url.trim();
  if (!/^https?:\/\/[^\s"'<>`\\]+$/i.test(t)) return undefined;
  try {
    const u = new URL(t);
    return /^https?:$/.test(u.protocol) && u.hostname ? t : undefined;
  } catch {
    return undefined;
  }
}

/** A web link; an address that is not one is printed as text. */
export function webLink(url: string, missing = 'to be sent by the organizers'): string {
  const href = webHref(url);
  if (href) return `<a href="${e(href)}">${e(href)}</a>`;
  return url.trim() ? e(url) : e(missing);
}

const mailLinks = new Map<string, string>();

/** An email address as a mailto: link when it validates, else as text. Kept: leads' and accompaniers' addresses are printed on many pages. */
export function mailLink(email: string): string {
  let link = mailLinks.get(email);
  if (link === undefined) {
    const { email: clean, valid } = normalizeEmail(email);
    link = valid ? `<a href="mailto:${e(clean)}">${e(clean)}</a>` : e(email);
    if (mailLinks.size < 100_000) mailLinks.set(email, link);
  }
  return link;
}

/** A phone number kept on one line (a short one: anything longer may wrap rather than overflow). */
export const phoneText = (phone: string) => (phone.length <= 22 ? e(phone).replace(/ /g, '\u00a0') : e(phone));

/** `Name · email · phone`, the parts that are there. */
export function contact(name: string, email: string, phone = ''): string {
  return [e(name), email ? mailLink(email) : '', phoneText(phone)].filter(Boolean).join(' · ');
}

export const personName = (a: { firstName: string; lastName: string }) => `${a.firstName} ${a.lastName}`.trim();
export const officeTitle = (m: RosterMeeting) => `${m.member} (${m.party ? `${m.party}-` : ''}${m.chamber === 'House' ? m.district : m.state})`;
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `Central time (CT)`. */
export const zoneLabel = (zone: string) => `${zoneName(zone)} time (${zoneAbbr(zone)})`;

/** `Tuesday, July 14`, or the date as written when it is not a YYYY-MM-DD day. */
export const dayTitle = (day: string) => e(longDate(day));

/** The meeting's time for a reader in `readerZone` (the event's by default): `12:30–1:00 pm CT (1:30–2:00 pm ET)`. */
export function meetingTime(m: RosterMeeting, ctx: PageContext, readerZone = ctx.zone): string {
  if (!Number.isFinite(m.startMs) || !Number.isFinite(m.endMs)) return e(`${m.start}–${m.end}`);
  return e(whenText(m.startMs, m.endMs, ctx.zone, readerZone));
}

/** The participants' own times where their zone is not the event's: `10:00–10:30 am CT; 8:00–8:30 am PT`. */
export function localTimes(m: RosterMeeting, ctx: PageContext): string {
  let t = localTimesOf.get(m);
  if (t === undefined) localTimesOf.set(m, (t = localTimesIn(m, ctx)));
  return t;
}

/** Kept by the meeting object (the roster sheet and the meeting sheet both print it), which buildRoster makes afresh for each event's pages. */
const localTimesOf = new WeakMap<RosterMeeting, string>();

function localTimesIn(m: RosterMeeting, ctx: PageContext): string {
  if (!Number.isFinite(m.startMs)) return e(`see ${m.start} in ${zoneName(ctx.zone)} time`);
  const event = rangeIn(m.startMs, m.endMs, ctx.zone);
  // East to west, as a reader scans a map of the country.
  const zones = [...new Set(m.attendees.map((a) => a.timeZone).filter(isZone))]
    .sort((a, b) => offsetMinutes(m.startMs, b) - offsetMinutes(m.startMs, a) || zoneAbbr(a).localeCompare(zoneAbbr(b)));
  const local = [...new Set(zones.map((z) => rangeIn(m.startMs, m.endMs, z, m.date)).filter((t) => t !== event))];
  return local.length ? e(local.join('; ')) : e(`everyone is on ${zoneName(ctx.zone)} time`);
}

/** Where the lead reports after the meeting, keyed by its ID. */
export function reportBack(m: RosterMeeting, ctx: PageContext, who = 'the lead reports'): string {
  const where = ctx.reportFormUrl && webHref(ctx.reportFormUrl) ? `at ${webLink(ctx.reportFormUrl)}` : 'to the organizers';
  return `<p class="report small"><strong>After the meeting</strong>, ${who} how it went ${where}, quoting meeting ID <strong>${e(m.id)}</strong>.</p>`;
}

export const roleNote = (a: RosterAttendee) => (a.role === 'lead' ? ' (lead)' : '');
