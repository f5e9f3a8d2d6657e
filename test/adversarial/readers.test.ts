// Hostile and broken inputs, for every reader: awg never ends in a stack trace or an "unexpected
// failure"; it exits 0, 1 or 2, and when it refuses it names the file; its work is bounded by what
// the files really hold; it never leaves a partial output folder and never changes an input file.
// Every property runs from a fixed seed; on a failure fast-check prints `{ seed, path }`, and passing
// them to fc.assert replays exactly that case.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awgIn, cleanInputs, hash, scheduleArgs } from '../helpers/inproc.js';
import { fx } from '../helpers/run.js';

type Kind = 'rsvps' | 'targets' | 'zips' | 'staff' | 'confirmed' | 'config';
const NAMES: Record<Kind, string> = { rsvps: 'rsvps.csv', targets: 'targets.xlsx', zips: 'zips.csv', staff: 'staff.csv', confirmed: 'confirmed.csv', config: 'awg.config.json' };

/** Replaces one input with `bytes` (under `name`), runs awg schedule, and checks every property. */
async function hostile(kind: Kind, bytes: Uint8Array | string, name = NAMES[kind]) {
  const inp = cleanInputs();
  const target = path.join(inp.dir, name);
  if (target !== inp[kind]) fs.rmSync(inp[kind]);
  fs.writeFileSync(target, bytes);
  const files = { ...inp, [kind]: target };
  const before = new Map(Object.entries(files).filter(([k]) => k !== 'dir').map(([, f]) => [f, hash(f)]));
  const out = path.join(inp.dir, 'out', 'schedule');
  const r = await awgIn(scheduleArgs(files, out));
  expect([0, 1, 2], r.stderr).toContain(r.code);
  expect(r.stderr).not.toContain('unexpected failure');
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  if (r.code === 2) expect(r.stderr, `exit 2 must name ${name}`).toContain(name);
  if (r.code === 1 && !fs.existsSync(out)) expect(r.stderr, `exit 1 must name ${name}`).toContain(name);
  // Either the whole folder was written, or none of it; no temporary folder is left behind.
  if (fs.existsSync(out)) expect(fs.existsSync(path.join(out, 'summary.json'))).toBe(true);
  if (fs.existsSync(path.dirname(out))) expect(fs.readdirSync(path.dirname(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  for (const [f, h] of before) expect(hash(f), `${f} was changed`).toBe(h);
  // A bound on the work, not on the clock (a busy machine must not fail a test; speed is measured by
  // `npm run bench`): every row costs at least one byte of its file, so awg never handles more rows than
  // that. A declared sheet range or a hostile cell that made it walk phantom rows would break this.
  if (fs.existsSync(out)) {
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')) as { rsvp_rows: number; offices_total: number };
    expect(summary.rsvp_rows, 'RSVP rows handled').toBeLessThanOrEqual(fs.statSync(files.rsvps).size);
    expect(summary.offices_total, 'target offices handled').toBeLessThanOrEqual(fs.statSync(files.targets).size);
  }
  fs.rmSync(inp.dir, { recursive: true, force: true });
  return r;
}

const nasty = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '=1+1', '+1', '-1', '@SUM(A1)', '\t', '\r', '"', '""', ',', ';', '|', '\n', '\u0000', '<script>alert(1)</script>', '🌞', 'Email', 'State', 'ZIP Code', 'District', 'Member', 'Senator', 'Date', 'Start', 'Name', 'cd', 'zcta', 'state_fips', 'GEOID_CD119_20', 'GEOID_ZCTA5_20', '60614', 'IL', 'IL-05', '2020-07-14', '11:00', 'Tue 10am-12pm', '');
const cell = fc.oneof(nasty, fc.string({ maxLength: 12 }));
// The line ending is drawn by the property itself (not by fc.sample, which has its own random seed), so a seed replays a case exactly.
const csvText = (sep: string) => fc.tuple(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
  .map(([rows, eol]) => rows.map((r) => r.join(sep)).join(eol));

describe.each(['rsvps', 'targets', 'zips', 'staff', 'confirmed', 'config'] as const)('the %s reader', (kind) => {
  it('survives random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
      await hostile(kind, bytes);
    }), { numRuns: 12, seed: 20_201_107 });
  });

  it('survives delimited text made of hostile cells', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(csvText(','), csvText('\t'), csvText('|'), fc.json()), async (text) => {
      await hostile(kind, text);
    }), { numRuns: 15, seed: 20_200_714 });
  });
});

