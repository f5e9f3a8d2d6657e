// Turns the bytes of an export into sheets of text cells. CSV/TSV through csv-parse, workbooks through
// SheetJS. Row i of a sheet is the spreadsheet's row i+1, so row numbers match what organizers see.
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import { DEFAULT_CONFIG } from '../config/schema.js';
import { UsageError, type Problem } from '../problems.js';
import { decodeBytes, encodingProblems } from './decode.js';
import { repairStrayQuotes } from './quotes.js';
import { checkWorkbookZip } from './zip-limits.js';

// awg reads and writes workbooks as buffers; set_fs is what SheetJS's own file helpers would need.
XLSX.set_fs(fs);
// Node's zlib inflates a workbook's parts far faster than SheetJS's JavaScript inflate (this was set up by
// the old workbook writer, render/xlsx.ts, which every reader loaded; it no longer uses SheetJS).
// SheetJS probes `bytesRead`, which Node deprecates with a warning; the subclass answers it quietly.
class InflateRaw extends zlib.InflateRaw {
  override get bytesRead(): number {
    return this.bytesWritten;
  }
}
XLSX.CFB.utils.use_zlib({ InflateRaw, deflateRawSync: (b: Uint8Array) => zlib.deflateRawSync(b, { level: 1 }) } as unknown as typeof zlib);

export interface Sheet {
  name: string;
  /** rows[i] is spreadsheet row i+1; every cell is text as the organizer sees it. */
  rows: string[][];
  /** What the reader found wrong with the file as a whole (a stray quote), for the normalizer to report. */
  problems?: Problem[];
}

export interface Table {
  file: string;
  kind: 'csv' | 'workbook';
  sheets: Sheet[];
}

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|ods)$/i;

export function isWorkbookName(file: string): boolean {
  return WORKBOOK_EXT.test(file);
}

/** The text of an export (UTF-8, UTF-16 with or without BOM, or Windows-1252); see decode.ts. */
export function decodeText(bytes: Uint8Array, file = 'the file'): string {
  return decodeBytes(bytes, file).text;
}

