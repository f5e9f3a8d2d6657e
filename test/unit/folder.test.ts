// The folder reader: awg's own files read back, row by row, after a spreadsheet has saved them.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readClock, readDate } from '../../src/folder/cells.js';
import { FOLDER_FILE } from '../../src/folder/description.js';
import { readScheduleFolder } from '../../src/folder/read.js';
import { attendeeRows, meetingRows } from '../../src/folder/rows.js';
import { neutralize, unneutralize } from '../../src/formula-guard.js';
import type { Problem } from '../../src/problems.js';
import { firstSheetRows, parseDelimitedText, parseTable } from '../../src/read/table.js';
import { awgIn } from '../helpers/inproc.js';
import { fx, tmpDir } from '../helpers/run.js';

const DAYS = ['2020-07-14', '2020-07-15', '2020-07-16'];

describe('the formula guard and its inverse', () => {
  it('takes off exactly what it adds, tab and carriage return included', () => {
    for (const s of ['=1+1', '+1', '-2', '@x', '\tx', '\rx', "'=x", "''=x", "'plain", 'plain', "'", '']) {
      expect(unneutralize(neutralize(s))).toBe(s);
    }
    expect(neutralize('\t=cmd')).toBe("'\t=cmd");
    expect(unneutralize("'plain")).toBe("'plain");
    fc.assert(fc.property(fc.string(), (s) => unneutralize(neutralize(s)) === s), { seed: 15, numRuns: 2000 });
  });
});

describe('dates and times as spreadsheets save them', () => {
  it('reads US, European (when unambiguous), ISO and date-cell dates', () => {
    expect(readDate('2020-07-14')).toBe('2020-07-14');
    expect(readDate('7/14/2020')).toBe('2020-07-14');
    expect(readDate('07/14/20')).toBe('2020-07-14');
    expect(readDate('14/07/2020')).toBe('2020-07-14');
    expect(readDate('14.07.2020')).toBe('2020-07-14');
    expect(readDate('2020-07-14T00:00:00')).toBe('2020-07-14');
    expect(readDate('Tuesday, July 14, 2020')).toBe('2020-07-14');
    // 7/8/2020 could be July 8 or August 7: the event's days decide, else it is not guessed.
    expect(readDate('7/8/2020')).toBeUndefined();
    expect(readDate('7/8/2020', ['2020-08-07'])).toBe('2020-08-07');
    expect(readDate('2020-02-30')).toBeUndefined();
  });
  it('reads 24-hour, AM/PM and time-cell times', () => {
    expect(readClock('10:00')).toBe('10:00');
    expect(readClock('9:30')).toBe('09:30');
    expect(readClock('10:00:00')).toBe('10:00');
    expect(readClock('10:00 AM')).toBe('10:00');
    expect(readClock('1:30 PM')).toBe('13:30');
    expect(readClock('12:00 p.m.')).toBe('12:00');
    expect(readClock('1899-12-30T10:00:00')).toBe('10:00');
    expect(readClock('1900-01-00T11:00:00')).toBe('11:00');
    expect(readClock('09:59:59')).toBe('10:00');
    expect(readClock('25:00')).toBeUndefined();
    expect(readClock('ten')).toBeUndefined();
    expect(readClock('0.4583333333')).toBe('11:00');
    expect(readDate('44026')).toBe('2020-07-14');
  });
});

describe('rows of awg files', () => {
  const sheet = (text: string) => parseDelimitedText(text, 'meetings.csv').sheets[0]!;
  it('finds columns in any order, names added ones, and keeps spreadsheet row numbers', () => {
    const problems: Problem[] = [];
    const rows = meetingRows(sheet('My column,member,start,date,meeting_id\r\nx,Sen. A,10:00 AM,7/14/2020,M001\r\n\r\n,Sen. B,11:00,2020-07-15,M002\r\n\r\n\r\n'), { file: 'meetings.csv' }, DAYS, problems);
    expect(rows.map((r) => [r.row, r.meetingId, r.date, r.start])).toEqual([[2, 'M001', '2020-07-14', '10:00'], [4, 'M002', '2020-07-15', '11:00']]);
    expect(problems).toEqual([expect.objectContaining({ code: 'added-column', severity: 'warning', column: 'My column' })]);
    expect(rows.map((r) => r.added)).toEqual([[['My column', 'x']], [['My column', '']]]);
  });
  it('never merges two rows silently: an LF line in a CRLF file stays its own row, an overlong row is an error', () => {
    const problems: Problem[] = [];
    const text = '\uFEFFmeeting_id,email,rsvp_row\r\nM001,a@x.org,2\nM001,b@x.org,3\r\nM002,c@x.org,4,M002,d@x.org,5\r\n';
    const rows = attendeeRows(parseDelimitedText(text, 'attendees.csv').sheets[0]!, { file: 'attendees.csv' }, DAYS, problems);
    expect(rows.map((r) => [r.row, r.email])).toEqual([[2, 'a@x.org'], [3, 'b@x.org'], [4, 'c@x.org']]);
    expect(problems).toEqual([expect.objectContaining({ code: 'merged-row', severity: 'error', row: 4 })]);
  });
  it('a large meetings.csv read row by row gives the rows, spreadsheet row numbers and problems the whole sheet gives, title rows above the header included', () => {
    const meeting = (i: number) => `M${String(i).padStart(3, '0')},2020-07-14,10:00,Sen. A${i},${i === 7 ? 'https://Zoom.us/j/1' : ''}`;
    for (const titles of [0, 3, 29, 30]) {
      const lines = [...Array.from({ length: titles }, (_, i) => (i === 1 ? '' : `Title ${i}`)), 'meeting_id,date,start,member,link'];
      for (let i = 1; i <= 60; i++) lines.push(i === 20 ? '' : i === 40 ? `${meeting(i)},M999,x` : meeting(i));
      const bytes = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
      const streamed: Problem[] = [];
      const whole: Problem[] = [];
      const rows = meetingRows(firstSheetRows(bytes, 'meetings.csv'), { file: 'meetings.csv' }, DAYS, streamed);
      expect(rows).toEqual(meetingRows(parseTable(bytes, 'meetings.csv').sheets[0]!, { file: 'meetings.csv' }, DAYS, whole));
      expect(streamed).toEqual(whole);
      if (titles === 30) {
        // The header is looked for in the first 30 rows, as it always was: row 31 is too far down.
        expect(rows).toEqual([]);
        expect(streamed.map((p) => p.code)).toEqual(['missing-column']);
        continue;
      }
      expect(rows).toHaveLength(59);
      expect(rows[0]?.row).toBe(titles + 2);
      expect(rows.find((r) => r.meetingId === 'M021')?.row).toBe(titles + 22);
      // The merged row is told first, then the link: the order of the printout.
      expect(streamed.map((p) => [p.code, p.row])).toEqual([['merged-row', titles + 41], ['link-not-in-calendar', titles + 8]]);
    }
  });
  it('takes the formula guard off cells', () => {
    const rows = attendeeRows(sheet("meeting_id,email,rsvp_row,first_name\r\nM001,a@x.org,2,'=HYPERLINK()\r\n"), { file: 'a.csv' }, DAYS, []);
    expect(rows[0]?.firstName).toBe('=HYPERLINK()');
  });
});

