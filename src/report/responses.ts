// The report-back form's export → one record per response, each answer checked against its cell.
// Columns are found by the question's words, so Google Forms, Sheets, Typeform (lower case), Jotform or
// a form someone retitled slightly all read the same way.
import { bodyRows, findHeaderRow, mapColumns, normHeader } from '../normalize/header.js';
import { parseTimestamp } from '../normalize/timestamp.js';
import { InputError, type Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { parseAnswer, type Answer } from './form.js';

export interface ReportResponse {
  /** The row as the spreadsheet shows it (header row included). */
  row: number;
  submitted?: number;
  meetingId: string;
  office: string;
  /** The meeting's day, YYYY-MM-DD: from a meeting-date column, else the day it was submitted. */
  day?: string;
  reporter: string;
  reporterEmail: string;
  attended: string;
  answers: Array<Answer | undefined>;
  followUp: string;
  followUpBy: string;
  notes: string;
}

export interface ResponseColumns {
  /** Header text per field, for problems that name the column. */
  header: (field: string) => string;
  asks: Array<string | undefined>;
}

type Field = 'timestamp' | 'meetingId' | 'meetingDate' | 'followUpBy' | 'followUp' | 'reporterEmail' | 'reporter' | 'attended' | 'office' | 'notes';

/** Order matters: "What follow-up did the office ask for?" is the follow-up, not the office. */
const PATTERNS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['timestamp', /^(timestamp|submitted|submitted at|submitted on|submission date|submit date|date submitted|created|created at|response date|end date|completed)$/],
  ['meetingId', /\bmeeting (id|code|number|no|#)\b|^(meeting|id)$/],
  ['meetingDate', /\b(meeting date|date of (the )?meeting|when was the meeting)\b|^date$/],
  ['followUpBy', /\bwho\b.*\b(send|follow|owe|respon)|\bfollow ?up (owner|by|owed by)\b|\bowed by\b/],
  ['followUp', /\bfollow ?ups?\b/],
  ['reporterEmail', /\be ?mail\b/],
  ['reporter', /^(your name|name|full name|your full name|reporter|reported by|lead|meeting lead|your name s)$|\byour (full )?name\b/],
  ['attended', /\b(attend\w*|who was there|who joined|participants)\b/],
  ['office', /^(?!.*\bask\b).*\b(office|member of congress|legislator|senator|representative|member)\b/],
  ['notes', /^(notes?|comments?|other notes|anything else\b.*)$|\bnotes?\b/],
];

const recognizes = (h: string) => PATTERNS.some(([, re]) => re.test(normHeader(h))) || /\bask\b/.test(normHeader(h));

/** Which column holds ask i: one naming "ask i", else one whose text holds the ask's first words. */
function askColumns(headers: readonly string[], asks: readonly string[], taken: ReadonlySet<number>): Array<number | undefined> {
  const words = (s: string) => normHeader(s).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
  return asks.map((ask, i) => {
    const byNumber = headers.findIndex((h, k) => !taken.has(k) && new RegExp(`\\bask (no |number |#)?${i + 1}\\b`).test(words(h).replace(/#/g, ' ')));
    if (byNumber >= 0) return byNumber;
    const start = words(ask).split(' ').slice(0, 6).join(' ');
    const byText = headers.findIndex((h, k) => !taken.has(k) && start.length > 0 && words(h).includes(start));
    return byText >= 0 ? byText : undefined;
  });
}

/** The day a timestamp fell on, in the event's zone. */
function dayIn(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** A meeting-date cell as YYYY-MM-DD (ISO, a date cell, or 7/15/2020). */
function meetingDay(text: string, zone: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
  const t = text ? parseTimestamp(text, zone) : undefined;
  return t ? dayIn(t.getTime(), zone) : undefined;
}

export function readResponses(sheet: Sheet, file: string, asks: readonly string[], eventZone: string): { responses: ReportResponse[]; problems: Problem[]; columns: ResponseColumns } {
  const where = { file, ...(sheet.name ? { sheet: sheet.name } : {}) };
  const headerIdx = findHeaderRow(sheet.rows, recognizes, 2);
  if (headerIdx < 0) {
    throw new InputError([{ code: 'no-header', severity: 'error', ...where, message: `${file}: no header row found in the first 30 rows (looked for questions like "Meeting ID", "Office", "Ask 1").`, fix: 'Check that this is the report-back form\'s export (awg init --report-form prints its questions).' }]);
  }
  const headers = (sheet.rows[headerIdx] ?? []).map((h) => h.replace(/\s+/g, ' ').trim());
  const cols = mapColumns(headers, PATTERNS);
  const askCols = askColumns(headers, asks, new Set(cols.values()));
  const problems: Problem[] = [];
  const headerRow = headerIdx + 1;
  if (!cols.has('meetingId') && !cols.has('office')) {
    throw new InputError([{ code: 'missing-column', severity: 'error', ...where, row: headerRow, message: `${file} has no "Meeting ID" column and no "Office" column, so no response can be matched to its meeting. Headers seen: ${headers.filter(Boolean).map((h) => `"${h}"`).join(', ')}.`, fix: 'Name the column "Meeting ID" (awg init --report-form prints the form\'s questions).' }]);
  }
  if (askCols.every((c) => c === undefined)) {
    throw new InputError([{ code: 'missing-column', severity: 'error', ...where, row: headerRow, message: `${file} has no column for the asks' responses (looked for "Ask 1", "Ask 2"… or the asks' own words). Headers seen: ${headers.filter(Boolean).map((h) => `"${h}"`).join(', ')}.`, fix: 'Title the questions "Ask 1: how did the office respond?" and so on, or check that --config gives the asks this form used.' }]);
  }
  askCols.forEach((c, i) => {
    if (c === undefined) problems.push({ code: 'missing-ask-column', severity: 'warning', ...where, row: headerRow, message: `no column for ask ${i + 1} ("${asks[i]}"); every meeting counts as no answer for it.`, fix: `Title that question "Ask ${i + 1}: how did the office respond?".` });
  });
  const used = new Set<number>([...cols.values(), ...askCols.filter((c): c is number => c !== undefined)]);
  headers.forEach((h, k) => {
    if (h && !used.has(k)) problems.push({ code: 'unused-column', severity: 'warning', ...where, row: headerRow, column: h, message: `column "${h}" is not one awg reads; it is left out of the report.` });
  });

  const cell = (r: readonly string[], f: Field) => { const k = cols.get(f); return k === undefined ? '' : (r[k] ?? '').trim(); };
  const responses: ReportResponse[] = [];
  for (const { cells: r, row } of bodyRows(sheet.rows, headerIdx + 1)) {
    const stamp = cell(r, 'timestamp');
    const submitted = stamp ? parseTimestamp(stamp, eventZone)?.getTime() : undefined;
    if (stamp && submitted === undefined) problems.push({ code: 'bad-timestamp', severity: 'warning', ...where, row, column: headers[cols.get('timestamp')!], value: stamp, message: `"${stamp}" is not a date and time; if this meeting has two reports, the later row counts.` });
    const dateCell = cell(r, 'meetingDate');
    const day = meetingDay(dateCell, eventZone) ?? (submitted !== undefined ? dayIn(submitted, eventZone) : undefined);
    const answers = askCols.map((k, a) => {
      if (k === undefined) return undefined;
      const raw = (r[k] ?? '').trim();
      const ans = parseAnswer(raw);
      if (ans === null) {
        problems.push({ code: 'unreadable-answer', severity: 'warning', ...where, row, column: headers[k], value: raw, message: `"${raw}" is not one of Supportive, Undecided, Opposed, Not discussed; ask ${a + 1} counts as no answer for this meeting.`, fix: 'Write one of the four answers in the cell.' });
        return undefined;
      }
      return ans;
    });
    responses.push({
      row, ...(submitted !== undefined ? { submitted } : {}), ...(day ? { day } : {}), meetingId: cell(r, 'meetingId'), office: cell(r, 'office'),
      reporter: cell(r, 'reporter'), reporterEmail: cell(r, 'reporterEmail'), attended: cell(r, 'attended'), answers,
      followUp: cell(r, 'followUp'), followUpBy: cell(r, 'followUpBy'), notes: cell(r, 'notes'),
    });
  }
  const header = (f: string) => { const k = cols.get(f as Field); return k === undefined ? f : headers[k] ?? f; };
  return { responses, problems, columns: { header, asks: askCols.map((k) => (k === undefined ? undefined : headers[k])) } };
}