/** Tab for .tsv and for text whose first line has more tabs than commas; else the most common of , ; | */
export function sniffDelimiter(text: string, file: string): string {
  if (/\.tsv$|\.tab$/i.test(file)) return '\t';
  const firstLine = text.slice(0, 20_000).split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts: Array<[string, number]> = ['\t', ',', '|', ';'].map((d) => [d, firstLine.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  const best = counts[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * A sheet read row by row: a table too large to hold as text beside what is built from it (100,000
 * meetings' attendees are 10 million cells, 460 MB as arrays of strings) is never held whole.
 */
export interface RowSource {
  name: string;
  /** What the reader found wrong with the file as a whole, known before the first row. */
  problems?: Problem[];
  /** Calls `each` with every row in order (index i is spreadsheet row i+1), keeping none of them. */
  forEachRow(each: (cells: string[], index: number) => void): void;
}

/** The rows of a sheet already read (a workbook's), as a row source. */
export function sheetRows(sheet: Sheet): RowSource {
  return { name: sheet.name, ...(sheet.problems ? { problems: sheet.problems } : {}), forEachRow: (each) => sheet.rows.forEach((r, i) => each(r, i)) };
}

/** How awg reads delimited text with csv-parse: one set of options for every reader. */
function csvOptions(delimiter: string) {
  return {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    // Per line, not per file: a row saved with LF inside a CRLF file must not merge with the next.
    record_delimiter: ['\r\n', '\n', '\r'],
  };
}

/** What the organizer is told when csv-parse gives up on the file. */
function unreadableCsv(err: unknown, file: string): UsageError {
  const e = err as Error & { lines?: number };
  const where = e.lines ? ` near line ${e.lines}` : '';
  return new UsageError(`${file} cannot be read as CSV${where}: ${e.message.replace(/^Invalid Record Length: /, '')}`,
    'Open it in a spreadsheet program and export it again as CSV.');
}

interface DelimitedText {
  delimiter: string;
  text: string;
  problems: Problem[];
  /** NUL bytes (a UTF-16 file read as UTF-8 leaves them) are dropped; a file without any needs no pass over every cell. */
  nul: boolean;
}

function prepareDelimited(raw: string, file: string, notes: Problem[]): DelimitedText {
  const delimiter = sniffDelimiter(raw, file);
  const repaired = repairStrayQuotes(raw, delimiter, file);
  return { delimiter, text: repaired.text, problems: [...notes, ...repaired.problems], nul: repaired.text.includes('\0') };
}

const withoutNul = (record: string[]) => record.map((c) => c.replace(/\0/g, ''));

/** Delimited text as a row source: csv-parse hands each record over as it ends (on_record) and keeps none. */
export function delimitedRows(raw: string, file: string, notes: Problem[] = []): RowSource {
  const { delimiter, text, problems, nul } = prepareDelimited(raw, file, notes);
  const forEachRow = (each: (cells: string[], index: number) => void) => {
    let index = 0;
    let own: unknown;
    try {
      parse(text, {
        ...csvOptions(delimiter),
        on_record: (record: string[]) => {
          try {
            each(nul ? withoutNul(record) : record, index++);
          } catch (err) {
            own = err;
            throw err;
          }
          return null;
        },
      });
    } catch (err) {
      // What the rows' reader threw is its own, not the file's.
      if (own !== undefined && err === own) throw err;
      throw unreadableCsv(err, file);
    }
  };
  return { name: '', ...(problems.length ? { problems } : {}), forEachRow };
}

/**
 * Delimited text held whole as rows. csv-parse's own list of records, not on_record: for each record it
 * hands over, csv-parse builds an info object (two object spreads), 0.15–0.2 s of 100,000 RSVPs' read.
 */
export function parseDelimitedText(raw: string, file: string, notes: Problem[] = []): Table {
  const { delimiter, text, problems, nul } = prepareDelimited(raw, file, notes);
  let rows: string[][];
  try {
    rows = parse(text, csvOptions(delimiter)) as string[][];
  } catch (err) {
    throw unreadableCsv(err, file);
  }
  if (nul) rows = rows.map(withoutNul);
  const sheet: Sheet = { name: '', rows };
  if (problems.length) sheet.problems = problems;
  return { file, kind: 'csv', sheets: [sheet] };
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
    return serialToIso(cell.v);
  }
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 19);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 's') return String(cell.v);
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  return cell.w ?? String(cell.v);
}

/** An Excel date serial as wall-clock ISO text (no zone): the zone is decided later, from the event. */
function serialToIso(serial: number): string {
  const d = XLSX.SSF.parse_date_code(serial);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${p(d.y, 4)}-${p(d.m)}-${p(d.d)}`;
  if (serial === Math.floor(serial)) return date;
  return `${date}T${p(d.H)}:${p(d.M)}:${p(Math.floor(d.S))}`;
}

export interface ReadLimits {
  /** What a workbook may expand to, in MB (maxInputMB). */
  maxMB: number;
  /** Filled cells a workbook may hold: SheetJS takes about 250 bytes for each (1 million cells: 270 MB). */
  maxCells: number;
}

/** Text cells (empty ones too) the rows of one sheet may come to once read. */
const MAX_SLOTS = 20_000_000;
const DEFAULT_LIMITS: ReadLimits = { maxMB: DEFAULT_CONFIG.maxInputMB, maxCells: 3_000_000 };

export function parseWorkbook(bytes: Uint8Array, file: string, limits: Partial<ReadLimits> = {}): Table {
  const { maxMB, maxCells } = { ...DEFAULT_LIMITS, ...limits };
  if (looksLikeZip(bytes)) checkWorkbookZip(bytes, file, { maxBytes: Math.floor(maxMB * 1024 * 1024), maxCells });
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellNF: true });
  } catch (err) {
    throw new UsageError(`${file} is not a spreadsheet awg can open (${(err as Error).message}).`,
      'Open it in Excel or Google Sheets and save it again as .xlsx, or export the sheet as CSV.');
  }
  const sheets: Sheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // The rows the sheet really holds, not the range it declares (<dimension ref="A1:XFD1048576"/>):
    // a row is as long as its last cell, so one stray cell far away costs its own row, not a grid.
    const data = (ws?.['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
    let slots = data.length;
    for (const r of data) slots += r?.length ?? 0;
    if (slots > MAX_SLOTS) {
      const width = data.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
      throw new UsageError(`${file}, sheet "${name}", is too large to read (${data.length} rows, up to ${width} columns).`,
        'Delete the cells far below or to the right of the table, or export the sheet as CSV.');
    }
    const rows = Array.from(data, (r) => (r ? Array.from(r, cellText) : []));
    sheets.push({ name, rows });
  }
  return { file, kind: 'workbook', sheets };
}

/** A table from a file's bytes: a workbook by its content, else delimited text. */
export function parseTable(bytes: Uint8Array, file: string, limits: Partial<ReadLimits> = {}): Table {
  if (looksLikeZip(bytes) || looksLikeOle(bytes)) return parseWorkbook(bytes, file, limits);
  if (isWorkbookName(file)) {
    throw new UsageError(`${file} is not a spreadsheet awg can open (it is named like a workbook but its content is not one).`,
      'Open it in Excel or Google Sheets and save it again as .xlsx, or export the sheet as CSV.');
  }
  const decoded = decodeBytes(bytes, file);
  return parseDelimitedText(decoded.text, file, encodingProblems(decoded, file));
}

/** The first sheet of a file, row by row: a CSV is never held as rows of text, a workbook's first sheet is. */
export function firstSheetRows(bytes: Uint8Array, file: string, limits: Partial<ReadLimits> = {}): RowSource {
  if (looksLikeZip(bytes) || looksLikeOle(bytes) || isWorkbookName(file)) {
    return sheetRows(parseTable(bytes, file, limits).sheets[0] ?? { name: '', rows: [] });
  }
  const decoded = decodeBytes(bytes, file);
  return delimitedRows(decoded.text, file, encodingProblems(decoded, file));
}

/** Old .xls files are OLE compound documents. */
function looksLikeOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
