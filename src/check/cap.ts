// Where `awg check` collects its problems. A folder copied or filled wrong can break one rule on every
// row (100,000 rows, 100,000 times the same error): only the first few of one kind in one file are
// kept, and one more line stands for the rest, counting them while they are found, so that memory
// and the printout stay the size of what an organizer can read, whatever the folder holds.
import type { Problem } from '../problems.js';

/** Problems of one code in one file (and sheet) kept one by one; the rest are counted. */
export const KEEP_PER_KIND = 50;

/** What the check rules push into: an array (a unit test's), or the collector below. */
export interface ProblemSink {
  push(...problems: Problem[]): number;
  /** True when a problem of this kind would only be counted by now: counted, it need not be made. */
  counts?(code: string, severity: Problem['severity'], where: Where): boolean;
}

type Where = Pick<Problem, 'file' | 'sheet' | 'row'>;

/**
 * Pushes the problem `make` makes, unless its kind is past the ones kept: then it is only counted.
 * Made only when kept: 100,000 messages made to be dropped were most of the memory a broken folder took.
 */
export function report(sink: ProblemSink, code: string, severity: Problem['severity'], where: Where, make: () => Omit<Problem, 'code' | 'severity' | 'file' | 'sheet' | 'row'>): void {
  if (sink.counts?.(code, severity, where)) return;
  sink.push({ code, severity, ...(where.file !== undefined ? { file: where.file } : {}), ...(where.sheet ? { sheet: where.sheet } : {}), ...(where.row !== undefined ? { row: where.row } : {}), ...make() });
}

interface Overflow {
  line: Problem;
  count: number;
  rows: number[];
}

/** How many problems a summary line stands for (itself one of them): the verdict counts them all. */
const standsFor = new WeakMap<Problem, number>();

/** The number of problems of a severity, the ones a summary line stands for included. */
export function problemCount(problems: readonly Problem[], severity: Problem['severity']): number {
  let n = 0;
  for (const p of problems) if (p.severity === severity) n += standsFor.get(p) ?? 1;
  return n;
}

const ROWS_SHOWN = 12;

const keyOf = (code: string, severity: string, where: Where) => `${code}\u0000${severity}\u0000${where.file ?? ''}\u0000${where.sheet ?? ''}`;

export class ProblemCollector implements ProblemSink {
  private readonly kept: Problem[] = [];
  private readonly seen = new Map<string, number>();
  private readonly overflow = new Map<string, Overflow>();

  constructor(private readonly keep = KEEP_PER_KIND) {}

  push(...problems: Problem[]): number {
    for (const p of problems) this.add(p);
    return this.kept.length;
  }

  counts(code: string, severity: Problem['severity'], where: Where): boolean {
    const key = keyOf(code, severity, where);
    if ((this.seen.get(key) ?? 0) < this.keep) return false;
    this.count(key, code, severity, where);
    return true;
  }

  private add(p: Problem): void {
    const key = keyOf(p.code, p.severity, p);
    if ((this.seen.get(key) ?? 0) < this.keep) {
      this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
      this.kept.push(p);
    } else this.count(key, p.code, p.severity, p);
  }

  private count(key: string, code: string, severity: Problem['severity'], where: Where): void {
    let o = this.overflow.get(key);
    if (!o) {
      // In place of the next one, so that it prints beside the ones it continues (the printout stops at 200).
      const line: Problem = {
        code, severity, ...(where.file ? { file: where.file } : {}), ...(where.sheet ? { sheet: where.sheet } : {}), message: '',
        fix: 'Fix the ones listed above (the same fix is likely to do for the rest), then run awg check again to see what is left.',
      };
      o = { line, count: 0, rows: [] };
      this.overflow.set(key, o);
      this.kept.push(line);
    }
    o.count++;
    if (where.row !== undefined && o.rows.length <= ROWS_SHOWN) o.rows.push(where.row);
  }

  /** The problems kept, each summary line saying how many more of its kind there are and where. */
  problems(): Problem[] {
    for (const o of this.overflow.values()) {
      const rows = o.rows.slice(0, ROWS_SHOWN).join(', ') + (o.rows.length > ROWS_SHOWN ? ', …' : '');
      const kind = o.line.severity === 'error' ? 'error' : 'warning';
      o.line.message = `and ${o.count.toLocaleString('en-US')} more ${kind}${o.count === 1 ? '' : 's'} of the same kind (${o.line.code})${rows ? ` in rows ${rows}` : ''}: only the first ${this.keep} are listed one by one`;
      standsFor.set(o.line, o.count);
    }
    return this.kept;
  }
}
