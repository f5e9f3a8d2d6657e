// The target-legislator workbook → TargetOffice records: which tab is which chamber, where the header
// sits under any title rows, and the cross-row checks (one row per office, senators only for states).
import { stateByCode } from '../data/states.js';
import type { Chamber, TargetOffice } from '../model.js';
import { InputError, type Problem, type Where } from '../problems.js';
import type { Sheet, Table } from '../read/table.js';
import { districtLabel, parseDistrict } from './district.js';
import { fieldColumnMap, sheetProblems, TARGET_FIELD_WORDS, type ColumnUse } from './columns.js';
import { normalizeEmail, normalizePhone } from './contact.js';
import { bodyRows, findHeaderRow, mapColumns, normHeader } from './header.js';
import { parseState } from './state.js';
import { fillSeats } from './seats.js';
import { currentMembers, type Member } from '../data/bundled.js';
import type { EventConfig } from '../config/schema.js';
import { parseFormat, roomProblem, unreadableFormat } from './office-place.js';

type TargetField = 'state' | 'district' | 'member' | 'party' | 'tier' | 'phone' | 'schedulerName' | 'schedulerEmail' | 'cosponsor' | 'notes' | 'room' | 'building' | 'format';

export const PATTERNS: ReadonlyArray<readonly [TargetField, RegExp]> = [
  ['schedulerName', /\bscheduler\b(?!.*\b(e ?mail|phone)\b)/],
  ['schedulerEmail', /\be ?mail\b/],
  ['cosponsor', /\bco ?spons\w*/],
  ['notes', /\b(notes?|comments?)\b/],
  // Where and how the office meets, typed over the list of members' (an in-person event).
  ['format', /^(format|meeting format|meeting type|type of meeting|in person or virtual|virtual or in person|mode|modality|virtual)$/],
  ['building', /\bbuilding\b/],
  ['room', /^(room|room number|room no|rm|suite|dc room|dc office|office room|office location|location|meeting room|meeting location)$/],
  ['district', /\b(district|cd|seat)\b/],
  ['state', /^(?!.*united states).*\bstate\b/],
  ['tier', /\b(tier|priority|target level)\b|^(rank|target rank)$/],
  ['party', /\bparty\b|^p$/],
  ['phone', /\b(phone|tel|telephone)\b/],
  ['member', /\b(member|name|representative|senator|legislator|rep|moc|congress ?(wo)?man|congressperson|official full)\b/],
];

export interface TargetSheet {
  table: Table;
  sheet: Sheet;
  chamber: Chamber;
  /** The header of the column that split one sheet listing both chambers (`type`, `chamber`), when one did. */
  splitBy?: string;
}

const recognizes = (h: string) => PATTERNS.some(([, re]) => re.test(normHeader(h)));

export function headerOf(sheet: Sheet): { index: number; headers: string[] } {
  const index = findHeaderRow(sheet.rows, recognizes, 2);
  return { index, headers: index < 0 ? [] : (sheet.rows[index] ?? []).map((h) => h.replace(/\s+/g, ' ').trim()) };
}

const PARTY: Array<[RegExp, string]> = [[/^d(em\w*)?\.?$/i, 'D'], [/^r(ep\w*)?\.?$|^gop$/i, 'R'], [/^i(nd\w*)?\.?$/i, 'I'], [/^l(ib\w*)?\.?$/i, 'L']];

export function parseParty(raw: string): string {
  const t = raw.trim();
  return PARTY.find(([re]) => re.test(t))?.[1] ?? t;
}

export function parseTier(raw: string): number | undefined {
  const t = raw.trim().toLowerCase();
  if (!t) return undefined;
  const n = /(\d+)/.exec(t);
  if (n && n[1]) return Number(n[1]);
  if (/\b(top|high|highest|key|primary|a)\b/.test(t)) return 1;
  if (/\b(medium|mid|secondary|b)\b/.test(t)) return 2;
  if (/\b(low|lowest|c)\b/.test(t)) return 3;
  return undefined;
}

const asciiKey = (s: string) => s.normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '').replace(/[\u0300-\u036f]/g, '').toUpperCase();

export interface TargetColumns {
  file: string;
  sheet: string;
  chamber: Chamber;
  headerRow: number;
  columns: ColumnUse[];
}