describe('fixed hostile cases', () => {
  const xlsx = (sheets: Record<string, XLSX.WorkSheet>) => {
    const wb = XLSX.utils.book_new();
    for (const [n, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, n);
    return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  };

  it('a truncated workbook is refused with exit 2, naming it', async () => {
    const bytes = fs.readFileSync(fx('targets.xlsx'));
    const r = await hostile('targets', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('targets.xlsx is not a spreadsheet awg can open');
  });

  it('a corrupt workbook is refused or read, never crashes', async () => {
    const bytes = Buffer.from(fs.readFileSync(fx('targets.xlsx')));
    for (let i = 200; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0x5a;
    await hostile('targets', bytes);
  });

  it('a workbook that declares a huge sheet is read by its real cells', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['State', 'District', 'Member'], ['IL', '5', 'Rep. A']]);
    // Declare the largest sheet Excel allows in the file itself (SheetJS would try to write every cell).
    const zip = XLSX.CFB.read(Buffer.from(xlsx({ 'Target Representatives': ws })), { type: 'buffer' });
    zip.FullPaths.forEach((p: string, i: number) => {
      const entry = zip.FileIndex[i]!;
      if (!/worksheets\/sheet1\.xml$/.test(p)) return;
      entry.content = Buffer.from(Buffer.from(entry.content as Uint8Array).toString().replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>'));
      entry.size = entry.content.length;
    });
    const huge = new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
    const r = await hostile('targets', huge);
    expect([0, 1]).toContain(r.code);
  });

  it('an RSVP row with 100,000 columns', async () => {
    const wide = `Email,Name,State,${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\nana@example.org,Ana,IL\n`;
    const r = await hostile('rsvps', wide);
    expect([0, 1]).toContain(r.code);
  });

  it('a 10 MB field', async () => {
    const r = await hostile('rsvps', `Email,Name,State,Note\nana@example.org,Ana,IL,"${'x'.repeat(10 * 1024 * 1024)}"\n`);
    expect([0, 1]).toContain(r.code);
  });

  it('unbalanced quotes', async () => {
    const r = await hostile('rsvps', 'Email,Name,State\n"ana@example.org,Ana,IL\nben@example.org,"Ben,IL\n');
    expect([1, 2]).toContain(r.code);
  });

  it('NUL bytes', async () => {
    await hostile('rsvps', 'Email,Name,State\u0000\nana@exa\u0000mple.org,A\u0000na,IL\n');
  });

  it('headers named __proto__, constructor and toString pollute nothing', async () => {
    for (const kind of ['rsvps', 'staff', 'confirmed', 'zips'] as const) {
      const r = await hostile(kind, '__proto__,constructor,toString,Email,Name,State\n{"polluted":1},x,y,ana@example.org,Ana,IL\n');
      expect([0, 1, 2]).toContain(r.code);
    }
    await hostile('config', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('duplicate headers use the first column', async () => {
    const r = await hostile('rsvps', 'Email,Email,Name,State,ZIP\nana@example.org,other@example.org,Ana,IL,60614\n');
    expect(r.code).toBe(0);
  });

  it('cells holding formulas are read as their values', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['State', 'Senator'], ['IL', 'x']]);
    ws.B2 = { t: 's', v: 'Sen. Dalton', f: 'HYPERLINK("http://evil.example","Sen. Dalton")' };
    const r = await hostile('targets', xlsx({ 'Target Senators': ws }));
    expect([0, 1]).toContain(r.code);
  });

  it.each(['rsvps', 'targets', 'zips', 'staff', 'confirmed', 'config'] as const)('an empty %s file', async (kind) => {
    const r = await hostile(kind, '');
    if (kind !== 'config') expect([1, 2]).toContain(r.code);
  });

  it('a folder where a file should be', async () => {
    const inp = cleanInputs();
    const r = await awgIn(scheduleArgs({ ...inp, rsvps: inp.dir }, path.join(inp.dir, 'out')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a folder, not a file');
  });

  it('an input over the size limit is refused', async () => {
    const inp = cleanInputs();
    fs.writeFileSync(inp.config, JSON.stringify({ maxInputMB: 0.0001 }));
    const r = await awgIn(scheduleArgs(inp, path.join(inp.dir, 'out')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is \d+ MB, over the 0.0001 MB limit|over the 0\.0001 MB limit/);
  });
});
