// `awg schedule`: the meetings, their accompaniers and leads, and the output folder organizers hand out.
import { z } from 'zod';
import type { Rsvp, TargetOffice } from '../model.js';
import type { MatchResult } from '../match/match.js';
import { districtLabel } from '../normalize/district.js';
import { buildPriority } from '../match/priority.js';
import { hasErrors, UsageError, type Problem } from '../problems.js';
import { readScheduleFolder } from '../folder/read.js';
import { rerunInputs, type RerunInputs } from './recorded-inputs.js';
import { officeName } from '../render/people.js';
import { formatProblems } from '../render/problems.js';
import { toCsv } from '../render/csv.js';
import { problemsTable } from '../render/problems-table.js';
import { summarize, type Summary } from '../render/schedule-files.js';
import { changePlanFiles } from '../process/folder.js';
import { planChanges } from '../plan/change-plan.js';
import { dryRun } from './dry-run.js';
import { warmDraftsWorker } from '../process/drafts.js';
import { loadTemplates } from './templates.js';
import { textTable } from '../render/table.js';
import { planEvent, type Plan } from '../schedule/plan.js';
import { FOLDER_FILE, withDescription } from '../folder/description.js';
import { writeFolderAsync } from '../write/files.js';
import { recordInputs } from './folder-inputs.js';
import { districtsLine, loadMatched, loadStaffAndConfirmed } from './inputs.js';
import { loadPrevious } from './previous.js';
import { finishRerun } from '../process/previous.js';
import path from 'node:path';
import { countFiles, stage } from '../progress.js';
import { claimFolder, inputList, inputOptionsSchema, type Output } from './shared.js';
import { linksNotWarned } from '../normalize/video-link.js';

