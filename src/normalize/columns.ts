// What awg took each column of an input for (a field, availability for a day, or nothing), and the
// warnings for columns it does not use whose answers read as something it needs.
import type { Problem, Where } from '../problems.js';
import { bodyRows } from './header.js';
import { parseState } from './state.js';
import { parseTimestamp } from './timestamp.js';

export interface ColumnUse {
  /** Spreadsheet column letter (A, B, … AA). */
  column: string;
  header: string;
  /** What awg reads from it, in the organizer's words; 'not used' when nothing. */
  use: string;
}

export const NOT_USED = 'not used';

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One entry per non-blank header, in order; `uses` gives what a column was taken for. */
export function columnMap(headers: readonly string[], uses: ReadonlyMap<number, string>): ColumnUse[] {
  return headers.flatMap((header, i) => (header.trim() ? [{ column: columnLetter(i), header, use: uses.get(i) ?? NOT_USED }] : []));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const PHONE = /^(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}(\s*(x|ext\.?)\s*\d+)?$/i;
const ZIP = /^\d{5}(?:-\d{4})?$/;

export interface Kinds {
  /** Reads a cell as availability (not a timestamp, not yes/no): the caller knows the event. */
  availability: (text: string) => boolean;
}

/** What most answers in a column look like, when they look like something awg needs. */
export function answersLookLike(values: readonly string[], kinds: Kinds): string | undefined {
  const filled = values.map((v) => v.trim()).filter(Boolean).slice(0, 200);
  if (filled.length < 2) return undefined;
  const most = (test: (v: string) => boolean) => filled.filter(test).length >= Math.ceil(filled.length * 0.6);
  if (most((v) => EMAIL.test(v))) return 'email addresses';
  if (most((v) => ZIP.test(v))) return 'ZIP codes';
  if (most((v) => PHONE.test(v))) return 'phone numbers';
  if (most((v) => parseState(v) !== undefined) && new Set(filled).size > 1) return 'states';
  if (most((v) => !parseTimestamp(v, 'UTC') && kinds.availability(v))) return 'availability';
  return undefined;
}

/** The answers of column `index` on every row after the header. */
export function columnValues(rows: readonly string[][], start: number, index: number): string[] {
  const out: string[] = [];
  for (const { cells } of bodyRows(rows, start)) out.push(cells[index] ?? '');
  return out;
}

/**
 * A warning for each column awg does not use whose answers read as availability, a state, a ZIP, an
 * email or a phone: the organizer may have meant it, and can map it under "columns" in the config.
 */
export function unusedColumnWarnings(headers: readonly string[], uses: ReadonlyMap<number, string>, rows: readonly string[][], start: number,
  where: Where, kinds: Kinds, field: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [index, header] of headers.entries()) {
    if (!header.trim() || uses.has(index)) continue;
    const c = { column: columnLetter(index), header };
    const values = columnValues(rows, start, index);
    const kind = answersLookLike(values, kinds);
    if (!kind) continue;
    const sample = values.map((v) => v.trim()).find(Boolean) ?? '';
    problems.push({ code: 'unused-column', severity: 'warning', ...where, column: c.header, value: sample,
      message: `column ${c.column} ("${c.header}") is not used, but its answers look like ${kind} (e.g. "${sample.slice(0, 40)}")`,
      fix: `If awg should read it, map it in awg.config.json: "columns": { "${field[kind] ?? 'field'}": "${c.header}" }.` });
  }
  return problems;
}

/** The config field to suggest for each kind of answer. */
export const RSVP_FIELD_OF_KIND: Record<string, string> = {
  'email addresses': 'email', 'ZIP codes': 'zip', 'phone numbers': 'phone', 'states': 'state', 'availability': 'availability',
};

/** The column map of a sheet whose fields were mapped by header, with each field in the organizer's words. */
export function fieldColumnMap<F extends string>(headers: readonly string[], fields: ReadonlyMap<F, number>, words: Record<F, string>): ColumnUse[] {
  const uses = new Map<number, string>();
  for (const [f, i] of fields) uses.set(i, words[f]);
  return columnMap(headers, uses);
}

export const TARGET_FIELD_WORDS = {
  state: 'state', district: 'district', member: 'member', party: 'party', tier: 'tier', phone: 'office phone',
  schedulerName: 'scheduler name', schedulerEmail: 'scheduler email', cosponsor: 'cosponsor status', notes: 'notes',
  room: 'room (over the list of members\')', building: 'building (over the list of members\')', format: 'meeting format (virtual or in person)',
} as const;

/** The reader's problems about this sheet, each with its column named by the header where the reader knew only its place. */
export function sheetProblems(problems: readonly Problem[] | undefined, headers: readonly string[]): Problem[] {
  return (problems ?? []).map((p) => {
    if (p.columnIndex === undefined || p.column) return p;
    return { ...p, column: headers[p.columnIndex] || `column ${columnLetter(p.columnIndex)}` };
  });
}
