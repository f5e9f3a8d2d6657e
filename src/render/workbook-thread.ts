// schedule.xlsx made beside the rest: SheetJS takes 5 to 6 s of one core for the 3 million cells of 100,000
// RSVPs, and 0.1 to 0.3 s for the everyday event or 1,000 RSVPs (most of it warming up), while the CSVs,
// pages, calendars and notices take the other core. Each table is copied to a worker thread as soon as it is
// made (the main thread then lets it go); the workbook is taken, waiting if need be, once the other files are
// made. Same bytes as made here. Tiny workbooks, and any on a machine with one core, are made here.
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DataTable } from './table.js';
import { toWorkbook } from './xlsx.js';
import { workerFile } from '../worker-file.js';

/**
 * Cells above which the workbook goes to a worker (the everyday event makes about 30,000, 1,000 RSVPs about
 * 100,000). The worker's start (about 0.15 s) is paid on the other core; on the main thread it costs a few ms.
 */
const WORKER_ABOVE_CELLS = 10_000;
/** Give up on a worker that has not answered in this long, and make the workbook here. */
const MAX_WAIT_MS = 10 * 60_000;

/** What the main thread sends the worker: a table (the next sheet), or that there are no more. */
export type WorkbookMessage = { table: DataTable } | { end: true };

interface WorkbookWorker {
  send(table: DataTable): void;
  /** No more tables: the worker starts on the workbook. */
  end(): void;
  /** The workbook, or undefined when the worker failed or did not answer. */
  finish(): Uint8Array | undefined;
}

function startWorker(file: URL): WorkbookWorker | undefined {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { port: port2, signal }, transferList: [port2] });
  } catch {
    return undefined;
  }
  worker.unref();
  const post = (port: MessagePort, m: WorkbookMessage) => port.postMessage(m);
  return {
    send: (table) => post(port1, { table }),
    end: () => post(port1, { end: true }),
    finish() {
      const flag = new Int32Array(signal);
      const deadline = Date.now() + MAX_WAIT_MS;
      while (Atomics.load(flag, 0) === 0 && Date.now() < deadline) Atomics.wait(flag, 0, 0, 1000);
      const answer = receiveMessageOnPort(port1)?.message as { workbook?: Uint8Array; ms?: number } | undefined;
      port1.close();
      // The worker's own time making the workbook (the benchmark's row beside the main thread's wait for it).
      if (answer?.ms !== undefined) performance.measure('awg:workbook-worker', { start: 0, duration: answer.ms });
      void worker.terminate();
      return answer?.workbook;
    },
  };
}

/** Takes the workbook's tables in sheet order as they are made, and gives the workbook at the end. */
export interface WorkbookMaker {
  add(table: DataTable): void;
  /** The last table was added: a worker starts on the workbook now, while the other files are made. */
  done(): void;
  take(): Uint8Array;
}

/**
 * `remake` makes the tables again, for a worker that failed: the tables it was given are not kept here,
 * which is the point (with 100,000 RSVPs they are hundreds of MB).
 */
export function workbookMaker(remake: () => readonly DataTable[]): WorkbookMaker {
  let held: DataTable[] = [];
  let cells = 0;
  let worker: WorkbookWorker | undefined;
  let tried = false;
  let ended = false;
  return {
    add(table) {
      if (worker) return worker.send(table);
      held.push(table);
      cells += table.rows.length * table.columns.length;
      if (tried || cells <= WORKER_ABOVE_CELLS) return;
      tried = true;
      const file = os.availableParallelism() > 1 ? workerFile(import.meta.url, 'render', 'workbook-worker.js') : undefined;
      worker = file ? startWorker(file) : undefined;
      if (!worker) return;
      for (const t of held) worker.send(t);
      held = [];
    },
    done() {
      if (ended) return;
      ended = true;
      worker?.end();
    },
    take() {
      this.done();
      if (!worker) return toWorkbook(held);
      // A worker that failed (or never answered) leaves the workbook to be made here.
      return worker.finish() ?? toWorkbook(remake());
    },
  };
}
