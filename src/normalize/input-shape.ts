// The usual mix-ups with the input files, caught before any row is read: --rsvps and --targets given
// the other way round, and a workbook whose responses sit on another tab than the first.
import { UsageError } from '../problems.js';
import type { Sheet, Table } from '../read/table.js';
import { findHeaderRow, mapColumns, normHeader } from './header.js';
import { RSVP_PATTERNS, recognizesRsvpHeader } from './rsvp-columns.js';

/** A header row with an email column and a name column: an RSVP export. */
export function looksLikeResponses(sheet: Sheet): boolean {
  const i = findHeaderRow(sheet.rows, recognizesRsvpHeader, 2);
  if (i < 0) return false;
  const fields = mapColumns(sheet.rows[i] ?? [], RSVP_PATTERNS);
  return fields.has('email') && (fields.has('firstName') || fields.has('fullName'));
}

const TARGET_HEADER = /\b(tier|priority|senator|representative|legislator|congress ?(wo)?man|cosponsor\w*)\b/;

/** A tier or legislator column and no email column in its first rows: a targets sheet. */
export function looksLikeTargets(sheet: Sheet): boolean {
  const top = sheet.rows.slice(0, 30).flat().map(normHeader);
  return top.some((h) => TARGET_HEADER.test(h) && h.length < 40) && !top.some((h) => /\be ?mail\b/.test(h) && !/scheduler/.test(h) && h.length < 40);
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Throws a usage error that says what to type when the files are swapped or the responses are elsewhere. */
export function checkInputShapes(rsvps: Table, targets: readonly Table[], rsvpsSheet?: string): void {
  const responsesIn = (t: Table) => t.sheets.some(looksLikeResponses);
  const targetsIn = (t: Table) => t.sheets.some(looksLikeTargets);
  if (!responsesIn(rsvps) && targetsIn(rsvps) && targets.some(responsesIn)) {
    const other = targets.find(responsesIn)!;
    throw new UsageError(
      `the files look swapped: ${rsvps.file} (given as --rsvps) looks like the targets, and ${other.file} (given as --targets) like the RSVP export.`,
      `Run again with --rsvps ${other.file} --targets ${rsvps.file}.`,
    );
  }
  if (rsvpsSheet || rsvps.kind !== 'workbook') return;
  const [first, ...rest] = rsvps.sheets;
  if (!first || looksLikeResponses(first)) return;
  const answers = rest.find(looksLikeResponses);
  if (!answers) return;
  throw new UsageError(
    `${rsvps.file}: its first tab, "${first.name}", does not hold the responses; its tabs are ${quoted(rsvps.sheets.map((s) => s.name))}, and "${answers.name}" looks like the responses.`,
    `Add --rsvps-sheet "${answers.name}".`,
  );
}
