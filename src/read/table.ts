// Turns the bytes of an export into sheets of text cells. CSV/TSV through csv-parse, workbooks through
// SheetJS. Row i of a sheet is the spreadsheet's row i+1, so row numbers match what organizers see.
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { UsageError, type Problem } from '../problems.js';
import { repairStrayQuotes } from './quotes.js';

// awg reads and writes workbooks as buffers; set_fs is what SheetJS's own file helpers would need.
XLSX.set_fs(fs);

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

/** Decodes UTF-8 (with or without BOM) or UTF-16 with BOM, as Excel's "Unicode text" writes. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(start));
  // A file saved as Windows-1252 has lone high bytes; show them as their Latin-1 letters, not U+FFFD.
  if (utf8.includes('\uFFFD')) return new TextDecoder('windows-1252').decode(bytes.subarray(start));
  return utf8;
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

export function parseDelimitedText(raw: string, file: string): Table {
  const delimiter = sniffDelimiter(raw, file);
  const { text, problems } = repairStrayQuotes(raw, delimiter, file);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      // Per line, not per file: a row saved with LF inside a CRLF file must not merge with the next.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (err) {
    const e = err as Error & { lines?: number };
    const where = e.lines ? ` near line ${e.lines}` : '';
    throw new UsageError(`${file} cannot be read as CSV${where}: ${e.message.replace(/^Invalid Record Length: /, '')}`,
      'Open it in a spreadsheet program and export it again as CSV.');
  }
  // NUL bytes (a UTF-16 file read as UTF-8 leaves them) are dropped; a file without any needs no pass over every cell.
  const sheet: Sheet = { name: '', rows: text.includes('\0') ? rows.map((r) => r.map((c) => c.replace(/\0/g, ''))) : rows };
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

export function parseWorkbook(bytes: Uint8Array, file: string, maxCells = 20_000_000): Table {
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
    const data = (ws?.['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
    const width = data.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
    if (data.length * width > maxCells) {
      throw new UsageError(`${file}, sheet "${name}", is too large to read (${data.length} rows × ${width} columns).`);
    }
    const rows = Array.from(data, (r) => (r ? Array.from(r, cellText) : []));
    sheets.push({ name, rows });
  }
  return { file, kind: 'workbook', sheets };
}

export function parseTable(bytes: Uint8Array, file: string): Table {
  if (looksLikeZip(bytes) || looksLikeOle(bytes)) return parseWorkbook(bytes, file);
  if (isWorkbookName(file)) {
    throw new UsageError(`${file} is not a spreadsheet awg can open (it is named like a workbook but its content is not one).`,
      'Open it in Excel or Google Sheets and save it again as .xlsx, or export the sheet as CSV.');
  }
  return parseDelimitedText(decodeText(bytes), file);
}

/** Old .xls files are OLE compound documents. */
function looksLikeOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
