// Meetings offices' schedulers have already confirmed: which office (member name, CA-12, or state and
// district or chamber), when, the video link. Their times are kept as they are; what cannot be
// kept (an unknown office, a day outside the event, a time outside the window) is reported by row.
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { EventConfig } from '../config/schema.js';
import { hhmm, meetingMinutesFor, toMinutes } from '../event.js';
import type { Accompanier, ConfirmedMeeting, TargetOffice } from '../model.js';
import { InputError, type Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { dayOfLabel } from './availability.js';
import { normalizeEmail } from './contact.js';
import { parseDistrict } from './district.js';
import { fieldColumnMap, sheetProblems, type ColumnUse } from './columns.js';
import { bodyRows, findHeaderRow, mapColumns, normHeader } from './header.js';
import { parseState } from './state.js';
import { zoneOfWord, zoneWord } from './zones.js';
import { linkProblem } from './video-link.js';

type Field = 'office' | 'state' | 'district' | 'chamber' | 'date' | 'start' | 'end' | 'link' | 'notes' | 'accompanier' | 'participants';

const PATTERNS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['accompanier', /\b(accompan\w*|staff)\b/],
  ['participants', /\b(participants?|attendees?|constituents?)\b/],
  ['link', /\b(link|video|zoom|url|meet|webex|teams)\b/],
  ['notes', /\b(notes?|comments?)\b/],
  ['date', /\b(date|day)\b/],
  ['end', /\b(end|until|to)\b/],
  ['start', /\b(start|time|starts)\b/],
  ['district', /\bdistrict\b/],
  ['chamber', /\bchamber\b/],
  ['state', /\bstate\b/],
  ['office', /\b(office|member|legislator|representative|senator|target|name)\b/],
];

/** 11:00, 2:00 PM, 2pm, 14:00, 11 AM ET → minutes after midnight in the event zone. */
const FIELD_WORDS: Record<Field, string> = {
  office: 'office', state: 'state', district: 'district', chamber: 'chamber', date: 'date', start: 'start time', end: 'end time',
  link: 'video link', notes: 'notes', accompanier: 'accompanier', participants: 'participants (emails)',
};

export function parseClockTime(text: string, day: string, eventZone: string): number | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*([ap])?\.?m?\.?\s*((?:ak|e|c|m|p|h)[sd]?t)?$/i.exec(text.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (m[3]) h = (h % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
  else if (!m[2] && h >= 1 && h <= 6) h += 12;
  if (h > 23 || min > 59) return undefined;
  const zone = m[4] ? zoneOfWord(m[4]) : undefined;
  if (!zone || zone === eventZone) return h * 60 + min;
  const instant = fromZonedTime(`${day}T${hhmm(h * 60 + min)}:00`, zone);
  const [hh, mm] = formatInTimeZone(instant, eventZone, 'HH:mm').split(':');
  return Number(hh) * 60 + Number(mm);
}

const simplify = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\b(sen|senator|rep|representative|congress(wo)?man|hon)\b\.?/g, ' ').replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

export function resolveOffice(text: string, stateRaw: string, districtRaw: string, chamberRaw: string, offices: readonly TargetOffice[]): { office?: TargetOffice; why?: string } {
  const state = parseState(stateRaw);
  const chamber = /sen/i.test(chamberRaw) || /\bsenate\b/i.test(text) ? 'Senate' : /house|rep/i.test(chamberRaw) ? 'House' : undefined;
  const dText = districtRaw || (/^[A-Za-z.]{2,5}[\s-]*(\d{1,2}|AL|at[\s-]*large)$/i.test(text.trim()) ? text : '');
  if (dText) {
    const d = parseDistrict(dText, state);
    if (d.ok && d.state) {
      const o = offices.find((x) => x.chamber === 'House' && x.state === d.state!.code && x.district === d.district);
      return o ? { office: o } : { why: `${d.state.code}-${d.district} is not a target office` };
    }
  }
  const want = simplify(text.replace(/\bsenate\b/i, ''));
  let pool = offices.filter((o) => (!state || o.state === state.code) && (!chamber || o.chamber === chamber));
  if (want) {
    const exact = pool.filter((o) => simplify(o.member) === want);
    pool = exact.length ? exact : pool.filter((o) => simplify(o.member).split(' ').some((w) => w.length > 2 && want.split(' ').includes(w)));
  } else if (!state) pool = [];
  if (pool.length === 1) return { office: pool[0]! };
  if (pool.length > 1) return { why: `"${text || stateRaw}" could be ${pool.map((o) => o.member).join(' or ')}` };
  return { why: `"${[text, stateRaw, districtRaw].filter(Boolean).join(' ')}" is not a target office` };
}

