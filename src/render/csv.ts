// CSV for Excel and Google Sheets: UTF-8 with a BOM (so accents show), CRLF, and no cell that a
// spreadsheet could run as a formula.
import { stringify, type Options } from 'csv-stringify/sync';
import { neutralize } from '../formula-guard.js';
import { rowCount, type DataTable, type LazyTable } from './table.js';

export { neutralize, unneutralize } from '../formula-guard.js';

/** A cell that starts or ends with white space is quoted, so that no reader trims it. */
const EDGE_SPACE = /^\s|\s$/;

/**
 * Cells go to csv-stringify as they are: its casts give each one its text (guarded, booleans as yes/no),
 * instead of a copy of every row made first. The header row, awg's own column names (and an organizer's
 * added ones, written as they were), is not guarded.
 */
const headerOptions = (): Options => ({ record_delimiter: '\r\n', quoted_match: EDGE_SPACE });
// Edge spaces are quoted by quoted_match (on the guarded text), not by a cast returning { value, quoted }:
// csv-stringify re-normalizes its options for every such cell (every notice and request body ends with a
// line break): notices.csv of 1,000 RSVPs 12.5 -> 8.5 ms, requests.csv 5 -> 3.5 ms (warm), the same bytes.
const rowOptions = (): Options => ({
  record_delimiter: '\r\n',
  quoted_match: EDGE_SPACE,
  cast: {
    string: neutralize,
    boolean: (b) => (b ? 'yes' : 'no'),
  },
});

/** Rows stringified at a time: small pieces keep csv-stringify's working arrays short-lived (with the casts: 1.9 -> 1.2 s of CPU for the tables of 100,000 RSVPs). */
const ROWS_PER_CHUNK = 500;

/** The CSV text in pieces of a few hundred rows, each ending with its line break; joined, they are `toCsv`. */
export function* csvChunks(table: DataTable | LazyTable): Generator<string> {
  yield `\uFEFF${stringify([table.columns], headerOptions())}`;
  const options = rowOptions();
  const rows = 'rows' in table ? (from: number, to: number) => table.rows.slice(from, to) : table.slice;
  for (let i = 0, n = rowCount(table); i < n; i += ROWS_PER_CHUNK) yield stringify(rows(i, i + ROWS_PER_CHUNK), options);
}

export function toCsv(table: DataTable): string {
  return [...csvChunks(table)].join('');
}
