// Tells which encoding a text export was saved in and decodes it. Excel writes UTF-8 (with a BOM),
// "Unicode text" as UTF-16LE with a BOM, and on Windows "CSV (Comma delimited)" as Windows-1252;
// other tools drop the BOM from UTF-16. When awg had to guess, it says what it took the file for.
import { UsageError, type Problem } from '../problems.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Bytes that are no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D), read as U+FFFD. */
  undefinedBytes: number;
}

/**
 * Windows-1252's 0x80–0x9F. Node 20's TextDecoder('windows-1252') reads these as Latin-1's invisible
 * C1 controls (O’Brien became O\x92Brien), so the 32 are mapped here; the other 224 bytes are Latin-1's.
 * The five bytes the code page leaves undefined become U+FFFD, visible in the output, not a control.
 */
export const CP1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): { text: string; undefinedBytes: number } {
  let undefinedBytes = 0;
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const text = latin1.replace(/[\x80-\x9F]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]!;
    if (mapped === '\uFFFD') undefinedBytes++;
    return mapped;
  });
  return { text, undefinedBytes };
}

const SAMPLE = 4096;

/**
 * UTF-16 without a BOM, from where the NULs fall in the first 4 KB: the high byte of every ASCII
 * character is 0, at odd offsets in little-endian and even ones in big-endian. A quarter of the pairs
 * must be such characters (the header and the delimiters are ASCII), and the NULs must fall on one
 * side only. `binary` is a sample with NULs in neither pattern.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' | undefined {
  const sample = bytes.subarray(0, SAMPLE);
  if (!sample.includes(0)) return undefined;
  let le = 0;
  let be = 0;
  let both = 0;
  const pairs = Math.floor(sample.length / 2);
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const a = sample[i]!;
    const b = sample[i + 1]!;
    if (a === 0 && b === 0) both++;
    else if (b === 0) le++;
    else if (a === 0) be++;
  }
  if (le >= pairs / 4 && (be + both) * 20 <= le) return 'utf-16le';
  if (be >= pairs / 4 && (le + both) * 20 <= be) return 'utf-16be';
  return 'binary';
}

/** Decodes a text export; refuses (exit 2) a file with NUL bytes that is not UTF-16 text. */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', true);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const sniffed = bom ? undefined : sniffUtf16(bytes);
  if (sniffed === 'binary') {
    throw new UsageError(`${file} is not a text table: it holds NUL bytes, as no CSV or UTF-16 text does (is it a binary file?).`,
      'Open it in a spreadsheet program and export the sheet again as CSV, or pass the workbook itself (.xlsx).');
  }
  if (sniffed) return utf16(bytes, sniffed, false);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom, undefinedBytes: 0 };
  } catch {
    // Not UTF-8: a file saved by Excel on Windows ("CSV (Comma delimited)") is Windows-1252.
    return { ...decodeWindows1252(body), encoding: 'windows-1252', bom: false };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): Decoded {
  return { text: new TextDecoder(encoding).decode(bytes), encoding, bom, undefinedBytes: 0 };
}

/** What the organizer is told when awg had to guess the encoding; nothing for UTF-8 or UTF-16 with its BOM. */
export function encodingProblems(d: Decoded, file: string): Problem[] {
  if (d.encoding === 'windows-1252') {
    const lost = d.undefinedBytes
      ? `; ${d.undefinedBytes} byte${d.undefinedBytes === 1 ? ' that is' : 's that are'} no character in Windows-1252 became \uFFFD`
      : '';
    return [{
      code: 'read-encoding', severity: 'warning', file,
      message: `read as Windows-1252 (Excel on Windows), since it is not UTF-8${lost}`,
      fix: 'Check that names with accents or apostrophes (José, O’Brien) look right in the output; if not, save the sheet as "CSV UTF-8" and run again.',
    }];
  }
  if (d.encoding !== 'utf-8' && !d.bom) {
    const name = d.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
    return [{
      code: 'read-encoding', severity: 'warning', file,
      message: `read as ${name} text without a byte-order mark (from where its NUL bytes fall)`,
      fix: 'Check that the names look right in the output; saving the sheet as "CSV UTF-8" avoids the guess.',
    }];
  }
  return [];
}
