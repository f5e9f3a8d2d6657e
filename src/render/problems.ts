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

/** How a run of one kind of warning is counted, in the organizer's words. */
const KINDS: Record<string, [string, string]> = {
  'zip-leading-zero': ['ZIP lost its leading zero', 'ZIPs lost their leading zero'],
  'zip-state-mismatch': ['ZIP does not belong to the state written', 'ZIPs do not belong to the state written'],
  'invalid-phone': ['phone number awg cannot read', 'phone numbers awg cannot read'],
  'invalid-email': ['email address awg cannot read', 'email addresses awg cannot read'],
  'unreadable-availability': ['availability answer not understood', 'availability answers not understood'],
  'note-with-times': ['note beside ticked times', 'notes beside ticked times'],
  'duplicate-rsvp': ['RSVP superseded by a later submission', 'RSVPs superseded by a later submission'],
  'same-person-two-emails': ['possible duplicate', 'possible duplicates'],
  'unreadable-timestamp': ['timestamp awg cannot read', 'timestamps awg cannot read'],
  'unknown-time-zone': ['time zone awg does not know', 'time zones awg does not know'],
  'unreadable-tier': ['tier awg cannot read', 'tiers awg cannot read'],
};

/** Warnings of one kind this many times or more in one column are one line. */
const GROUP_FROM = 4;

interface Entry {
  head: Problem;
  /** Set when the entry stands for several warnings of one kind. */
  rows?: number[];
  count?: number;
}

/** Repeated warnings (one code, one file, one column) folded into one entry; errors are always shown one by one. */
function groupWarnings(list: readonly Problem[]): Entry[] {
  const key = (p: Problem) => `${p.code}\u0000${p.file ?? ''}\u0000${p.sheet ?? ''}\u0000${p.column ?? ''}`;
  const counts = new Map<string, Problem[]>();
  for (const p of list) counts.set(key(p), [...(counts.get(key(p)) ?? []), p]);
  const done = new Set<string>();
  const out: Entry[] = [];
  for (const p of list) {
    const k = key(p);
    const same = counts.get(k) ?? [p];
    if (same.length < GROUP_FROM || p.row === undefined) {
      out.push({ head: p });
      continue;
    }
    if (done.has(k)) continue;
    done.add(k);
    out.push({ head: p, count: same.length, rows: same.flatMap((x) => (x.row === undefined ? [] : [x.row])) });
  }
  return out;
}

function formatGroup(e: Entry): string {
  const p = e.head;
  const rows = e.rows ?? [];
  const shown = rows.slice(0, 12).join(', ') + (rows.length > 12 ? ', …' : '');
  const place = placeOf({ ...p, row: undefined } as Problem);
  const kind = KINDS[p.code]?.[1];
  // A kind without a name is told by its first message, last on the line: a message has its own quotes and colons.
  const what = kind ? `${e.count} ${kind}: rows ${shown} (each one in --json)` : `${e.count} warnings in rows ${shown} (each one in --json), like row ${p.row}'s: ${p.message}`;
  return `${place ? `${place}: ` : ''}${what}`;
}

/** Problems grouped by severity, errors first, numbered, each with its fix on the next line; repeated warnings on one line. */
export function formatProblems(problems: readonly Problem[], color: boolean, limit = 200): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const list = problems.filter((p) => p.severity === severity);
    if (!list.length) continue;
    const title = severity === 'error' ? c.red.bold(`Errors (${list.length})`) : c.yellow.bold(`Warnings (${list.length})`);
    lines.push('', title);
    const entries = severity === 'warning' ? groupWarnings(list) : list.map((head) => ({ head }) as Entry);
    entries.slice(0, limit).forEach((e, i) => {
      lines.push(`  ${String(i + 1).padStart(3)}. ${e.count ? formatGroup(e) : formatProblem(e.head)}`);
      // A fix that names one row's rows would mislead under a group; each one is in --json.
      if (e.head.fix && !(e.count && /\brows? \d/.test(e.head.fix))) lines.push(`       ${c.dim(`fix: ${e.head.fix}`)}`);
    });
    if (entries.length > limit) lines.push(`       … and ${entries.length - limit} more ${severity}s (use --json for all of them)`);
  }
  return lines.join('\n');
}
