// Looks inside a workbook's zip before SheetJS opens it: a 2 MB .xlsx can expand to gigabytes (a zip
// bomb), and SheetJS inflates every part up front, allocating what a part declares and growing without
// bound when it declares nothing. Entries are read exactly as SheetJS's zip reader reads them, so the
// parts checked are the parts it would inflate.
import zlib from 'node:zlib';
import { UsageError } from '../problems.js';
import { countCells } from './zip-cells.js';

export interface ZipLimits {
  /** The most the parts may expand to, together (maxInputMB, in bytes). */
  maxBytes: number;
  /** The most filled cells (and shared strings) the sheets may hold: SheetJS takes about 250 bytes for each. */
  maxCells: number;
}

interface Entry {
  name: string;
  method: number;
  dataStart: number;
  /** The larger of the sizes the central directory and the local header declare (0: none). */
  declared: number;
  /** The size SheetJS inflates into (the local header's): 0 makes it grow to whatever comes. */
  localSize: number;
  /** The local header's compressed size: what SheetJS takes of a stored part. */
  stored: number;
}

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

/** Refuses (exit 2) a workbook whose parts expand past the limits, naming the file and what it would expand to. */
export function checkWorkbookZip(bytes: Uint8Array, file: string, limits: ZipLimits): void {
  const damaged = (why: string) => new UsageError(`${file} is not a spreadsheet awg can open (${why}).`,
    'Open it in Excel or Google Sheets and save it again as .xlsx, or export the sheet as CSV.');
  const entries = readEntries(bytes, damaged);
  if (entries.some((e) => /\.iwa$/i.test(e.name))) {
    throw new UsageError(`${file} is an Apple Numbers file, which awg does not read.`, 'In Numbers, export the sheet as .xlsx or CSV.');
  }
  const declared = entries.reduce((s, e) => s + e.declared, 0);
  const tooBig = (what: string) => new UsageError(
    `${file} is too large to read: ${what}, over the ${mb(limits.maxBytes)} limit (maxInputMB holds for what a workbook expands to, too).`,
    'If it is a real export, export the sheet as CSV (awg reads large CSV files faster), or raise maxInputMB in awg.config.json.');
  if (declared > limits.maxBytes) throw tooBig(`its ${mb(bytes.length)} would expand to ${mb(declared)}`);

  let expanded = 0;
  let cells = 0;
  for (const e of entries) {
    if (e.method === 0) {
      cells += countCells(e.name, Buffer.from(bytes.buffer, bytes.byteOffset + e.dataStart, Math.max(0, Math.min(e.stored, bytes.length - e.dataStart))));
      continue;
    }
    if (e.method !== 8) continue;
    const room = limits.maxBytes - expanded;
    // A part may not expand past the size it declares: SheetJS would cut it there, or never stop.
    const allowed = e.localSize > 0 ? Math.min(e.localSize, room) : room;
    let part: Buffer | undefined;
    try {
      part = zlib.inflateRawSync(bytes.subarray(e.dataStart), { maxOutputLength: allowed + 1 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw damaged(`its part ${e.name} is damaged: ${(err as Error).message}`);
    }
    if (!part || part.length > allowed) {
      if (allowed < room) throw damaged(`its part ${e.name} expands past the ${e.localSize} bytes it declares`);
      throw tooBig(`its ${mb(bytes.length)} expand to more than ${mb(limits.maxBytes)}`);
    }
    expanded += part.length;
    cells += countCells(e.name, part);
  }
  if (cells > limits.maxCells) {
    throw new UsageError(`${file} is too large to read: its sheets hold ${cells.toLocaleString('en-US')} cells, over the ${limits.maxCells.toLocaleString('en-US')} awg reads from a workbook.`,
      'Export the sheet as CSV (awg reads large CSV files in pieces), or delete the cells far from the table.');
  }
}

/** The central directory, as SheetJS's parse_zip walks it: the last end-of-directory record anywhere, then each entry's local header. */
function readEntries(bytes: Uint8Array, damaged: (why: string) => UsageError): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, n: number) => {
    if (at < 0 || at + n > bytes.length) throw damaged('its zip directory points past the end of the file; is it cut short?');
  };
  const u16 = (at: number) => (need(at, 2), view.getUint16(at, true));
  const u32 = (at: number) => (need(at, 4), view.getUint32(at, true));
  let end = bytes.length - 4;
  while (end >= 0 && !(bytes[end] === 0x50 && bytes[end + 1] === 0x4b && bytes[end + 2] === 0x05 && bytes[end + 3] === 0x06)) end--;
  if (end < 0) throw damaged('its zip directory is missing; is the file cut short?');
  const count = u16(end + 8);
  let at = u32(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    let usz = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    const offset = u32(at + 42);
    need(at + 46, nameLen + extraLen);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLen)).toString('latin1');
    const zip64 = zip64Sizes(bytes.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen));
    if (zip64?.usz) usz = zip64.usz;
    at += 46 + nameLen + extraLen + commentLen;

    const method = u16(offset + 8);
    const stored = u32(offset + 18);
    let localSize = u32(offset + 22);
    const localName = u16(offset + 26);
    const localExtra = u16(offset + 28);
    need(offset + 30, localName + localExtra);
    if (localExtra) {
      const own = zip64Sizes(bytes.subarray(offset + 30 + localName, offset + 30 + localName + localExtra));
      if (own?.usz) localSize = own.usz;
      if (zip64?.usz) localSize = zip64.usz;
    }
    entries.push({ name, method, dataStart: offset + 30 + localName + localExtra, declared: Math.max(usz, localSize), localSize, stored });
  }
  return entries;
}

/** The ZIP64 extra field (0x0001), read as SheetJS reads it: the uncompressed size first. */
function zip64Sizes(extra: Uint8Array): { usz: number } | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length;) {
    const type = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (type === 0x0001 && at + 12 <= extra.length) {
      return { usz: view.getUint32(at + 8, true) * 2 ** 32 + view.getUint32(at + 4, true) };
    }
    at += 4 + size;
  }
  return undefined;
}
