// calendar/events.csv of an earlier folder read back (I/O): the calendar events awg wrote there, so a
// re-run keeps their UIDs and SEQUENCE and cancels the ones that are gone.
import path from 'node:path';
import type { Problem } from '../problems.js';
import { fileExists, readInput } from '../read/files.js';
import { parseTable } from '../read/table.js';
import { EVENTS_FILE, parseEventRecords } from '../render/calendar-state.js';
import type { CalendarEventRecord } from '../render/calendar.js';
import { tableRows } from './rows.js';

export function readCalendarEvents(dir: string, problems: Problem[]): CalendarEventRecord[] {
  const file = path.join(dir, EVENTS_FILE);
  if (!fileExists(file)) return [];
  const sheet = parseTable(readInput(file, 200, 'calendar events'), file).sheets[0];
  if (!sheet) return [];
  return parseEventRecords(tableRows(sheet, { file }, ['uid', 'sequence', 'path'], undefined, problems), problems);
}
