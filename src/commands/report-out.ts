// Where a report goes: the terminal, a CSV, a workbook, or JSON on stdout.
import path from 'node:path';
import { toCsv } from '../render/csv.js';
import type { DataTable } from '../render/table.js';
import { toWorkbook } from '../render/xlsx.js';
import { UsageError } from '../problems.js';
import { writeFile } from '../write/files.js';

/**
 * Writes the report's tables: a workbook holds them all; a CSV holds the first, and each further table
 * goes to a CSV beside it named after the table (priority.csv, priority-offices.csv). Returns the files.
 */
export function writeReport(file: string, tables: DataTable[]): string[] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    writeFile(file, toWorkbook(tables));
    return [file];
  }
  if (ext !== '.csv') throw new UsageError(`--out ${file}: awg writes .csv or .xlsx here.`);
  const base = file.slice(0, -ext.length);
  return tables.map((t, i) => {
    const name = i === 0 ? file : `${base}-${t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}${ext}`;
    writeFile(name, toCsv(t));
    return name;
  });
}
