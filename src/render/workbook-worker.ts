// Builds schedule.xlsx on a worker thread for workbook-thread.ts: the tables come in workerData, the
// workbook (or why it failed) goes back on the port, and the shared flag wakes the waiting main thread.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DataTable } from './table.js';
import { toWorkbook } from './xlsx.js';

const { port, signal, tables } = workerData as { port: MessagePort; signal: SharedArrayBuffer; tables: DataTable[] };
const flag = new Int32Array(signal);
try {
  port.postMessage({ workbook: toWorkbook(tables) });
} catch (err) {
  port.postMessage({ error: (err as Error).message });
}
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
