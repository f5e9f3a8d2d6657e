// schedule.xlsx as an organizer opens it, since awg writes it itself (issue 24) instead of through SheetJS:
// every sheet and every cell as SheetJS's writer gave them (values, numbers as numbers, dates and times as
// date cells with their formats), a participant's `=1+1` still plain text, and at scale the long
// per-person lists in their CSV files only, named in the workbook.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import type { DataTable } from '../../src/render/table.js';
import { awgIn, cleanInputs, scheduleArgs } from '../helpers/inproc.js';
import { awg, expectNoStack, fx, ROOT, tmpDir } from '../helpers/run.js';
import { sheetjsWorkbook } from '../helpers/sheetjs-workbook.js';

/** The tables each run's workbook was written from, in sheet order (run in this process: every sheet is written here). */
const written = vi.hoisted(() => [] as DataTable[]);
vi.mock('../../src/render/xlsx.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/xlsx.js')>();
  return { ...real, writeSheet: (...args: Parameters<typeof real.writeSheet>) => (written.push(args[0]), real.writeSheet(...args)) };
});

const demo = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];

type Cells = Record<string, { ref?: string; cells: Record<string, unknown[]> }>;
/** Every sheet's range and every cell as SheetJS reads it: type, value, number format, the text shown. */
function readBack(bytes: Uint8Array): Cells {
  const wb = XLSX.read(bytes, { cellNF: true });
  return Object.fromEntries(wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]!;
    const cells = Object.fromEntries(Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([k, c]) => {
      const cell = c as XLSX.CellObject;
      return [k, [cell.t, cell.v, cell.z, cell.w, cell.f]];
    }));
    return [name, { ref: ws['!ref'], cells }];
  }));
}

/** awg schedule run here, and the tables its workbook was written from. */
async function scheduleHere(args: string[]) {
  written.length = 0;
  const out = path.join(tmpDir(), 'schedule');
  const r = await awgIn(['schedule', ...args, '--out', out]);
  expect([0, 1], r.stderr).toContain(r.code);
  return { out, tables: [...written], workbook: fs.readFileSync(path.join(out, 'schedule.xlsx')) };
}

function sameAsSheetjs(made: { tables: DataTable[]; workbook: Uint8Array }): number {
  const now = readBack(made.workbook);
  const before = readBack(sheetjsWorkbook(made.tables));
  expect(Object.keys(now)).toEqual(Object.keys(before));
  let cells = 0;
  for (const [name, sheet] of Object.entries(before)) {
    expect(now[name]!.ref, name).toBe(sheet.ref);
    expect(now[name]!.cells, name).toEqual(sheet.cells);
    cells += Object.keys(sheet.cells).length;
  }
  return cells;
}

