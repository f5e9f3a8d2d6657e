// CSV for Excel and Google Sheets: UTF-8 with a BOM (so accents show), CRLF, and no cell that a
// spreadsheet could run as a formula.
import { stringify } from 'csv-stringify/sync';
import { neutralize } from '../formula-guard.js';
import { cellText, type DataTable } from './table.js';

export { neutralize, unneutralize } from '../formula-guard.js';

export function toCsv(table: DataTable): string {
  const rows = [table.columns, ...table.rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : neutralize(cellText(c)))))];
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n', quoted_match: /^\s|\s$/ })}`;
}
