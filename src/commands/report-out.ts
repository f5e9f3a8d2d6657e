// Where a report goes: the terminal, a CSV, a workbook, or JSON on stdout.
import path from 'node:path';
import { toCsv } from '../render/csv.js';
import type { DataTable } from '../render/table.js';
import { toWorkbook } from '../render/xlsx.js';
import { UsageError } from '../problems.js';
import { writeFile } from '../write/files.js';

export function writeReport(file: string, tables: DataTable[]): void {
  const ext = path.extname(file).toLowerCase();
  const first = tables[0];
  if (ext === '.csv' && first) writeFile(file, toCsv(first));
  else if (ext === '.xlsx') writeFile(file, toWorkbook(tables));
  else throw new UsageError(`--out ${file}: awg writes .csv or .xlsx here.`);
}
