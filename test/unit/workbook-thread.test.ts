// A large workbook's later sheets are written on a worker thread (the built one, dist/: from source there
// is no worker to start); the workbook must be byte for byte the one written all on the main thread.
import { describe, expect, it } from 'vitest';
import { builtFile } from '../helpers/run.js';
import * as XLSX from 'xlsx';
import type { DataTable } from '../../src/render/table.js';

const attendees = (n: number): DataTable => ({
  name: 'Attendees', columns: ['meeting_id', 'date', 'start', 'first_name', 'last_name', 'email', 'organization', 'story', 'rsvp_row', 'notes'],
  rows: Array.from({ length: n }, (_, i) => [`M${i % 500}`, '2020-07-14', '10:30', `Ana ${i}`, 'López', `ana${i}@example.org`, i % 3 ? 'CRLN' : '', '=cmd|x', i + 2, '']),
  dateColumns: ['date'], timeColumns: ['start'],
});

describe('the workbook on a worker thread', () => {
  it('gives the same bytes as the main thread for 300,000 cells over three sheets, and SheetJS reads every cell back', async () => {
    builtFile('render/workbook-worker.js');
    const { workbookMaker } = (await import(builtFile('render/workbook-thread.js'))) as typeof import('../../src/render/workbook-thread.js');
    const { toWorkbook } = (await import(builtFile('render/xlsx.js'))) as typeof import('../../src/render/xlsx.js');
    const small: DataTable = { name: 'Meetings', columns: ['meeting_id', 'date'], rows: [['M1', '2020-07-14']], dateColumns: ['date'] };
    const big = attendees(30_000);
    const after: DataTable = { ...attendees(10), name: 'Coverage' };
    const made = () => {
      const maker = workbookMaker(() => { throw new Error('the worker failed: the tables were made again'); });
      // Past the line at the second table: the worker is given the first and writes all three.
      for (const t of [small, big, after]) maker.add(t);
      return Buffer.concat(maker.take());
    };
    const first = made();
    // The worker did write sheets (its time is measured only from its answer).
    expect(performance.getEntriesByName('awg:workbook-worker')).toHaveLength(1);
    expect(first.equals(Buffer.from(toWorkbook([small, big, after])))).toBe(true);
    // Two runs through the worker give the same bytes: nothing in the zip depends on the time or the thread.
    expect(made().equals(first)).toBe(true);
    const wb = XLSX.read(first);
    expect(wb.SheetNames).toEqual(['Meetings', 'Attendees', 'Coverage']);
    const back = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Attendees!, { header: 1, raw: false });
    expect(back).toHaveLength(30_001);
    expect(back[30_000]).toEqual(['M499', '2020-07-14', '10:30', 'Ana 29999', 'López', 'ana29999@example.org', 'CRLN', '=cmd|x', '30001']);
  });
});
