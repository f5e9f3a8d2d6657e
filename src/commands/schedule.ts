// `awg schedule`: the meetings, their accompaniers and leads, and the output folder organizers hand out.
import { z } from 'zod';
import type { Accompanier, ConfirmedMeeting, TargetOffice } from '../model.js';
import { buildPriority } from '../match/priority.js';
import { normalizeConfirmed } from '../normalize/confirmed.js';
import { normalizeStaff } from '../normalize/staff.js';
import { hasErrors, type Problem } from '../problems.js';
import { pickRsvpSheet, readTableFile } from '../read/inputs.js';
import { officeName } from '../render/people.js';
import { formatProblems } from '../render/problems.js';
import { summarize, type Summary } from '../render/schedule-files.js';
import { scheduleFolderFiles, type ProcessOutput } from '../process/folder.js';
import { loadTemplates } from '../read/templates.js';
import { textTable } from '../render/table.js';
import { planEvent, type Plan } from '../schedule/plan.js';
import { withDescription, type RecordedInputs } from '../folder/description.js';
import { fingerprint } from '../folder/read.js';
import { writeFolderAsync } from '../write/files.js';
import { loadMatched } from './inputs.js';
import { loadPrevious } from './previous.js';
import { finishRerun } from '../process/previous.js';
import path from 'node:path';
import { districtHint } from './priority.js';
import { inputOptionsSchema, type Output } from './shared.js';

export const scheduleOptions = inputOptionsSchema.extend({
  zipDistricts: z.string().optional(),
  staff: z.string().optional(),
  confirmed: z.string().optional(),
  out: z.string({ error: 'needs --out DIR' }).min(1),
  force: z.boolean().default(false),
  previous: z.string().optional(),
});

function report(plan: Plan, summary: Summary, days: readonly string[], offices: readonly TargetOffice[]): string {
  const officeCount = offices.length;
  const byId = new Map(offices.map((o) => [o.id, o]));
  const lines: string[] = [];
  lines.push(`Meetings: ${plan.meetings.length} (${days.map((d) => `${d}: ${plan.meetings.filter((m) => m.day === d).length}`).join(', ')})`);
  lines.push(`Target offices covered: ${summary.offices_covered} of ${officeCount}`);
  const uncovered = [...plan.uncovered.entries()];
  for (const [id, why] of uncovered.slice(0, 20)) {
    const o = byId.get(id);
    lines.push(`  not covered: ${o ? `${officeName(o)} (${o.member})` : id}: ${why}`);
  }
  if (uncovered.length > 20) lines.push(`  … and ${uncovered.length - 20} more (see coverage.csv)`);
  lines.push(`People: ${summary.scheduled_participants} in meetings, ${summary.digital_advocacy} on digital advocacy, ${summary.unmatched} unmatched (of ${summary.rsvp_rows} RSVP rows; ${summary.duplicates} superseded duplicate${summary.duplicates === 1 ? '' : 's'} among them)`);
  const loads = new Map<string, number[]>();
  for (const m of plan.meetings) {
    const name = m.accompanier?.name ?? 'TBD';
    loads.set(name, [...(loads.get(name) ?? []), 1]);
  }
  if (loads.size) {
    lines.push('Accompaniers:');
    lines.push(textTable(['accompanier', 'meetings', ...days], [...loads.keys()].sort().map((name) => [
      name, loads.get(name)!.length, ...days.map((d) => plan.meetings.filter((m) => m.day === d && (m.accompanier?.name ?? 'TBD') === name).length),
    ])).split('\n').map((l) => `  ${l}`).join('\n'));
  }
  const needs = plan.meetings.filter((m) => m.status === 'needs accompanier').length;
  if (needs && plan.staffGiven) lines.push(`${needs} meetings still need an accompanier (no one on the staff list was free then).`);
  const noLead = plan.meetings.filter((m) => !m.lead);
  if (noLead.length) lines.push(`${noLead.length} meetings have no volunteer lead: ${noLead.slice(0, 8).map((m) => `${m.id} ${officeName(m.office)}`).join(', ')}${noLead.length > 8 ? ', …' : ''}`);
  return lines.join('\n');
}

