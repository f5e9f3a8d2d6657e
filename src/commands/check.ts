// `awg check`: re-reads a schedule folder edited by hand and reports every rule it now breaks.
import path from 'node:path';
import { z } from 'zod';
import { checkSchedule } from '../check/check.js';
import { hasErrors } from '../problems.js';
import { fileExists } from '../read/files.js';
import { pickRsvpSheet, readTableFile } from '../read/inputs.js';
import { formatProblems } from '../render/problems.js';
import { UsageError } from '../problems.js';
import { normalizeStaff } from '../normalize/staff.js';
import { loadMatched } from './inputs.js';
import { inputOptionsSchema, type Output } from './shared.js';

export const checkOptions = inputOptionsSchema.extend({
  schedule: z.string().min(1),
  zipDistricts: z.string().optional(),
  staff: z.string().optional(),
  json: z.boolean().default(false),
});

export function runCheck(raw: unknown, out: Output): number {
  const opts = checkOptions.parse(raw);
  const file = (name: string) => path.join(opts.schedule, name);
  if (!fileExists(file('meetings.csv')) || !fileExists(file('attendees.csv'))) {
    throw new UsageError(`${opts.schedule} has no meetings.csv and attendees.csv; is it a folder awg schedule wrote?`);
  }
  const m = loadMatched(opts);
  const sheet = (name: string) => ({ file: file(name), sheet: pickRsvpSheet(readTableFile(file(name), m.config, name)) });
  const others = ['digital-advocacy.csv', 'unmatched.csv'].filter((n) => fileExists(file(n))).map(sheet);
  const staff = opts.staff ? normalizeStaff(pickRsvpSheet(readTableFile(opts.staff, m.config, 'staff')), opts.staff, m.config, m.slots) : undefined;
  const result = checkSchedule(
    { meetings: sheet('meetings.csv'), attendees: sheet('attendees.csv'), others },
    { event: m.config.event, slots: m.slots, offices: m.offices, rsvps: m.rsvps, participants: m.match.participants, unmatched: m.match.unmatched, ...(staff ? { staff: staff.staff } : {}) },
  );
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (opts.json) {
    out.stdout(JSON.stringify({ meetings: result.meetings, attendees: result.attendees, errors, warnings: result.problems.length - errors, problems: result.problems }, null, 2));
  } else {
    out.stdout(`${opts.schedule}: ${result.meetings} meetings, ${result.attendees} attendee rows: ${errors ? `${errors} broken rule${errors === 1 ? '' : 's'}` : 'every rule holds'}.`);
    if (result.problems.length) out.stderr(formatProblems(result.problems, Boolean(out.color)));
  }
  return hasErrors(result.problems) ? 1 : 0;
}
