// awg's own folder after a spreadsheet re-saved it: dates as 7/14/2020 or 14/07/2020, times as
// 10:00 AM or 10:00:00, the BOM lost, CRLF and LF mixed, quotes added or removed, columns reordered,
// a column added, blank rows at the end. `awg check` must say the same and `awg update` must write
// the same derived files as for the folder as awg wrote it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { awgIn } from '../helpers/inproc.js';
import { fx, tmpDir } from '../helpers/run.js';

const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const DERIVED = ['meetings.csv', 'attendees.csv', 'days/2020-07-14.csv', 'days/2020-07-15.csv', 'days/2020-07-16.csv', 'contacts.csv', 'organizations.csv',
  'digital-advocacy.csv', 'unmatched.csv', 'priority.csv', 'coverage.csv', 'summary.json', 'schedule.xlsx', 'itineraries.html', 'rosters/2020-07-15.html',
  'meeting-sheets/2020-07-16.html'];

interface Resave {
  date: 'iso' | 'us' | 'us2' | 'eu';
  time: '24' | 'ampm' | 'seconds' | 'unpadded';
  bom: boolean;
  eol: Array<'\r\n' | '\n'>;
  quoteAll: boolean;
  order: number[];
  addColumn: boolean;
  blankRows: number;
}

const resave = fc.record<Resave>({
  date: fc.constantFrom('iso', 'us', 'us2', 'eu'),
  time: fc.constantFrom('24', 'ampm', 'seconds', 'unpadded'),
  bom: fc.boolean(),
  eol: fc.array(fc.constantFrom('\r\n' as const, '\n' as const), { minLength: 1, maxLength: 8 }),
  quoteAll: fc.boolean(),
  order: fc.array(fc.nat(), { minLength: 25, maxLength: 25 }),
  addColumn: fc.boolean(),
  blankRows: fc.nat(3),
});

function apply(file: string, r: Resave): void {
  const rows = parse(fs.readFileSync(file), { bom: true }) as string[][];
  const header = rows[0]!;
  const date = (d: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    if (!m) return d;
    const [, y, mo, da] = m;
    return r.date === 'us' ? `${Number(mo)}/${Number(da)}/${y}` : r.date === 'us2' ? `${mo}/${da}/${y!.slice(2)}` : r.date === 'eu' ? `${da}/${mo}/${y}` : d;
  };
  const time = (t: string) => {
    const m = /^(\d{2}):(\d{2})$/.exec(t);
    if (!m) return t;
    const h = Number(m[1]);
    return r.time === 'ampm' ? `${h % 12 || 12}:${m[2]} ${h < 12 ? 'AM' : 'PM'}` : r.time === 'seconds' ? `${t}:00` : r.time === 'unpadded' ? `${h}:${m[2]}` : t;
  };
  let table = rows.map((row, i) => (i === 0 ? row : row.map((c, k) => (header[k] === 'date' ? date(c) : /^(start|end|local_start|local_end)$/.test(header[k]!) ? time(c) : c))));
  // Columns reordered by sorting on the random keys; an added column of the organizer's own notes.
  const perm = header.map((_, k) => k).sort((a, b) => (r.order[a] ?? 0) - (r.order[b] ?? 0) || a - b);
  table = table.map((row) => perm.map((k) => row[k] ?? ''));
  if (r.addColumn) table = table.map((row, i) => [...row, i === 0 ? 'My notes' : `note ${i}`]);
  const lines = stringify([...table, ...Array.from({ length: r.blankRows }, () => table[0]!.map(() => ''))], { quoted: r.quoteAll, record_delimiter: '\n' }).split('\n').slice(0, -1);
  fs.writeFileSync(file, `${r.bom ? '\uFEFF' : ''}${lines.map((l, i) => l + r.eol[i % r.eol.length]).join('')}`);
}

let base = '';
let plain = '';
let reference: Array<[string, string, number | undefined, string]> = [];
const comparable = (stdout: string, dir: string) => (JSON.parse(stdout) as { problems: Array<{ code: string; severity: string; row?: number; message: string }> }).problems
  .filter((p) => p.code !== 'added-column')
  .map((p) => [p.code, p.severity, p.row, p.message.split(dir).join('DIR')] as [string, string, number | undefined, string]);

beforeAll(async () => {
  base = path.join(tmpDir(), 'schedule');
  expect((await awgIn(['schedule', ...inputs, '--out', base])).code).toBe(1);
  plain = path.join(tmpDir(), 'plain');
  fs.cpSync(base, plain, { recursive: true });
  expect((await awgIn(['update', '--schedule', plain])).code).toBe(0);
  reference = comparable((await awgIn(['check', '--schedule', base, '--json'])).stdout, base);
}, 120_000);

describe('a folder re-saved by a spreadsheet', () => {
  it('checks the same and updates to the same files', async () => {
    await fc.assert(fc.asyncProperty(resave, resave, async (rm, ra) => {
      const dir = path.join(tmpDir(), 'resaved');
      fs.cpSync(base, dir, { recursive: true });
      apply(path.join(dir, 'meetings.csv'), rm);
      apply(path.join(dir, 'attendees.csv'), ra);
      const c = await awgIn(['check', '--schedule', dir, '--json']);
      expect(c.code).toBe(0);
      expect(comparable(c.stdout, dir)).toEqual(reference);
      const u = await awgIn(['update', '--schedule', dir]);
      expect(u.code, u.stderr).toBe(0);
      // A column the organizer added is kept, after awg's, with its values on the same rows.
      const added = { 'meetings.csv': rm.addColumn, 'attendees.csv': ra.addColumn } as Record<string, boolean>;
      for (const f of DERIVED) {
        if (added[f]) {
          const rows = parse(fs.readFileSync(path.join(dir, f)), { bom: true }) as string[][];
          expect(rows.map((r) => r.at(-1))).toEqual(['My notes', ...rows.slice(1).map((_, i) => `note ${i + 1}`)]);
          expect(stringify(rows.map((r) => r.slice(0, -1)), { record_delimiter: '\r\n' })).toBe(stringify(parse(fs.readFileSync(path.join(plain, f)), { bom: true }) as string[][], { record_delimiter: '\r\n' }));
        } else if (f === 'schedule.xlsx' && (rm.addColumn || ra.addColumn)) {
          continue;
        } else {
          expect(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(plain, f))), f).toBe(true);
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}.previous`, { recursive: true, force: true });
    }), { seed: 1515, numRuns: 15 });
  }, 300_000);
});
