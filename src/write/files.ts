// The only module that writes to disk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../problems.js';
import { inPieces, type FileContent, type FolderFile } from '../render/table.js';

export function writeNewFile(file: string, text: string | Uint8Array, force: boolean): boolean {
  if (!force && fs.existsSync(file)) return false;
  fs.writeFileSync(file, text);
  return true;
}

export function writeFile(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
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
}

function filesUnder(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
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
  const w = beginFolder(dir, force);
  try {
    for (const [rel, data] of files) w.put(rel, data);
    w.commit(opts);
  } catch (err) {
    w.abort(err);
  }
  return w.count();
}

/** writeFolder for files made asynchronously (the .eml drafts of `awg schedule`). */
export async function writeFolderAsync(dir: string, files: AsyncIterable<FolderFile>, force: boolean, opts: FolderWriteOptions = {}): Promise<number> {
  const w = beginFolder(dir, force);
  try {
    for await (const [rel, data] of files) w.put(rel, data);
    w.commit(opts);
  } catch (err) {
    w.abort(err);
  }
  return w.count();
}

function beginFolder(dir: string, force: boolean) {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) throw new UsageError(`${dir} exists and is not a folder.`);
    if (fs.readdirSync(target).length && !force) {
      throw new UsageError(`${dir} is not empty; awg will not write over it.`, 'Choose a new --out folder, or add --force to replace it.');
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // mkdtemp would make the folder private (0700); a plain mkdir takes the user's umask.
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${crypto.randomBytes(6).toString('hex')}`);
  fs.mkdirSync(tmp);
  const made = new Set<string>([tmp]);
  const written = new Set<string>();
  const copy = (rel: string, write: (file: string) => void) => {
    const file = path.join(tmp, rel);
    const dirName = path.dirname(file);
    if (!made.has(dirName)) {
      fs.mkdirSync(dirName, { recursive: true });
      made.add(dirName);
    }
    write(file);
    written.add(rel);
  };
  let count = 0;
  return {
    count: () => count,
    put(rel: string, data: FileContent) {
      copy(rel, (file) => writeContent(file, data));
      count++;
    },
    commit(opts: FolderWriteOptions) {
      if (opts.keep && fs.existsSync(target)) {
        for (const rel of filesUnder(target)) if (!written.has(rel) && opts.keep(rel)) copy(rel, (file) => fs.copyFileSync(path.join(target, rel), file));
      }
      if (fs.existsSync(target)) {
        const old = opts.previous ? path.resolve(opts.previous) : `${tmp}.old`;
        fs.rmSync(old, { recursive: true, force: true });
        fs.renameSync(target, old);
        fs.renameSync(tmp, target);
        if (!opts.previous) fs.rmSync(old, { recursive: true, force: true });
      } else fs.renameSync(tmp, target);
    },
    abort(err: unknown): never {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (err instanceof Error && !('code' in err)) throw err;
      throw new UsageError(`could not write ${dir}: ${(err as Error).message}`);
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
