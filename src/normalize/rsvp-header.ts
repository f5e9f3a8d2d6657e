// The top of an RSVP export or a staff list: the header row (or two), what each column is taken for,
// and the column-level problems (a required column missing, a day outside the event, a column not
// used whose answers look like something awg needs, no availability at all).
import type { Config, RsvpField } from '../config/schema.js';
import { InputError, type Problem, type Where } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { readsAsAvailability } from './availability.js';
import { columnLetter, RSVP_FIELD_OF_KIND, sheetProblems, unusedColumnWarnings, type ColumnUse } from './columns.js';
import { readHeaderRows } from './header.js';
import { mapRsvpColumns, rsvpColumnMap, rsvpColumnUses, rsvpHeaderRecognizer, type RsvpColumns } from './rsvp-columns.js';

export interface RsvpHeader {
  /** Row number of the (last) header row, as the organizer sees it. */
  headerRow: number;
  /** Both header rows' numbers where the export has two (SurveyMonkey). */
  headerRows: number[];
  headers: string[];
  /** Index of the first data row in sheet.rows. */
  dataStart: number;
  columns: RsvpColumns;
  columnMap: ColumnUse[];
  problems: Problem[];
}

export function readRsvpHeader(sheet: Sheet, where: Where & { file: string }, config: Config, what: 'RSVP' | 'staff'): RsvpHeader {
  const event = config.event;
  const top = readHeaderRows(sheet.rows, rsvpHeaderRecognizer(event), 2);
  const file = where.file;
  if (top.index < 0) {
    throw new InputError([{
      code: 'no-header', severity: 'error', ...where,
      message: what === 'RSVP'
        ? `${file}: no header row found in the first 30 rows (looked for questions like "Email", "First name", "ZIP Code").`
        : `${file} has no column for the accompanier's name. Headers seen: (none).`,
      fix: what === 'RSVP' ? 'Check that this is the RSVP export, or map the columns by hand under "columns" in awg.config.json.'
        : 'Give the staff list a header row: Name, Email, Phone, Organization, Availability (or one column per day).',
    }]);
  }
  const headers = top.headers;
  const headerRow = top.rows[top.rows.length - 1] ?? top.index + 1;
  const manual = what === 'RSVP' ? config.columns : {};
  const columns = mapRsvpColumns(headers, manual, event, { rows: sheet.rows, start: top.dataStart });
  const { fields, days } = columns;
  const seen = headers.filter((h) => h).map((h) => `"${h}"`).join(', ');
  const missing: string[] = [];
  if (what === 'RSVP') {
    if (!fields.has('email')) missing.push('email');
    if (!fields.has('fullName') && !fields.has('firstName')) missing.push('name (first name, or full name)');
    if (!fields.has('state') && !fields.has('zip') && !fields.has('district')) missing.push('state or ZIP code');
    for (const [field, header] of Object.entries(config.columns)) {
      if (!headers.some((h) => h.toLowerCase() === header.toLowerCase())) {
        missing.push(`${field} (awg.config.json maps it to "${header}", which is not a header here)`);
      }
    }
  } else if (!fields.has('fullName') && !fields.has('firstName')) missing.push('the accompanier\'s name');
  if (missing.length) {
    throw new InputError(missing.map((m) => ({
      code: 'missing-column', severity: 'error' as const, ...where, row: headerRow,
      message: `${file} has no column for ${m}. Headers seen in row ${headerRow}: ${seen || '(none)'}.`,
      fix: what === 'RSVP' ? 'Rename the column, or map it under "columns" in awg.config.json, e.g. "columns": { "email": "Your email" }.'
        : 'Give the staff list a header row: Name, Email, Phone, Organization, Availability (or one column per day).',
    })));
  }

  const problems: Problem[] = sheetProblems(sheet.problems, headers);
  for (const d of days) {
    if (d.day) continue;
    const grid = d.label !== headers[d.index];
    problems.push({ code: grid ? 'grid-day-unknown' : 'day-outside-event', severity: 'warning', ...where, row: headerRow, column: headers[d.index] ?? d.label, value: d.label,
      message: grid ? `the grid row "${d.label}" is not one of the event's days (${event.days.join(', ')}); its answers are ignored`
        : `column ${columnLetter(d.index)} is headed by "${d.label}", which is not one of the event's days (${event.days.join(', ')}); its answers are ignored`,
      fix: grid ? 'Check event.days in awg.config.json.' : 'Check event.days in awg.config.json, or the heading.' });
  }
  const uses = rsvpColumnUses(columns);
  problems.push(...unusedColumnWarnings(headers, uses, sheet.rows, top.dataStart, { ...where, row: headerRow },
    { availability: (v) => readsAsAvailability(v, event) }, RSVP_FIELD_OF_KIND));
  if (!fields.has('availability') && !days.some((d) => d.day)) {
    problems.push({ code: 'no-availability-column', severity: 'warning', ...where, row: headerRow,
      message: `${file} has no availability column: everyone on it is taken as free at every time`,
      fix: `If a column holds availability, map it in awg.config.json: "columns": { "availability": "<its header>" }${what === 'staff' ? ', or head one column per day with the day (Tuesday, July 14)' : ''}.` });
  }
  return { headerRow, headerRows: top.rows, headers, dataStart: top.dataStart, columns, columnMap: rsvpColumnMap(headers, columns), problems };
}

/** The header a field was read from. */
export function headerOf(h: RsvpHeader, f: RsvpField): string {
  return h.headers[h.columns.fields.get(f) ?? -1] ?? f;
}
