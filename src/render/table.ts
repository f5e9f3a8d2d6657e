// A table is how every list awg hands out is shaped before it becomes CSV, a workbook sheet or text.

export type CellValue = string | number | boolean | null | undefined;

export interface DataTable {
  /** Sheet name in the workbook; file stem for CSV. */
  name: string;
  columns: string[];
  rows: CellValue[][];
  /** Columns that hold a date (YYYY-MM-DD) or a time (HH:MM), written as real date cells in workbooks. */
  dateColumns?: string[];
  timeColumns?: string[];
}

/**
 * A table of a row per RSVP (organizations, digital advocacy, priority: 80,000-100,000 rows at 100,000 RSVPs),
 * whose rows are made a few hundred at a time as its CSV is written and let go at once: held whole, each
 * such table stayed in memory for the whole of its CSV's writing (old space, freed only by a full
 * collection), +25-30 MB of the run's peak apiece.
 */
export interface LazyTable extends Omit<DataTable, 'rows'> {
  size: number;
  /** Rows `from` to `to` (not included), made now. */
  slice(from: number, to: number): CellValue[][];
}

/** The table of a row per item, made as its rows are asked for. */
export function lazyTable<T>(table: Omit<DataTable, 'rows'>, items: readonly T[], row: (item: T) => CellValue[]): LazyTable {
  return { ...table, size: items.length, slice: (from, to) => items.slice(from, to).map(row) };
}

export const rowCount = (t: DataTable | LazyTable): number => ('rows' in t ? t.rows.length : t.size);

/** The table with all its rows (a lazy one's made now). */
export function wholeTable(t: DataTable | LazyTable): DataTable {
  if ('rows' in t) return t;
  const { size, slice, ...rest } = t;
  return { ...rest, rows: slice(0, size) };
}

/**
 * A file's content as the renderers hand it to the write stage: text (written as UTF-8), bytes, or pieces
 * of either in order, written one at a time as they are made (a large CSV table need never be one string
 * in memory). Pieces are taken once.
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;
/** Whether a file's content is given in pieces (an iterable of text or bytes), not whole. */
export function inPieces(content: unknown): content is Iterable<string | Uint8Array> {
  return typeof content === 'object' && content !== null && !(content instanceof Uint8Array) && Symbol.iterator in content;
}

/** A file of an output folder: its path relative to the folder, and its content. */
export type FolderFile = readonly [string, FileContent];

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** A plain-text table for the terminal, columns padded to their widest cell (capped). */
export function textTable(columns: string[], rows: CellValue[][], maxWidth = 40): string {
  const cells = [columns, ...rows.map((r) => r.map(cellText))].map((r) => r.map((c) => (c.length > maxWidth ? `${c.slice(0, maxWidth - 1)}…` : c)));
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length))).join('  ').trimEnd();
  const [head, ...body] = cells;
  return [line(head ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
