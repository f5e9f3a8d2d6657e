// What awg took each column of an input file for, as text: the columns read, then the columns not
// used as one short block.
import path from 'node:path';
import type { ColumnUse } from '../normalize/columns.js';
import { NOT_USED } from '../normalize/columns.js';

export interface FileColumns {
  /** What the file is, in the organizer's words: RSVPs, Representatives, Senators, staff, confirmed meetings. */
  role: string;
  file: string;
  sheet?: string;
  headerRow: number;
  /** Both header rows where the file has two (SurveyMonkey). */
  headerRows?: number[];
  columns: ColumnUse[];
}

export function formatColumnMap(f: FileColumns): string {
  const name = path.basename(f.file) + (f.sheet ? ` [${f.sheet}]` : '');
  const used = f.columns.filter((c) => c.use !== NOT_USED);
  const unused = f.columns.filter((c) => c.use === NOT_USED);
  const width = Math.min(48, Math.max(0, ...used.map((c) => c.header.length)));
  const rows = f.headerRows && f.headerRows.length > 1 ? `rows ${f.headerRows.join(' and ')}` : `row ${f.headerRow}`;
  const lines = [`Columns of ${name} (${f.role}, header in ${rows}):`];
  for (const c of used) {
    const header = c.header.length > width ? `${c.header.slice(0, width - 1)}…` : c.header.padEnd(width);
    lines.push(`  ${c.column.padEnd(3)} ${header}  → ${c.use}`);
  }
  if (unused.length) lines.push(`  Not used (${unused.length}): ${unused.map((c) => `${c.column} "${c.header}"`).join(', ')}`);
  return lines.join('\n');
}