/** A row may name only the seat (state, district, tier): `members` fills in the rest (see seats.ts). */
export function normalizeTargets(sheets: readonly TargetSheet[], members: readonly Member[] = currentMembers(), event?: EventConfig): { offices: TargetOffice[]; problems: Problem[]; columnMaps: TargetColumns[] } {
  const offices: TargetOffice[] = [];
  const problems: Problem[] = [];
  const columnMaps: TargetColumns[] = [];
  const memberColumns = new Map<string, string>();
  const roomColumns = new Map<string, string>();
  for (const { table, sheet, chamber, splitBy } of sheets) {
    const where = { file: table.file, ...(sheet.name ? { sheet: sheet.name } : {}) };
    const { index, headers } = headerOf(sheet);
    const fields = index < 0 ? new Map<TargetField, number>() : mapColumns(headers, PATTERNS);
    const missing: string[] = [];
    if (!fields.has('state') && !(chamber === 'House' && fields.has('district'))) missing.push('state');
    if (chamber === 'House' && !fields.has('district')) missing.push('district');
    if (missing.length) {
      const seen = headers.filter((h) => h).map((h) => `"${h}"`).join(', ') || '(none)';
      throw new InputError([{
        code: 'missing-column', severity: 'error', ...where, ...(index >= 0 ? { row: index + 1 } : {}),
        message: `the ${chamber === 'House' ? 'Representatives' : 'Senators'} tab of ${table.file}${sheet.name ? ` ("${sheet.name}")` : ''} has no column for ${missing.join(', ')}. Headers seen: ${seen}.`,
        fix: 'Add a header row with columns like State, District, Member, Party, Tier.',
      }]);
    }
    problems.push(...sheetProblems(sheet.problems, headers));
    // The column that told the chambers apart is used, though no field of an office comes from it.
    const columns = fieldColumnMap(headers, fields, TARGET_FIELD_WORDS).map((c) => (c.header === splitBy ? { ...c, use: 'chamber (which tab the row is on)' } : c));
    columnMaps.push({ file: table.file, sheet: sheet.name, chamber, headerRow: index + 1, columns });
    const col = (f: TargetField) => headers[fields.get(f) ?? -1] ?? f;
    memberColumns.set(`${table.file}|${sheet.name}`, col('member'));
    roomColumns.set(`${table.file}|${sheet.name}`, fields.has('room') ? col('room') : col('building'));
    for (const { cells, row } of bodyRows(sheet.rows, index + 1)) {
      const get = (f: TargetField) => (cells[fields.get(f) ?? -1] ?? '').replace(/\s+/g, ' ').trim();
      const bad = (f: TargetField, code: string, value: string, message: string, fix: string) =>
        problems.push({ code, severity: 'error', ...where, row, column: col(f), value, message, fix });
      const member = get('member');
      const stateRaw = get('state');
      let state = stateRaw ? parseState(stateRaw) : undefined;
      if (stateRaw && !state) {
        bad('state', 'unknown-state', stateRaw, `"${stateRaw}" is not a US state or territory`, 'Write the two-letter code, e.g. IL.');
        continue;
      }
      let district: number | undefined;
      if (chamber === 'House') {
        const dRaw = get('district');
        const d = parseDistrict(dRaw, state);
        if (!dRaw || !d.ok) {
          bad('district', dRaw ? (d.ok ? 'bad-district' : d.reason === 'no-such-district' ? 'no-such-district' : 'unreadable-district') : 'missing-district', dRaw,
            !dRaw ? 'has no district' : `"${dRaw}" ${d.ok ? '' : d.reason === 'unreadable' ? 'is not a district awg can read' : `does not exist: ${d.message}`}`.trim(),
            'Write the district like CA-12, 12 or At-Large.');
          continue;
        }
        district = d.district;
        state = state ?? d.state;
      }
      if (!state) {
        bad('state', 'missing-state', '', 'has no state', 'Fill in the state.');
        continue;
      }
      const info = stateByCode(state.code);
      if (chamber === 'Senate' && info && !info.hasSenators) {
        bad('state', 'no-senators', stateRaw, `${info.name} has no senators`, 'Move this row to the Representatives tab if it is the delegate.');
        continue;
      }
      const tierRaw = get('tier');
      const tier = parseTier(tierRaw);
      if (tierRaw && tier === undefined) {
        problems.push({ code: 'unreadable-tier', severity: 'warning', ...where, row, column: col('tier'), value: tierRaw,
          message: `"${tierRaw}" is not a tier awg can read; the office is ranked last`, fix: 'Write 1 for the top tier, 2, 3 …, or High/Medium/Low.' });
      }
      const id = chamber === 'House' ? `H-${districtLabel(state.code, district ?? 0)}` : `S-${state.code}-${asciiKey(member.split(/\s+/).slice(-1)[0] ?? member)}`;
      const contact = officeContact(get, col, problems, { ...where, row });
      const typed = typedPlace(get, col, problems, { ...where, row }, member || id.slice(2), event);
      offices.push({
        id, chamber, state: state.code, ...(district !== undefined ? { district } : {}), member, party: parseParty(get('party')),
        ...(tier !== undefined ? { tier } : {}), tierRaw, phone: contact.phone, schedulerName: get('schedulerName'),
        schedulerEmail: contact.email, cosponsor: get('cosponsor'), notes: get('notes'), ...typed,
        file: table.file, sheet: sheet.name, row,
      });
    }
  }
  const kept = dedupeOffices(fillSeats(offices, members, problems, memberColumns), problems);
  // A typed room is read against the campus once the member is known (a Senators row may name no one).
  if (event?.format === 'in-person') {
    for (const o of kept) {
      const p = roomProblem(event, o, { file: o.file, ...(o.sheet ? { sheet: o.sheet } : {}), row: o.row, column: roomColumns.get(`${o.file}|${o.sheet}`) ?? 'Room' });
      if (p) problems.push(p);
    }
  }
  return { offices: kept, problems, columnMaps };
}

