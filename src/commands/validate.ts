// `awg validate`: reads both inputs and reports every problem, by cell.
import { z } from 'zod';
import type { Rsvp, Slot } from '../model.js';
import { formatProblems } from '../render/problems.js';
import { hasErrors } from '../problems.js';
import { loadInputs } from './inputs.js';
import { inputOptionsSchema, type Output } from './shared.js';

export const validateOptions = inputOptionsSchema.extend({ json: z.boolean().default(false) });
export type ValidateOptions = z.infer<typeof validateOptions>;

export function personJson(r: Rsvp, slots: readonly Slot[]) {
  return {
    row: r.row,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    phone: r.phone,
    organization: r.organization,
    state: r.state ?? null,
    zip: r.zip ?? null,
    district: r.district ?? null,
    submittedAt: r.submittedAt ?? null,
    late: r.late,
    availability: r.availability.blank ? 'any time' : r.availability.slots.map((i) => `${slots[i]?.day} ${slots[i]?.start}`),
    cannotJoin: r.availability.cannotJoin,
    lead: r.lead,
    story: r.story,
    needs: r.needs,
    timeZone: r.timeZone ?? null,
  };
}

export function runValidate(raw: unknown, out: Output): number {
  const opts = validateOptions.parse(raw);
  const inputs = loadInputs(opts);
  const { rsvps, problems, offices } = inputs;
  const rowsWith = (sev: string) => new Set(problems.filter((p) => p.severity === sev && p.file === opts.rsvps && p.row !== undefined).map((p) => p.row));
  const errRows = rowsWith('error');
  const warnRows = rowsWith('warning');
  const summary = {
    rsvpFile: opts.rsvps,
    rsvpRows: rsvps.length,
    valid: rsvps.filter((r) => !errRows.has(r.row) && !warnRows.has(r.row)).length,
    withWarnings: rsvps.filter((r) => !errRows.has(r.row) && warnRows.has(r.row)).length,
    withErrors: rsvps.filter((r) => errRows.has(r.row)).length,
    late: rsvps.filter((r) => r.late).length,
    duplicates: inputs.supersededBy.size,
    targets: { house: offices.filter((o) => o.chamber === 'House').length, senate: offices.filter((o) => o.chamber === 'Senate').length },
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
  if (opts.json) {
    out.stdout(JSON.stringify({ summary, columns: inputs.rsvpSheet.columns, problems, people: rsvps.map((r) => personJson(r, inputs.slots)) }, null, 2));
  } else {
    out.stdout([
      `RSVPs: ${opts.rsvps} (header in row ${inputs.rsvpSheet.headerRow})`,
      `  ${summary.rsvpRows} rows read: ${summary.valid} valid, ${summary.withWarnings} with warnings, ${summary.withErrors} with errors`,
      `  ${summary.late} late, ${summary.duplicates} superseded by a later submission`,
      `Targets: ${summary.targets.house} Representatives, ${summary.targets.senate} Senators`,
    ].join('\n'));
    if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color)));
    out.stderr(`\n${summary.errors} errors, ${summary.warnings} warnings.`);
  }
  return hasErrors(problems) ? 1 : 0;
}
