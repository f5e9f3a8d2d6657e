// Reads the organizer's files: the config, the RSVP export, the target workbook (or its two CSVs).
// Which target tab is which chamber is decided later, in normalize/target-sheets.ts.
import path from 'node:path';
import { parseConfig } from '../config/load.js';
import { DEFAULT_CONFIG, type Config } from '../config/schema.js';
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
  return parseTable(readInput(file, config.maxInputMB, what), file, { maxMB: config.maxInputMB });
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
