import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252, encodingProblems, sniffUtf16 } from '../../src/read/decode.js';

/** Windows-1252's 0x80–0x9F as the code page's published table gives them (five are undefined). */
const TABLE: Array<[number, string | undefined]> = [
  [0x80, '€'], [0x81, undefined], [0x82, '‚'], [0x83, 'ƒ'], [0x84, '„'], [0x85, '…'], [0x86, '†'], [0x87, '‡'],
  [0x88, 'ˆ'], [0x89, '‰'], [0x8a, 'Š'], [0x8b, '‹'], [0x8c, 'Œ'], [0x8d, undefined], [0x8e, 'Ž'], [0x8f, undefined],
  [0x90, undefined], [0x91, '‘'], [0x92, '’'], [0x93, '“'], [0x94, '”'], [0x95, '•'], [0x96, '–'], [0x97, '—'],
  [0x98, '˜'], [0x99, '™'], [0x9a, 'š'], [0x9b, '›'], [0x9c, 'œ'], [0x9d, undefined], [0x9e, 'ž'], [0x9f, 'Ÿ'],
];

describe('Windows-1252', () => {
  it.each(TABLE.filter(([, c]) => c))('byte 0x%s is its own character, not a C1 control', (byte, char) => {
    expect(decodeWindows1252(new Uint8Array([0x4f, byte, 0x42])).text).toBe(`O${char}B`);
  });

  it('has 27 characters of its own in 0x80–0x9F', () => {
    expect(TABLE.filter(([, c]) => c)).toHaveLength(27);
  });

  it.each(TABLE.filter(([, c]) => !c).map(([b]) => b))('undefined byte 0x%s becomes U+FFFD and is counted', (byte) => {
    expect(decodeWindows1252(new Uint8Array([0x41, byte]))).toEqual({ text: 'A\uFFFD', undefinedBytes: 1 });
  });

  it('the other bytes are Latin-1', () => {
    const bytes = Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i);
    expect(decodeWindows1252(bytes).text).toBe(String.fromCharCode(...bytes));
  });

  it('a file that is not UTF-8 is read as Windows-1252 and says so; one with a literal U+FFFD stays UTF-8', () => {
    const d = decodeBytes(new Uint8Array([0x4f, 0x92, 0x42, 0x8d]), 'r.csv');
    expect(d).toMatchObject({ text: 'O’B\uFFFD', encoding: 'windows-1252', undefinedBytes: 1 });
    expect(encodingProblems(d, 'r.csv')[0]!.message).toBe('read as Windows-1252 (Excel on Windows), since it is not UTF-8; 1 byte that is no character in Windows-1252 became \uFFFD');
    expect(decodeBytes(Buffer.from('a\uFFFDb'), 'r.csv')).toMatchObject({ text: 'a\uFFFDb', encoding: 'utf-8' });
  });
});

describe('UTF-16 without a BOM', () => {
  const text = 'Email,Name\r\nana@example.org,Ana María\r\nwei@example.org,陈伟\r\n';
  it('is told from where its NULs fall', () => {
    const le = Buffer.from(text, 'utf16le');
    expect(sniffUtf16(le)).toBe('utf-16le');
    expect(sniffUtf16(Buffer.from(le).swap16())).toBe('utf-16be');
    expect(decodeBytes(le, 'r.csv')).toMatchObject({ text, encoding: 'utf-16le', bom: false });
    expect(encodingProblems(decodeBytes(le, 'r.csv'), 'r.csv')).toHaveLength(1);
    expect(encodingProblems(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'r.csv'), 'r.csv')).toEqual([]);
  });

  it('a text without NULs is not UTF-16; NULs in neither pattern are refused', () => {
    expect(sniffUtf16(Buffer.from(text))).toBeUndefined();
    expect(sniffUtf16(Buffer.from('Email,Name\0\r\nana@example.org,A\0na\r\n'))).toBe('binary');
    expect(sniffUtf16(Buffer.from(text, 'utf16le').subarray(0).map((b, i) => (i % 3 === 0 ? 0 : b)))).toBe('binary');
    expect(() => decodeBytes(Buffer.from('a\0\0\0b\0\0\0'), 'r.csv')).toThrow(/r\.csv is not a text table/);
  });
});
