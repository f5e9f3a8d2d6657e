// The only module that writes to disk.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../problems.js';

export function writeNewFile(file: string, text: string | Uint8Array, force: boolean): boolean {
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
  const target = path.resolve(dir);
  if (fs.existsSync(target)) {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) throw new UsageError(`${dir} exists and is not a folder.`);
    if (fs.readdirSync(target).length && !force) {
      throw new UsageError(`${dir} is not empty; awg will not write over it.`, 'Choose a new --out folder, or add --force to replace it.');
    }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.tmp-`));
  let count = 0;
  try {
    const made = new Set<string>([tmp]);
    for (const [rel, data] of files) {
      const file = path.join(tmp, rel);
      const dirName = path.dirname(file);
      if (!made.has(dirName)) {
        fs.mkdirSync(dirName, { recursive: true });
        made.add(dirName);
      }
      fs.writeFileSync(file, data);
      count++;
    }
    if (fs.existsSync(target)) {
      const old = `${tmp}.old`;
      fs.renameSync(target, old);
      fs.renameSync(tmp, target);
      fs.rmSync(old, { recursive: true, force: true });
    } else fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (err instanceof Error && !('code' in err)) throw err;
    throw new UsageError(`could not write ${dir}: ${(err as Error).message}`);
  }
  return count;
}
