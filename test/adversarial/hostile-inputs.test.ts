// Hostile and odd input files, read through the built bin/awg in a child process whose peak memory is
// measured: devices and pipes, zip bombs, sheets that declare more than they hold, and text files in
// the encodings Excel writes. No run may pass 1 GB; each refusal exits 2, names the file and the cause.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { builtFile, expectNoStack, fx, ROOT, tmpDir, type Run } from '../helpers/run.js';

const GB = 1024 * 1024 * 1024;
/** A child past this is killed at once (the test then fails): a regression must not take the machine with it. */
const KILL_AT = 1.5 * GB;

interface Measured extends Run {
  peak: number;
}

/** Runs bin/awg in a child, with its peak RSS from the kernel (VmHWM, polled) and from the child itself at exit. */
async function awgMeasured(args: string[], cwd = ROOT, killAfterMs = 25_000): Promise<Measured> {
  builtFile('awg.mjs');
  const dir = tmpDir('awg-rss-');
  const hook = path.join(dir, 'rss.mjs');
  const out = path.join(dir, 'rss.txt');
  fs.writeFileSync(hook, `import fs from 'node:fs';\nprocess.on('exit', () => fs.writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS * 1024)));\n`);
  const child = spawn(process.execPath, ['--import', hook, path.join(ROOT, 'bin', 'awg'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let polled = 0;
  const status = `/proc/${child.pid}/status`;
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(status, 'utf8'));
      if (m) polled = Math.max(polled, Number(m[1]) * 1024);
      if (polled > KILL_AT) child.kill('SIGKILL');
    } catch { /* gone, or no /proc: the child's own count is used */ }
  }, 20);
  // A run that hangs (a pipe opened for reading waits for a writer) is killed, and the test fails.
  const stop = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  clearInterval(timer);
  clearTimeout(stop);
  const own = fs.existsSync(out) ? Number(fs.readFileSync(out, 'utf8')) : 0;
  fs.rmSync(dir, { recursive: true, force: true });
  const peak = Math.max(polled, own);
  if (process.env.AWG_SHOW_PEAK) console.log(`peak ${(peak / 2 ** 20).toFixed(0)} MB, exit ${code}: awg ${args.join(' ')}`);
  return { code, stdout, stderr, peak };
}

function expectRefused(r: Measured, file: string, cause: RegExp): void {
  expectNoStack(r);
  expect(r.stderr).not.toContain('This is a bug in awg');
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(file);
  expect(r.stderr).toMatch(cause);
  expect(r.peak, `peak memory ${(r.peak / 2 ** 20).toFixed(0)} MB`).toBeGreaterThan(0);
  expect(r.peak, `peak memory ${(r.peak / 2 ** 20).toFixed(0)} MB`).toBeLessThan(GB);
}

const schedule = (rsvps: string, out: string, targets = fx('targets.xlsx')) =>
  ['schedule', '--rsvps', rsvps, '--targets', targets, '--out', out];

// ---- A zip writer, so that each bomb is made here from a few lines rather than committed as a binary.
interface Part {
  name: string;
  /** The raw deflate stream (method 8) or the bytes themselves (method 0). */
  data: Buffer;
  method: 0 | 8;
  /** What the headers declare it expands to; 0 with `streamed` is what streaming writers put in the local header. */
  size: number;
  streamed?: boolean;
}

function zip(parts: Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(p.streamed ? 8 : 0, 6);
    h.writeUInt16LE(p.method, 8);
    h.writeUInt32LE(p.streamed ? 0 : p.data.length, 18);
    h.writeUInt32LE(p.streamed ? 0 : p.size, 22);
    h.writeUInt16LE(name.length, 26);
    const desc = Buffer.alloc(p.streamed ? 16 : 0);
    if (p.streamed) {
      desc.writeUInt32LE(0x08074b50, 0);
      desc.writeUInt32LE(p.data.length, 8);
      desc.writeUInt32LE(p.size, 12);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(p.streamed ? 8 : 0, 8);
    c.writeUInt16LE(p.method, 10);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, p.data, desc);
    central.push(c, name);
    offset += h.length + name.length + p.data.length + desc.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

/** The parts of a real workbook SheetJS writes, stored, with one of them replaced. */
function workbookParts(aoa: string[][], sheetName: string, bookType: 'xlsx' | 'ods', replace: Record<string, (xml: string) => Part | string>): Part[] {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), sheetName);
  const cfb = XLSX.CFB.read(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer, { type: 'buffer' });
  const parts: Part[] = [];
  cfb.FullPaths.forEach((full: string, i: number) => {
    const entry = cfb.FileIndex[i]!;
    if (entry.type !== 2 || !entry.content || full.endsWith('Sh33tJ5')) return;
    const name = full.replace(/^[^/]*\//, '');
    const data = Buffer.from(entry.content as Uint8Array);
    const r = replace[name]?.(data.toString());
    if (r === undefined) parts.push({ name, data, method: 0, size: data.length });
    else if (typeof r === 'string') parts.push({ name, data: Buffer.from(r), method: 0, size: Buffer.byteLength(r) });
    else parts.push({ ...r, name });
  });
  // The mimetype comes first in an .ods, stored.
  return parts.sort((a, b) => (a.name === 'mimetype' ? -1 : b.name === 'mimetype' ? 1 : 0));
}

