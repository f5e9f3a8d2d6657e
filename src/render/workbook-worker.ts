// Writes schedule.xlsx's later sheets on a worker thread for workbook-thread.ts: each table comes on the
// port as the main thread makes it, is written into its deflated sheet at once and let go (the worker
// never holds more than the table it is on, and what is queued behind it). At the end its sheets go back
// on the port, their bytes moved, not copied, and the shared flag wakes the waiting main thread.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { WorkbookAnswer, WorkbookMessage } from './workbook-thread.js';
import { writeSheet, type WrittenSheet } from './xlsx.js';

const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
const sheets: WrittenSheet[] = [];
let ms = 0;
let failed: string | undefined;

function answer(message: WorkbookAnswer): void {
  const move = new Set<ArrayBuffer>();
  if ('sheets' in message) {
    for (const s of message.sheets) {
      // Only a buffer that is the piece's alone can be moved (small ones may share Node's pool): others are copied first.
      s.entry.data = s.entry.data.map((b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? b : Uint8Array.from(b)));
      for (const b of s.entry.data) move.add(b.buffer as ArrayBuffer);
    }
  }
  port.postMessage(message, [...move]);
  const flag = new Int32Array(signal);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
}

port.on('message', (m: WorkbookMessage) => {
  if ('sheet' in m) {
    if (failed) return;
    try {
      const t0 = performance.now();
      sheets.push(writeSheet(m.sheet.table, m.sheet.name, m.sheet.index));
      ms += performance.now() - t0;
    } catch (err) {
      failed = (err as Error).message;
    }
    return;
  }
  answer(failed ? { error: failed } : { sheets, ms });
});
