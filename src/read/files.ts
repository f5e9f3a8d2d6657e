// The only module that reads from disk: every input file goes through readInput.
import fs from 'node:fs';
import { UsageError } from '../problems.js';

/**
 * The bytes of one input file, never more than `maxMB`. Only regular files are read: a device
 * (/dev/zero), a pipe or a socket would never end or would block, and their size says nothing. The
 * limit holds while reading, not on the size the file reports (a /proc file says 0 and holds more).
 */
export function readInput(file: string, maxMB: number, what: string): Buffer {
  const limit = Math.floor(maxMB * 1024 * 1024);
  let fd: number;
  let size: number;
  try {
    const stat = fs.statSync(file);
    // Checked before opening: opening a pipe waits until something writes to it.
    refuseUnlessFile(stat, file, what);
    size = stat.size;
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read the ${what} file ${file}: ${describe(err)}.`, 'Check the path and the spelling of the file name.');
  }
  try {
    // What was opened may not be what was looked at, if the path changed in between.
    refuseUnlessFile(fs.fstatSync(fd), file, what);
    if (size > limit) throw overLimit(file, what, maxMB, `is ${(size / 1024 / 1024).toFixed(0)} MB`);
    return readAtMost(fd, limit, size, () => overLimit(file, what, maxMB, `holds more than ${maxMB} MB`));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read the ${what} file ${file}: ${describe(err)}.`);
  } finally {
    fs.closeSync(fd);
  }
}

export function readTextInput(file: string, maxMB: number, what: string): string {
  return new TextDecoder().decode(readInput(file, maxMB, what)).replace(/^\uFEFF/, '');
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

/** Reads to the end, or throws once more than `limit` bytes came; `expected` (the stat size) is a first guess only. */
function readAtMost(fd: number, limit: number, expected: number, over: () => UsageError): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(expected + 1, 64 * 1024)));
  let used = 0;
  for (;;) {
    if (used === buf.length) {
      if (used > limit) throw over();
      const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, used);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, used, buf.length - used, null);
    if (n === 0) break;
    used += n;
  }
  if (used > limit) throw over();
  return buf.subarray(0, used);
}

function refuseUnlessFile(stat: fs.Stats, file: string, what: string): void {
  if (stat.isFile()) return;
  if (stat.isDirectory()) throw new UsageError(`the ${what} file ${file} is a folder, not a file.`);
  const kind = stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isFIFO() ? 'a pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a special file';
  throw new UsageError(`the ${what} file ${file} is ${kind}, not a file awg can read: awg reads only files saved on disk.`,
    'Save the export as a file and pass the path of that file.');
}

function overLimit(file: string, what: string, maxMB: number, size: string): UsageError {
  return new UsageError(`the ${what} file ${file} ${size}, over the ${maxMB} MB limit.`,
    'Raise maxInputMB in awg.config.json if this file is really meant to be read.');
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EAGAIN') return 'it is not ready to be read (a device or a pipe?)';
  return (err as Error).message;
}
