// The .eml drafts of requests and notices, composed on a worker thread when there are many: on the two
// cores the worker composes them (0.2 ms of CPU each while a thread's code is still cold, 0.04 to 0.09 ms once
// warm) while this thread makes the schedule's files and the CSVs and writes them, and this thread composes
// the last batches itself when it would otherwise wait for them. Few
// drafts are composed here: the worker's start (about 70 ms of CPU) would cost more. Same bytes either way
// (the same composeEml).
import { Worker } from 'node:worker_threads';
import { composeEml, type Draft } from './mail.js';
import { workerFile } from '../worker-file.js';

/** Drafts in a run from which a worker composes them (the everyday event has about 700). */
const WORKER_FROM_DRAFTS = 300;
/** Drafts in one batch (the worker's unit of work, and this thread's when it takes some). */
const BATCH = 50;

/**
 * The drafts are needed last, and the main thread takes the ones left when it gets there: the worker runs
 * at a lower priority from its first line (before it loads nodemailer), so that it yields the cores to the
 * main thread's search and files and to the workbook's worker. On Linux a thread's nice value is its own;
 * elsewhere it would be the whole process's, so it is left alone there.
 */
function startWorker(): Worker | undefined {
  const file = workerFile(import.meta.url, 'process', 'mail-worker.js');
  if (!file) return undefined;
  const lower = process.platform === 'linux' ? "try { require('node:os').setPriority(10); } catch {}\n" : '';
  try {
    return new Worker(`${lower}import(${JSON.stringify(file.href)});`, { eval: true });
  } catch {
    return undefined;
  }
}

/**
 * A worker started ahead (while the schedule is searched, when the second core has nothing to do), so that
 * loading nodemailer on it is done by the time the drafts are made. Unreferenced until a composer takes it:
 * a run that ends up with few drafts does not wait for it.
 */
let spare: Worker | undefined;

/** Starts the drafts' worker now, for a run that will have about `expected` drafts. */
export function warmDraftsWorker(expected: number): void {
  if (spare || expected < WORKER_FROM_DRAFTS) return;
  const w = startWorker();
  if (!w) return;
  w.unref();
  // One that stops before a composer takes it is not taken (a composer then starts its own, or composes here).
  const gone = () => {
    if (spare === w) spare = undefined;
  };
  w.on('error', gone);
  w.on('exit', gone);
  spare = w;
}

type Answer = { id: number; emls?: Uint8Array[]; error?: string; taken?: boolean };

export interface DraftComposer {
  /** Whether a worker thread composes the drafts. */
  readonly onWorker: boolean;
  /** The drafts' .eml files, in their order; on a worker, composing starts now, not when they are read. */
  compose(drafts: ReadonlyArray<readonly [string, Draft]>): AsyncGenerator<[string, Uint8Array]>;
  /** Stops the worker (the files not yet read are not needed). */
  close(): void;
}

/** Who composes a batch, claimed in a flag shared with the worker (Atomics): whoever claims it first. */
const FREE = 0;
const HERE = 2;

/** A composer for a run of about `expected` drafts. */
export function draftComposer(expected: number): DraftComposer {
  let worker: Worker | undefined;
  if (expected >= WORKER_FROM_DRAFTS) {
    worker = spare ?? startWorker();
    spare = undefined;
    worker?.ref();
  }
  const waiting = new Map<number, (a: Answer) => void>();
  let closed = false;
  // A worker that stopped before answering leaves its batches to this thread (none once closed: no one reads them).
  const fail = () => {
    worker = undefined;
    if (!closed) for (const [id, answer] of waiting) answer({ id, error: 'the drafts worker stopped' });
    waiting.clear();
  };
  if (worker) {
    worker.on('message', (a: Answer) => {
      waiting.get(a.id)?.(a);
      waiting.delete(a.id);
    });
    worker.on('error', fail);
    worker.on('exit', fail);
  }
  let ids = 0;
  const here = (drafts: readonly Draft[]) => Promise.all(drafts.map(composeEml));
  async function* oneByOne(drafts: ReadonlyArray<readonly [string, Draft]>): AsyncGenerator<[string, Uint8Array]> {
    for (const [path, d] of drafts) yield [path, await composeEml(d)];
  }
  /** A turn of the event loop, for the worker's answers that came while this thread composed. */
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    onWorker: worker !== undefined,
    compose(drafts) {
      if (!worker) return oneByOne(drafts);
      const batches: Draft[][] = [];
      for (let i = 0; i < drafts.length; i += BATCH) batches.push(drafts.slice(i, i + BATCH).map(([, d]) => d));
      const claims = new Int32Array(new SharedArrayBuffer(4 * batches.length));
      const answered = new Array<boolean>(batches.length).fill(false);
      const fromWorker = batches.map((batch, index) => {
        const id = ids++;
        const answer = new Promise<Answer>((resolve) => waiting.set(id, resolve));
        worker!.postMessage({ id, drafts: batch, claims, index });
        return answer.then((a) => ((answered[index] = true), a));
      });
      const mine: Array<Promise<Uint8Array[]> | undefined> = [];
      /** Composes the batch here if no one has started it. */
      const take = (index: number): boolean => {
        if (Atomics.compareExchange(claims, index, FREE, HERE) !== FREE) return false;
        mine[index] = here(batches[index]!);
        return true;
      };
      return (async function* inOrder() {
        for (let b = 0; b < batches.length; b++) {
          // Rather than wait for the worker, this thread composes the batches no one has started, from the
          // last (the worker's next is the first), and looks again whether the worker has answered.
          if (!mine[b] && !take(b)) {
            for (let last = batches.length - 1; !answered[b] && last > b; last--) {
              if (mine[last] || !take(last)) continue;
              await turn();
            }
          }
          // A batch the worker could not compose is composed here (an error in a draft then shows as it would have).
          const emls = await (mine[b] ?? fromWorker[b]!.then((a) => a.emls ?? here(batches[b]!)));
          for (let k = 0; k < emls.length; k++) yield [drafts[b * BATCH + k]![0], emls[k]!];
        }
      })();
    },
    close() {
      closed = true;
      const w = worker;
      worker = undefined;
      void w?.terminate();
    },
  };
}
