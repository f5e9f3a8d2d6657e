// The worker thread of drafts.ts: batches of drafts in, the bytes of their .eml files out, each batch
// answered under its id (an error answers with its message, and the batch is then composed on the main thread).
import { parentPort } from 'node:worker_threads';
import { composeEml, type Draft } from './mail.js';

parentPort?.on('message', ({ id, drafts }: { id: number; drafts: Draft[] }) => {
  Promise.all(drafts.map(composeEml)).then(
    (emls) => parentPort?.postMessage({ id, emls }),
    (err: unknown) => parentPort?.postMessage({ id, error: String(err) }),
  );
});
