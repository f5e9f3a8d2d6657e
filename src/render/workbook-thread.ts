// schedule.xlsx, made sheet by sheet from the tables as they are made (xlsx.ts writes each sheet's XML
// and deflates it at once). Small workbooks are written on the main thread when the folder asks for the
// file: their tables (up to WORKER_ABOVE_CELLS cells) are held until then. Once the tables pass that line,
// a worker thread is started and given them, and then each later table as it comes; it writes each sheet at
// once and lets the table go, while the CSVs, pages, calendars and notices take this core, and sends back
// only the sheets' deflated bytes; the zip is put together here. Same bytes wherever a sheet is written. On
// one core, or from source (no compiled worker), every sheet is written here.
// At scale the per-person lists (organizations, digital advocacy, priority) stay CSV-only: a sheet of more
// than `workbookMaxRows` of them is left out of the workbook, and a "CSV only" sheet names their files.
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { rowCount, wholeTable, type DataTable, type LazyTable } from './table.js';
import { sheetName, workbookPieces, writeSheet, type WrittenSheet } from './xlsx.js';
import { workerFile } from '../worker-file.js';

/**
 * Cells past which the workbook goes to a worker. Measured (issue 24, shared loaded machine, medians of 5
 * whole runs): the everyday event's 30,000 cells cost the main thread 230 ms of tables and workbook when
 * written here and 216 ms when sent to a worker from the first table (within the noise), while the
 * worker's start and copies made the run's CPU 3.1 s instead of 2.7 s, beside the drafts' worker on the
 * same second core: they stay here. 1,000 RSVPs' 100,000 cells go (from the Attendees table).
 */
const WORKER_ABOVE_CELLS = 40_000;
/** Give up on a worker that has not answered in this long, and write its sheets here. */
const MAX_WAIT_MS = 10 * 60_000;
/** The per-person lists that stay CSV-only above workbookMaxRows rows, by their CSV file. */
const PER_PERSON = new Set(['organizations.csv', 'digital-advocacy.csv', 'priority.csv']);
export const CSV_ONLY_SHEET = 'CSV only';

/** What the main thread sends the worker: a table to write as sheet `index` named `name`, or that there are no more. */
export type WorkbookMessage = { sheet: { table: DataTable; name: string; index: number } } | { end: true };
/** What the worker answers: its sheets (their bytes moved, not copied) and its time, or why it failed. */
export type WorkbookAnswer = { sheets: WrittenSheet[]; ms: number } | { error: string };

interface WorkbookWorker {
  send(m: WorkbookMessage): void;
  /** The worker's sheets, or undefined when it failed or did not answer. */
  finish(): WrittenSheet[] | undefined;
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
    send: (m) => post(port1, m),
    finish() {
      const flag = new Int32Array(signal);
      const deadline = Date.now() + MAX_WAIT_MS;
      while (Atomics.load(flag, 0) === 0 && Date.now() < deadline) Atomics.wait(flag, 0, 0, 1000);
      const answer = receiveMessageOnPort(port1)?.message as WorkbookAnswer | undefined;
      port1.close();
      void worker.terminate();
      if (!answer || 'error' in answer) return undefined;
      // The worker's own time writing its sheets (the benchmark's row beside the main thread's wait for it).
      performance.measure('awg:workbook-worker', { start: 0, duration: answer.ms });
      return answer.sheets;
    },
  };
}

/** A sheet left out of the workbook: its name, its CSV file and its rows. */
interface Left { name: string; file: string; rows: number }

/** The "CSV only" sheet: which lists are not in the workbook, where they are, and why. */
export function csvOnlyTable(left: readonly Left[], maxRows: number): DataTable {
  return {
    name: CSV_ONLY_SHEET,
    columns: ['list', 'file', 'rows', 'why'],
    rows: left.map((l) => [l.name, l.file, l.rows,
      `more than ${maxRows.toLocaleString('en-US')} rows (workbookMaxRows in the config): at this size the list is in ${l.file} only, which opens in any spreadsheet; a sheet of it would make the workbook several times larger and slower to write and to open`]),
  };
}

/** Takes the workbook's tables in sheet order as they are made, and gives the workbook at the end. */
export interface WorkbookMaker {
  /**
   * The next sheet's table; `file` is its CSV file (a per-person list over `maxRows` rows stays in it only).
   * Returns the table to write the CSV from: the whole one the workbook took, or the lazy one left out.
   */
  add(table: DataTable | LazyTable, file?: string): DataTable | LazyTable;
  /** The last table was added. */
  done(): void;
  /** The workbook's bytes, in pieces. */
  take(): Uint8Array[];
}

/**
 * `remake` gives the [CSV file, table] pairs again, for a worker that failed: the tables it was given are
 * not kept here, which is the point. `maxRows`: the config's workbookMaxRows.
 */
export function workbookMaker(remake: () => Iterable<readonly [string, DataTable | LazyTable]>, maxRows = Infinity): WorkbookMaker {
  const taken = new Set<string>();
  const left: Left[] = [];
  let held: WorkbookMessage[] = [];
  let index = 0;
  let cells = 0;
  let worker: WorkbookWorker | undefined;
  let tried = false;
  let ended = false;
  const csvOnly = (table: DataTable | LazyTable, file: string | undefined) => file !== undefined && PER_PERSON.has(file) && rowCount(table) > maxRows;
  const note = (sheets: WrittenSheet[]) => (left.length ? [...sheets, writeSheet(csvOnlyTable(left, maxRows), sheetName(CSV_ONLY_SHEET, taken), sheets.length + 1)] : sheets);
  return {
    add(made, file) {
      if (csvOnly(made, file)) {
        left.push({ name: made.name, file: file!, rows: rowCount(made) });
        return made;
      }
      const table = wholeTable(made);
      const message: WorkbookMessage = { sheet: { table, name: sheetName(table.name, taken), index: ++index } };
      if (worker) {
        worker.send(message);
        return table;
      }
      held.push(message);
      cells += table.rows.length * table.columns.length;
      if (tried || cells <= WORKER_ABOVE_CELLS) return table;
      tried = true;
      const path = os.availableParallelism() > 1 ? workerFile(import.meta.url, 'render', 'workbook-worker.js') : undefined;
      worker = path ? startWorker(path) : undefined;
      if (!worker) return table;
      for (const m of held) worker.send(m);
      held = [];
      return table;
    },
    done() {
      if (ended) return;
      ended = true;
      worker?.send({ end: true });
    },
    take() {
      this.done();
      const sheetsHere = () => held.flatMap((m) => ('sheet' in m ? [writeSheet(m.sheet.table, m.sheet.name, m.sheet.index)] : []));
      if (!worker) return workbookPieces(note(sheetsHere()));
      const theirs = worker.finish();
      if (theirs) return workbookPieces(note(theirs));
      // A worker that failed (or never answered) leaves every sheet to be written here, from the tables made again.
      const again = new Set<string>();
      const sheets: WrittenSheet[] = [];
      for (const [file, table] of remake()) if (!csvOnly(table, file)) sheets.push(writeSheet(wholeTable(table), sheetName(table.name, again), sheets.length + 1));
      return workbookPieces(note(sheets));
    },
  };
}
