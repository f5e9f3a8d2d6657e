// The staff list of accompaniers: name, email, phone, organization, and availability in the same
// grammar as RSVPs (per-day grid columns or free text; blank means any time).
import type { Config } from '../config/schema.js';
import type { Accompanier, Slot } from '../model.js';
import { InputError, type Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { dayOfLabel, parseAvailability, type AvailabilityInput } from './availability.js';
import { cleanName, normalizeEmail, normalizePhone } from './contact.js';
import { findHeaderRow, isBlankRow } from './header.js';
import { mapRsvpColumns, recognizesRsvpHeader } from './rsvp-columns.js';

export function normalizeStaff(sheet: Sheet, file: string, config: Config, slots: readonly Slot[]): { staff: Accompanier[]; problems: Problem[] } {
  const where = { file, ...(sheet.name ? { sheet: sheet.name } : {}) };
  const headerIdx = findHeaderRow(sheet.rows, recognizesRsvpHeader, 2);
  const headers = headerIdx < 0 ? [] : (sheet.rows[headerIdx] ?? []).map((h) => h.replace(/\s+/g, ' ').trim());
  const { fields, grid } = mapRsvpColumns(headers, {});
  if (headerIdx < 0 || (!fields.has('fullName') && !fields.has('firstName'))) {
    throw new InputError([{ code: 'missing-column', severity: 'error', ...where, row: headerIdx + 1 || 1,
      message: `${file} has no column for the accompanier's name. Headers seen: ${headers.map((h) => `"${h}"`).join(', ') || '(none)'}.`,
      fix: 'Give the staff list a header row: Name, Email, Phone, Organization, Availability.' }]);
  }
  const gridDays = grid.map((g) => ({ ...g, day: dayOfLabel(g.label, config.event) }));
  const problems: Problem[] = [];
  const staff: Accompanier[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIdx + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    if (isBlankRow(cells)) continue;
    const row = i + 1;
    const get = (f: Parameters<typeof fields.get>[0]) => (cells[fields.get(f) ?? -1] ?? '').replace(/\s+/g, ' ').trim();
    const col = (f: Parameters<typeof fields.get>[0]) => headers[fields.get(f) ?? -1] ?? f;
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
    for (const g of gridDays) if (g.day) inputs.push({ text: (cells[g.index] ?? '').trim(), day: g.day });
    const availability = parseAvailability(inputs, config.event, slots);
    if (availability.unreadable.length) {
      problems.push({ code: 'unreadable-availability', severity: 'warning', ...where, row, column: col('availability'), value: availability.unreadable.join(' | '),
        message: `availability text not understood: "${availability.unreadable.join('", "')}"`, fix: 'Rewrite it like "Tue 10am-12pm; Wed after 2pm".' });
    }
    staff.push({ row, name, email: valid ? email : '', phone: normalizePhone(get('phone')).phone, organization: cleanName(get('organization')), slots: availability.slots });
  }
  return { staff, problems };
}
