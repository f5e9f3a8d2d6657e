// `awg report`: reads the report-back form's export and a schedule folder, and writes the results
// by ask, the follow-ups owed and the meetings not yet reported.
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config/schema.js';
import { readScheduleFolder, type AttendeeRow, type MeetingRow } from '../folder/read.js';
import { hasErrors, type Problem } from '../problems.js';
import { loadConfig, pickRsvpSheet, readTableFile } from '../read/inputs.js';
import { formatProblems } from '../render/problems.js';
import { buildRoster, type Rec, type RosterMeeting } from '../render/roster-model.js';
import { buildReport } from '../report/report.js';
import { writeFolder } from '../write/files.js';
import { claimFolder, inputList, type Output } from './shared.js';

export const reportOptions = z.object({
  schedule: z.string().min(1),
  responses: z.string().min(1),
  responsesSheet: z.string().optional(),
  out: z.string().optional(),
  config: z.string().optional(),
  force: z.boolean().default(false),
});

/**
 * The schedule folder's meetings with their attendees, read by the one reader of awg's folder (so a
 * folder re-saved by a spreadsheet, or edited in schedule.xlsx, reads as `check` and `update` read it).
 * The event (its asks and zone) is the one the folder records, unless --config names another.
 */
function readSchedule(dir: string, configFile: string | undefined): { config: Config; configFile?: string | undefined; meetings: RosterMeeting[]; problems: Problem[] } {
  const folder = readScheduleFolder(dir);
  const recorded = folder.description?.config;
  const loaded = configFile || !recorded ? loadConfig(configFile) : { config: recorded, file: undefined };
  const config = loaded.config;
  const rec = (r: MeetingRow | AttendeeRow): Rec => ({
    ...r.cells, date: r.date ?? r.dateText, start: r.start ?? r.startText, ...('endText' in r ? { end: r.end ?? r.endText } : {}),
  });
  return { config, configFile: loaded.file, meetings: buildRoster(folder.meetings.map(rec), folder.attendees.map(rec), config.event.timeZone), problems: folder.problems };
}

export function runReport(raw: unknown, out: Output): number {
  const opts = reportOptions.parse(raw);
  const target = opts.out ?? path.join(opts.schedule, 'report');
  const release = claimFolder(target, 'awg report', out);
  try {
    return report(opts, target, out);
  } finally {
    release();
  }
}

function report(opts: z.infer<typeof reportOptions>, target: string, out: Output): number {
  const { config, configFile, meetings, problems: folderProblems } = readSchedule(opts.schedule, opts.config);
  const sheet = pickRsvpSheet(readTableFile(opts.responses, config, 'responses'), opts.responsesSheet);
  const result = buildReport(sheet, opts.responses, meetings, config);
  const problems = [...folderProblems, ...result.problems];
  // The report folder has no awg-folder.json: it is awg's to replace when it holds only the report's files.
  writeFolder(target, result.files, opts.force, {
    inputs: inputList({ schedule: opts.schedule, responses: opts.responses, config: configFile }),
    ownFiles: result.files.map(([name]) => name),
  });
  out.stdout(result.summary);
  if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color)));
  out.stderr(`Wrote ${result.files.length} files to ${target}/ (open report.html for the charts, report.xlsx for all of it).`);
  return hasErrors(problems) ? 1 : 0;
}