export function normalizeConfirmed(
  sheet: Sheet, file: string, event: EventConfig, offices: readonly TargetOffice[], staff: readonly Accompanier[],
): { confirmed: ConfirmedMeeting[]; problems: Problem[]; headerRow: number; columnMap: ColumnUse[] } {
  const where = { file, ...(sheet.name ? { sheet: sheet.name } : {}) };
  const recognizes = (h: string) => PATTERNS.some(([, re]) => re.test(normHeader(h)));
  const headerIdx = findHeaderRow(sheet.rows, recognizes, 2);
  const headers = headerIdx < 0 ? [] : (sheet.rows[headerIdx] ?? []).map((h) => h.replace(/\s+/g, ' ').trim());
  const fields = mapColumns(headers, PATTERNS);
  if (headerIdx < 0 || !fields.has('date') || !fields.has('start') || (!fields.has('office') && !fields.has('state'))) {
    throw new InputError([{ code: 'missing-column', severity: 'error', ...where, row: headerIdx + 1 || 1,
      message: `${file} needs columns for the office, the date and the start time. Headers seen: ${headers.map((h) => `"${h}"`).join(', ') || '(none)'}.`,
      fix: 'Use a header row like: Office, Date, Start, Video link, Notes.' }]);
  }
  const problems: Problem[] = sheetProblems(sheet.problems, headers);
  const confirmed: ConfirmedMeeting[] = [];
  const winFrom = toMinutes(event.windowStart);
  const winTo = toMinutes(event.windowEnd);
  for (const { cells, row } of bodyRows(sheet.rows, headerIdx + 1)) {
    const get = (f: Field) => (cells[fields.get(f) ?? -1] ?? '').replace(/\s+/g, ' ').trim();
    const col = (f: Field) => headers[fields.get(f) ?? -1] ?? f;
    const bad = (f: Field, code: string, value: string, message: string, fix: string) => problems.push({ code, severity: 'error', ...where, row, column: col(f), value, message, fix });
    const { office, why } = resolveOffice(get('office'), get('state'), get('district'), get('chamber'), offices);
    if (!office) {
      bad(fields.has('office') ? 'office' : 'state', 'unknown-office', get('office'), `${why}; the meeting is not scheduled`, 'Write the member\'s name as in the target workbook, or the district like CA-12.');
      continue;
    }
    const dateRaw = get('date');
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(dateRaw) ? dateRaw : dayOfLabel(dateRaw, event);
    if (!iso || !event.days.includes(iso)) {
      bad('date', 'not-an-event-day', dateRaw, `"${dateRaw}" is not one of the event's days (${event.days.join(', ')})`, 'Correct the date, or add the day to event.days in awg.config.json.');
      continue;
    }
    const startRaw = get('start');
    const startMin = parseClockTime(startRaw, iso, event.timeZone);
    if (startMin === undefined) {
      bad('start', 'unreadable-time', startRaw, `"${startRaw}" is not a time awg can read`, `Write it like 11:00 or 2:30 PM (${zoneWord(event.timeZone)} time).`);
      continue;
    }
    const endRaw = get('end');
    const endMin = endRaw ? parseClockTime(endRaw, iso, event.timeZone) : startMin + meetingMinutesFor(event, office.chamber);
    if (endMin === undefined || endMin <= startMin) {
      bad('end', 'unreadable-time', endRaw, `"${endRaw}" is not an end time after the start`, 'Write it like 11:30, or leave it blank for the usual meeting length.');
      continue;
    }
    if (startMin < winFrom || endMin > winTo) {
      bad('start', 'outside-window', startRaw, `${startRaw} is outside the meeting window (${event.windowStart}–${event.windowEnd} ${zoneWord(event.timeZone)} time); the meeting is not scheduled`, 'Check the time with the office\'s scheduler.');
      continue;
    }
    const accRaw = get('accompanier');
    let accompanier: Accompanier | undefined;
    if (accRaw) {
      const key = accRaw.toLowerCase();
      accompanier = staff.find((s) => s.name.toLowerCase() === key || (s.email && s.email === key));
      if (!accompanier) problems.push({ code: 'unknown-accompanier', severity: 'warning', ...where, row, column: col('accompanier'), value: accRaw, message: `"${accRaw}" is not on the staff list; awg picks an accompanier`, fix: 'Add them to the staff list, or correct the name.' });
    }
    const participantEmails = get('participants').split(/[;,\s]+/).filter(Boolean).map((e) => normalizeEmail(e).email);
    const link = linkProblem(get('link'), { ...where, row, column: col('link') });
    if (link) problems.push(link);
    confirmed.push({ row, office, day: iso, startMin, endMin, link: get('link'), notes: get('notes'), ...(accompanier ? { accompanier } : {}), participantEmails });
  }
  return { confirmed, problems, headerRow: headerIdx + 1, columnMap: fieldColumnMap(headers, fields, FIELD_WORDS) };
}
