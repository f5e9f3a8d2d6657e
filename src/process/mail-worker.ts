// The worker thread of drafts.ts: batches of drafts in, the bytes of their .eml files out, each batch
// answered under its id (an error answers with its message, and the batch is then composed on the main thread).
// A batch is composed here only if this thread claims it first in the shared flags: the main thread takes the
// last batches itself rather than wait for them (a batch it took is answered `taken`).
import { parentPort } from 'node:worker_threads';
import { composeEml, type Draft } from './mail.js';

parentPort?.on('message', ({ id, drafts, claims, index }: { id: number; drafts: Draft[]; claims: Int32Array; index: number }) => {
  if (Atomics.compareExchange(claims, index, 0, 1) !== 0) {
    parentPort?.postMessage({ id, taken: true });
    return;
  }
  Promise.all(drafts.map(composeEml)).then(
    (emls) => parentPort?.postMessage({ id, emls }),
    (err: unknown) => parentPort?.postMessage({ id, error: String(err) }),
  );
});