describe('schedule.xlsx', () => {
  it('the demo workbook has every sheet and cell it had from SheetJS: numbers as numbers, dates and times as dates', async () => {
    const made = await scheduleHere(demo);
    expect(made.tables.map((t) => t.name)).toEqual(['Meetings', '2020-07-14', '2020-07-15', '2020-07-16', 'Attendees', 'Contacts', 'Organizations', 'Digital advocacy', 'Unmatched', 'Priority participants', 'Coverage']);
    expect(sameAsSheetjs(made)).toBeGreaterThan(3000);
    const meetings = XLSX.read(made.workbook, { cellNF: true }).Sheets.Meetings!;
    expect([meetings.B2?.t, meetings.B2?.z, meetings.C2?.t, meetings.C2?.z, meetings.J2?.t]).toEqual(['n', 'yyyy-mm-dd', 'n', 'hh:mm', 'n']);
  });

  it('a 10,000-RSVP event\'s workbook has every sheet and cell it had from SheetJS', async () => {
    const { makeLarge } = (await import(path.join(ROOT, 'scripts', 'make-large.mjs'))) as { makeLarge: (n: number, dir: string) => Record<'rsvps' | 'targets' | 'zips' | 'staff', string> };
    const f = makeLarge(10_000, tmpDir());
    const made = await scheduleHere(['--rsvps', f.rsvps, '--targets', f.targets, '--zip-districts', f.zips, '--staff', f.staff]);
    expect(made.tables.find((t) => t.name === 'Priority participants')?.rows).toHaveLength(10_000);
    expect(sameAsSheetjs(made)).toBeGreaterThan(300_000);
  }, 300_000);

  // 100,000 RSVPs take minutes here: run with AWG_WORKBOOK_100K=1 (the benchmark's event; the per-person lists are then CSV-only).
  it.runIf(process.env.AWG_WORKBOOK_100K === '1')('a 100,000-RSVP event\'s workbook has every sheet and cell it had from SheetJS but the CSV-only lists', async () => {
    const { makeLarge } = (await import(path.join(ROOT, 'scripts', 'make-large.mjs'))) as { makeLarge: (n: number, dir: string) => Record<'rsvps' | 'targets' | 'zips' | 'staff', string> };
    const f = makeLarge(100_000, tmpDir());
    const made = await scheduleHere(['--rsvps', f.rsvps, '--targets', f.targets, '--zip-districts', f.zips, '--staff', f.staff]);
    const names = made.tables.map((t) => t.name);
    expect(names).not.toContain('Priority participants');
    expect(names.at(-1)).toBe('CSV only');
    expect(sameAsSheetjs(made)).toBeGreaterThan(100_000);
  }, 900_000);

  it('a participant\'s name or organization starting with = + - @ is plain text in the workbook, never a formula', async () => {
    const inp = cleanInputs();
    fs.writeFileSync(inp.rsvps, 'Email,First Name,Last Name,Organization,State,ZIP Code,Availability\r\n'
      + 'ana@example.org,=1+1,+1,@SUM(A1),IL,60614,Tue 10am-12pm\r\nben@example.org,-1,"=HYPERLINK(""http://evil.example"",""x"")",\t=2,IL,60201,\r\n');
    const out = path.join(inp.dir, 'out');
    const r = await awgIn(scheduleArgs(inp, out));
    expect([0, 1], r.stderr).toContain(r.code);
    const wb = XLSX.read(fs.readFileSync(path.join(out, 'schedule.xlsx')), { cellFormula: true });
    const texts = new Map<string, XLSX.CellObject>();
    for (const ws of Object.values(wb.Sheets)) for (const [k, c] of Object.entries(ws)) if (!k.startsWith('!')) texts.set(String((c as XLSX.CellObject).v), c as XLSX.CellObject);
    for (const typed of ['=1+1', '+1', '@SUM(A1)', '-1', '=HYPERLINK("http://evil.example","x")']) {
      const cell = texts.get(typed);
      expect(cell, typed).toBeDefined();
      expect([cell!.t, cell!.f], typed).toEqual(['s', undefined]);
    }
  });

  it('above workbookMaxRows a per-person list is in its CSV only, and the workbook\'s "CSV only" sheet names the file', () => {
    const dir = tmpDir();
    const config = path.join(dir, 'awg.config.json');
    // The demo's organizations (28 rows) and priority list (30) are over 10 rows; its digital advocacy (6) is not.
    fs.writeFileSync(config, JSON.stringify({ workbookMaxRows: 10 }));
    const runs = ['a', 'b'].map((name) => {
      const r = awg(['schedule', ...demo, '--config', config, '--out', path.join(dir, name)]);
      expectNoStack(r);
      expect(r.code, r.stderr).toBe(1);
      return fs.readFileSync(path.join(dir, name, 'schedule.xlsx'));
    });
    // Deterministic: the same inputs give the same bytes (no time in the zip).
    expect(runs[1]!.equals(runs[0]!)).toBe(true);
    const wb = XLSX.read(runs[0]);
    expect(wb.SheetNames).toEqual(['Meetings', '2020-07-14', '2020-07-15', '2020-07-16', 'Attendees', 'Contacts', 'Digital advocacy', 'Unmatched', 'Coverage', 'CSV only']);
    const note = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['CSV only']!);
    const csvRows = (file: string) => (parse(fs.readFileSync(path.join(dir, 'a', file)), { bom: true }) as unknown[]).length - 1;
    expect(note.map((n) => [n.List, n.File, n.Rows])).toEqual([['Organizations', 'organizations.csv', csvRows('organizations.csv')], ['Priority participants', 'priority.csv', csvRows('priority.csv')]]);
    expect(String(note[0]!.Why)).toContain('more than 10 rows (workbookMaxRows');
    // Below the line nothing changes: the default config keeps every list in the workbook.
    const full = awg(['schedule', ...demo, '--out', path.join(dir, 'default')]);
    expect(full.code).toBe(1);
    expect(XLSX.read(fs.readFileSync(path.join(dir, 'default', 'schedule.xlsx'))).SheetNames).toContain('Priority participants');
  });
});