/**
 * A deflate stream that expands to `head`, `megabytes` MB of `filler`, then `tail`: each piece ends in
 * a full flush (no dictionary carried over), so one compressed megabyte is repeated, never the whole.
 */
function deflatedRun(head: string, filler: string, megabytes: number, tail: string): { data: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const mb = filler.repeat(Math.ceil((1 << 20) / filler.length)).slice(0, 1 << 20);
  const block = zlib.deflateRawSync(mb, flush);
  const data = Buffer.concat([zlib.deflateRawSync(head, flush), ...Array.from({ length: megabytes }, () => block), zlib.deflateRawSync(tail)]);
  return { data, size: Buffer.byteLength(head) + megabytes * (1 << 20) + Buffer.byteLength(tail) };
}

const TARGETS = [['State', 'District', 'Member'], ['IL', '5', 'Rep. Mike Quigley'], ['IL', '9', 'Rep. Jan Schakowsky']];
const SHEET = 'Target Representatives';

/** targets.xlsx whose sheet XML is row 1 and 2, then `megabytes` MB of empty rows: a zip bomb of a few MB. */
function bombXlsx(megabytes: number, declare: (real: number) => { size: number; streamed?: boolean }): Buffer {
  return zip(workbookParts(TARGETS, SHEET, 'xlsx', {
    'xl/worksheets/sheet1.xml': (xml) => {
      const at = xml.indexOf('</sheetData>');
      const run = deflatedRun(xml.slice(0, at), '<row/>', megabytes, xml.slice(at));
      return { name: '', data: run.data, method: 8, ...declare(run.size) };
    },
  }));
}

describe('a device, a pipe or a /proc file where an input should be', () => {
  it('--rsvps /dev/zero is refused at once, naming it, instead of filling the memory', async () => {
    const dir = tmpDir();
    const r = await awgMeasured(schedule('/dev/zero', path.join(dir, 'out')));
    expectRefused(r, '/dev/zero', /is a device, not a file awg can read/);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a named pipe given as the RSVPs is refused without waiting for a writer', async () => {
    const dir = tmpDir();
    const fifo = path.join(dir, 'rsvps.csv');
    execFileSync('mkfifo', [fifo]);
    const r = await awgMeasured(schedule(fifo, path.join(dir, 'out')), ROOT, 5_000);
    expectRefused(r, fifo, /is a pipe \(FIFO\)/);
  });

  it('a file that reports its size as 0 (/proc) is still held to maxInputMB, counted while reading', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'awg.config.json'), JSON.stringify({ maxInputMB: 0.001 }));
    expect(fs.statSync('/proc/self/maps').size).toBe(0);
    const r = await awgMeasured(schedule('/proc/self/maps', path.join(dir, 'out')), dir);
    expectRefused(r, '/proc/self/maps', /holds more than 0\.001 MB, over the 0\.001 MB limit/);
  });

  it('a folder whose awg-folder.json records /dev/zero as its RSVPs cannot make awg check fill the memory', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out');
    const made = await awgMeasured(schedule(fx('rsvps-google-forms.csv'), out));
    expect([0, 1]).toContain(made.code);
    const desc = path.join(out, 'awg-folder.json');
    const json = JSON.parse(fs.readFileSync(desc, 'utf8')) as { inputs: { rsvps: { path: string } } };
    json.inputs.rsvps.path = '/dev/zero';
    fs.writeFileSync(desc, JSON.stringify(json));
    const r = await awgMeasured(['check', '--schedule', out]);
    expectRefused(r, '/dev/zero', /is a device/);
  });
});

