// Large files go to disk in pieces: the CSV of a table is made a few hundred rows at a time, the write stage
// puts each piece on disk as it comes, and awg-folder.json fingerprints the file from its pieces. What an
// organizer gets must be what one whole string gave: the same bytes, the same fingerprint.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { FOLDER_FILE, parseDescription, withDescription, type RecordedInputs } from '../../src/folder/description.js';
import { neutralize } from '../../src/formula-guard.js';
import { csvChunks, toCsv } from '../../src/render/csv.js';
import { cellText, lazyTable, wholeTable, type CellValue, type DataTable } from '../../src/render/table.js';
import { writeFolder, type FolderFile } from '../../src/write/files.js';
import { tmpDir } from '../helpers/run.js';

/** The CSV as one whole string: every cell guarded and made text first, then stringified (a lone CR or LF quoted). */
function wholeCsv(table: DataTable): string {
  const rows = [table.columns, ...table.rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : neutralize(cellText(c)))))];
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n', quoted_match: [/^\s|\s$/, /[\r\n]/] })}`;
}

const MESSY: CellValue[] = ['=HYPERLINK("x")', '+1 555', '-2', '@me', '\tTab', ' leading', 'trailing ', 'a,b', 'say "hi"', 'two\nlines', 'cr\rline',
  '', null, undefined, true, false, 0, -3, 12.5, 'Zoë Núñez', "'=already", '…', ' '];

function table(rows: number): DataTable {
  return {
    name: 'People', columns: ['rsvp_row', 'name', 'note', 'flag', ' spaced header '],
    rows: Array.from({ length: rows }, (_, i) => [i + 2, MESSY[i % MESSY.length], MESSY[(i * 7) % MESSY.length], i % 3 === 0, MESSY[(i * 5) % MESSY.length]]),
  };
}

describe('CSV in pieces', () => {
  it('gives the bytes the whole-string CSV gave, for formula cells, spaces at the edges, quotes, line breaks, empty cells, yes/no and numbers', () => {
    for (const n of [0, 1, 499, 500, 501, 1234]) expect(toCsv(table(n))).toBe(wholeCsv(table(n)));
  });

  it('cuts the text between rows, a few hundred at a time, and every cell reads back as the organizer would see it', () => {
    const t = table(1234);
    const pieces = [...csvChunks(t)];
    expect(pieces.length).toBe(1 + 3);
    for (const p of pieces) expect(p.endsWith('\r\n')).toBe(true);
    const back = parse(pieces.join('').replace(/^\uFEFF/, ''), { columns: false, relax_quotes: false }) as string[][];
    expect(back).toHaveLength(1235);
    expect(back[0]).toEqual(['rsvp_row', 'name', 'note', 'flag', ' spaced header ']);
    expect(back[1]).toEqual(['2', "'=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")", 'yes', "'=HYPERLINK(\"x\")"]);
    expect(back[6]).toEqual(['7', ' leading', '', 'no', "'-2"]);
  });

  it('a list of a row per RSVP made as it is written (digital advocacy at 100,000 RSVPs) loses or repeats no one at a piece\'s edge', () => {
    for (const n of [0, 1, 499, 500, 501, 1234]) {
      const whole = table(n);
      const made: number[] = [];
      const lazy = lazyTable({ name: whole.name, columns: whole.columns }, whole.rows, (r) => {
        made.push(Number(r[0]));
        return r;
      });
      expect(made).toEqual([]);
      expect([...csvChunks(lazy)].join('')).toBe(wholeCsv(whole));
      expect(made).toEqual(whole.rows.map((r) => Number(r[0])));
      expect(wholeTable(lazy).rows).toEqual(whole.rows);
    }
  });
});

const config = configSchema.parse({ event: { name: 'Lobby day', timeZone: 'America/New_York', days: ['2020-07-14'] } });
const inputs: RecordedInputs = { rsvps: { path: 'rsvps.csv', size: 1, sha256: 'x' }, targets: [{ path: 'targets.xlsx', size: 1, sha256: 'y' }] };
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('the write stage with files in pieces', () => {
  it('writes the pieces in order, text and bytes, and fingerprints the file as written', () => {
    const dir = path.join(tmpDir('pieces'), 'out');
    const t = table(1234);
    const files: FolderFile[] = [
      ['meetings.csv', csvChunks(t)],
      ['attendees.csv', wholeCsv(t)],
      ['days/2020-07-14.csv', csvChunks(table(3))],
      ['bytes.bin', [new Uint8Array([1, 2]), 'é', new Uint8Array([])]],
    ];
    const written = writeFolder(dir, withDescription(files, config, inputs), false);
    expect(written).toBe(5);
    const meetings = fs.readFileSync(path.join(dir, 'meetings.csv'));
    expect(meetings.toString('utf8')).toBe(wholeCsv(t));
    expect(fs.readFileSync(path.join(dir, 'days', '2020-07-14.csv'), 'utf8')).toBe(wholeCsv(table(3)));
    expect([...fs.readFileSync(path.join(dir, 'bytes.bin'))]).toEqual([1, 2, 0xc3, 0xa9]);
    const { description } = parseDescription(fs.readFileSync(path.join(dir, FOLDER_FILE), 'utf8'));
    expect(description?.files['meetings.csv']).toBe(sha(meetings));
    expect(description?.files['attendees.csv']).toBe(sha(fs.readFileSync(path.join(dir, 'attendees.csv'))));
    expect(description?.files['attendees.csv']).toBe(description?.files['meetings.csv']);
  });

  it('leaves no half-written folder when a piece cannot be made', () => {
    const parent = tmpDir('pieces-fail');
    const dir = path.join(parent, 'out');
    const broken = (function* () {
      yield 'first rows\r\n';
      throw new Error('the table could not be made');
    })();
    expect(() => writeFolder(dir, [['a.csv', 'ok'], ['b.csv', broken]], false)).toThrow('the table could not be made');
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
