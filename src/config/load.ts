// Parses and validates awg.config.json text (pure); the file read lives in read/files.ts.
import { configSchema, DEFAULT_CONFIG, keyPath, RSVP_FIELDS, valueAt, type Config } from './schema.js';
import type { Problem } from '../problems.js';
import { CAPITOL_CAMPUS } from '../campus/capitol.js';

/** Line and column (from 1) of a character offset in the text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped: Node 20 gives "at position N", later versions "(line L column C)". */
function jsonErrorAt(text: string, message: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  if (/end of (JSON )?input/i.test(message)) return lineColumn(text, text.length);
  return undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known key nearest an unknown one (`timezone` → `timeZone`), when one is near enough. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  if (path[0] === 'columns') return [...RSVP_FIELDS];
  const at = valueAt(DEFAULT_CONFIG, path);
  const keys = at && typeof at === 'object' && !Array.isArray(at) ? Object.keys(at) : [];
  return path.length ? keys : ['$schema', ...keys];
}

export function parseConfig(text: string, file: string): { config?: Config; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const detail = (err as Error).message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
    const at = jsonErrorAt(text, (err as Error).message);
    return {
      problems: [
        {
          code: 'config-not-json',
          severity: 'error',
          file,
          message: `${file} is not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${detail}`,
          fix: 'Check for a missing comma or quote at that place (or just before it); `awg init` writes a valid starting file.',
        },
      ],
    };
  }
  const result = configSchema.safeParse(json);
  if (result.success) {
    const wrong = campusProblems(result.data, file);
    return wrong.length ? { problems: wrong } : { config: result.data, problems: [] };
  }
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    const path = keyPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const near = nearestKey(key, knownKeys(issue.path));
        const where = issue.path.length ? `${path}: ` : '';
        return {
          code: 'config-unknown-key', severity: 'error', file, column: issue.path.length ? `${path}.${key}` : key,
          message: `${where}unknown key "${key}"${near ? `: did you mean "${near}"?` : ''}`,
          fix: near ? `Rename "${key}" to "${near}".` : `Delete "${key}", or correct its name; the README lists every key.`,
        };
      });
    }
    const value = valueAt(json, issue.path);
    const shown = value === undefined ? '' : ` ${JSON.stringify(value)}`;
    return [{
      code: 'config-invalid',
      severity: 'error',
      file,
      column: path,
      value: value === undefined ? undefined : JSON.stringify(value),
      message: `${path}:${shown} ${issue.message}`.replace(/\s+/g, ' '),
      fix: value === undefined
        ? `Add a value for ${path}; the README lists every key and its default.`
        : `Correct the value of ${path} in ${file}; the README lists every key and its default.`,
    }];
  });
  return { problems };
}

/**
 * Building names the walking minutes and a campus of one's own give that the campus does not have (a pair
 * naming no building would never apply, and the organizer would not know their minutes were ignored), and
 * a grid of start times closer than the longest meeting (awg would widen it without a word).
 */
function campusProblems(config: Config, file: string): Problem[] {
  const own = config.event.campus;
  const names = (own ? own.buildings : CAPITOL_CAMPUS.buildings).map((b) => b.name);
  const known = new Set(names);
  const problems: Problem[] = [];
  const unknown = (column: string, name: string, what: string) => problems.push({
    code: 'config-unknown-building', severity: 'error', file, column, value: name,
    message: `"${name}" is not a building of ${own ? own.name : 'Capitol Hill'} (${names.join(', ')}): ${what}`,
    fix: `Write the building as the campus names it${nearestKey(name, names) ? `: did you mean "${nearestKey(name, names)}"?` : '.'}`,
  });
  for (const key of Object.keys(config.event.walkMinutes?.pairs ?? {})) {
    for (const name of key.split('/').map((x) => x.trim())) if (!known.has(name)) unknown(`event.walkMinutes.pairs.${key}`, name, 'these minutes would never apply');
  }
  const minutes = config.event.meetingMinutes;
  const longest = typeof minutes === 'number' ? minutes : Math.max(minutes.House, minutes.Senate);
  const step = config.event.slotMinutes;
  if (step !== undefined && step < longest) {
    problems.push({
      code: 'config-slot-too-short', severity: 'error', file, column: 'event.slotMinutes', value: String(step),
      message: `${step} minutes between start times is less than the longest meeting (${longest} minutes): meetings would overlap`,
      fix: `Make event.slotMinutes at least ${longest}, or shorten event.meetingMinutes.`,
    });
  }
  for (const b of own?.buildings ?? []) {
    for (const n of b.neighbours) if (!known.has(n)) unknown(`event.campus.buildings.${b.name}.neighbours`, n, 'it cannot be a neighbour');
  }
  return problems;
}