describe('workbooks that expand past what they are', () => {
  it('a 5 MB targets.xlsx that would expand to 3 GB is refused before it is opened, saying so', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'targets.xlsx');
    fs.writeFileSync(file, bombXlsx(3000, (size) => ({ size })));
    expect(fs.statSync(file).size).toBeLessThan(5 * 2 ** 20);
    const r = await awgMeasured(schedule(fx('rsvps-google-forms.csv'), path.join(dir, 'out'), file));
    expectRefused(r, 'targets.xlsx', /is too large to read: its \d\.\d MB would expand to 3000 MB, over the 200 MB limit/);
  });

  it('a zip bomb that declares a small size is held to it, not inflated to the end', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'targets.xlsx');
    fs.writeFileSync(file, bombXlsx(3000, () => ({ size: 50_000 })));
    const r = await awgMeasured(schedule(fx('rsvps-google-forms.csv'), path.join(dir, 'out'), file));
    expectRefused(r, 'targets.xlsx', /its part xl\/worksheets\/sheet1\.xml expands past the 50000 bytes it declares/);
  });

  it('a zip bomb written as a stream (no size in its header, where SheetJS would grow without end) is stopped at the limit', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'targets.xlsx');
    fs.writeFileSync(file, bombXlsx(3000, () => ({ size: 0, streamed: true })));
    const r = await awgMeasured(schedule(fx('rsvps-google-forms.csv'), path.join(dir, 'out'), file));
    expectRefused(r, 'targets.xlsx', /expand to more than 200 MB, over the 200 MB limit/);
  });

  it('an .ods whose one row is repeated 1,048,576 times over 1,024 columns is refused by its cell count', async () => {
    const dir = tmpDir();
    const ods = (repeat: boolean) => zip(workbookParts(TARGETS, SHEET, 'ods', {
      'content.xml': (xml) => (!repeat ? xml : xml
        .replace(/<table:table-row>(?=\s*<table:table-cell[^>]*><text:p>IL<\/text:p>)/, '<table:table-row table:number-rows-repeated="1048576">')
        .replace(/<table:table-cell office:value-type="string">(?=<text:p>IL<)/, '<table:table-cell office:value-type="string" table:number-columns-repeated="1024">')),
    }));
    // The same file without the repeats is a targets workbook awg reads.
    const plain = path.join(dir, 'plain.ods');
    fs.writeFileSync(plain, ods(false));
    const ok = await awgMeasured(schedule(fx('rsvps-google-forms.csv'), path.join(dir, 'ok'), plain));
    expect([0, 1], ok.stderr).toContain(ok.code);
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'ok', 'summary.json'), 'utf8')) as { officesTotal: number }).officesTotal).toBe(2);
    const file = path.join(dir, 'targets.ods');
    fs.writeFileSync(file, ods(true));
    expect(fs.readFileSync(file).toString()).toContain('number-rows-repeated="1048576"');
    const r = await awgMeasured(schedule(fx('rsvps-google-forms.csv'), path.join(dir, 'out'), file));
    expectRefused(r, 'targets.ods', /is too large to read: its sheets hold 1,07\d,\d{3},\d{3} cells, over the 3,000,000/);
  });
});

describe('a sheet that declares far more than it holds', () => {
  it('a targets sheet declaring A1:XFD1048576, with one stray cell at XFD1048576, is read by its real cells and finds the header in row 1', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'targets.xlsx');
    fs.writeFileSync(file, zip(workbookParts(TARGETS, SHEET, 'xlsx', {
      'xl/worksheets/sheet1.xml': (xml) => xml
        .replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
    })));
    const out = path.join(dir, 'out');
    const r = await awgMeasured(schedule(fx('rsvps-google-forms.csv'), out, file));
    expectNoStack(r);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(/no header row|too large/);
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')) as { officesTotal: number };
    expect(summary.officesTotal).toBe(2);
    expect(r.peak).toBeLessThan(GB);
  });
});

// ---- Text files in the encodings Excel and other tools write.

/** Windows-1252's own 27 characters, with their bytes (from the code page's published table). */
const CP1252: Array<[number, string]> = [
  [0x80, '€'], [0x82, '‚'], [0x83, 'ƒ'], [0x84, '„'], [0x85, '…'], [0x86, '†'], [0x87, '‡'], [0x88, 'ˆ'], [0x89, '‰'],
  [0x8a, 'Š'], [0x8b, '‹'], [0x8c, 'Œ'], [0x8e, 'Ž'], [0x91, '‘'], [0x92, '’'], [0x93, '“'], [0x94, '”'], [0x95, '•'],
  [0x96, '–'], [0x97, '—'], [0x98, '˜'], [0x99, '™'], [0x9a, 'š'], [0x9b, '›'], [0x9c, 'œ'], [0x9e, 'ž'], [0x9f, 'Ÿ'],
];

