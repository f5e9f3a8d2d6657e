// The workbook writer awg had before issue 24 (SheetJS, frozen header patched into each sheet's XML), kept
// for the tests only: the new writer (src/render/xlsx.ts) must give workbooks that read back with the
// same cells. The code is the old src/render/xlsx.ts as it was, its imports pointed at src/.
import zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import { peopleHeader } from '../../src/columns.js';
import { cellText, type DataTable } from '../../src/render/table.js';

// Node's zlib deflates the workbook's parts far faster than SheetJS's JavaScript deflate; level 1
// is several times faster again than the default, for files about a fifth larger.
// (SheetJS probes `bytesRead`, which Node deprecates with a warning; the subclass answers it quietly.)
class InflateRaw extends zlib.InflateRaw {
  override get bytesRead(): number {
    return this.bytesWritten;
  }
}
XLSX.CFB.utils.use_zlib({ InflateRaw, deflateRawSync: (b: Uint8Array) => zlib.deflateRawSync(b, { level: 1 }) } as unknown as typeof zlib);

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel's limit on the characters in one cell. */
const MAX_CELL = 32_767;

function dateSerial(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EXCEL_EPOCH) / 86_400_000 : undefined;
}

function timeSerial(hhmm: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? (Number(m[1]) * 60 + Number(m[2])) / 1440 : undefined;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/**
 * A sheet whose rows of cells are made only as SheetJS writes each row (dense mode: `!data`, read once,
 * in order, by row index), and let go after: holding the cell objects of all sheets at once cost 600 MB and
 * seconds of garbage collection with 100,000 RSVPs. The sheet lets go of the table's rows once its last
 * row is written. The bytes written are the same.
 */
function toSheet(table: DataTable): XLSX.WorkSheet {
  const dates = new Set((table.dateColumns ?? []).map((c) => table.columns.indexOf(c)));
  const times = new Set((table.timeColumns ?? []).map((c) => table.columns.indexOf(c)));
  const headers = table.columns.map(peopleHeader);
  const widths = headers.map((c) => c.length);
  let rows: DataTable['rows'] | undefined = table.rows;
  for (const row of rows) {
    for (let ci = 0; ci < row.length; ci++) {
      const n = cellText(row[ci]).length;
      if (n > (widths[ci] ?? 0)) widths[ci] = n;
    }
  }
  const cellsOf = (row: DataTable['rows'][number]): XLSX.CellObject[] => {
    const cells: XLSX.CellObject[] = [];
    for (let ci = 0; ci < row.length; ci++) {
      const value = row[ci];
      const text = cellText(value);
      if (text === '') {
        cells.push({ t: 'z' });
        continue;
      }
      const d = dates.has(ci) ? dateSerial(text) : undefined;
      const t = times.has(ci) ? timeSerial(text) : undefined;
      if (d !== undefined) cells.push({ t: 'n', v: d, z: 'yyyy-mm-dd' });
      else if (t !== undefined) cells.push({ t: 'n', v: t, z: 'hh:mm' });
      else if (typeof value === 'number') cells.push({ t: 'n', v: value });
      else cells.push({ t: 's', v: text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 60)} … (cut: the CSV file has the whole text)` : text });
    }
    return cells;
  };
  const count = rows.length;
  const name = table.name;
  const header: XLSX.CellObject[] = headers.map((c) => ({ t: 's', v: c }));
  const data = new Proxy([] as XLSX.CellObject[][], {
    get(target, key, receiver) {
      if (typeof key !== 'string' || !/^\d+$/.test(key)) return Reflect.get(target, key, receiver) as unknown;
      const r = Number(key);
      if (r === 0) return header;
      if (r > count) return undefined;
      // A row asked for again after the last was written would be lost: say so instead.
      if (!rows) throw new Error(`the workbook asked for row ${r} of ${name} again`);
      const cells = cellsOf(rows[r - 1]!);
      if (r === count) rows = undefined;
      return cells;
    },
  });
  const ws = { '!data': data } as unknown as XLSX.WorkSheet;
  const last = { r: count, c: Math.max(table.columns.length - 1, 0) };
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: last });
  ws['!cols'] = widths.map((w) => ({ wch: Math.min(Math.max(w, 6) + 2, 60) }));
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: count, c: last.c } }) };
  return ws;
}

const SHEET_VIEW = Buffer.from('<sheetView workbookViewId="0"/>');
const FROZEN = Buffer.from('<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>');

type CfbAdd = (zip: unknown, path: string, content: Uint8Array) => unknown;

/** A sheet's XML with its header row frozen (SheetJS's free build does not write frozen panes). */
function frozen(path: string, content: Uint8Array): Uint8Array {
  if (!/xl\/worksheets\/sheet\d+\.xml$/.test(path)) return content;
  const buf = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const at = buf.indexOf(SHEET_VIEW);
  return at < 0 ? content : Buffer.concat([buf.subarray(0, at), FROZEN, buf.subarray(at + SHEET_VIEW.length)]);
}

/**
 * The workbook, each sheet's frozen header put in as SheetJS adds the sheet's XML to the zip (it adds
 * every part through `CFB.utils.cfb_add`). Reading the whole zip back to patch it, as before, cost a
 * second copy of every part and a second compression: 2 s and hundreds of MB with 100,000 RSVPs.
 * The tables may come from a generator that lets go of each as it gives it: the workbook then holds a
 * table's rows only until that sheet is written.
 */
export function sheetjsWorkbook(tables: Iterable<DataTable>): Uint8Array {
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const t of tables) XLSX.utils.book_append_sheet(wb, toSheet(t), sheetName(t.name, taken));
  const utils = XLSX.CFB.utils as unknown as { cfb_add: CfbAdd };
  const add = utils.cfb_add;
  utils.cfb_add = (zip, path, content) => add(zip, path, frozen(path, content));
  try {
    return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  } finally {
    utils.cfb_add = add;
  }
}
