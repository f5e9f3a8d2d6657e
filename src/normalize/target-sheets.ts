// Which target tab or file is which chamber: by the tab's name, by its columns (a District column means
// Representatives), or split by a `type`/`chamber` column when one sheet lists both chambers.
import type { Chamber } from '../model.js';
import { UsageError } from '../problems.js';
import type { Sheet, Table } from '../read/table.js';
import { mapColumns, normHeader } from './header.js';
import { headerOf, PATTERNS, type TargetSheet } from './targets.js';

const CHAMBER_HEADER = /^(type|chamber|body|house or senate)$/;
const chamberOfValue = (v: string): Chamber | undefined =>
  /^(sen|senate|senator|s)$/i.test(v.trim()) ? 'Senate' : /^(rep|house|representative|h|del|delegate)$/i.test(v.trim()) ? 'House' : undefined;

/**
 * One sheet listing both chambers (a `type` or `chamber` column, as in the congress-legislators
 * export) split into a House sheet and a Senate sheet. Rows of the other chamber become blank, so every
 * row keeps the number the organizer sees.
 */
export function splitByChamber(sheet: Sheet): (Partial<Record<Chamber, Sheet>> & { header: string }) | undefined {
  const { index, headers } = headerOf(sheet);
  const col = headers.findIndex((h) => CHAMBER_HEADER.test(normHeader(h)));
  if (index < 0 || col < 0) return undefined;
  const body = sheet.rows.slice(index + 1);
  if (!body.some((r) => chamberOfValue(r[col] ?? ''))) return undefined;
  const keep = (chamber: Chamber): Sheet => ({
    name: sheet.name,
    rows: sheet.rows.map((r, i) => (i <= index || chamberOfValue(r[col] ?? '') === chamber ? r : [])),
    // What the reader found in the file is reported once, with the Representatives.
    ...(chamber === 'House' && sheet.problems ? { problems: sheet.problems } : {}),
  });
  return { House: keep('House'), Senate: keep('Senate'), header: headers[col] ?? '' };
}

/** Which chamber a tab is, from its name. */
export function chamberOfTabName(name: string): Chamber | undefined {
  const n = name.toLowerCase();
  if (/rep|house|congress|members?/.test(n)) return 'House';
  if (/sen/.test(n)) return 'Senate';
  return undefined;
}

/** Which chamber a CSV is (Google Sheets exports one tab per file): a district column means House. */
export function chamberOfSheet(sheet: Sheet, file: string): Chamber | undefined {
  const { headers } = headerOf(sheet);
  const fields = mapColumns(headers, PATTERNS);
  const hasDistrict = fields.has('district');
  const memberHeader = normHeader(headers[fields.get('member') ?? -1] ?? '');
  if (/senat/.test(memberHeader)) return 'Senate';
  if (hasDistrict || /\brep|house/.test(memberHeader)) return 'House';
  return chamberOfTabName(file.replace(/^.*[\\/]/, '')) ?? 'Senate';
}

/** The Representatives and Senators tabs, from one workbook or from one CSV per chamber. */
export function pickTargetSheets(tables: readonly Table[], houseTab?: string, senateTab?: string): TargetSheet[] {
  const out: TargetSheet[] = [];
  if (tables.length === 1 && tables[0]?.kind === 'workbook') {
    const table = tables[0];
    const find = (name: string | undefined, chamber: Chamber): Sheet | undefined => {
      if (name) {
        const s = table.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!s) throw new UsageError(`${table.file} has no tab "${name}"; its tabs are ${table.sheets.map((x) => `"${x.name}"`).join(', ')}.`);
        return s;
      }
      return table.sheets.find((x) => chamberOfTabName(x.name) === chamber);
    };
    const house = find(houseTab, 'House');
    const senate = find(senateTab, 'Senate');
    if (!house && !senate) {
      throw new UsageError(
        `${table.file} has no Representatives or Senators tab (its tabs are ${table.sheets.map((x) => `"${x.name}"`).join(', ')}).`,
        'Name the tabs with --house-tab and --senate-tab.',
      );
    }
    if (house) out.push({ table, sheet: house, chamber: 'House' });
    if (senate) out.push({ table, sheet: senate, chamber: 'Senate' });
    return out;
  }
  for (const table of tables) {
    for (const sheet of table.sheets) {
      const both = tables.length === 1 ? splitByChamber(sheet) : undefined;
      if (both?.House && both.Senate) {
        out.push({ table, sheet: both.House, chamber: 'House', splitBy: both.header }, { table, sheet: both.Senate, chamber: 'Senate', splitBy: both.header });
        continue;
      }
      const byName = sheet.name ? chamberOfTabName(sheet.name) : undefined;
      const chamber = byName ?? chamberOfSheet(sheet, table.file);
      if (chamber) out.push({ table, sheet, chamber });
    }
  }
  const chambers = out.map((t) => t.chamber);
  if (chambers.length === 2 && chambers[0] === chambers[1]) {
    throw new UsageError(
      `both targets files look like ${chambers[0] === 'House' ? 'Representatives' : 'Senators'} (${tables.map((t) => t.file).join(', ')}).`,
      'The Representatives file needs a District column; the Senators file must not have one.',
    );
  }
  return out;
}
