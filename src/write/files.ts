// The only module that writes to disk (with lock.ts, and the checks of out-folder.ts before it writes).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../problems.js';
import { inPieces, type FileContent, type FolderFile } from '../render/table.js';
import { isAwgScratch, onInterrupt, stemOf } from './lock.js';
import { checkOutFile, checkReplace, ioError, type Input } from './out-folder.js';

export { lockFolder } from './lock.js';
export { checkOutFile, checkOutPath, type Input } from './out-folder.js';

/** Writes a file that is not one of the run's inputs; false if it exists and `force` is not given. */
export function writeNewFile(file: string, text: string | Uint8Array, force: boolean, inputs: readonly Input[] = [], label = '--out'): boolean {
  checkOutFile(file, inputs, label);
  if (!force && fs.existsSync(file)) return false;
  try {
    fs.writeFileSync(file, text);
  } catch (err) {
    throw ioError(err, `could not write ${file}`);
  }
  return true;
}

/** Writes a report's file (checked first with checkOutFile: never one of the inputs). */
export function writeFile(file: string, data: string | Uint8Array): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  } catch (err) {
    throw ioError(err, `could not write ${file}`);
  }
}

export type { FileContent, FolderFile } from '../render/table.js';

/** Writes every byte of one piece (a write to a file may take fewer bytes than it was given). */
function writeAll(fd: number, piece: string | Uint8Array): void {
  const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
  for (let at = 0; at < bytes.byteLength;) at += fs.writeSync(fd, bytes, at, bytes.byteLength - at);
}

function writeContent(file: string, data: FileContent): void {
  if (!inPieces(data)) {
    fs.writeFileSync(file, data);
    return;
  }
  const fd = fs.openSync(file, 'w');
  try {
    for (const piece of data) writeAll(fd, piece);
  } finally {
    fs.closeSync(fd);
  }
}

export interface FolderWriteOptions {
  /** Where to keep the folder being replaced (instead of deleting it): the state before this run. */
  previous?: string;
  /** Files of the folder being replaced that are not written now and are to be kept (the organizer's own). */
  keep?: (relativePath: string) => boolean;
  /** The run's inputs: the folder is not replaced if that would delete or move one of them. */
  inputs?: readonly Input[];
  /** The file that marks a folder awg wrote (awg-folder.json): --force may replace such a folder. */
  marker?: string;
  /** What this run writes: a folder holding only these may be replaced without the marker (awg report's). */
  ownFiles?: readonly string[];
}

function filesUnder(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).filter((e) => !isAwgScratch(e.name)).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, r) : e.isFile() ? [r] : [];
  });
}

/**
 * Files as [relative path, content], written to a temporary folder beside `dir` and renamed into
 * place, so an interrupted run never leaves half a folder. Returns how many files were written.
 * The folder gets the user's usual permissions (umask), not a private temporary folder's.
 */
export function writeFolder(dir: string, files: Iterable<FolderFile>, force: boolean, opts: FolderWriteOptions = {}): number {
  const w = beginFolder(dir, force, opts);
  try {
    for (const [rel, data] of files) w.put(rel, data);
    w.commit();
  } catch (err) {
    w.abort(err);
  }
  return w.count();
}

/** writeFolder for files made asynchronously (the .eml drafts of `awg schedule`). */
export async function writeFolderAsync(dir: string, files: AsyncIterable<FolderFile>, force: boolean, opts: FolderWriteOptions = {}): Promise<number> {
  const w = beginFolder(dir, force, opts);
  try {
    for await (const [rel, data] of files) w.put(rel, data);
    w.commit();
  } catch (err) {
    w.abort(err);
  }
  return w.count();
}

const exists = (p: string) => fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;

