// What a run may replace. A schedule folder travels and `--out`/`--force` are typed by hand, so the
// writer checks, before it writes anything: `--force` replaces a folder awg wrote (one with
// awg-folder.json, or holding only the files of this report) or an empty one, never the folder awg runs
// in, never a folder holding one of this run's inputs; a single-file `--out` is never one of the inputs.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../problems.js';

/** An input of the run: what it is, as the organizer knows it (`the RSVP export (--rsvps)`), and its path. */
export type Input = readonly [what: string, file: string | undefined];

const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted there',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  ENOENT: 'its folder does not exist or does not take new files',
  ENAMETOOLONG: 'a name in the path is too long for the file system (most allow 255 bytes)',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'it is a folder',
  EBUSY: 'it is in use',
  ENOTEMPTY: 'it is not empty',
};

const HINTS: Record<string, string> = {
  EACCES: 'Choose a folder you can write to.',
  EPERM: 'Choose a folder you can write to.',
  EROFS: 'Choose a folder on a disk you can write to.',
  ENOTDIR: 'Check the path: every part of it before the last must be a folder.',
  EEXIST: 'Check the path: every part of it before the last must be a folder.',
  ENAMETOOLONG: 'Choose a shorter name.',
  ENOSPC: 'Free some space, or write elsewhere.',
  EDQUOT: 'Free some space, or write elsewhere.',
};

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

/** What went wrong with a file operation, in words: `permission denied`, `the disk is full`. */
export function causeOf(err: unknown): string {
  return CAUSES[codeOf(err) ?? ''] ?? (err as Error)?.message ?? String(err);
}

/** A file operation that failed, as an ordinary error (exit 2): what awg was doing, the cause, and the state left. */
export function ioError(err: unknown, doing: string, state?: string): UsageError {
  return new UsageError(`${doing}: ${causeOf(err)}${state ? `. ${state}` : ''}.`, HINTS[codeOf(err) ?? ''] ?? 'Choose another place to write.');
}

/** The path with its symbolic links resolved as far as it exists (what a removal would really reach). */
export function realPath(p: string): string {
  let at = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest);
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(p);
      rest.unshift(path.basename(at));
      at = up;
    }
  }
}

/** Whether `inner` is `outer` or lies inside it. */
export function inside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Every file (and link, and anything else not a folder) under `dir`, relative, with `/`. */
function entriesUnder(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? entriesUnder(dir, r) : [r];
  });
}

function foldersUnder(dir: string): string[] {
  return [dir, ...fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => foldersUnder(path.join(dir, e.name)))];
}

const list = (names: readonly string[]) => `${names.slice(0, 3).join(', ')}${names.length > 3 ? `, and ${names.length - 3} more` : ''}`;

function statOf(file: string, doing: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return undefined;
    throw ioError(err, doing);
  }
}

export interface ReplaceRules {
  force: boolean;
  inputs?: readonly Input[];
  /** The folder goes aside (to DIR.previous), not away: replacing it deletes nothing. */
  keptAside?: boolean;
  /** With keptAside: the folder's files carried into the new one as they are. */
  keep?: ((relativePath: string) => boolean) | undefined;
  /** The file that marks a folder awg wrote (awg-folder.json): such a folder may be replaced. */
  marker?: string | undefined;
  /** What this run writes: a folder holding nothing else is its own to replace (awg report's has no marker). */
  ownFiles?: readonly string[] | undefined;
  /** How the folder is named in messages; `--out DIR` unless it is the copy of the folder as it was. */
  label?: string;
}

