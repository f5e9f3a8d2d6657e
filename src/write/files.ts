// The only module that writes to disk.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../problems.js';

export function writeNewFile(file: string, text: string, force: boolean): boolean {
  if (!force && fs.existsSync(file)) return false;
  fs.writeFileSync(file, text);
  return true;
}

export function writeFile(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/**
 * Files as [relative path, content], written to a temporary folder beside `dir` and renamed into
 * place, so an interrupted run never leaves half a folder. Returns how many files were written.
 */
export function writeFolder(dir: string, files: Iterable<[string, string | Uint8Array]>, force: boolean): number {
  const { target, tmp } = beginFolder(dir, force);
  let count = 0;
  try {
    const put = filePutter(tmp);
    for (const [rel, data] of files) {
      put(rel, data);
      count++;
    }
    commitFolder(target, tmp);
  } catch (err) {
    abortFolder(dir, tmp, err);
  }
  return count;
}

/**
 * writeFolder for files made asynchronously (the .eml drafts). With `keepOld`, a folder replaced by
 * --force is kept beside it (DIR.previous, DIR.previous-2, …) instead of deleted: a re-run that writes
 * over its --previous folder does not lose it. Returns the count and where the old folder went.
 */
export async function writeFolderAsync(dir: string, files: AsyncIterable<[string, string | Uint8Array]>, force: boolean, keepOld = false): Promise<{ count: number; kept?: string }> {
  const { target, tmp } = beginFolder(dir, force);
  let count = 0;
  let kept: string | undefined;
  try {
    const put = filePutter(tmp);
    for await (const [rel, data] of files) {
      put(rel, data);
      count++;
    }
    if (keepOld && fs.existsSync(target) && fs.readdirSync(target).length) {
      kept = `${target}.previous`;
      for (let i = 2; fs.existsSync(kept); i++) kept = `${target}.previous-${i}`;
      fs.renameSync(target, kept);
    }
    commitFolder(target, tmp);
  } catch (err) {
    abortFolder(dir, tmp, err);
  }
  return { count, ...(kept ? { kept } : {}) };
}

function beginFolder(dir: string, force: boolean): { target: string; tmp: string } {
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) throw new UsageError(`${dir} exists and is not a folder.`);
    if (fs.readdirSync(target).length && !force) {
      throw new UsageError(`${dir} is not empty; awg will not write over it.`, 'Choose a new --out folder, or add --force to replace it.');
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  return { target, tmp: fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.tmp-`)) };
}

function filePutter(tmp: string): (rel: string, data: string | Uint8Array) => void {
  const made = new Set<string>([tmp]);
  return (rel, data) => {
    const file = path.join(tmp, rel);
    const dirName = path.dirname(file);
    if (!made.has(dirName)) {
      fs.mkdirSync(dirName, { recursive: true });
      made.add(dirName);
    }
    fs.writeFileSync(file, data);
  };
}

function commitFolder(target: string, tmp: string): void {
  if (fs.existsSync(target)) {
    const old = `${tmp}.old`;
    fs.renameSync(target, old);
    fs.renameSync(tmp, target);
    fs.rmSync(old, { recursive: true, force: true });
  } else fs.renameSync(tmp, target);
}

function abortFolder(dir: string, tmp: string, err: unknown): never {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (err instanceof Error && !('code' in err)) throw err;
  throw new UsageError(`could not write ${dir}: ${(err as Error).message}`);
}
