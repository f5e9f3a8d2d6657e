// RSVP rows → Rsvp records and the problems found in them, each pointing at its cell.
import type { Config, RsvpField } from '../config/schema.js';
import type { Rsvp, Slot } from '../model.js';
import { InputError, type Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { dayOfLabel, parseAvailability, type AvailabilityInput } from './availability.js';
import { cleanName, normalizeEmail, normalizePhone, parseZip, splitFullName, zipFitsState } from './contact.js';
import { parseDistrict } from './district.js';
import { cleanNeeds, parseTimeZone, parseYes } from './flags.js';
import { findHeaderRow, isBlankRow } from './header.js';
import { mapRsvpColumns, recognizesRsvpHeader } from './rsvp-columns.js';
import { parseState } from './state.js';
import { deadlineInstant, parseTimestamp } from './timestamp.js';

export interface RsvpSheetResult {
  rsvps: Rsvp[];
  problems: Problem[];
  headerRow: number;
  headers: string[];
  columns: Partial<Record<RsvpField, string>>;
  gridColumns: string[];
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function normalizeRsvps(sheet: Sheet, file: string, config: Config, slots: readonly Slot[]): RsvpSheetResult {
  const sheetName = sheet.name || undefined;
  const headerIdx = findHeaderRow(sheet.rows, recognizesRsvpHeader, 2);
  const where = { file, ...(sheetName ? { sheet: sheetName } : {}) };
  if (headerIdx < 0) {
    throw new InputError([{
      code: 'no-header', severity: 'error', ...where,
      message: `${file}: no header row found in the first 30 rows (looked for questions like "Email", "First name", "ZIP Code").`,
      fix: 'Check that this is the RSVP export, or map the columns by hand under "columns" in awg.config.json.',
    }]);
  }
  const headers = (sheet.rows[headerIdx] ?? []).map((h) => norm(h));
  const { fields, grid } = mapRsvpColumns(headers, config.columns);
  const seen = headers.filter((h) => h).map((h) => `"${h}"`).join(', ');
  const missing: string[] = [];
  if (!fields.has('email')) missing.push('email');
  if (!fields.has('fullName') && !fields.has('firstName')) missing.push('name (first name, or full name)');
  if (!fields.has('state') && !fields.has('zip') && !fields.has('district')) missing.push('state or ZIP code');
  for (const [field, header] of Object.entries(config.columns)) {
    if (!headers.some((h) => h.toLowerCase() === header.toLowerCase())) {
      missing.push(`${field} (awg.config.json maps it to "${header}", which is not a header here)`);
    }
  }
  if (missing.length) {
    throw new InputError(missing.map((m) => ({
      code: 'missing-column', severity: 'error', ...where, row: headerIdx + 1,
      message: `${file} has no column for ${m}. Headers seen in row ${headerIdx + 1}: ${seen}.`,
      fix: 'Rename the column, or map it under "columns" in awg.config.json, e.g. "columns": { "email": "Your email" }.',
    })));
  }

  const event = config.event;
  const deadline = event.deadline ? deadlineInstant(event.deadline, event.timeZone).getTime() : undefined;
  const problems: Problem[] = [];
  const rsvps: Rsvp[] = [];
  const gridDays = grid.map((g) => ({ ...g, day: dayOfLabel(g.label, event) }));
  const colName = (f: RsvpField) => headers[fields.get(f) ?? -1] ?? f;

  for (let i = headerIdx + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    if (isBlankRow(cells)) continue;
    const row = i + 1;
    const get = (f: RsvpField) => {
      const idx = fields.get(f);
      return idx === undefined ? '' : norm(cells[idx]);
    };
    const flag = (f: RsvpField | string, severity: Problem['severity'], code: string, value: string, message: string, fix: string) => {
      const column = (fields.has(f as RsvpField) ? colName(f as RsvpField) : f);
      problems.push({ code, severity, ...where, row, column, value, message: `${message}`, fix });
    };

    // Name
    let firstName = cleanName(get('firstName'));
    let lastName = cleanName(get('lastName'));
    const full = cleanName(get('fullName'));
    if (!firstName && !lastName && full) ({ first: firstName, last: lastName } = splitFullName(full));
    if (!firstName && !lastName) {
      flag(fields.has('firstName') ? 'firstName' : 'fullName', 'error', 'missing-name', '', 'has no name', 'Type the person\'s name in this cell.');
    }

    // Contact
    const emailRaw = get('email');
    const { email, valid: emailOk } = normalizeEmail(emailRaw);
    const phoneRaw = get('phone');
    const { phone, valid: phoneOk } = normalizePhone(phoneRaw);
    const emailValid = email !== '' && emailOk;
    if (email && !emailOk) flag('email', 'warning', 'invalid-email', emailRaw, `"${emailRaw}" is not an email address`, 'Correct the address (it needs one @ and a domain).');
    if (phoneRaw && !phoneOk) flag('phone', 'warning', 'invalid-phone', phoneRaw, `"${phoneRaw}" is not a phone number awg can read; kept as typed`, 'Write it as a 10-digit US number, e.g. (202) 555-0143.');
    if (!emailValid && !(phoneRaw && phoneOk)) {
      flag('email', 'error', 'unreachable', emailRaw, email ? 'has no valid email and no phone number' : 'has no email and no phone number', 'Add an email address or a phone number so this person can be invited.');
    }

    // Where they live
    const stateRaw = get('state');
    let state = stateRaw ? parseState(stateRaw) : undefined;
    if (stateRaw && !state) flag('state', 'error', 'unknown-state', stateRaw, `"${stateRaw}" is not a US state or territory`, 'Write the two-letter code, e.g. IL, or the full name.');
    const zipRaw = get('zip');
    let zip: string | undefined;
    if (zipRaw) {
      const z = parseZip(zipRaw);
      // A short number is a ZIP that lost its zeros only if the repaired ZIP can belong to the row's state.
      const ok = z.ok && !(z.repaired === 'leading-zero' && state && !zipFitsState(z.zip, state));
      if (!z.ok || !ok) flag('zip', 'error', 'invalid-zip', zipRaw, `"${zipRaw}" is not a 5-digit ZIP`, 'Write the 5-digit ZIP code, e.g. 60614.');
      else {
        zip = z.zip;
        if (z.repaired === 'leading-zero') {
          flag('zip', 'warning', 'zip-leading-zero', zipRaw, `"${zipRaw}" lost its leading zero; read as ${z.zip}`, 'Format the ZIP column as text so Excel keeps leading zeros.');
        }
        if (state && !zipFitsState(z.zip, state)) {
          flag('zip', 'warning', 'zip-state-mismatch', zipRaw, `ZIP ${z.zip} does not belong to ${state.code} (the state column says "${stateRaw}")`, 'Check the state and the ZIP with the person.');
        }
      }
    }
    const districtRaw = get('district');
    let district: number | undefined;
    if (districtRaw) {
      const d = parseDistrict(districtRaw, state);
      if (d.ok) {
        district = d.district;
        if (!state && d.state) state = d.state;
      } else if (d.reason === 'state-mismatch') {
        flag('district', 'error', 'district-state-mismatch', districtRaw, `"${districtRaw}" ${d.message}`, 'Check the state and district with the person.');
      } else if (d.reason === 'no-such-district') {
        flag('district', 'error', 'no-such-district', districtRaw, `"${districtRaw}" does not exist: ${d.message}`, 'Correct the district, or clear it and let awg find it from the ZIP.');
      } else {
        flag('district', 'warning', 'unreadable-district', districtRaw, `"${districtRaw}" is not a district awg can read; ignored`, 'Write it like IL-09, 9 or At-Large.');
      }
    }
    if (!stateRaw && !zipRaw && !districtRaw) {
      flag(fields.has('state') ? 'state' : 'zip', 'error', 'no-location', '', 'has no state, ZIP code or district', 'Ask the person where they are registered to vote and fill in the state and ZIP.');
    }

    // When they answered
    const tsRaw = get('timestamp');
    let submittedAt: string | undefined;
    let late = false;
    if (tsRaw) {
      const t = parseTimestamp(tsRaw, event.timeZone);
      if (!t) flag('timestamp', 'warning', 'unreadable-timestamp', tsRaw, `"${tsRaw}" is not a date and time awg can read`, 'Write it like 2020-06-22 11:07 or 6/22/2020 11:07:29.');
      else {
        submittedAt = t.toISOString();
        late = deadline !== undefined && t.getTime() > deadline;
      }
    }

    // Availability
    const inputs: AvailabilityInput[] = [];
    if (fields.has('availability')) inputs.push({ text: get('availability') });
    for (const g of gridDays) if (g.day) inputs.push({ text: norm(cells[g.index]), day: g.day });
    const availability = parseAvailability(inputs, event, slots);
    const note = get('note');
    if (availability.unreadable.length) {
      const col = fields.has('availability') ? colName('availability') : headers[grid[0]?.index ?? -1] ?? 'availability';
      flag(col, 'warning', 'unreadable-availability', availability.unreadable.join(' | '),
        `availability text not understood: "${availability.unreadable.join('", "')}"`, 'Review it; rewrite it like "Tue 10am-12pm; Wed after 2pm ET" if the person can join.');
    }
    if (availability.blank && note) {
      availability.blank = false;
      availability.slots = [];
      availability.cannotJoin = true;
    } else if (note && !availability.cannotJoin && availability.slots.length) {
      flag('note', 'warning', 'note-with-times', note, `wrote a note beside the times they ticked: "${note}"`, 'Read the note; it may limit when this person can meet.');
    }

    const tz = get('timeZone');
    const timeZone = parseTimeZone(tz);
    if (tz && !timeZone) flag('timeZone', 'warning', 'unknown-time-zone', tz, `"${tz}" is not a time zone awg knows; their state's zone is used`, 'Write Eastern, Central, Mountain, Pacific, Alaska or Hawaii.');

    rsvps.push({
      row,
      ...(submittedAt ? { submittedAt } : {}),
      firstName, lastName, email, emailValid, phone, phoneValid: phoneRaw !== '' && phoneOk,
      organization: cleanName(get('organization')), address: get('address'), city: cleanName(get('city')),
      ...(state ? { state: state.code } : {}), stateRaw,
      ...(zip ? { zip } : {}),
      ...(district !== undefined ? { district } : {}),
      availability, note, lead: parseYes(get('lead')), story: parseYes(get('story')), needs: cleanNeeds(get('needs')),
      ...(timeZone ? { timeZone } : {}), late,
      ...(isCancelled(get('status'), colName('status')) ? { cancelled: true } : {}),
    });
  }
  for (const g of gridDays) {
    if (!g.day) {
      problems.push({ code: 'grid-day-unknown', severity: 'warning', ...where, row: headerIdx + 1, column: headers[g.index] ?? g.label, value: g.label,
        message: `the grid row "${g.label}" is not one of the event's days (${event.days.join(', ')}); its answers are ignored`,
        fix: 'Check event.days in awg.config.json.' });
    }
  }
  const columns: Partial<Record<RsvpField, string>> = {};
  for (const [f, idx] of fields) columns[f] = headers[idx] ?? '';
  return { rsvps, problems, headerRow: headerIdx + 1, headers, columns, gridColumns: grid.map((g) => headers[g.index] ?? '') };
}

/** A status cell that says the person cancelled ("Cancelled", "withdrawn"), or a yes in a column headed "Cancelled". */
function isCancelled(value: string, header: string): boolean {
  const v = value.trim().toLowerCase();
  return /^(cancell?ed|cancell?ation|withdrawn|not attending|refunded)$/.test(v) || (/cancel/i.test(header) && /^(yes|y|true|x|1)$/.test(v));
}