describe('readScheduleFolder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tmpDir(), 'out');
    const r = await awgIn(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'),
      '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv'), '--out', dir]);
    expect(r.code).toBeLessThanOrEqual(1);
  }, 60_000);
  const copy = () => {
    const d = path.join(tmpDir(), 'copy');
    fs.cpSync(dir, d, { recursive: true });
    return d;
  };

  it('reads the description, meetings, attendees and lists with their rows', () => {
    const f = readScheduleFolder(dir);
    expect(f.source).toBe('csv');
    expect(f.problems).toEqual([]);
    expect(f.description?.config.event.timeZone).toBe('America/New_York');
    expect(path.resolve(dir, f.description!.inputs.rsvps.path)).toBe(fx('rsvps-google-forms.csv'));
    expect(f.description?.inputs.rsvps.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(f.meetings.length).toBeGreaterThan(5);
    expect(f.meetings[0]).toMatchObject({ file: path.join(dir, 'meetings.csv'), row: 2, meetingId: expect.stringMatching(/^M\d+/), date: expect.stringMatching(/^2020-07-1[456]$/) });
    expect(f.attendees[0]).toMatchObject({ row: 2, rsvpRow: expect.any(Number), email: expect.stringContaining('@') });
    expect(f.lists.some((l) => l.list === 'digital-advocacy.csv')).toBe(true);
    expect(f.lists.some((l) => l.list === 'unmatched.csv')).toBe(true);
  });

  it('reads schedule.xlsx when it is the file edited since awg wrote the folder, and says so', () => {
    const d = copy();
    const wb = XLSX.read(fs.readFileSync(path.join(d, 'schedule.xlsx')), { type: 'buffer', cellNF: true });
    const ws = wb.Sheets.Meetings!;
    ws.K2 = { t: 's', v: 'Someone Else' };
    fs.writeFileSync(path.join(d, 'schedule.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const f = readScheduleFolder(d);
    expect(f.source).toBe('xlsx');
    expect(f.note).toMatch(/schedule\.xlsx/);
    expect(f.meetings[0]).toMatchObject({ accompanier: 'Someone Else', sheet: 'Meetings', row: 2 });
    expect(f.meetings.map((m) => [m.meetingId, m.date, m.start])).toEqual(readScheduleFolder(dir).meetings.map((m) => [m.meetingId, m.date, m.start]));
  });

  it('refuses, naming both, when the CSV files and the workbook were edited differently', () => {
    const d = copy();
    const wb = XLSX.read(fs.readFileSync(path.join(d, 'schedule.xlsx')), { type: 'buffer' });
    wb.Sheets.Meetings!.K2 = { t: 's', v: 'Someone Else' };
    fs.writeFileSync(path.join(d, 'schedule.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const csv = path.join(d, 'meetings.csv');
    fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace(/\r\n$/, '\r\n\r\n'));
    fs.appendFileSync(path.join(d, 'attendees.csv'), '\r\n');
    // Only blank rows added to the CSVs: not an edit of the schedule, so the workbook's edit would
    // differ; the reader must refuse rather than pick one.
    expect(() => readScheduleFolder(d)).toThrow(/both .*meetings\.csv.*schedule\.xlsx/);
  });

  it('reads a folder without its description, with no guesses about the event', () => {
    const d = copy();
    fs.rmSync(path.join(d, FOLDER_FILE));
    const f = readScheduleFolder(d);
    expect(f.description).toBeUndefined();
    expect(f.meetings.length).toBe(readScheduleFolder(dir).meetings.length);
  });
});
