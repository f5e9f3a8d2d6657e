// Where a worker thread's compiled module is, for the modules that start one (render/workbook-thread.ts,
// process/drafts.ts): beside the starting module (dist/<dir>/), or, from the bundle (dist/awg.cjs, whose
// import.meta.url is the bundle's), in its dist/<dir>/. None when run from source: there is no compiled
// worker to start, and the work is done on the calling thread.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `from` is the starting module's import.meta.url; `dir/name` the worker's path under dist/. */
export function workerFile(from: string, dir: string, name: string): URL | undefined {
  return [new URL(`./${name}`, from), new URL(`./${dir}/${name}`, from)].find((u) => u.protocol === 'file:' && fs.existsSync(fileURLToPath(u)));
}