/** The Room, Building and Format cells of a row, as typed; a Format awg cannot read is a warning in an in-person event. */
function typedPlace(get: (f: TargetField) => string, col: (f: TargetField) => string, problems: Problem[], where: Where, member: string, event: EventConfig | undefined): Partial<TargetOffice> {
  const room = get('room');
  const building = get('building');
  const formatRaw = get('format');
  const format = parseFormat(formatRaw);
  if (format === undefined && event?.format === 'in-person') problems.push(unreadableFormat(event, { ...where, column: col('format') }, formatRaw, member));
  return {
    ...(room ? { room } : {}), ...(building ? { building } : {}), ...(room || building ? { roomFrom: 'targets' as const } : {}),
    ...(format ? { format } : {}),
  };
}

/** The office phone and scheduler email, normalized like participants'; one that cannot be read is kept as typed and named. */
function officeContact(get: (f: TargetField) => string, col: (f: TargetField) => string, problems: Problem[], where: Where): { phone: string; email: string } {
  const phoneRaw = get('phone');
  const { phone, valid: phoneOk } = normalizePhone(phoneRaw);
  if (phoneRaw && !phoneOk) problems.push({ code: 'invalid-phone', severity: 'warning', ...where, column: col('phone'), value: phoneRaw, message: `"${phoneRaw}" is not a phone number awg can read; kept as typed`, fix: 'Write it as a 10-digit US number, e.g. (202) 225-5905.' });
  const emailRaw = get('schedulerEmail');
  const { email, valid: emailOk } = normalizeEmail(emailRaw);
  if (email && !emailOk) problems.push({ code: 'invalid-email', severity: 'warning', ...where, column: col('schedulerEmail'), value: emailRaw, message: `"${emailRaw}" is not an email address`, fix: 'Correct the scheduler\'s address (it needs one @ and a domain).' });
  return { phone, email };
}

/** Two rows for one office: the first stands, the second is an error naming both rows. */
function dedupeOffices(offices: TargetOffice[], problems: Problem[]): TargetOffice[] {
  const byId = new Map<string, TargetOffice>();
  const perState = new Map<string, number>();
  const kept: TargetOffice[] = [];
  for (const o of offices) {
    // Two senators of one state can share a last name: tell them apart rather than drop one.
    if (o.chamber === 'Senate' && byId.has(o.id) && byId.get(o.id)!.member !== o.member) {
      let k = 2;
      while (byId.has(`${o.id}-${k}`)) k++;
      o.id = `${o.id}-${k}`;
    }
    const first = byId.get(o.id);
    if (first) {
      problems.push({ code: 'duplicate-office', severity: 'error', file: o.file, ...(o.sheet ? { sheet: o.sheet } : {}), row: o.row,
        column: o.chamber === 'House' ? 'district' : 'member', value: o.id.slice(2),
        message: `${o.member} (${o.id.slice(2)}) is listed twice: row ${first.row} and row ${o.row}; row ${o.row} is ignored`,
        fix: `Delete one of the two rows.` });
      continue;
    }
    byId.set(o.id, o);
    if (o.chamber === 'Senate') {
      const n = (perState.get(o.state) ?? 0) + 1;
      perState.set(o.state, n);
      if (n > 2) {
        problems.push({ code: 'too-many-senators', severity: 'warning', file: o.file, ...(o.sheet ? { sheet: o.sheet } : {}), row: o.row,
          column: 'state', value: o.state, message: `${o.state} has more than two senators listed`, fix: 'Check the Senators tab for a wrong state.' });
      }
    }
    kept.push(o);
  }
  return kept;
}
