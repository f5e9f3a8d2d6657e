import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { decodeText, parseTable, sniffDelimiter } from '../../src/read/table.js';
import { pickTargetSheets } from '../../src/normalize/target-sheets.js';
import { normalizeTargets } from '../../src/normalize/targets.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseTable (CSV)', () => {
  it('reads UTF-8 with a BOM, CRLF, quoted newlines, ragged rows and trailing blank rows', () => {
    const t = parseTable(bytes('\uFEFFName,Note\r\n"Ana","line one\r\nline two"\r\nBen\r\nCy,x,extra\r\n\r\n,\r\n'), 'r.csv');
    const rows = t.sheets[0]!.rows;
    expect(rows[0]).toEqual(['Name', 'Note']);
    expect(rows[1]).toEqual(['Ana', 'line one\r\nline two']);
    expect(rows[2]).toEqual(['Ben']);
    expect(rows[3]).toEqual(['Cy', 'x', 'extra']);
    // Row numbers stay those of the spreadsheet: the quoted newline does not shift later rows.
    expect(rows).toHaveLength(6);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text") as tab-separated', () => {
    const text = 'Name\tState\r\nJosé\tIL\r\n';
    const buf = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(parseTable(buf, 'r.txt').sheets[0]!.rows).toEqual([['Name', 'State'], ['José', 'IL']]);
  });

  it('falls back to Windows-1252 for a file that is not UTF-8', () => {
    expect(decodeText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBe('José');
  });

  it('finds the delimiter', () => {
    expect(sniffDelimiter('a,b,c\n', 'x.csv')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n', 'x.csv')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n', 'x.txt')).toBe('|');
    expect(sniffDelimiter('a,b', 'x.tsv')).toBe('\t');
  });
});

describe('parseTable (workbooks)', () => {
  it('reads date cells as wall-clock text and numbers as shown', () => {
    const ws = XLSX.utils.aoa_to_sheet([['Timestamp', 'ZIP'], [0, 2134]]);
    ws['A2'] = { t: 'n', v: 44004.46353009259, z: 'm/d/yyyy h:mm:ss' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Form Responses 1');
    const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const t = parseTable(new Uint8Array(buf), 'r.xlsx');
    expect(t.sheets[0]!.name).toBe('Form Responses 1');
    expect(t.sheets[0]!.rows[1]).toEqual(['2020-06-22T11:07:29', '2134']);
  });

  it('keeps a formula cell as its value, never its formula', () => {
    const ws = XLSX.utils.aoa_to_sheet([['Name'], ['x']]);
    ws['A2'] = { t: 's', v: 'shown', f: 'CONCAT("a","b")' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const t = parseTable(new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer), 'r.xlsx');
    expect(t.sheets[0]!.rows[1]).toEqual(['shown']);
  });

  it('refuses a file that is not a workbook with a message naming it', () => {
    expect(() => parseTable(bytes('not a zip'), 'broken.xlsx')).toThrow(/broken\.xlsx/);
  });
});

describe('pickTargetSheets', () => {
  const wbTable = (names: string[]) => ({
    file: 't.xlsx', kind: 'workbook' as const,
    sheets: names.map((name) => ({ name, rows: [['State', 'District', 'Member']] })),
  });
  it.each([
    [['Instructions', 'Target Representatives', 'Target Senators'], 'Target Representatives', 'Target Senators'],
    [['House', 'Senate'], 'House', 'Senate'],
    [['Reps', 'Sens'], 'Reps', 'Sens'],
  ])('finds the tabs among %j', (names, house, senate) => {
    const picked = pickTargetSheets([wbTable(names)]);
    expect(picked.map((p) => [p.chamber, p.sheet.name])).toEqual([['House', house], ['Senate', senate]]);
  });

  it('takes tab names from the options', () => {
    const picked = pickTargetSheets([wbTable(['Tab A', 'Tab B'])], 'Tab B', 'Tab A');
    expect(picked.map((p) => [p.chamber, p.sheet.name])).toEqual([['House', 'Tab B'], ['Senate', 'Tab A']]);
    expect(() => pickTargetSheets([wbTable(['Tab A'])], 'Nope')).toThrow(/no tab "Nope"/);
  });

  it('splits one CSV listing both chambers by its type column, keeping row numbers', () => {
    const both = { file: 'legislators.csv', kind: 'csv' as const, sheets: [{ name: '', rows: [
      ['bioguide', 'type', 'state', 'district', 'state_rank', 'official_full', 'party'],
      ['A1', 'rep', 'VT', '0', '', 'Becca Balint', 'Democrat'],
      ['B2', 'sen', 'VT', '', 'senior', 'Bernard Sanders', 'Independent'],
      ['C3', 'rep', 'IL', '9', '', 'Jan Schakowsky', 'Democrat'],
    ] }] };
    const picked = pickTargetSheets([both]);
    expect(picked.map((p) => p.chamber)).toEqual(['House', 'Senate']);
    const { offices, problems, columnMaps } = normalizeTargets(picked);
    expect(problems).toEqual([]);
    expect(offices.map((o) => [o.id, o.row, o.member, o.party])).toEqual([
      ['H-VT-AL', 2, 'Becca Balint', 'D'], ['H-IL-09', 4, 'Jan Schakowsky', 'D'], ['S-VT-SANDERS', 3, 'Bernard Sanders', 'I'],
    ]);
    // The column map does not call the column that split the chambers "not used".
    expect(columnMaps.map((m) => m.columns.find((c) => c.header === 'type')?.use)).toEqual(['chamber (which tab the row is on)', 'chamber (which tab the row is on)']);
  });

  it('tells two CSVs apart by their headers', () => {
    const house = { file: 'a.csv', kind: 'csv' as const, sheets: [{ name: '', rows: [['Title'], ['State', 'District', 'Member']] }] };
    const senate = { file: 'b.csv', kind: 'csv' as const, sheets: [{ name: '', rows: [['State', 'Senator', 'Party']] }] };
    expect(pickTargetSheets([senate, house]).map((p) => [p.chamber, p.table.file])).toEqual([['Senate', 'b.csv'], ['House', 'a.csv']]);
    expect(() => pickTargetSheets([house, house])).toThrow(/both targets files look like Representatives/);
  });
});
