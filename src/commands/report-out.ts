// Where a report goes: the terminal, a CSV, a workbook, or JSON on stdout.
import path from 'node:path';
import { toCsv } from '../render/csv.js';
import type { DataTable } from '../render/table.js';
import { toWorkbook } from '../render/xlsx.js';
import { UsageError } from '../problems.js';
import { checkOutFile, writeFile, type Input } from '../write/files.js';

/**
 * Writes the report's tables: a workbook holds them all; a CSV holds the first, and each further table
 * goes to a CSV beside it named after the table (priority.csv, priority-offices.csv). Returns the files.
 * None of them may be one of the run's `inputs` (`--out rsvps.csv` would replace the RSVP export).
 */
export function writeReport(file: string, tables: DataTable[], inputs: readonly Input[]): string[] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    checkOutFile(file, inputs);
    writeFile(file, toWorkbook(tables));
    return [file];
  }
  if (ext !== '.csv') throw new UsageError(`--out ${file}: awg writes .csv or .xlsx here.`);
  const base = file.slice(0, -ext.length);
  const names = tables.map((t, i) => (i === 0 ? file : `${base}-${t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}${ext}`));
  for (const name of names) checkOutFile(name, inputs);
  names.forEach((name, i) => writeFile(name, toCsv(tables[i]!)));
  return names;
}
