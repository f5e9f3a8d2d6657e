// The staff list of accompaniers: name, email, phone, organization, and availability in the same
// grammar as RSVPs (free text, per-day grid columns, or one column per day headed by the day; blank
// means any time).
import type { Config } from '../config/schema.js';
import type { Accompanier, Slot } from '../model.js';
import type { Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { dayCellText, parseAvailability, type AvailabilityInput } from './availability.js';
import type { ColumnUse } from './columns.js';
import { cleanName, normalizeEmail, normalizePhone } from './contact.js';
import { bodyRows } from './header.js';
import { headerOf, readRsvpHeader } from './rsvp-header.js';

export function normalizeStaff(sheet: Sheet, file: string, config: Config, slots: readonly Slot[]): { staff: Accompanier[]; problems: Problem[]; headerRow: number; headerRows: number[]; columnMap: ColumnUse[] } {
  const where = { file, ...(sheet.name ? { sheet: sheet.name } : {}) };
  const top = readRsvpHeader(sheet, where, config, 'staff');
  const { fields, days } = top.columns;
  const dayColumns = days.filter((d) => d.day);
  const problems: Problem[] = [...top.problems];
  const staff: Accompanier[] = [];
  const seen = new Map<string, number>();
  const col = (f: Parameters<typeof fields.get>[0]) => headerOf(top, f);
  for (const { cells, row } of bodyRows(sheet.rows, top.dataStart)) {
    const get = (f: Parameters<typeof fields.get>[0]) => (cells[fields.get(f) ?? -1] ?? '').replace(/\s+/g, ' ').trim();
    const name = cleanName(get('fullName') || `${get('firstName')} ${get('lastName')}`);
    if (!name) {
      problems.push({ code: 'missing-name', severity: 'error', ...where, row, column: col(fields.has('fullName') ? 'fullName' : 'firstName'), value: '', message: 'has no name; the row is ignored', fix: 'Type the accompanier\'s name.' });
      continue;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      problems.push({ code: 'duplicate-staff', severity: 'error', ...where, row, column: col('fullName'), value: name, message: `${name} is listed twice (rows ${seen.get(key)} and ${row}); row ${row} is ignored`, fix: 'Delete one of the two rows.' });
      continue;
    }
    seen.set(key, row);
    const { email, valid } = normalizeEmail(get('email'));
    if (email && !valid) problems.push({ code: 'invalid-email', severity: 'warning', ...where, row, column: col('email'), value: email, message: `"${email}" is not an email address`, fix: 'Correct the address.' });
    const inputs: AvailabilityInput[] = [];
    if (fields.has('availability')) inputs.push({ text: get('availability') });
    for (const i of top.columns.moreAvailability) inputs.push({ text: (cells[i] ?? '').replace(/\s+/g, ' ').trim() });
    for (const d of dayColumns) inputs.push({ text: dayCellText(cells[d.index] ?? '', d.label), day: d.day! });
    const availability = parseAvailability(inputs, config.event, slots);
    if (availability.unreadable.length) {
      const column = fields.has('availability') ? col('availability') : top.headers[dayColumns[0]?.index ?? -1] ?? 'availability';
      problems.push({ code: 'unreadable-availability', severity: 'warning', ...where, row, column, value: availability.unreadable.join(' | '),
        message: `availability text not understood: "${availability.unreadable.join('", "')}"`, fix: 'Rewrite it like "Tue 10am-12pm; Wed after 2pm".' });
    }
    staff.push({ row, name, email: valid ? email : '', phone: normalizePhone(get('phone')).phone, organization: cleanName(get('organization')), slots: availability.slots });
  }
  return { staff, problems, headerRow: top.headerRow, headerRows: top.headerRows, columnMap: top.columnMap };
}
