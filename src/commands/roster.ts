// `awg roster`: renders the printable pages and calendar files again from a schedule folder, for
// after an organizer has edited meetings.csv and attendees.csv by hand (and `awg check` found it sound).
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../problems.js';
import { fileExists } from '../read/files.js';
import { loadConfig, pickRsvpSheet, readTableFile } from '../read/inputs.js';
import { unneutralize } from '../render/csv.js';
import { renderPrintables } from '../render/printables.js';
import type { Rec } from '../render/roster-model.js';
import { writeFolder } from '../write/files.js';
import type { Output } from './shared.js';

export const rosterOptions = z.object({
  schedule: z.string().min(1),
  out: z.string().optional(),
  config: z.string().optional(),
  force: z.boolean().default(false),
});

function records(rows: string[][]): Rec[] {
  const headerIdx = rows.findIndex((r) => r.some((c) => c.trim() === 'meeting_id'));
  if (headerIdx < 0) return [];
  const headers = (rows[headerIdx] ?? []).map((h) => h.trim());
  return rows.slice(headerIdx + 1).filter((r) => r.some((c) => c.trim())).map((r) =>
    Object.fromEntries(headers.map((h, i) => [h, unneutralize((r[i] ?? '').trim())])));
}

export function runRoster(raw: unknown, out: Output): number {
  const opts = rosterOptions.parse(raw);
  const { config } = loadConfig(opts.config);
  const file = (name: string) => path.join(opts.schedule, name);
  if (!fileExists(file('meetings.csv')) || !fileExists(file('attendees.csv'))) {
    throw new UsageError(`${opts.schedule} has no meetings.csv and attendees.csv; is it a folder awg schedule wrote?`);
  }
  const read = (name: string) => records(pickRsvpSheet(readTableFile(file(name), config, name)).rows);
  const files = renderPrintables(read('meetings.csv'), read('attendees.csv'), config);
  const target = opts.out ?? path.join(opts.schedule, 'printables');
  writeFolder(target, files, opts.force);
  out.stderr(`Wrote ${files.size} files to ${target}/: rosters, meeting sheets, itineraries.html and calendar files.`);
  return 0;
}
