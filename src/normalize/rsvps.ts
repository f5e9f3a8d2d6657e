// RSVP rows → Rsvp records and the problems found in them, each pointing at its cell.
import type { Config, RsvpField } from '../config/schema.js';
import type { Availability, Rsvp, Slot } from '../model.js';
import type { Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { dayCellText, parseAvailability, type AvailabilityInput } from './availability.js';
import type { ColumnUse } from './columns.js';
import { cleanName, normalizeEmail, normalizePhone, parseZip, splitFullName, zipFitsState } from './contact.js';
import { parseDistrict, type DistrictResult } from './district.js';
import { districtOfRepresentative } from './representative.js';
import { cleanNeeds, parseTimeZone, parseYes } from './flags.js';
import { isBlankRow } from './header.js';
import { byValue } from './by-value.js';
import { headerOf, readRsvpHeader } from './rsvp-header.js';
import type { StateInfo } from '../data/states.js';
import { parseState } from './state.js';
import { readStatus } from './status.js';
import { deadlineInstant, parseTimestamp } from './timestamp.js';
import { readStay } from './stay.js';

export interface RsvpSheetResult {
  rsvps: Rsvp[];
  problems: Problem[];
  /** The sheet's name, in a workbook. */
  sheet?: string;
  headerRow: number;
  /** Both header rows where the export has two (SurveyMonkey). */
  headerRows: number[];
  headers: string[];
  columns: Partial<Record<RsvpField, string>>;
  gridColumns: string[];
  /** What awg took every column for. */
  columnMap: ColumnUse[];
}

/** Whitespace that collapsing changes: a run of two, or any but a plain space. Most cells have none, and skip the rewrite. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;
const norm = (s: string | undefined) => {
  const text = s ?? '';
  return (UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
};

export function normalizeRsvps(sheet: Sheet, file: string, config: Config, slots: readonly Slot[]): RsvpSheetResult {
  const sheetName = sheet.name || undefined;
  const where = { file, ...(sheetName ? { sheet: sheetName } : {}) };
  const top = readRsvpHeader(sheet, where, config, 'RSVP');
  const { headers } = top;
  const { fields, days } = top.columns;
  const event = config.event;
  const deadline = event.deadline ? deadlineInstant(event.deadline, event.timeZone).getTime() : undefined;
  const problems: Problem[] = [...top.problems];
  const rsvps: Rsvp[] = [];
  const dayColumns = days.filter((d) => d.day);
  const colName = (f: RsvpField) => headerOf(top, f);
  // Typeform and others write "Submit Date (UTC)": a stamp without a zone is then UTC, not the event's.
  const stampZone = /\b(utc|gmt)\b/i.test(colName('timestamp')) ? 'UTC' : event.timeZone;

  // Columns' headers, and readings of values that repeat from row to row (a state, an organization, a
  // timestamp to the minute), found once per sheet, not per row.
  const columnOf = new Map<string, string>();
  for (const f of fields.keys()) columnOf.set(f, colName(f));
  const statusHeader = colName('status');
  const readState = byValue(parseState);
  const readOrganization = byValue(cleanName);
  // A ZIP read once per value also keeps one string of it for all the rows that have it, as sameText does for the state as typed.
  const readZip = byValue(parseZip);
  const sameText = byValue((text: string) => text);
  const readTimestamp = byValue((text: string) => {
    const t = parseTimestamp(text, stampZone);
    return t ? { iso: t.toISOString(), ms: t.getTime() } : undefined;
  });
  // The row being read: `get` and `flag` are made once, not per row.
  let cells: readonly string[] = [];
  let row = 0;
  const get = (f: RsvpField) => {
    const idx = fields.get(f);
    return idx === undefined ? '' : norm(cells[idx]);
  };
  const flag = (f: RsvpField | string, severity: Problem['severity'], code: string, value: string, message: string, fix: string) => {
    const column = columnOf.get(f) ?? f;
    problems.push({ code, severity, ...where, row, column, value, message: `${message}`, fix });
  };
  // The cells a row's availability is read from, as they are: rows that answered alike (a few hundred
  // combinations in 100,000 rows) share one reading, and their cells are not tidied again.
  const availabilityCells = [...(fields.has('availability') ? [fields.get('availability')!] : []), ...top.columns.moreAvailability, ...dayColumns.map((d) => d.index)];
  const readings = new Map<string, Availability>();
  const availabilityOf = (): Availability => {
    let key = '';
    // Each cell's length first, so that no cell, whatever it holds, can run into the next one's part of the key.
    for (const c of availabilityCells) key += `${(cells[c] ?? '').length}|${cells[c] ?? ''}`;
    let reading = readings.get(key);
    if (!reading) {
      const inputs: AvailabilityInput[] = [];
      if (fields.has('availability')) inputs.push({ text: get('availability') });
      for (const i of top.columns.moreAvailability) inputs.push({ text: (cells[i] ?? '').replace(/\s+/g, ' ').trim() });
      for (const d of dayColumns) inputs.push({ text: dayCellText(cells[d.index] ?? '', d.label), day: d.day! });
      reading = parseAvailability(inputs, event, slots);
      if (readings.size < 50_000) readings.set(key, reading);
    }
    // An object for each row, which the row may change (a note beside blank times); the lists are shared and frozen.
    return { slots: reading.slots, blank: reading.blank, cannotJoin: reading.cannotJoin, unreadable: reading.unreadable };
  };
  const rows = sheet.rows;
  for (let i = Math.max(top.dataStart, 0); i < rows.length; i++) {
    cells = rows[i] ?? [];
    if (isBlankRow(cells)) continue;
    row = i + 1;

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
    let state = stateRaw ? readState(stateRaw) : undefined;
    if (stateRaw && !state) flag('state', 'error', 'unknown-state', stateRaw, `"${stateRaw}" is not a US state or territory`, 'Write the two-letter code, e.g. IL, or the full name.');
    const zipRaw = get('zip');
    let zip: string | undefined;
    if (zipRaw) {
      const z = readZip(zipRaw);
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
      const d = readDistrictCell(districtRaw, state);
      if (d.ok) {
        district = d.district;
        if (!state && d.state) state = d.state;
      } else if (d.reason === 'state-mismatch') {
        flag('district', 'error', 'district-state-mismatch', districtRaw, `"${districtRaw}" ${d.message}`, 'Check the state and district with the person.');
      } else if (d.reason === 'no-such-district') {
        flag('district', 'error', 'no-such-district', districtRaw, `"${districtRaw}" does not exist: ${d.message}`, 'Correct the district, or clear it and let awg find it from the ZIP.');
      } else {
        flag('district', 'warning', 'unreadable-district', districtRaw, `"${districtRaw}" is not a district awg can read; ignored`, 'Write it like IL-09, 9 or At-Large, or the name of their Representative.');
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
      const t = readTimestamp(tsRaw);
      if (!t) flag('timestamp', 'warning', 'unreadable-timestamp', tsRaw, `"${tsRaw}" is not a date and time awg can read`, 'Write it like 2020-06-22 11:07 or 6/22/2020 11:07:29.');
      else {
        submittedAt = t.iso;
        late = deadline !== undefined && t.ms > deadline;
      }
    }

    // Availability
    const availability = availabilityOf();
    const stay = readStay(get('arrival'), get('departure'), event, slots, availability, (f, code, value, message, fix) => flag(f, 'warning', code, value, message, fix));
    const note = get('note');
    if (availability.unreadable.length) {
      const col = fields.has('availability') ? colName('availability') : headers[dayColumns[0]?.index ?? -1] ?? 'availability';
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

    const status = readStatus(get('status'), statusHeader);
    if (status === 'unread') {
      flag('status', 'warning', 'unread-status', get('status'), `the status "${get('status')}" is not one awg reads; they are scheduled as attending`, 'Write "cancelled" (or "not coming") if they are not coming, or clear the status.');
    }
    // Built key by key, in the order the record always had: an object literal with six conditional
    // spreads cost most of this loop's own time at 100,000 rows.
    const r = { row } as Rsvp;
    if (submittedAt) r.submittedAt = submittedAt;
    r.firstName = firstName;
    r.lastName = lastName;
    r.email = email;
    r.emailValid = emailValid;
    r.phone = phone;
    r.phoneValid = phoneRaw !== '' && phoneOk;
    r.organization = readOrganization(get('organization'));
    r.address = get('address');
    r.city = cleanName(get('city'));
    if (state) r.state = state.code;
    r.stateRaw = sameText(stateRaw);
    if (zip) r.zip = zip;
    if (district !== undefined) r.district = district;
    r.availability = availability;
    r.note = note;
    r.lead = parseYes(get('lead'));
    r.story = parseYes(get('story'));
    r.needs = cleanNeeds(get('needs'));
    if (timeZone) r.timeZone = timeZone;
    r.late = late;
    if (status === 'cancelled') r.cancelled = true;
    if (stay.arrival) r.arrival = stay.arrival;
    if (stay.departure) r.departure = stay.departure;
    rsvps.push(r);
  }
  const columns: Partial<Record<RsvpField, string>> = {};
  for (const [f, idx] of fields) columns[f] = headers[idx] ?? '';
  return { rsvps, problems, ...(sheetName ? { sheet: sheetName } : {}), headerRow: top.headerRow, headerRows: top.headerRows, headers, columns,
    gridColumns: dayColumns.map((d) => headers[d.index] ?? ''), columnMap: top.columnMap };
}

/**
 * A district cell: a district ("IL-07", "7th"), or the answer to the split-ZIP question as people write it,
 * a Representative's name, or both ("IL-07, Danny Davis"): the district where it reads, else the name's.
 */
function readDistrictCell(raw: string, state: StateInfo | undefined): DistrictResult {
  const d = parseDistrict(raw, state);
  if (d.ok || d.reason !== 'unreadable') return d;
  const first = raw.split(/[,;(:]|\s[-–]\s/)[0]!.trim();
  if (first !== raw.trim()) {
    const head = parseDistrict(first, state);
    if (head.ok) return head;
  }
  const n = state ? districtOfRepresentative(raw, state.code) : undefined;
  return n !== undefined && state ? { ok: true, district: n, state } : d;
}
