// The report-back form's export → one record per response, each answer checked against its cell.
// Columns are found by the question's words (report/columns.ts), so Google Forms, Sheets, Typeform,
// Jotform or a form someone retitled all read the same way. A form awg cannot read fully (no ask column,
// no meeting ID or office) is read as far as it can be, the missing part an error naming it.
import { bodyRows, findHeaderRow } from '../normalize/header.js';
import { parseTimestamp } from '../normalize/timestamp.js';
import { InputError, type Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { parseAnswer, type Answer } from './form.js';
import { findColumns, recognizes, yesNo, type Field } from './columns.js';

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

/**
 * The follow-up owed, as text: none where the yes/no question says no (or the text itself says "No",
 * "None"); where it says yes without the text, that the office asked for one.
 */
function followUpOf(asked: string, text: string, hasAsked: boolean): string {
  if (hasAsked && yesNo(asked) === false) return '';
  if (yesNo(text) === false) return '';
  if (yesNo(text) === true) return 'The office asked for a follow-up (the report does not say what)';
  if (!text && hasAsked && yesNo(asked) === true) return 'The office asked for a follow-up (the report does not say what)';
  return text;
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

export function readResponses(sheet: Sheet, file: string, asks: readonly string[], eventZone: string, mapping: Readonly<Record<string, string>> = {}): { responses: ReportResponse[]; problems: Problem[]; columns: ResponseColumns } {
  const where = { file, ...(sheet.name ? { sheet: sheet.name } : {}) };
  const headerIdx = findHeaderRow(sheet.rows, recognizes, 2);
  if (headerIdx < 0) {
    throw new InputError([{ code: 'no-header', severity: 'error', ...where, message: `${file}: no header row found in the first 30 rows (looked for questions like "Meeting ID", "Office", "Ask 1").`, fix: 'Check that this is the report-back form\'s export (awg init --report-form prints its questions).' }]);
  }
  const headers = (sheet.rows[headerIdx] ?? []).map((h) => h.replace(/\s+/g, ' ').trim());
  const headerRow = headerIdx + 1;
  const body = [...bodyRows(sheet.rows, headerIdx + 1)];
  const found = findColumns(headers, body.map((b) => b.cells), asks, mapping, { ...where, row: headerRow });
  const { cols, asks: askCols } = found;
  const problems: Problem[] = [...found.problems];
  const seen = `Headers seen: ${headers.filter(Boolean).map((h) => `"${h}"`).join(', ')}.`;
  if (!cols.has('meetingId') && !cols.has('office')) {
    problems.push({ code: 'missing-column', severity: 'error', ...where, row: headerRow, message: `${file} has no "Meeting ID" column and no "Office" column, so no response can be matched to its meeting; every response is listed as not matched. ${seen}`, fix: 'Name the column "Meeting ID", or map it in the config: "reportColumns": { "meetingId": "<its header>" }.' });
  }
  if (askCols.every((c) => c === undefined)) {
    problems.push({ code: 'missing-column', severity: 'error', ...where, row: headerRow, message: `${file} has no column for the asks' responses (looked for "Ask 1", "Ask 2"… or the asks' own words); every meeting counts as no answer. ${seen}`, fix: 'Map them in the config: "reportColumns": { "ask1": "<its header>", … }, or check that --config gives the asks this form used.' });
  } else {
    askCols.forEach((c, i) => {
      if (c === undefined) problems.push({ code: 'missing-ask-column', severity: 'warning', ...where, row: headerRow, message: `no column for ask ${i + 1} ("${asks[i]}"); every meeting counts as no answer for it.`, fix: `Title that question "Ask ${i + 1}: how did the office respond?", or map it: "reportColumns": { "ask${i + 1}": "<its header>" }.` });
    });
  }
  const used = new Set<number>([...cols.values(), ...askCols.filter((c): c is number => c !== undefined)]);
  headers.forEach((h, k) => {
    if (h && !used.has(k)) problems.push({ code: 'unused-column', severity: 'warning', ...where, row: headerRow, column: h, message: `column "${h}" is not one awg reads; it is left out of the report.`, fix: 'Map it in the config\'s reportColumns if it holds one of the report\'s fields.' });
  });

  const cell = (r: readonly string[], f: Field) => { const k = cols.get(f); return k === undefined ? '' : (r[k] ?? '').trim(); };
  const responses: ReportResponse[] = [];
  for (const { cells: r, row } of body) {
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
      followUp: followUpOf(cell(r, 'followUpAsked'), cell(r, 'followUp'), cols.has('followUpAsked')), followUpBy: cell(r, 'followUpBy'), notes: cell(r, 'notes'),
    });
  }
  const header = (f: string) => { const k = cols.get(f as Field); return k === undefined ? f : headers[k] ?? f; };
  return { responses, problems, columns: { header, asks: askCols.map((k) => (k === undefined ? undefined : headers[k])) } };
}
