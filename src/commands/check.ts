// `awg check`: reads a schedule folder back (as edited by hand, in the CSV files or the workbook) and
// reports every rule it now breaks. The inputs and the event come from the folder's own record.
import { z } from 'zod';
import { checkSchedule, problemCount, type CheckResult } from '../check/check.js';
import { readScheduleFolder, type ScheduleFolder } from '../folder/read.js';
import { hasErrors, type Problem } from '../problems.js';
import { formatProblems } from '../render/problems.js';
import { folderOptionsSchema, loadFolderInputs, type FolderInputs } from './folder-inputs.js';
import type { Output } from './shared.js';

export const checkOptions = folderOptionsSchema.extend({ json: z.boolean().default(false) });

export interface CheckedFolder {
  folder: ScheduleFolder;
  inputs: FolderInputs;
  result: CheckResult;
  /** The folder's own problems (rows it cannot read), the inputs' differences, and every broken rule. */
  problems: Problem[];
}

/** Reads and checks a folder: what `check` reports and what `update` starts from. */
export function checkFolder(opts: z.infer<typeof folderOptionsSchema>): CheckedFolder {
  const folder = readScheduleFolder(opts.schedule);
  const inputs = loadFolderInputs(folder, opts);
  const m = inputs.matched;
  const result = checkSchedule(folder, {
    event: m.config.event, rsvpFile: m.rsvpFile, slots: m.slots, offices: m.offices, rsvps: m.rsvps, participants: m.match.participants,
    unmatched: m.match.unmatched, ...(inputs.staff ? { staff: inputs.staff } : {}),
  });
  return { folder, inputs, result, problems: [...folder.problems, ...inputs.problems, ...result.problems] };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function runCheck(raw: unknown, out: Output): number {
  const opts = checkOptions.parse(raw);
  const { folder, result, problems } = checkFolder(opts);
  // A summary line of repeated problems counts as the many it stands for.
  const errors = problemCount(problems, 'error');
  const warnings = problemCount(problems, 'warning');
  if (opts.json) {
    out.stdout(JSON.stringify({ meetings: result.meetings.length, attendees: result.attendeeRows, source: folder.source, errors, warnings, problems }, null, 2));
    return hasErrors(problems) ? 1 : 0;
  }
  if (folder.note) out.stderr(folder.note);
  const verdict = errors ? `${plural(errors, 'broken rule')}` : 'every rule holds';
  out.stdout(`${opts.schedule}: ${plural(result.meetings.length, 'meeting')}, ${plural(result.attendeeRows, 'attendee row')}: ${verdict}${warnings ? ` (${plural(warnings, 'warning')})` : ''}.`);
  if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color)));
  if (!errors) out.stderr(`Then run: awg update --schedule ${opts.schedule}   (brings every other file of the folder up to date)`);
  return hasErrors(problems) ? 1 : 0;
}
