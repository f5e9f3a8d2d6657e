// `awg validate`: reads both inputs and reports every problem, by cell.
import { z } from 'zod';
import type { Accompanier, Rsvp, Slot } from '../model.js';
import { normalizeConfirmed } from '../normalize/confirmed.js';
import { normalizeStaff } from '../normalize/staff.js';
import { pickRsvpSheet, readTableFile } from '../read/inputs.js';
import { formatColumnMap, type FileColumns } from '../render/column-map.js';
import { formatProblems } from '../render/problems.js';
import { hasErrors, type Problem } from '../problems.js';
import { loadInputs, type Inputs } from './inputs.js';
import { inputOptionsSchema, type Output } from './shared.js';

export const validateOptions = inputOptionsSchema.extend({
  json: z.boolean().default(false),
  staff: z.string().optional(),
  confirmed: z.string().optional(),
});
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
  const { rsvps, offices } = inputs;
  const { files, problems: extra } = readOptionalFiles(opts, inputs);
  const problems = [...inputs.problems, ...extra];
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
    out.stdout(JSON.stringify({ summary, columns: inputs.rsvpSheet.columns, files, problems, people: rsvps.map((r) => personJson(r, inputs.slots)) }, null, 2));
  } else {
    out.stdout([
      `RSVPs: ${opts.rsvps} (header in ${inputs.rsvpSheet.headerRows.length > 1 ? `rows ${inputs.rsvpSheet.headerRows.join(' and ')}` : `row ${inputs.rsvpSheet.headerRow}`})`,
      `  ${summary.rsvpRows} rows read: ${summary.valid} valid, ${summary.withWarnings} with warnings, ${summary.withErrors} with errors`,
      `  ${summary.late} late, ${summary.duplicates} superseded by a later submission`,
      `Targets: ${summary.targets.house} Representatives, ${summary.targets.senate} Senators`,
      ...files.flatMap((f) => ['', formatColumnMap(f)]),
    ].join('\n'));
    if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color)));
    out.stderr(`\n${summary.errors} errors, ${summary.warnings} warnings.`);
  }
  return hasErrors(problems) ? 1 : 0;
}

/** Every input file's column map; the staff list and confirmed meetings are read too when given. */
function readOptionalFiles(opts: ValidateOptions, inputs: Inputs): { files: FileColumns[]; problems: Problem[] } {
  const sheetName = inputs.rsvpSheet.sheet;
  const files: FileColumns[] = [{ role: 'RSVPs', file: opts.rsvps, ...(sheetName ? { sheet: sheetName } : {}), headerRow: inputs.rsvpSheet.headerRow,
    headerRows: inputs.rsvpSheet.headerRows, columns: inputs.rsvpSheet.columnMap }];
  for (const t of inputs.targetColumns) {
    files.push({ role: t.chamber === 'House' ? 'Representatives' : 'Senators', file: t.file, ...(t.sheet ? { sheet: t.sheet } : {}), headerRow: t.headerRow, columns: t.columns });
  }
  const problems: Problem[] = [];
  let staff: Accompanier[] = [];
  if (opts.staff) {
    const r = normalizeStaff(pickRsvpSheet(readTableFile(opts.staff, inputs.config, 'staff')), opts.staff, inputs.config, inputs.slots);
    staff = r.staff;
    problems.push(...r.problems);
    files.push({ role: 'staff', file: opts.staff, headerRow: r.headerRow, headerRows: r.headerRows, columns: r.columnMap });
  }
  if (opts.confirmed) {
    const r = normalizeConfirmed(pickRsvpSheet(readTableFile(opts.confirmed, inputs.config, 'confirmed meetings')), opts.confirmed, inputs.config.event, inputs.offices, staff);
    problems.push(...r.problems);
    files.push({ role: 'confirmed meetings', file: opts.confirmed, headerRow: r.headerRow, columns: r.columnMap });
  }
  return { files, problems };
}
