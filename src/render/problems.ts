// Problems as text an organizer can act on: where (file, sheet, row, column), what, and the fix.
import path from 'node:path';
import { Chalk } from 'chalk';
import type { Problem } from '../problems.js';

export function useColor(stream: { isTTY?: boolean }): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb';
}

export function placeOf(p: Problem): string {
  const parts: string[] = [];
  if (p.file) parts.push(path.basename(p.file) + (p.sheet ? ` [${p.sheet}]` : ''));
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  let place = parts.join(' ');
  if (p.column) place += ` (${p.column})`;
  return place;
}

export function formatProblem(p: Problem): string {
  const place = placeOf(p);
  return `${place ? `${place}: ` : ''}${p.message}`;
}

/** Problems grouped by severity, errors first, numbered, each with its fix on the next line. */
export function formatProblems(problems: readonly Problem[], color: boolean, limit = 200): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const list = problems.filter((p) => p.severity === severity);
    if (!list.length) continue;
    const title = severity === 'error' ? c.red.bold(`Errors (${list.length})`) : c.yellow.bold(`Warnings (${list.length})`);
    lines.push('', title);
    list.slice(0, limit).forEach((p, i) => {
      lines.push(`  ${String(i + 1).padStart(3)}. ${formatProblem(p)}`);
      if (p.fix) lines.push(`       ${c.dim(`fix: ${p.fix}`)}`);
    });
    if (list.length > limit) lines.push(`       … and ${list.length - limit} more ${severity}s (use --json for all of them)`);
  }
  return lines.join('\n');
}
