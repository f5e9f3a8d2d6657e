// awg writes its CSV itself (src/render/csv.ts), for speed: an organizer's file must be, byte for byte, what
// csv-stringify made of the same table with awg's options, whatever the cells hold (quotes, commas, line
// breaks of every kind, white space at the edges, formula starters, accents, empty cells, yes/no, numbers).
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralize } from '../../src/formula-guard.js';
import { toCsv } from '../../src/render/csv.js';
import type { CellValue, DataTable } from '../../src/render/table.js';

/**
 * The CSV as csv-stringify makes it with awg's options: the header as it is, the cells cast, and a cell with a
 * lone CR or LF quoted (csv-stringify does not by itself with a CRLF record delimiter; a spreadsheet would cut the row).
 */
function stringifyCsv(table: DataTable): string {
  const options = { record_delimiter: '\r\n', quoted_match: [/^\s|\s$/, /[\r\n]/] };
  return `\uFEFF${stringify([table.columns], options)}${stringify(table.rows, { ...options, cast: { string: neutralize, boolean: (b: boolean) => (b ? 'yes' : 'no') } })}`;
}

const piece = fc.constantFrom('"', ',', '\r\n', '\n', '\r', ' ', '\t', '\u00a0', '\u2028', '\ufeff', '=', '+', '-', '@', "'", 'a', 'Zoë', '…', '😀', '');
const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const cell: fc.Arbitrary<CellValue> = fc.oneof(text, fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: false }), fc.constant(''));

describe('the CSV writer', () => {
  it('writes every table byte for byte as csv-stringify did', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain((cols) => fc.record({
      columns: fc.array(text, { minLength: cols, maxLength: cols }),
      rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 1200 }),
    })), ({ columns, rows }) => {
      const table: DataTable = { name: 'T', columns, rows };
      expect(toCsv(table)).toBe(stringifyCsv(table));
    }), { numRuns: 300 });
  });
});
