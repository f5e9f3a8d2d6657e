// Builds schedule.xlsx on a worker thread for workbook-thread.ts: the tables come one by one on the port
// as the main thread makes them, then the end; the workbook (or why it failed) goes back on the port, and
// the shared flag wakes the waiting main thread. The workbook's bytes are moved, not copied.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DataTable } from './table.js';
import type { WorkbookMessage } from './workbook-thread.js';
import { toWorkbook } from './xlsx.js';

const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
const tables: DataTable[] = [];

function answer(message: { workbook: Uint8Array; ms: number } | { error: string }): void {
  const bytes = 'workbook' in message ? message.workbook : undefined;
  // Only a buffer that is the workbook's alone can be moved (small ones share Node's pool).
  const own = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  port.postMessage(message, own ? [bytes.buffer as ArrayBuffer] : []);
  const flag = new Int32Array(signal);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
}

port.on('message', (m: WorkbookMessage) => {
  if ('table' in m) {
    tables.push(m.table);
    return;
  }
  try {
    // Each table is let go of here as its sheet is made, and by the sheet once it is written.
    const t0 = performance.now();
    const workbook = toWorkbook((function* () {
      for (let t = tables.shift(); t; t = tables.shift()) yield t;
    })());
    answer({ workbook, ms: performance.now() - t0 });
  } catch (err) {
    answer({ error: (err as Error).message });
  }
});
