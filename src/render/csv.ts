// CSV for Excel and Google Sheets: UTF-8 with a BOM (so accents show), CRLF, and no cell that a
// spreadsheet could run as a formula.
import { stringify } from 'csv-stringify/sync';
import { cellText, type DataTable } from './table.js';

/** A cell starting with = + - @ (or tab/CR, which Excel strips first) is prefixed with ' so it stays text. */
export function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Reading back a cell awg wrote: the ' it put before a formula starter comes off. */
export function unneutralize(text: string): string {
  return text.replace(/^'(?=[=+\-@])/, '');
}

export function toCsv(table: DataTable): string {
  const rows = [table.columns, ...table.rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : neutralize(cellText(c)))))];
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n', quoted_match: /^\s|\s$/ })}`;
}
