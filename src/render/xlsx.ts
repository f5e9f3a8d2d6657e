// One workbook from several tables: header row frozen, columns sized to their content, dates and times
// as real date cells, every text cell a plain string (a workbook string cell never runs as a formula).
import * as XLSX from 'xlsx';
import { cellText, type DataTable } from './table.js';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EXCEL_EPOCH) / 86_400_000 : undefined;
}

function timeSerial(hhmm: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? (Number(m[1]) * 60 + Number(m[2])) / 1440 : undefined;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

function toSheet(table: DataTable): XLSX.WorkSheet {
  const dates = new Set((table.dateColumns ?? []).map((c) => table.columns.indexOf(c)));
  const times = new Set((table.timeColumns ?? []).map((c) => table.columns.indexOf(c)));
  const ws: XLSX.WorkSheet = {};
  const widths = table.columns.map((c) => c.length);
  table.columns.forEach((c, ci) => (ws[XLSX.utils.encode_cell({ r: 0, c: ci })] = { t: 's', v: c }));
  table.rows.forEach((row, ri) => {
    row.forEach((value, ci) => {
      const ref = XLSX.utils.encode_cell({ r: ri + 1, c: ci });
      const text = cellText(value);
      widths[ci] = Math.max(widths[ci] ?? 0, [...text].length);
      if (text === '') return;
      const d = dates.has(ci) ? dateSerial(text) : undefined;
      const t = times.has(ci) ? timeSerial(text) : undefined;
      if (d !== undefined) ws[ref] = { t: 'n', v: d, z: 'yyyy-mm-dd' };
      else if (t !== undefined) ws[ref] = { t: 'n', v: t, z: 'hh:mm' };
      else if (typeof value === 'number') ws[ref] = { t: 'n', v: value };
      else ws[ref] = { t: 's', v: text };
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(table.rows.length, 1), c: Math.max(table.columns.length - 1, 0) } });
  ws['!cols'] = widths.map((w) => ({ wch: Math.min(Math.max(w, 6) + 2, 60) }));
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows.length, c: Math.max(table.columns.length - 1, 0) } }) };
  return ws;
}

const FROZEN = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

export function toWorkbook(tables: readonly DataTable[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const t of tables) XLSX.utils.book_append_sheet(wb, toSheet(t), sheetName(t.name, taken));
  const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  // SheetJS's free build does not write frozen panes; add them to each sheet's XML.
  const zip = XLSX.CFB.read(buf, { type: 'buffer' });
  zip.FullPaths.forEach((p: string, i: number) => {
    const entry = zip.FileIndex[i];
    if (!entry || !/xl\/worksheets\/sheet\d+\.xml$/.test(p) || !entry.content) return;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8').replace('<sheetView workbookViewId="0"/>', FROZEN);
    entry.content = Buffer.from(xml, 'utf8');
    entry.size = entry.content.length;
  });
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Buffer);
}
