// `--dry-run` (awg schedule and awg update): the change plan's summary and its change table, printed,
// and nothing written: the same counts the run then writes, since both come from one plan.
import type { ChangePlan } from '../plan/change-plan.js';
import { hasErrors, type Problem } from '../problems.js';
import { formatProblems } from '../render/problems.js';
import { textTable } from '../render/table.js';
import type { Output } from './shared.js';

/** Changes shown on the terminal; the rest are counted. */
const SHOWN = 50;

export function changeTable(cp: ChangePlan): string {
  const changes = cp.changes ?? [];
  if (!changes.length) return '';
  const rows = changes.slice(0, SHOWN).map((c) => [c.rsvpRow, c.name, c.role, c.change, c.meetingId, c.before, c.after]);
  const more = changes.length > SHOWN ? `\n  … and ${changes.length - SHOWN} more` : '';
  return `${textTable(['RSVP row', 'name', 'role', 'change', 'meeting', 'before', 'after'], rows).split('\n').map((l) => `  ${l}`).join('\n')}${more}`;
}

export function dryRun(cp: ChangePlan, problems: readonly Problem[], head: string, opts: { out?: string | undefined; json: boolean }, out: Output): number {
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (opts.json) {
    out.stdout(JSON.stringify({ dryRun: true, out: opts.out, summary: cp.summary, changes: cp.changes ?? [], notices: cp.notices?.count ?? 0, requests: cp.requests.length, errors, warnings: problems.length - errors, problems }, null, 2));
    return hasErrors(problems) ? 1 : 0;
  }
  const table = changeTable(cp);
  out.stdout(`${head}${table ? `\n${table}` : ''}\nDry run: nothing was written${opts.out ? ` (without --dry-run, the folder goes to ${opts.out}/)` : ''}.`);
  if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color), 50));
  return hasErrors(problems) ? 1 : 0;
}
