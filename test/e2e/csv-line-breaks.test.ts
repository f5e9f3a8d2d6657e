// A note typed on two lines in a spreadsheet (Alt+Enter in Excel, Ctrl+Enter in Google Sheets) reaches
// awg's CSVs with a lone line break inside the cell. Unquoted, Excel and Google Sheets start a new row
// there: the office's row is cut in two and every column after the note shifts. csv-stringify, which wrote
// awg's CSV until issue 24, quoted only the CRLF it ends records with; a note without a comma came out bare.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv')];

/** Where a spreadsheet ends rows: at a CR, LF or CRLF outside quotes. Returns each row's cell count. */
function spreadsheetRows(text: string): number[] {
  const rows: number[] = [];
  let cells = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') cells++;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push(cells);
      cells = 1;
    }
  }
  return rows;
}

/** A CSV cell as a spreadsheet saves it: quoted only where it must be. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const NOTE = 'Chief of staff joins\nBring the one-pager';
let out = '';
let office: Rec;

beforeAll(() => {
  const first = path.join(tmpDir('awg-breaks-'), 'first');
  expectNoStack(awg(['schedule', ...inputs, '--out', first]));
  const offices = readCsv(path.join(first, 'offices.csv'));
  office = offices.find((o) => o.meeting_id)!;
  const columns = Object.keys(office);
  const lines = [columns.join(','), ...offices.map((o) => columns.map((c) => cell(o === office && c === 'notes' ? NOTE : o[c] ?? '')).join(','))];
  fs.writeFileSync(path.join(first, 'offices.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
  out = path.join(path.dirname(first), 'second');
  expectNoStack(awg(['schedule', ...inputs, '--previous', first, '--out', out]));
}, 120_000);

describe('a note on two lines', () => {
  it('stays in its cell of offices.csv, as typed', () => {
    expect(readCsv(path.join(out, 'offices.csv')).find((o) => o.meeting_id === office.meeting_id)?.notes).toBe(NOTE);
  });

  it('does not cut a row in two when a spreadsheet opens any CSV of the folder', () => {
    const csvs = fs.readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.csv'));
    expect(csvs).toEqual(expect.arrayContaining(['offices.csv', 'meetings.csv', 'notices.csv', 'requests.csv']));
    for (const f of csvs) {
      const rows = spreadsheetRows(fs.readFileSync(path.join(out, f), 'utf8'));
      // Every row has the header's cells: none was cut at a line break inside a cell.
      expect({ f, widths: [...new Set(rows)] }).toEqual({ f, widths: [rows[0]] });
    }
  });
});
