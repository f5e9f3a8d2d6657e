// awg's own tables read back as rows (pure): meetings, attendees, the people lists and the offices'
// statuses, each row with its file, sheet and spreadsheet row number. Columns are found by header
// (any order; columns an organizer added are named, never read as awg's), dates and times are read
// however a spreadsheet saved them, and no row is merged or dropped without a problem naming it.
import { ATTENDEE_COLUMNS, MEETING_COLUMNS, machineHeader } from '../columns.js';
import { unneutralize } from '../formula-guard.js';
import { sheetProblems } from '../normalize/columns.js';
import { findHeaderRow, isBlankRow } from '../normalize/header.js';
import type { Problem } from '../problems.js';
import { sheetRows, type RowSource, type Sheet } from '../read/table.js';
import { readClock, readDate } from './cells.js';
import { linkProblem } from '../normalize/video-link.js';

export interface FolderRow {
  file: string;
  sheet?: string;
  /** The row number as the spreadsheet shows it (header row included). */
  row: number;
  /** Every cell by its header (lower-cased), the formula guard taken off, trimmed. */
  cells: Record<string, string>;
  /** The columns an organizer added, as [header as written, value]: awg keeps them, never reads them. */
  added: Array<[string, string]>;
}

export interface MeetingRow extends FolderRow {
  meetingId: string;
  /** YYYY-MM-DD when the cell reads as a date, else undefined (dateText is what the cell says). */
  date?: string;
  dateText: string;
  /** HH:MM (event zone) when the cell reads as a time. */
  start?: string;
  startText: string;
  end?: string;
  endText: string;
  chamber: string;
  state: string;
  district: string;
  member: string;
  accompanier: string;
  accompanierEmail: string;
  lead: string;
  link: string;
  status: string;
  notes: string;
}

export interface AttendeeRow extends FolderRow {
  meetingId: string;
  rsvpRow?: number;
  rsvpRowText: string;
  firstName: string;
  lastName: string;
  email: string;
  role: string;
  date?: string;
  dateText: string;
  start?: string;
  startText: string;
  member: string;
}

export interface ListRow extends FolderRow {
  list: string;
  rsvpRow?: number;
  firstName: string;
  lastName: string;
  email: string;
  reason: string;
}


/** Distinct values pooled per column: past it, the column's values are taken not to repeat. */
const POOL_LIMIT = 5000;

interface Where {
  file: string;
  sheet?: string;
}

/** The rows findHeaderRow looks at for the header: a source's first rows are held until it has them. */
const HEADER_SCAN = 30;

/** The rows under the header, keyed by header; problems for a lost header, lost columns, merged rows. */
export function tableRows(sheet: Sheet | RowSource, where: Where, required: readonly string[], knownColumns: readonly string[] | undefined, problems: Problem[]): FolderRow[] {
  return eachTableRow(sheet, where, required, knownColumns, problems, (r) => r);
}

/**
 * tableRows, each row made into what the caller keeps as it is read: from a row source, neither the
 * rows of text nor the FolderRows are ever all held beside what is made of them.
 */
function eachTableRow<T>(sheet: Sheet | RowSource, where: Where, required: readonly string[], knownColumns: readonly string[] | undefined, problems: Problem[], make: (r: FolderRow) => T): T[] {
  const source = 'forEachRow' in sheet ? sheet : sheetRows(sheet);
  const out: T[] = [];
  const head: string[][] = [];
  let body: ((raw: string[], row: number) => void) | undefined;
  const begin = () => {
    const header = headerOf(head, source, where, required, knownColumns, problems);
    body = header ? bodyRow(header, where, problems, (r) => out.push(make(r))) : () => {};
    for (let i = (header?.index ?? head.length) + 1; i < head.length; i++) body(head[i]!, i + 1);
    head.length = 0;
  };
  source.forEachRow((raw, i) => {
    if (body) return body(raw, i + 1);
    head.push(raw);
    if (head.length === HEADER_SCAN) begin();
  });
  if (!body) begin();
  return out;
}

interface Header {
  index: number;
  headers: string[];
  written: string[];
  known: readonly string[];
  addedAt: number[];
}

