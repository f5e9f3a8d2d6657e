// A large workbook is made on a worker thread (the built one, dist/: from source there is no worker to
// start) and must be byte for byte the workbook made on the main thread.
import { describe, expect, it } from 'vitest';
import { builtFile } from '../helpers/run.js';
import * as XLSX from 'xlsx';
import type { DataTable } from '../../src/render/table.js';

describe('the workbook on a worker thread', () => {
  it('gives the same bytes as the main thread for 300,000 cells, and SheetJS reads every cell back', async () => {
    builtFile('render/workbook-worker.js');
    const { workbookMaker } = (await import(builtFile('render/workbook-thread.js'))) as typeof import('../../src/render/workbook-thread.js');
    const { toWorkbook } = (await import(builtFile('render/xlsx.js'))) as typeof import('../../src/render/xlsx.js');
    const table: DataTable = {
      name: 'Attendees', columns: ['meeting_id', 'date', 'start', 'first_name', 'last_name', 'email', 'organization', 'story', 'rsvp_row', 'notes'],
      rows: Array.from({ length: 30_000 }, (_, i) => [`M${i % 500}`, '2020-07-14', '10:30', `Ana ${i}`, 'López', `ana${i}@example.org`, i % 3 ? 'CRLN' : '', '=cmd|x', i + 2, '']),
      dateColumns: ['date'], timeColumns: ['start'],
    };
    const maker = workbookMaker(() => { throw new Error('the worker failed: the tables were made again'); });
    maker.add(table);
    const made = maker.take();
    expect(Buffer.from(made).equals(Buffer.from(toWorkbook([table])))).toBe(true);
    const back = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(made).Sheets.Attendees!, { header: 1, raw: false });
    expect(back).toHaveLength(30_001);
    expect(back[30_000]).toEqual(['M499', '2020-07-14', '10:30', 'Ana 29999', 'López', 'ana29999@example.org', 'CRLN', '=cmd|x', '30001']);
  });
});
