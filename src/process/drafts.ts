// The .eml drafts of requests and notices, composed on a worker thread when there are many: on the two
// cores the worker composes them (about 0.3 ms of CPU each) while this thread makes the CSVs and writes
// the files. Few drafts are composed here: the worker's start (about 70 ms of CPU) would cost more.
// Same bytes either way (the same composeEml).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { composeEml, type Draft } from './mail.js';

/** Drafts in a run from which a worker composes them (the everyday event has about 700). */
const WORKER_FROM_DRAFTS = 300;
/** Drafts sent to the worker at a time: the first files can be written while it composes the rest. */
const BATCH = 50;

/** The compiled worker beside this module, or beside the bundle (dist/awg.cjs); none when run from source. */
function workerFile(): URL | undefined {
  return [new URL('./mail-worker.js', import.meta.url), new URL('./process/mail-worker.js', import.meta.url)].find((u) => u.protocol === 'file:' && fs.existsSync(fileURLToPath(u)));
}

type Answer = { id: number; emls?: Uint8Array[]; error?: string };

export interface DraftComposer {
  /** Whether a worker thread composes the drafts. */
  readonly onWorker: boolean;
  /** The drafts' .eml files, in their order; on a worker, composing starts now, not when they are read. */
  compose(drafts: ReadonlyArray<readonly [string, Draft]>): AsyncGenerator<[string, Uint8Array]>;
  /** Stops the worker (the files not yet read are not needed). */
  close(): void;
}

/** A composer for a run of about `expected` drafts. */
export function draftComposer(expected: number): DraftComposer {
  const file = expected >= WORKER_FROM_DRAFTS ? workerFile() : undefined;
  const waiting = new Map<number, (a: Answer) => void>();
  let worker: Worker | undefined;
  let closed = false;
  // A worker that stopped before answering leaves its batches to this thread (none once closed: no one reads them).
  const fail = () => {
    worker = undefined;
    if (!closed) for (const [id, answer] of waiting) answer({ id, error: 'the drafts worker stopped' });
    waiting.clear();
  };
  if (file) {
    try {
      worker = new Worker(file);
      worker.on('message', (a: Answer) => {
        waiting.get(a.id)?.(a);
        waiting.delete(a.id);
      });
      worker.on('error', fail);
      worker.on('exit', fail);
    } catch {
      worker = undefined;
    }
  }
  let ids = 0;
  const here = (drafts: readonly Draft[]) => Promise.all(drafts.map(composeEml));
  const batch = (drafts: Draft[]): Promise<Uint8Array[]> => {
    if (!worker) return here(drafts);
    const id = ids++;
    const answered = new Promise<Answer>((resolve) => waiting.set(id, resolve));
    worker.postMessage({ id, drafts });
    // A batch the worker could not compose is composed here (an error in a draft then shows as it would have).
    return answered.then((a) => a.emls ?? here(drafts));
  };
  async function* inOrder(drafts: ReadonlyArray<readonly [string, Draft]>, batches: Array<Promise<Uint8Array[]>>): AsyncGenerator<[string, Uint8Array]> {
    for (let b = 0; b < batches.length; b++) {
      const emls = await batches[b]!;
      for (let k = 0; k < emls.length; k++) yield [drafts[b * BATCH + k]![0], emls[k]!];
    }
  }
  async function* oneByOne(drafts: ReadonlyArray<readonly [string, Draft]>): AsyncGenerator<[string, Uint8Array]> {
    for (const [path, d] of drafts) yield [path, await composeEml(d)];
  }
  return {
    onWorker: worker !== undefined,
    compose(drafts) {
      if (!worker) return oneByOne(drafts);
      const batches: Array<Promise<Uint8Array[]>> = [];
      for (let i = 0; i < drafts.length; i += BATCH) batches.push(batch(drafts.slice(i, i + BATCH).map(([, d]) => d)));
      return inOrder(drafts, batches);
    },
    close() {
      closed = true;
      const w = worker;
      worker = undefined;
      void w?.terminate();
    },
  };
}