/** The header among the first rows, and the problems of the table as a whole; undefined when the rows cannot be read. */
function headerOf(head: readonly string[][], source: RowSource, where: Where, required: readonly string[], knownColumns: readonly string[] | undefined, problems: Problem[]): Header | undefined {
  const known = knownColumns ?? required;
  const at = { file: where.file, ...(where.sheet ? { sheet: where.sheet } : {}) };
  // Workbook sheets carry headers for people (`Meeting`); the CSVs machine names: both read as machine names.
  const idx = findHeaderRow(head, (h) => known.includes(machineHeader(h)), Math.min(2, required.length), HEADER_SCAN);
  if (idx < 0) {
    problems.push({ code: 'missing-column', severity: 'error', ...at, row: 1, message: `has none of the columns ${required.join(', ')}; is it an awg file?`, fix: 'Restore the header row as awg wrote it.' });
    return undefined;
  }
  const headers = (head[idx] ?? []).map((h) => machineHeader(h));
  const missing = required.filter((c) => !headers.includes(c));
  if (missing.length) {
    problems.push({ code: 'missing-column', severity: 'error', ...at, row: idx + 1, message: `has lost its column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, fix: 'Restore the header row as awg wrote it.' });
    return undefined;
  }
  const written = (head[idx] ?? []).map((h) => h.trim());
  // A quote the reader had to undo (it would have swallowed the rows after it) is named, never silent.
  problems.push(...sheetProblems(source.problems, written).map((p) => (where.sheet ? { ...p, sheet: where.sheet } : p)));
  const addedAt = knownColumns ? headers.map((h, c) => (h && !known.includes(h) && headers.indexOf(h) === c ? c : -1)).filter((c) => c >= 0) : [];
  if (addedAt.length) {
    const names = addedAt.map((c) => written[c]!).join(', ');
    problems.push({ code: 'added-column', severity: 'warning', ...at, row: idx + 1, column: names, message: `has column${addedAt.length > 1 ? 's' : ''} awg did not write (${names}): awg does not read ${addedAt.length > 1 ? 'them' : 'it'}, and \`awg update\` keeps ${addedAt.length > 1 ? 'them' : 'it'} as written, after its own columns`, fix: 'Nothing to do if this is your own column; if it was one of awg\'s, restore its header.' });
  }
  return { index: idx, headers, written, known, addedAt };
}

/** What reads each row under the header (blank rows skipped) and hands it to `keep`. */
function bodyRow({ headers, written, addedAt }: Header, where: Where, problems: Problem[], keep: (r: FolderRow) => void): (raw: string[], row: number) => void {
  const at = { file: where.file, ...(where.sheet ? { sheet: where.sheet } : {}) };
  const interned = headers.map(() => new Map<string, string>());
  // A column's values repeat (dates, times, offices, roles): one string each, not one a row, so that a
  // folder of 100,000 rows fits in memory. A column of values that hardly repeat stops being pooled.
  const cellAt = (raw: readonly string[], c: number) => {
    const text = unneutralize(raw[c] ?? '').trim();
    const pool = interned[c];
    if (!pool || text.length > 64) return text;
    const same = pool.get(text);
    if (same !== undefined) return same;
    if (pool.size < POOL_LIMIT) pool.set(text, text);
    return text;
  };
  const width = Math.min(5, headers.length);
  // Each header's first column ('__proto__' is no cell: assigning it never stored one).
  const firstOf = headers.flatMap((h, c) => (h && h !== '__proto__' && headers.indexOf(h) === c ? [c] : []));
  // Every row's cells copied from one object holding the headers: an object given more than a dozen
  // keys one by one turns into a hash table, five times the memory (200 MB for 100,000 meetings).
  // JSON.parse makes it as a plain object of fixed shape; copies keep that shape.
  const blank = JSON.parse(JSON.stringify(Object.fromEntries(firstOf.map((c) => [headers[c]!, ''])))) as Record<string, string>;
  return (raw, row) => {
    if (isBlankRow(raw)) return;
    if (raw.length > headers.length) {
      const beyond = raw.slice(headers.length).filter((c) => c.trim() !== '');
      if (beyond.length) {
        problems.push({ code: 'merged-row', severity: 'error', ...at, row, value: beyond.join(','), message: `has ${raw.length} cells for ${headers.length} columns: two rows may have been merged into one`, fix: 'Open the file and split the row in two, one person or meeting a row.' });
      }
    }
    // An unbalanced quote makes one cell swallow the lines after it: rows of awg's files never hold a
    // cell with a line that itself looks like a row of several cells.
    const swallowed = raw.find((c) => (c.includes('\n') || c.includes('\r')) && c.split(/\r\n|\n|\r/).slice(1).some((l) => l.split(',').length >= width));
    if (swallowed !== undefined) {
      problems.push({ code: 'merged-row', severity: 'error', ...at, row, value: swallowed.slice(0, 80), message: 'has a cell that holds several lines of what look like rows (a quote left open?): rows may have been merged into it', fix: 'Open the file, find the cell with a lone " and close or remove the quote.' });
    }
    const cells: Record<string, string> = { ...blank };
    for (const c of firstOf) cells[headers[c]!] = cellAt(raw, c);
    keep({ ...at, row, cells, added: addedAt.length ? addedAt.map((c) => [written[c]!, unneutralize(raw[c] ?? '').trim()]) : [] });
  };
}

