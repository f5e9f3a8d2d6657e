// schedule.xlsx made beside the rest: SheetJS takes 7.6 s of one core for the 3 million cells of 100,000
// RSVPs, while the CSVs, pages, calendars and notices take the other. The tables are copied to a worker
// thread (0.3 s) as soon as they exist; the workbook is taken, waiting if need be, once the other files are
// made. Same bytes as made here. Small workbooks are made here: a worker's start (0.15 s) would cost more.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { DataTable } from './table.js';
import { toWorkbook } from './xlsx.js';

/** Cells above which the workbook goes to a worker (10,000 RSVPs make about 430,000). */
const WORKER_ABOVE_CELLS = 250_000;
/** Give up on a worker that has not answered in this long, and make the workbook here. */
const MAX_WAIT_MS = 10 * 60_000;

/** The compiled worker beside this module, or beside the bundle (dist/awg.mjs); none when run from source. */
function workerFile(): URL | undefined {
  return [new URL('./workbook-worker.js', import.meta.url), new URL('./render/workbook-worker.js', import.meta.url)].find((u) => u.protocol === 'file:' && fs.existsSync(fileURLToPath(u)));
}

/** Starts the workbook; the function returned gives it (blocking until the worker is done). */
export function workbookLater(tables: readonly DataTable[]): () => Uint8Array {
  const cells = tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0);
  const file = cells > WORKER_ABOVE_CELLS ? workerFile() : undefined;
  if (!file) return () => toWorkbook(tables);
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { port: port2, signal, tables }, transferList: [port2] });
  } catch {
    return () => toWorkbook(tables);
  }
  worker.unref();
  return () => {
    const flag = new Int32Array(signal);
    const deadline = Date.now() + MAX_WAIT_MS;
    while (Atomics.load(flag, 0) === 0 && Date.now() < deadline) Atomics.wait(flag, 0, 0, 1000);
    const answer = receiveMessageOnPort(port1)?.message as { workbook?: Uint8Array } | undefined;
    port1.close();
    void worker.terminate();
    // A worker that failed (or never answered) leaves the workbook to be made here.
    return answer?.workbook ?? toWorkbook(tables);
  };
}
