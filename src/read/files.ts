// The only module that reads from disk: every input file goes through readInput.
import fs from 'node:fs';
import { UsageError } from '../problems.js';

export function readInput(file: string, maxMB: number, what: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new UsageError(`cannot read the ${what} file ${file}: ${describe(err)}.`, 'Check the path and the spelling of the file name.');
  }
  if (stat.isDirectory()) throw new UsageError(`the ${what} file ${file} is a folder, not a file.`);
  if (stat.size > maxMB * 1024 * 1024) {
    throw new UsageError(
      `the ${what} file ${file} is ${(stat.size / 1024 / 1024).toFixed(0)} MB, over the ${maxMB} MB limit.`,
      'Raise maxInputMB in awg.config.json if this file is really meant to be read.',
    );
  }
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`cannot read the ${what} file ${file}: ${describe(err)}.`);
  }
}

export function readTextInput(file: string, maxMB: number, what: string): string {
  return new TextDecoder().decode(readInput(file, maxMB, what)).replace(/^\uFEFF/, '');
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}