/** The inputs as the folder records them (see folder/description.ts), so check and update need no options. */
function recordInputs(opts: z.infer<typeof scheduleOptions>, configFile: string | undefined, maxMB: number): RecordedInputs {
  const rec = (f: string) => fingerprint(f, opts.out, maxMB);
  return {
    rsvps: { ...rec(opts.rsvps), ...(opts.rsvpsSheet ? { sheet: opts.rsvpsSheet } : {}) },
    targets: opts.targets.map(rec),
    ...(opts.houseTab ? { houseTab: opts.houseTab } : {}),
    ...(opts.senateTab ? { senateTab: opts.senateTab } : {}),
    ...(opts.zipDistricts ? { zipDistricts: rec(opts.zipDistricts) } : {}),
    ...(opts.staff ? { staff: rec(opts.staff) } : {}),
    ...(opts.confirmed ? { confirmed: rec(opts.confirmed) } : {}),
    ...(configFile ? { config: rec(configFile) } : {}),
  };
}

export async function runSchedule(raw: unknown, out: Output): Promise<number> {
  const opts = scheduleOptions.parse(raw);
  const m = loadMatched(opts);
  const tpl = loadTemplates(m.config);
  const problems: Problem[] = [...m.problems, ...tpl.problems];
  let staff: Accompanier[] | undefined;
  if (opts.staff) {
    const t = readTableFile(opts.staff, m.config, 'staff');
    const r = normalizeStaff(pickRsvpSheet(t), opts.staff, m.config, m.slots);
    staff = r.staff;
    problems.push(...r.problems);
  }
  let confirmed: ConfirmedMeeting[] | undefined;
  if (opts.confirmed) {
    const t = readTableFile(opts.confirmed, m.config, 'confirmed meetings');
    const r = normalizeConfirmed(pickRsvpSheet(t), opts.confirmed, m.config.event, m.offices, staff ?? []);
    confirmed = r.confirmed;
    problems.push(...r.problems);
  }
  const priority = buildPriority(m.rsvps, m.supersededBy, m.offices, m.match);
  // A re-run keeps what still holds of the earlier folder (process/previous.ts).
  const prev = opts.previous ? loadPrevious(opts.previous, m) : undefined;
  problems.push(...(prev?.problems ?? []));
  const plan = planEvent({
    config: m.config, slots: m.slots, offices: m.offices, match: prev?.match ?? m.match, ...(prev ? { start: prev.rerun.start } : {}),
    districtUnknown: new Map(priority.offices.map((c) => [c.office.id, c.possible.length])),
    ...(staff ? { staff } : {}), ...(confirmed ? { confirmed, confirmedFile: opts.confirmed } : {}),
  });
  problems.push(...plan.problems, ...(prev ? finishRerun(plan, prev.rerun, m.rsvps, m.match) : []));
  const errorRows = new Set(m.problems.filter((p) => p.severity === 'error' && p.file === opts.rsvps).map((p) => p.row ?? 0));
  const summary = summarize(plan, m.rsvps, errorRows, m.match.participants, m.offices.length);
  let steps: ProcessOutput | undefined;
  const written = await writeFolderAsync(opts.out, scheduleFolderFiles({
    plan, config: m.config, slots: m.slots, rsvps: m.rsvps, report: priority, summary, offices: m.offices, templates: tpl.templates, onPlanned: (p) => (steps = p),
    describe: (files) => withDescription(files, m.config, recordInputs(opts, m.configFile, m.config.maxInputMB)),
    ...(prev ? { replies: prev.replies, earlier: prev.rerun, previousEvents: prev.events } : {}),
  }), opts.force, Boolean(opts.previous && path.resolve(opts.previous) === path.resolve(opts.out)));
  problems.push(...(steps?.problems ?? []));
  out.stdout(`${report(plan, summary, m.config.event.days, m.offices)}\n${steps?.lines.join('\n') ?? ''}\nWrote ${written.count} files to ${opts.out}/ (open schedule.xlsx for all of it).${written.kept ? `\nThe earlier folder is kept as ${written.kept}/.` : ''}`);
  const hint = districtHint(m);
  if (hint) out.stderr(hint);
  if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color), 50));
  return hasErrors(problems) ? 1 : 0;
}
