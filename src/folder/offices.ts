// offices.csv read back (the offices' statuses, as the organizer recorded their replies): its rows by
// header, with file and spreadsheet row. What the statuses mean is process/offices.ts's business.
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { tableRows, type FolderRow } from './rows.js';

export const OFFICE_COLUMNS = ['chamber', 'state', 'district', 'member', 'party', 'tier', 'scheduler_email', 'office_phone', 'status', 'date', 'start', 'end', 'link', 'notes', 'meeting_id'];

/** An in-person event's offices.csv has these too, after office_phone: where and how each office meets (process/office-rooms.ts). */
export const IN_PERSON_OFFICE_COLUMNS = ['room', 'format'];

export function officeRows(sheet: Sheet, where: { file: string; sheet?: string }, problems: Problem[]): FolderRow[] {
  return tableRows(sheet, where, ['member', 'status'], [...OFFICE_COLUMNS, ...IN_PERSON_OFFICE_COLUMNS], problems);
}

/** The meetings whose request awg drafted: the IDs of requests/'s .eml files (M001-rep-….eml). */
export function draftedRequestIds(dir: string): Set<string> {
  const requests = path.join(dir, 'requests');
  if (!fs.existsSync(requests)) return new Set();
  return new Set(fs.readdirSync(requests).map((f) => /^(M\d+)-.*\.eml$/i.exec(f)?.[1]).filter((x): x is string => x !== undefined));
}
