// One workbook from several tables: header row frozen, columns sized to their content, dates and times
// as real date cells, every text cell a plain string (a workbook string cell never runs as a formula:
// it is an inline string, never a formula, whatever it starts with), headers for people (`Meeting`, not
// `meeting_id`: see headers.ts).
// Written here as XML, a row at a time, and deflated as it is made (xlsx-stream.ts): no cell objects, no
// whole sheet held as text. SheetJS (until issue 24) took 3.7-4.6 s and +620 MB for the 100,000-RSVP
// tables' 3 million cells; this writer reads back in SheetJS with the same cells (values, types, number
// formats: test/unit/xlsx-stream.test.ts), in less than half the time. Its bytes are not SheetJS's.
import { peopleHeader } from '../columns.js';
import { cellText, type DataTable } from './table.js';
import { EntryWriter, entryOf, joined, zipPieces, type ZipEntry } from './xlsx-stream.js';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel's limit on the characters in one cell. */
const MAX_CELL = 32_767;
/** Style indexes of styles.xml's cellXfs: plain, a date, a time. */
const DATE_STYLE = 1;
const TIME_STYLE = 2;

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

/** A column's letters: 0 → A, 26 → AA. */
function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// eslint-disable-next-line no-control-regex -- the control characters are what it escapes
const ESCAPES = /[&<>\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;
const NEEDS_ESCAPE = new RegExp(ESCAPES.source);
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as XML: the markup characters as entities; characters XML cannot hold as _xHHHH_, as Excel writes
 * them; an underscore that would read as such an escape as _x005F_ (as Excel does).
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (c) => ENTITY[c] ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** An inline string cell; leading or trailing spaces and line breaks kept. */
function textCell(ref: string, text: string): string {
  const cut = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 60)} … (cut: the CSV file has the whole text)` : text;
  const space = /^\s|\s$|\n/.test(cut) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlText(cut)}</t></is></c>`;
}

/** Widths as SheetJS set them from characters (`wch`) for the default 6-pixel digit: min 6 + 2, max 60. */
function widthOf(chars: number): number {
  const wch = Math.min(Math.max(chars, 6) + 2, 60);
  return Math.round(((wch * 6 + 5) / 6) * 256) / 256;
}

/** A sheet whose XML is written: its name, and its range (A1:…, the header row included) for the autofilter. */
export interface WrittenSheet {
  name: string;
  /** Its place in the workbook, from 1 (its part is xl/worksheets/sheet<index>.xml). */
  index: number;
  range: string;
  entry: ZipEntry;
}

/**
 * A table's sheet, written as XML a row at a time into its deflated zip part: each row's text is made,
 * given to the deflater and let go. The widths take a first pass over the rows (they come before the rows
 * in the XML). Empty cells are left out, as before.
 */
export function writeSheet(table: DataTable, name: string, index: number): WrittenSheet {
  const cols = table.columns.length;
  const kinds = table.columns.map((c) => (table.dateColumns?.includes(c) ? DATE_STYLE : table.timeColumns?.includes(c) ? TIME_STYLE : 0));
  const letters = table.columns.map((_, i) => column(i));
  const headers = table.columns.map(peopleHeader);
  const widths = headers.map((c) => c.length);
  for (const row of table.rows) {
    for (let ci = 0; ci < row.length; ci++) {
      const n = cellText(row[ci]).length;
      if (n > (widths[ci] ?? 0)) widths[ci] = n;
    }
  }
  const last = `${column(Math.max(cols - 1, 0))}${table.rows.length + 1}`;
  const range = `A1:${last}`;
  const w = new EntryWriter(`xl/worksheets/sheet${index}.xml`);
  w.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + `<dimension ref="${range}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`);
  if (widths.length) w.write(`<cols>${widths.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${widthOf(c)}" customWidth="1"/>`).join('')}</cols>`);
  w.write(`<sheetData><row r="1">${headers.map((h, i) => textCell(`${letters[i]!}1`, h)).join('')}</row>`);
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const rn = r + 2;
    let xml = `<row r="${rn}">`;
    for (let ci = 0; ci < row.length; ci++) {
      const value = row[ci];
      const text = cellText(value);
      if (text === '') continue;
      const ref = `${letters[ci] ?? column(ci)}${rn}`;
      const kind = kinds[ci];
      const serial = kind === DATE_STYLE ? dateSerial(text) : kind === TIME_STYLE ? timeSerial(text) : undefined;
      if (serial !== undefined) xml += `<c r="${ref}" s="${kind!}"><v>${serial}</v></c>`;
      else if (typeof value === 'number' && Number.isFinite(value)) xml += `<c r="${ref}"><v>${value}</v></c>`;
      else xml += textCell(ref, text);
    }
    w.write(`${xml}</row>`);
  }
  w.write(`</sheetData><autoFilter ref="${range}"/><ignoredErrors><ignoredError numberStoredAsText="1" sqref="${range}"/></ignoredErrors></worksheet>`);
  return { name, index, range, entry: w.end() };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const attr = (text: string) => xmlText(text).replace(/"/g, '&quot;');

/** yyyy-mm-dd and hh:mm, the two number formats the sheets use (ids from 164, the first free for custom formats). */
const STYLES = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
  + '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="hh:mm"/></numFmts>'
  + '<fonts count="1"><font><sz val="12"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The workbook's other parts around its sheets, in the order Excel writes them. */
function workbookParts(sheets: readonly WrittenSheet[]): ZipEntry[] {
  const n = sheets.length;
  const types = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`).join('')
    + `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`;
  const rels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>awg</Application></Properties>`;
  const core = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>`;
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const workbook = `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>`
    + sheets.map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + '</sheets><definedNames>'
    + sheets.map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quoted(s.name)}!${s.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`)}</definedName>`).join('')
    + '</definedNames></workbook>';
  const bookRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  return [entryOf('[Content_Types].xml', types), entryOf('_rels/.rels', rels), entryOf('docProps/app.xml', app), entryOf('docProps/core.xml', core),
    entryOf('xl/workbook.xml', workbook), entryOf('xl/_rels/workbook.xml.rels', bookRels), entryOf('xl/styles.xml', STYLES)];
}

/** The whole .xlsx of sheets already written (sheet i+1 is sheets[i]), as pieces in file order. */
export function workbookPieces(sheets: readonly WrittenSheet[]): Uint8Array[] {
  const parts = workbookParts(sheets);
  return zipPieces([...parts.slice(0, 6), ...sheets.map((s) => s.entry), parts[6]!]);
}

/**
 * The workbook of these tables, one sheet each in order. The tables may come from a generator that lets
 * go of each as it gives it: a table's rows are then held only while its sheet is written.
 */
export function toWorkbook(tables: Iterable<DataTable>): Uint8Array {
  const taken = new Set<string>();
  const sheets: WrittenSheet[] = [];
  for (const t of tables) sheets.push(writeSheet(t, sheetName(t.name, taken), sheets.length + 1));
  return joined(workbookPieces(sheets));
}
