// Every problem of a run as a table (problems.csv in the output folder): one problem a row, for
// working through in a spreadsheet, in the order they were found (errors first).
import type { Problem } from '../problems.js';
import type { DataTable } from './table.js';

export function problemsTable(problems: readonly Problem[]): DataTable {
  const sorted = [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
  return {
    name: 'Problems',
    columns: ['severity', 'file', 'sheet', 'row', 'column', 'value', 'message', 'fix', 'code'],
    rows: sorted.map((p) => [p.severity, p.file ?? '', p.sheet ?? '', p.row ?? '', p.column ?? '', p.value ?? '', p.message, p.fix ?? '', p.code]),
  };
}
