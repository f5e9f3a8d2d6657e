// Reads the organizer's files: the config, the RSVP export, the target workbook (or its two CSVs).
import path from 'node:path';
import { parseConfig } from '../config/load.js';
import { DEFAULT_CONFIG, type Config } from '../config/schema.js';
import type { Chamber } from '../model.js';
import { chamberOfSheet, chamberOfTabName, splitByChamber, type TargetSheet } from '../normalize/targets.js';
import { InputError, UsageError } from '../problems.js';
import { fileExists, readInput, readTextInput } from './files.js';
import { parseTable, type Sheet, type Table } from './table.js';

export function loadConfig(file: string | undefined, cwd = process.cwd()): { config: Config; file?: string } {
  const chosen = file ?? (fileExists(path.join(cwd, 'awg.config.json')) ? path.join(cwd, 'awg.config.json') : undefined);
  if (!chosen) return { config: DEFAULT_CONFIG };
  const shown = file ?? 'awg.config.json';
  const { config, problems } = parseConfig(readTextInput(chosen, 10, 'config'), shown);
  if (!config) throw new InputError(problems);
  return { config, file: shown };
}

export function readTableFile(file: string, config: Config, what: string): Table {
  return parseTable(readInput(file, config.maxInputMB, what), file);
}

export function pickRsvpSheet(table: Table, sheetName?: string): Sheet {
  if (sheetName) {
    const s = table.sheets.find((x) => x.name.toLowerCase() === sheetName.toLowerCase());
    if (!s) throw new UsageError(`${table.file} has no sheet "${sheetName}"; its sheets are ${table.sheets.map((x) => `"${x.name}"`).join(', ')}.`);
    return s;
  }
  const first = table.sheets[0];
  if (!first) throw new UsageError(`${table.file} has no sheets.`);
  return first;
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
        out.push({ table, sheet: both.House, chamber: 'House' }, { table, sheet: both.Senate, chamber: 'Senate' });
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
