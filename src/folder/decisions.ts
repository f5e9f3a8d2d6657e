// decisions.csv of an earlier folder read back (I/O): the hand edits awg holds on every re-run (plan/decisions.ts).
import path from 'node:path';
import { DECISIONS_FILE, parseDecisions, type Decision } from '../plan/decisions.js';
import type { Problem } from '../problems.js';
import { fileExists, readInput } from '../read/files.js';
import { parseTable } from '../read/table.js';
import { tableRows } from './rows.js';

export function readDecisions(dir: string, problems: Problem[]): Decision[] {
  const file = path.join(dir, DECISIONS_FILE);
  if (!fileExists(file)) return [];
  const sheet = parseTable(readInput(file, 50, 'decisions'), file).sheets[0];
  if (!sheet || !sheet.rows.length) return [];
  return parseDecisions(tableRows(sheet, { file }, ['decision', 'meeting_id', 'member'], ['decision', 'meeting_id', 'chamber', 'state', 'district', 'member', 'rsvp_row', 'first_name', 'last_name', 'email', 'phone', 'what_it_means'], problems), file, problems);
}