const num = (text: string) => (/^\d+$/.test(text) ? Number(text) : undefined);
const opt = <T>(key: string, v: T | undefined): Record<string, T> => (v === undefined ? {} : { [key]: v });

/** A cell reader that remembers its answers: a column's dates and times repeat on every row. */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = read(text);
    if (seen.size < POOL_LIMIT) seen.set(text, value);
    return value;
  };
}

export function meetingRows(sheet: Sheet | RowSource, where: Where, eventDays: readonly string[], problems: Problem[]): MeetingRow[] {
  const date = remembered((t) => readDate(t, eventDays));
  const clock = remembered(readClock);
  // Told after the table's own problems, as they were when the rows were read first and looked at after.
  const links: Problem[] = [];
  const rows = eachTableRow(sheet, where, ['meeting_id', 'date', 'start', 'member'], MEETING_COLUMNS, problems, (r): MeetingRow => {
    const c = (k: string) => r.cells[k] ?? '';
    const link = linkProblem(c('link'), { file: r.file, ...(r.sheet ? { sheet: r.sheet } : {}), row: r.row, column: 'link' });
    if (link) links.push(link);
    return {
      ...r, meetingId: c('meeting_id'), dateText: c('date'), startText: c('start'), endText: c('end'),
      ...opt('date', date(c('date'))), ...opt('start', clock(c('start'))), ...opt('end', clock(c('end'))),
      chamber: c('chamber'), state: c('state'), district: c('district'), member: c('member'), accompanier: c('accompanier'), accompanierEmail: c('accompanier_email'),
      lead: c('lead'), link: c('link'), status: c('status'), notes: c('meeting_notes'),
    };
  });
  problems.push(...links);
  return rows;
}

export function attendeeRows(sheet: Sheet | RowSource, where: Where, eventDays: readonly string[], problems: Problem[]): AttendeeRow[] {
  const date = remembered((t) => readDate(t, eventDays));
  const clock = remembered(readClock);
  const lower = remembered((t) => t.toLowerCase());
  return eachTableRow(sheet, where, ['meeting_id', 'email', 'rsvp_row'], ATTENDEE_COLUMNS, problems, (r): AttendeeRow => {
    const c = (k: string) => r.cells[k] ?? '';
    return {
      ...r, meetingId: c('meeting_id'), rsvpRowText: c('rsvp_row'), ...opt('rsvpRow', num(c('rsvp_row'))), firstName: c('first_name'), lastName: c('last_name'),
      email: c('email'), role: lower(c('role')), dateText: c('date'), startText: c('start'), member: c('member'),
      ...opt('date', date(c('date'))), ...opt('start', clock(c('start'))),
    };
  });
}

/** A people list (digital-advocacy.csv, unmatched.csv): every row names an RSVP row. */
export function listRows(sheet: Sheet | RowSource, where: Where, list: string, problems: Problem[]): ListRow[] {
  return eachTableRow(sheet, where, ['rsvp_row'], undefined, problems, (r): ListRow => {
    const c = (k: string) => r.cells[k] ?? '';
    return { ...r, list, ...opt('rsvpRow', num(c('rsvp_row'))), firstName: c('first_name'), lastName: c('last_name'), email: c('email'), reason: c('reason') };
  });
}

/** The same meetings and attendees, whatever file they came from: to tell two edits apart. */
export function scheduleKey(meetings: readonly MeetingRow[], attendees: readonly AttendeeRow[]): string[] {
  return [
    ...meetings.map((m) => ['M', m.meetingId, m.date ?? m.dateText, m.start ?? m.startText, m.end ?? m.endText, m.member, m.state, m.district, m.accompanier, m.lead, m.link, m.status, m.notes].join('\u0001')),
    ...attendees.map((a) => ['A', a.meetingId, a.rsvpRowText, a.email.toLowerCase(), a.role].join('\u0001')),
  ];
}
