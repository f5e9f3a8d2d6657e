// CSV for Excel and Google Sheets: UTF-8 with a BOM (so accents show), CRLF, and no cell that a
// spreadsheet could run as a formula.
// Written here, not by csv-stringify: with awg's one set of options a cell's text is a lookup and two tests,
// and csv-stringify spent ~400 ns a cell on its general casts and options (1.2 s of the 100,000-RSVP run's
// tables). The bytes are csv-stringify's with those options (record_delimiter CRLF, quoted_match /^\s|\s$/ and
// /[\r\n]/, strings cast through the formula guard, booleans as yes/no): test/unit/csv-writer.test.ts checks them.
import { neutralize } from '../formula-guard.js';
import { rowCount, type CellValue, type DataTable, type LazyTable } from './table.js';

export { neutralize, unneutralize } from '../formula-guard.js';

/**
 * Quoted: a cell with a quote, a comma or any line break, and one that starts or ends with white space, so that
 * no reader trims it. csv-stringify with record_delimiter CRLF left a cell with a lone \n or \r inside unquoted
 * (its quote_record_delimiter then defaults to false): Excel and Google Sheets break the row there.
 */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

const quoted = (text: string) => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A cell's text in the file: guarded, booleans as yes/no, nothing for an empty cell. */
function cellCsv(v: CellValue): string {
  if (typeof v === 'string') return v === '' ? '' : quoted(neutralize(v));
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return quoted(String(v));
}

/** Rows made into text at a time (a piece of the file): small pieces are let go young. */
const ROWS_PER_CHUNK = 500;

/** Rows as CSV lines, each ending with its line break; the lines are joined once, into one flat string. */
function csvLines(rows: readonly (readonly CellValue[])[]): string {
  const lines = new Array<string>(rows.length + 1);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = '';
    for (let c = 0; c < row.length; c++) line += c === 0 ? cellCsv(row[c]) : `,${cellCsv(row[c])}`;
    lines[r] = line;
  }
  lines[rows.length] = '';
  return lines.join('\r\n');
}

/**
 * The CSV text in pieces of a few hundred rows, each ending with its line break; joined, they are `toCsv`.
 * The header row, awg's own column names (and an organizer's added ones, written as they were), is not guarded.
 */
export function* csvChunks(table: DataTable | LazyTable): Generator<string> {
  yield `\uFEFF${table.columns.map(quoted).join(',')}\r\n`;
  const rows = 'rows' in table ? (from: number, to: number) => table.rows.slice(from, to) : table.slice;
  for (let i = 0, n = rowCount(table); i < n; i += ROWS_PER_CHUNK) yield csvLines(rows(i, i + ROWS_PER_CHUNK));
}

export function toCsv(table: DataTable): string {
  return [...csvChunks(table)].join('');
}
