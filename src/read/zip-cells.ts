// Counts the cells a workbook part will become in SheetJS, from its XML, before SheetJS builds them:
// a few kilobytes of XML can declare millions of cells (an .ods row repeated 1,048,576 times).
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

/** Filled cells (and shared strings) in one inflated part; 0 for parts that hold none. */
export function countCells(name: string, part: Buffer): number {
  const lower = name.toLowerCase();
  if (lower.endsWith('content.xml')) return odsCells(part);
  if (lower.endsWith('.xml')) return xlsxValues(part);
  // A binary sheet (.xlsb) takes at least 12 bytes a cell.
  if (lower.endsWith('.bin') && /sheet|string/.test(lower)) return Math.floor(part.length / 12);
  return 0;
}

/** An .xlsx cell has one <v> or one <is>, a shared string one <si>: their end tags, with any prefix, are counted. */
function xlsxValues(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('</'); i !== -1; i = xml.indexOf('</', i + 2)) {
    let j = i + 2;
    let start = j;
    while (j < xml.length && j - i < 64 && xml[j] !== GT) {
      if (xml[j] === COLON) start = j + 1;
      j++;
    }
    const len = j - start;
    if (len === 1 && xml[start] === 0x76) n++; // v
    else if (len === 2 && ((xml[start] === 0x69 && xml[start + 1] === 0x73) || (xml[start] === 0x73 && xml[start + 1] === 0x69))) n++; // is, si
  }
  return n;
}

/**
 * An .ods cell with a value counts once for each row and column it is repeated over, as SheetJS
 * copies it into each; empty cells (no value-type) are repeated by LibreOffice to the sheet's edge and
 * cost nothing.
 */
function odsCells(xml: Buffer): number {
  let n = 0;
  let rowRepeat = 1;
  for (let i = xml.indexOf(LT); i !== -1; i = xml.indexOf(LT, i + 1)) {
    const closing = xml[i + 1] === SLASH;
    let j = i + (closing ? 2 : 1);
    let start = j;
    while (j < xml.length && j - i < 64 && xml[j] !== GT && xml[j] !== SLASH && xml[j] !== 0x20 && xml[j] !== 0x09 && xml[j] !== 0x0a && xml[j] !== 0x0d) {
      if (xml[j] === COLON) start = j + 1;
      j++;
    }
    const local = xml.toString('latin1', start, j);
    if (local !== 'table-row' && local !== 'table-cell') continue;
    if (closing) {
      if (local === 'table-row') rowRepeat = 1;
      continue;
    }
    const end = xml.indexOf(GT, j);
    if (end === -1) break;
    const tag = xml.toString('latin1', j, end);
    if (local === 'table-row') {
      rowRepeat = repeat(tag, 'number-rows-repeated');
      continue;
    }
    if (!tag.includes('value-type')) continue;
    // A self-closing string cell is placed once; a cell with content is copied over its repeats.
    n += tag.endsWith('/') ? 1 : rowRepeat * repeat(tag, 'number-columns-repeated');
    i = end;
  }
  return n;
}

function repeat(tag: string, attr: string): number {
  const m = new RegExp(`${attr}="(\\d+)"`).exec(tag);
  return m ? Math.max(1, Number(m[1])) : 1;
}
