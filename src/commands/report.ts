// `awg report`: reads the report-back form's export and a schedule folder, and writes the results
// by ask, the follow-ups owed and the meetings not yet reported.
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config/schema.js';
import { hasErrors, UsageError } from '../problems.js';
import { fileExists } from '../read/files.js';
import { loadConfig, pickRsvpSheet, readTableFile } from '../read/inputs.js';
import { unneutralize } from '../render/csv.js';
import { formatProblems } from '../render/problems.js';
import { buildRoster, type Rec, type RosterMeeting } from '../render/roster-model.js';
import { buildReport } from '../report/report.js';
import { writeFolder } from '../write/files.js';
import type { Output } from './shared.js';

export const reportOptions = z.object({
  schedule: z.string().min(1),
  responses: z.string().min(1),
  responsesSheet: z.string().optional(),
  out: z.string().optional(),
  config: z.string().optional(),
  force: z.boolean().default(false),
});

/**
 * The schedule folder's meetings with their attendees, from meetings.csv and attendees.csv as
 * `awg schedule` writes them. Kept in this one function so a shared reader of the folder can replace it.
 */
function readScheduleFolder(dir: string, config: Config): RosterMeeting[] {
  const file = (name: string) => path.join(dir, name);
  if (!fileExists(file('meetings.csv')) || !fileExists(file('attendees.csv'))) {
    throw new UsageError(`${dir} has no meetings.csv and attendees.csv; is it a folder awg schedule wrote?`);
  }
  const records = (name: string): Rec[] => {
    const rows = pickRsvpSheet(readTableFile(file(name), config, name)).rows;
    const headerIdx = rows.findIndex((r) => r.some((c) => c.trim() === 'meeting_id'));
    if (headerIdx < 0) throw new UsageError(`${file(name)} has no meeting_id column; is it the file awg schedule wrote?`);
    const headers = (rows[headerIdx] ?? []).map((h) => h.trim());
    return rows.slice(headerIdx + 1).filter((r) => r.some((c) => c.trim())).map((r) =>
      Object.fromEntries(headers.map((h, i) => [h, unneutralize((r[i] ?? '').trim())])));
  };
  return buildRoster(records('meetings.csv'), records('attendees.csv'), config.event.timeZone);
}

export function runReport(raw: unknown, out: Output): number {
  const opts = reportOptions.parse(raw);
  const { config } = loadConfig(opts.config);
  const meetings = readScheduleFolder(opts.schedule, config);
  const sheet = pickRsvpSheet(readTableFile(opts.responses, config, 'responses'), opts.responsesSheet);
  const result = buildReport(sheet, opts.responses, meetings, config);
  const target = opts.out ?? path.join(opts.schedule, 'report');
  writeFolder(target, result.files, opts.force);
  out.stdout(result.summary);
  if (result.problems.length) out.stderr(formatProblems(result.problems, Boolean(out.color)));
  out.stderr(`Wrote ${result.files.length} files to ${target}/ (open report.html for the charts, report.xlsx for all of it).`);
  return hasErrors(result.problems) ? 1 : 0;
}
