// Finds quotes that open a field and swallow the rows after it (a stray `"` typed at the start of a
// cell), and makes that quote literal text, so that no RSVP vanishes into a cell and every row after it
// keeps the number the organizer sees. A quoted field that really holds a multi-line answer is left alone.
import type { Problem } from '../problems.js';

export interface QuoteRepair {
  text: string;
  problems: Problem[];
}

const EMAIL = /[^\s@,;|\t"]+@[^\s@,;|\t"]+\.[a-z]{2,}/i;
const STAMP = /\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b|\b\d{1,2}:\d{2}\b/;

/** How many delimiters a whole record has: the most on any of the first lines (the header's, usually). */
function recordWidth(text: string, delimiter: string): number {
  let width = 0;
  for (const line of text.slice(0, 50_000).split(/\r?\n/, 30)) width = Math.max(width, line.split(delimiter).length - 1);
  return width;
}

/** A line inside a quoted field that reads as a record of its own: most of the delimiters, and an email or a timestamp. */
function readsAsRecord(line: string, delimiter: string, width: number): boolean {
  const count = line.split(delimiter).length - 1;
  if (width < 2 || count < Math.max(2, Math.ceil(width / 2))) return false;
  return count >= width || EMAIL.test(line) || STAMP.test(line);
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * Walks the text as csv-parse does (a field that starts with `"` ends at a `"` followed by the
 * delimiter, a line break or the end), and rewrites each quote that swallows records, or that is never
 * closed, as a quoted field holding the quote and the text up to the next delimiter on its line.
 * Row numbers are records, as a spreadsheet counts rows: a multi-line cell is one row.
 */
export function repairStrayQuotes(text: string, delimiter: string, file: string): QuoteRepair {
  if (!text.includes('"')) return { text, problems: [] };
  const width = recordWidth(text, delimiter);
  const problems: Problem[] = [];
  const cuts: Array<{ at: number; end: number }> = [];
  let record = 0;
  let field = 0;
  let fieldStart = true;
  let i = 0;
  const n = text.length;
  // Compared as char codes: a one-character string per character of a 100,000-row file cost more than csv-parse's own pass.
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const delim = delimiter.charCodeAt(0);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      let j = i + 1;
      let close = -1;
      while (j < n) {
        const k = text.indexOf('"', j);
        if (k < 0) break;
        const next = text[k + 1];
        if (next === '"') { j = k + 2; continue; }
        if (next === undefined || next === delimiter || next === '\n' || next === '\r') { close = k; break; }
        j = k + 1;
      }
      const body = text.slice(i + 1, close < 0 ? n : close);
      // Only a field with a line break in it can swallow a record.
      const lines = body.includes('\n') || body.includes('\r') ? body.split(/\r\n|\r|\n/) : [];
      const swallowed = lines.slice(1).filter((l) => readsAsRecord(l, delimiter, width)).length;
      if (close < 0 || swallowed > 0) {
        // The field really ends at the next delimiter or line break on the quote's own line.
        let end = i + 1;
        while (end < n && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
        cuts.push({ at: i, end });
        const row = record + 1;
        // Line breaks that end the file are no rows of their own.
        const rows = countBreaks(close < 0 ? text.replace(/[\r\n]+$/, '') : text, i, close < 0 ? Math.min(n, text.replace(/[\r\n]+$/, '').length) : close);
        const first = text.slice(i + 1, end).trim();
        problems.push(close < 0 && swallowed === 0
          ? { code: 'unclosed-quote', severity: 'error', file, row, columnIndex: field, value: `"${first}`,
            message: `a quote opens a cell in row ${row} ("${first.slice(0, 40)}) and is never closed; awg reads it as a quote typed in the cell`,
            fix: 'Remove the stray quote (or close it) in the spreadsheet and export again.' }
          : { code: 'stray-quote', severity: 'error', file, row, columnIndex: field, value: `"${first}`,
            message: `a quote opens a cell in row ${row} ("${first.slice(0, 40)})${close < 0 ? ', is never closed,' : ''} and would swallow ${rows === 1 ? `row ${row + 1}` : `rows ${row + 1} to ${row + rows}`} into that cell; awg reads it as a quote typed in the cell, so ${rows === 1 ? 'that row stays a row' : 'those rows stay rows'} of their own`,
            fix: `Check row ${row}: remove the stray quote at the start of the cell, or close it where the answer ends.` });
        i = end;
        fieldStart = false;
        continue;
      }
      // A genuine quoted field: multi-line answers inside it are one cell of one row.
      i = close + 1;
      fieldStart = false;
      continue;
    }
    if (c === delim) {
      fieldStart = true;
      field++;
    } else if (c === LF || c === CR) {
      if (!(c === CR && text.charCodeAt(i + 1) === LF)) {
        record++;
        field = 0;
      }
      fieldStart = true;
    } else fieldStart = false;
    i++;
  }
  if (!cuts.length) return { text, problems };
  let out = '';
  let from = 0;
  for (const { at, end } of cuts) {
    out += `${text.slice(from, at)}"${text.slice(at, end).replace(/"/g, '""')}"`;
    from = end;
  }
  return { text: out + text.slice(from), problems };
}