/** The rules that need nothing but the path; checked before the run takes its lock. */
export function checkOutPath(dir: string, rules: Pick<ReplaceRules, 'keptAside' | 'label'> = {}): void {
  const label = rules.label ?? `--out ${dir}`;
  const real = realPath(dir);
  const cwd = realPath(process.cwd());
  if (!rules.keptAside && inside(real, cwd)) {
    throw new UsageError(
      `${label} ${real === cwd ? 'is' : 'holds'} the folder awg runs in (${cwd}); replacing it would delete everything there.`,
      'Name a new folder for --out, e.g. --out schedule.',
    );
  }
  if (Buffer.byteLength(path.basename(real)) > 255) throw new UsageError(`${label}: ${CAUSES.ENAMETOOLONG}.`, HINTS.ENAMETOOLONG);
  const st = statOf(dir, `cannot write ${dir}`);
  if (st && !st.isDirectory()) throw new UsageError(`${dir} exists and is not a folder.`, 'Name a new folder for --out.');
}

/** Throws, before anything is written, if replacing `dir` could lose a file that is not awg's to replace. */
export function checkReplace(dir: string, rules: ReplaceRules): void {
  const label = rules.label ?? `--out ${dir}`;
  checkOutPath(dir, rules);
  const real = realPath(dir);
  for (const [what, file] of rules.inputs ?? []) {
    if (!file) continue;
    const rel = path.relative(real, realPath(file)).split(path.sep).join('/');
    if (!inside(real, realPath(file)) || (rules.keptAside && (rel === '' || rules.keep?.(rel)))) continue;
    const never = `awg never ${rules.keptAside ? 'moves' : 'deletes'} an input, with or without --force`;
    if (rel === '') throw new UsageError(`${label} is ${what}, which this run reads; ${never}.`, 'Name another folder.');
    throw new UsageError(`${label} holds ${file}, ${what}, which this run reads; ${never}.`, `Name another folder, or move ${file} out of ${dir} first.`);
  }
  if (!statOf(dir, `cannot write ${dir}`)) return;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    throw ioError(err, `cannot read ${dir} to replace it`);
  }
  if (!names.length) return;
  if (!rules.force) throw new UsageError(`${dir} is not empty; awg will not write over it.`, 'Choose a new --out folder, or add --force to replace it.');
  if (rules.keptAside) return;
  const { ownFiles: own, marker } = rules;
  const marked = marker !== undefined && fs.statSync(path.join(dir, marker), { throwIfNoEntry: false })?.isFile();
  const strangers = marked ? [] : own ? entriesUnder(dir).filter((f) => !own.includes(f)) : names;
  if (strangers.length) {
    const ours = [...(marker ? [`with ${marker} in it`] : []), ...(own ? ['holding only the files this report writes'] : [])].join(', or ');
    throw new UsageError(
      `${label} holds files awg did not write (${list(strangers)}); --force replaces only an empty folder${ours ? ` or one awg wrote (${ours})` : ''}.`,
      `Name a new folder, or move those files out of ${dir} first.`,
    );
  }
  // Checked now, so that a folder awg cannot delete stops the run before anything is replaced.
  for (const d of foldersUnder(dir)) {
    try {
      fs.accessSync(d, fs.constants.W_OK);
    } catch (err) {
      throw new UsageError(`cannot replace ${dir}: awg could not delete what is in ${d} (${causeOf(err)}). Nothing was written.`, `Make ${d} writable or delete it yourself, or name another folder.`);
    }
  }
}

/** Throws if writing `file` would replace one of the run's inputs (the same file, by any name or link). */
export function checkOutFile(file: string, inputs: readonly Input[], label = '--out'): void {
  const st = statOf(file, `cannot write ${file}`);
  if (!st) return;
  if (st.isDirectory()) throw new UsageError(`${label} ${file} is a folder; awg writes a file there.`, `Name a file for ${label}.`);
  for (const [what, input] of inputs) {
    let s: fs.Stats | undefined;
    try {
      s = input ? fs.statSync(input) : undefined;
    } catch {
      continue;
    }
    if (!s || s.dev !== st.dev || s.ino !== st.ino) continue;
    throw new UsageError(
      `${label} ${file} is ${path.resolve(input!) === path.resolve(file) ? '' : `the same file as ${input}, `}${what}, which this run reads; awg never writes over an input, with or without --force.`,
      `Name another file for ${label}.`,
    );
  }
}
