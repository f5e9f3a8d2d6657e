// awg's own workbook writer: what a cell holds is what a spreadsheet reads back, whatever the text, and a
// sheet longer than one deflated piece is still one sound zip part.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { toWorkbook } from '../../src/render/xlsx.js';
import { PIECE_CHARS } from '../../src/render/xlsx-stream.js';
import type { CellValue } from '../../src/render/table.js';

const TEXTS = ['=HYPERLINK("x")', '+1 555', '-2', '@me', '\tTab', ' leading', 'trailing ', 'a,b', 'say "hi"', "it's", 'two\nlines', 'cr\rline',
  '<b>&amp;</b>', 'a & b < c > d', 'bell\u0007', 'nul\u0000', '_x0041_ stays as typed', 'x_x0041_y', 'Zoë Núñez 🌞', '…', ' ', ']]>'];

describe('the workbook writer', () => {
  it('reads back every text as typed: markup, quotes, control characters, line breaks, spaces, look-alike escapes', () => {
    const wb = XLSX.read(toWorkbook([{ name: 'Texts', columns: ['text'], rows: TEXTS.map((t) => [t]) }]));
    const back = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Texts!, { header: 1, raw: true }).slice(1).map((r) => r[0]);
    expect(back).toEqual(TEXTS);
  });

  it('writes a cell over Excel\'s 32,767 characters cut, with a word that the CSV has it whole', () => {
    const wb = XLSX.read(toWorkbook([{ name: 'Long', columns: ['story'], rows: [['é'.repeat(40_000)]] }]));
    const cell = String(wb.Sheets.Long!.A2!.v);
    expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(cell).toMatch(/^é+ … \(cut: the CSV file has the whole text\)$/);
  });

  it('gives a sheet of several deflated pieces back whole, numbers as numbers and empty cells empty', () => {
    const n = Math.ceil((3 * PIECE_CHARS) / 60);
    const rows: CellValue[][] = Array.from({ length: n }, (_, i) => [i, `row ${i} ${'x'.repeat(i % 40)}`, i % 5 ? '' : 'fifth', null]);
    const wb = XLSX.read(toWorkbook([{ name: 'Many', columns: ['n', 'text', 'sometimes', 'never'], rows }]));
    const back = XLSX.utils.sheet_to_json<CellValue[]>(wb.Sheets.Many!, { header: 1, raw: true, defval: null });
    expect(back).toHaveLength(n + 1);
    expect(back.slice(1)).toEqual(rows.map(([i, text, s]) => [i, text, s === '' ? null : s, null]));
  });
});