function encodeCp1252(text: string): Buffer {
  const own = new Map(CP1252.map(([b, c]) => [c, b]));
  return Buffer.from(Array.from(text, (c) => {
    const b = own.get(c) ?? c.charCodeAt(0);
    if (b > 0xff) throw new Error(`${c} is not in Windows-1252`);
    return b;
  }));
}

const RSVPS_1252 = [
  'Email,First Name,Last Name,State,ZIP Code,Availability,Organization',
  'ana@example.org,Ana,López,IL,60614,Tue 10am-12pm,Café “Nuestra Voz” – Chicago',
  'siobhan@example.org,Siobhán,O’Brien,IL,60614,Tue 10am-12pm,Saint Patrick’s',
  `ben@example.org,Ben,Okafor,IL,60614,Tue 10am-12pm,${CP1252.map(([, c]) => c).join('')}`,
].join('\r\n') + '\r\n';

/** Runs awg schedule on `bytes` saved as rsvps.csv in a folder of its own, and returns the run and the folder. */
async function scheduleBytes(bytes: Buffer): Promise<Measured & { out: string }> {
  const dir = tmpDir();
  const file = path.join(dir, 'rsvps.csv');
  fs.writeFileSync(file, bytes);
  const out = path.join(dir, 'out');
  const r = await awgMeasured([...schedule(file, out), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')], dir);
  expectNoStack(r);
  expect([0, 1], r.stderr).toContain(r.code);
  return { ...r, out };
}

const read = (out: string, name: string) => fs.readFileSync(path.join(out, name));

describe('a CSV saved by Excel on Windows (Windows-1252)', () => {
  it("keeps O’Brien's apostrophe and every one of the code page's 27 characters, as the same file in UTF-8 does, and says what it took the file for", async () => {
    const utf8 = await scheduleBytes(Buffer.from(RSVPS_1252));
    const cp = await scheduleBytes(encodeCp1252(RSVPS_1252));
    const attendees = read(cp.out, 'attendees.csv').toString();
    expect(attendees).toContain('O’Brien');
    expect(attendees).toContain(CP1252.map(([, c]) => c).join(''));
    expect(attendees).not.toMatch(/[\x80-\x9f]/);
    expect(read(cp.out, 'attendees.csv').equals(read(utf8.out, 'attendees.csv'))).toBe(true);
    expect(cp.stderr).toMatch(/rsvps\.csv: read as Windows-1252 \(Excel on Windows\)/);
    expect(utf8.stderr).not.toMatch(/read as (UTF|Windows)/);
  }, 60_000);
});

describe('a UTF-16 export', () => {
  const text = fs.readFileSync(fx('rsvps-google-forms.csv'), 'utf8').replace(/^\uFEFF/, '');
  const le = Buffer.from(text, 'utf16le');

  it('UTF-16LE without a BOM gives the same attendees.csv, byte for byte, as the UTF-8 file (no doubled rows), and says so', async () => {
    const utf8 = await scheduleBytes(Buffer.from(text));
    const noBom = await scheduleBytes(le);
    const withBom = await scheduleBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]));
    const be = await scheduleBytes(Buffer.from(le).swap16());
    for (const r of [noBom, withBom, be]) {
      expect(read(r.out, 'attendees.csv').equals(read(utf8.out, 'attendees.csv'))).toBe(true);
      expect(read(r.out, 'summary.json').toString()).toBe(read(utf8.out, 'summary.json').toString());
    }
    expect(noBom.stderr).toMatch(/rsvps\.csv: read as UTF-16LE text without a byte-order mark/);
    expect(be.stderr).toMatch(/rsvps\.csv: read as UTF-16BE text without a byte-order mark/);
    expect(withBom.stderr).not.toMatch(/read as (UTF|Windows)/);
  }, 90_000);

  it('a file with NUL bytes that is no UTF-16 text is refused as not a text table, not read as garbled rows', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'rsvps.csv');
    const bytes = Buffer.from(text);
    for (let i = 5; i < bytes.length; i += 7) bytes[i] = 0;
    fs.writeFileSync(file, bytes);
    const r = await awgMeasured(schedule(file, path.join(dir, 'out')));
    expectRefused(r, file, /is not a text table: it holds NUL bytes/);
  });
});