function beginFolder(dir: string, force: boolean, opts: FolderWriteOptions) {
  const target = path.resolve(dir);
  const previous = opts.previous ? path.resolve(opts.previous) : undefined;
  const { inputs = [], marker, ownFiles } = opts;
  checkReplace(dir, { force, inputs, keptAside: previous !== undefined, keep: opts.keep, marker, ownFiles });
  // The copy of the folder as it was replaces the one an earlier run kept: that one is deleted.
  if (previous) checkReplace(previous, { force: true, inputs, marker, label: `${previous} (where the folder as it was is kept)` });
  // mkdtemp would make the folder private (0700); a plain mkdir takes the user's umask.
  const tmp = path.join(path.dirname(target), `.${stemOf(target)}.tmp-${crypto.randomBytes(6).toString('hex')}`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.mkdirSync(tmp);
  } catch (err) {
    throw ioError(err, `could not write ${dir}`, 'Nothing was written');
  }
  // Stopped by Ctrl-C or a kill, the run takes its half-written copy (names, emails, phones) with it.
  const forget = onInterrupt(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const made = new Set<string>([tmp]);
  const written = new Set<string>();
  const place = (rel: string) => {
    // Two renderers writing one path, or a name made from the inputs that climbs out, are awg's own bugs.
    const file = path.resolve(tmp, rel);
    if (!rel || rel.includes('\0') || path.isAbsolute(rel) || /^[a-zA-Z]:|^[\\/]/.test(rel) || rel.split(/[\\/]/).includes('..') || !file.startsWith(`${tmp}${path.sep}`)) {
      throw new Error(`the file ${JSON.stringify(rel)} of ${dir} would be written outside the folder`);
    }
    if (written.has(file)) throw new Error(`two files of ${dir} have one path: ${rel}`);
    return file;
  };
  const copy = (file: string, write: (file: string) => void) => {
    const dirName = path.dirname(file);
    if (!made.has(dirName)) {
      fs.mkdirSync(dirName, { recursive: true });
      made.add(dirName);
    }
    written.add(file);
    write(file);
  };
  let count = 0;
  const state = (what: string) => `${dir} is written (${count} files)${previous ? `, the folder as it was is in ${previous}` : ''}, but ${what}`;
  return {
    count: () => count,
    put(rel: string, data: FileContent) {
      copy(place(rel), (file) => writeContent(file, data));
      count++;
    },
    commit() {
      if (opts.keep && exists(target)) {
        for (const rel of filesUnder(target)) {
          const file = path.join(tmp, rel);
          if (!written.has(file) && opts.keep(rel)) copy(file, (f) => fs.copyFileSync(path.join(target, rel), f));
        }
      }
      if (!exists(target)) {
        fs.renameSync(tmp, target);
        forget();
        return;
      }
      // Every step before the last rename can be undone: until then a failure leaves the folder as it was.
      const aside = previous ?? `${tmp}.old`;
      const olderCopy = previous && exists(previous) ? `${tmp}.old-previous` : undefined;
      const undo: Array<() => void> = [];
      try {
        if (previous && olderCopy) {
          fs.renameSync(previous, olderCopy);
          undo.push(() => fs.renameSync(olderCopy, previous));
        }
        fs.renameSync(target, aside);
        undo.push(() => fs.renameSync(aside, target));
        fs.renameSync(tmp, target);
      } catch (err) {
        try {
          for (const step of undo.reverse()) step();
        } catch {
          throw ioError(err, `could not write ${dir}`, `Putting it back failed too: the folder as it was is in ${aside}${olderCopy ? `, and the copy kept before it in ${olderCopy}` : ''}`);
        }
        throw err;
      }
      forget();
      for (const gone of [olderCopy, previous ? undefined : aside]) {
        if (!gone) continue;
        try {
          fs.rmSync(gone, { recursive: true, force: true });
        } catch (err) {
          throw ioError(err, state(`the folder it replaced could not be removed (${gone})`), 'Delete it yourself');
        }
      }
    },
    abort(err: unknown): never {
      forget();
      try {
        fs.rmSync(tmp, { recursive: true, force: true });
      } catch {
        // The next run writing this folder removes it (lock.ts).
      }
      if (err instanceof UsageError) throw err;
      if (err instanceof Error && !('code' in err)) throw err;
      const where = (err as NodeJS.ErrnoException).path;
      throw ioError(err, `could not write ${dir}${where && !where.startsWith(tmp) ? ` (${where})` : ''}`, 'Nothing was replaced');
    },
  };
}

/** Which files differ between two versions of a folder (after `writeFolder` kept the previous one). */
export function folderChanges(before: string, after: string): { added: string[]; removed: string[]; changed: string[] } {
  const old = new Set(fs.existsSync(before) ? filesUnder(before) : []);
  const now = filesUnder(after);
  const changed = now.filter((f) => old.has(f) && !fs.readFileSync(path.join(before, f)).equals(fs.readFileSync(path.join(after, f))));
  return { added: now.filter((f) => !old.has(f)), removed: [...old].filter((f) => !now.includes(f)), changed };
}