export const scheduleOptions = inputOptionsSchema.extend({
  // Without --previous both are required (requireInputs); a re-run takes them from the earlier folder.
  rsvps: z.string().min(1).optional(),
  targets: inputOptionsSchema.shape.targets.optional(),
  zipDistricts: z.string().optional(),
  staff: z.string().optional(),
  confirmed: z.string().optional(),
  out: z.string({ error: 'needs --out DIR' }).min(1),
  force: z.boolean().default(false),
  previous: z.string().optional(),
  json: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

function report(plan: Plan, summary: Summary, days: readonly string[], offices: readonly TargetOffice[]): string {
  const officeCount = offices.length;
  const byId = new Map(offices.map((o) => [o.id, o]));
  const lines: string[] = [];
  lines.push(`Meetings: ${plan.meetings.length} (${days.map((d) => `${d}: ${plan.meetings.filter((m) => m.day === d).length}`).join(', ')})`);
  lines.push(`Target offices covered: ${summary.officesCovered} of ${officeCount}`);
  const uncovered = [...plan.uncovered.entries()];
  for (const [id, why] of uncovered.slice(0, 20)) {
    const o = byId.get(id);
    lines.push(`  not covered: ${o ? `${officeName(o)} (${o.member})` : id}: ${why}`);
  }
  if (uncovered.length > 20) lines.push(`  … and ${uncovered.length - 20} more (see coverage.csv)`);
  lines.push(`People: ${summary.scheduledParticipants} in meetings, ${summary.digitalAdvocacy} on digital advocacy, ${summary.unmatched} unmatched (of ${summary.rsvpRows} RSVP rows; ${summary.duplicates} superseded duplicate${summary.duplicates === 1 ? '' : 's'} among them)`);
  // Each accompanier's meetings, in all and per day, counted in one pass over the meetings.
  const loads = new Map<string, { all: number; byDay: Map<string, number> }>();
  for (const m of plan.meetings) {
    const name = m.accompanier?.name ?? 'TBD';
    const load = loads.get(name) ?? { all: 0, byDay: new Map<string, number>() };
    load.all++;
    load.byDay.set(m.day, (load.byDay.get(m.day) ?? 0) + 1);
    loads.set(name, load);
  }
  if (loads.size) {
    lines.push('Accompaniers:');
    lines.push(textTable(['accompanier', 'meetings', ...days], [...loads.keys()].sort().map((name) => [
      name, loads.get(name)!.all, ...days.map((d) => loads.get(name)!.byDay.get(d) ?? 0),
    ])).split('\n').map((l) => `  ${l}`).join('\n'));
  }
  const needs = plan.meetings.filter((m) => m.status === 'needs accompanier').length;
  if (needs && plan.staffGiven) lines.push(`${needs} meetings still need an accompanier (no one on the staff list was free then).`);
  const noLead = plan.meetings.filter((m) => !m.lead);
  if (noLead.length) lines.push(`${noLead.length} meetings have no volunteer lead: ${noLead.slice(0, 8).map((m) => `${m.id} ${officeName(m.office)}`).join(', ')}${noLead.length > 8 ? ', …' : ''}`);
  return lines.join('\n');
}

/** A first run's inputs: --rsvps and --targets are needed (a re-run may take them from --previous). */
function requireInputs(opts: z.infer<typeof scheduleOptions>): RerunInputs['paths'] {
  if (!opts.rsvps) throw new UsageError('needs --rsvps FILE (the RSVP export)', 'A re-run with --previous DIR takes it from DIR.');
  if (!opts.targets?.length) throw new UsageError('needs --targets FILE', 'A re-run with --previous DIR takes it from DIR.');
  return { ...opts, rsvps: opts.rsvps, targets: opts.targets };
}

/** The districts the ZIPs of people with an unknown district span, as labels (IL-09, IL-10). */
function candidateDistricts(people: readonly Rsvp[], locations: MatchResult['locations']): string[] {
  const labels = new Set<string>();
  for (const r of people) for (const c of locations.get(r.row)?.candidates ?? []) labels.add(districtLabel(c.state, c.district));
  return [...labels].sort();
}

export async function runSchedule(raw: unknown, out: Output): Promise<number> {
  const opts = scheduleOptions.parse(raw);
  // Writing over the --previous folder itself keeps it beside the new one, as DIR.previous.
  const keepEarlier = opts.previous && path.resolve(opts.previous) === path.resolve(opts.out) ? `${path.resolve(opts.out)}.previous` : undefined;
  // Locked before the earlier folder is read: a second run at once would keep as "earlier" what this one writes.
  // A dry run writes nothing and takes no lock.
  if (opts.dryRun) return schedule(opts, keepEarlier, out);
  const release = claimFolder(opts.out, 'awg schedule', out, Boolean(keepEarlier));
  try {
    return await schedule(opts, keepEarlier, out);
  } finally {
    release();
  }
}

async function schedule(opts: z.infer<typeof scheduleOptions>, keepEarlier: string | undefined, out: Output): Promise<number> {
  // A re-run takes every input it is not given from the earlier folder's record (commands/recorded-inputs.ts).
  const earlier = opts.previous ? readScheduleFolder(opts.previous) : undefined;
  const rerun = earlier ? rerunInputs(earlier, opts) : undefined;
  const paths = rerun?.paths ?? requireInputs(opts);
  const m = loadMatched(paths, rerun?.config, earlier);
  const tpl = loadTemplates(m.config);
  const extra = loadStaffAndConfirmed(paths, m);
  const { staff, confirmed } = extra;
  const problems: Problem[] = [...(rerun?.problems ?? []), ...m.problems, ...tpl.problems, ...extra.problems];
  const priority = buildPriority(m.rsvps, m.supersededBy, m.offices, m.match);
  stage('scheduling');
  // The drafts' worker loads nodemailer on the other core while the schedule is searched on this one.
  if (!opts.dryRun) warmDraftsWorker(m.offices.length + (m.rsvps.length <= m.config.maxEmailDrafts ? m.rsvps.length : 0));
  // A re-run keeps what still holds of the earlier folder (process/previous.ts).
  const prev = earlier ? loadPrevious(earlier, m) : undefined;
  // A link confirmed.csv gave a meeting is in the earlier meetings.csv too: warned once, where it was typed.
  problems.push(...linksNotWarned(prev?.problems ?? [], problems));
  const plan = planEvent({
    config: m.config, slots: m.slots, offices: m.offices, match: prev?.match ?? m.match, ...(prev ? { start: prev.rerun.start } : {}),
    districtUnknown: new Map(priority.offices.map((c) => [c.office.id, { people: c.possible.length, candidates: candidateDistricts(c.possible, m.match.locations) }])),
    ...(staff ? { staff } : {}), ...(confirmed && paths.confirmed ? { confirmed, confirmedFile: paths.confirmed } : {}),
  });
  problems.push(...plan.problems, ...(prev ? finishRerun(plan, prev.rerun, m.rsvps, m.match) : []));
  const errorRows = new Set(m.problems.filter((p) => p.severity === 'error' && p.file === paths.rsvps).map((p) => p.row ?? 0));
  const summary = summarize(plan, m.rsvps, errorRows, m.match.participants, m.offices.length);
  // Everything this run decides, before anything is written (plan/change-plan.ts).
  stage('planning the changes');
  const cp = planChanges({
    schedule: plan, summary, config: m.config, slots: m.slots, offices: m.offices, templates: tpl.templates,
    ...(prev ? { replies: prev.replies, earlier: prev.earlier, previousEvents: prev.events, decisions: prev.decisions } : {}),
  });
  problems.push(...cp.problems);
  const head = `${rerun?.lines.length ? `${rerun.lines.join('\n')}\n` : ''}${report(plan, summary, m.config.event.days, m.offices)}\n${districtsLine(m)}\n${cp.lines.join('\n')}`;
  if (opts.dryRun) return dryRun(cp, problems, head, opts, out);
  stage('writing the folder');
  const written = await writeFolderAsync(opts.out, countFiles(changePlanFiles(cp, {
    config: m.config, slots: m.slots, rsvps: m.rsvps, report: priority,
    describe: (own) => withDescription((function* () {
      yield* own;
      yield ['problems.csv', toCsv(problemsTable(problems))] as [string, string];
    })(), m.config, recordInputs({ ...paths, ...(m.configFile ? { config: m.configFile } : {}) }, opts.out, m.config.maxInputMB), cp.written),
  })), opts.force, { ...(keepEarlier ? { previous: keepEarlier } : {}), marker: FOLDER_FILE, inputs: inputList({ ...paths, previous: opts.previous, config: m.configFile }) });
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (opts.json) {
    out.stdout(JSON.stringify({ out: opts.out, files: written, summary, errors, warnings: problems.length - errors, problems }, null, 2));
    return hasErrors(problems) ? 1 : 0;
  }
  const where = problems.length
    ? `; every problem (${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}) is in ${opts.out}/problems.csv, one a row`
    : '';
  out.stdout(`${head}\nWrote ${written} files to ${opts.out}/ (open schedule.xlsx for the whole schedule${where}).${keepEarlier ? `\nThe earlier folder is kept as ${keepEarlier}/.` : ''}`);
  if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color), 50));
  if (problems.length > 50) out.stderr(`All ${problems.length} problems are in ${opts.out}/problems.csv.`);
  return hasErrors(problems) ? 1 : 0;
}
