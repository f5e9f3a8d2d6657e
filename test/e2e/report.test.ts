// awg report end to end: the report-back responses fixture (made by scripts/make-fixtures.mjs from the
// demo schedule) against counts this test computes on its own from the same files.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const SCHEDULE = fx('report-schedule');
const meetings = readCsv(path.join(SCHEDULE, 'meetings.csv'));
const responses = readCsv(fx('report-responses.csv'));

/** The test's own reading of the fixture: "2020/07/14 1:50:07 PM EDT" → ms, the meeting a row is about, the latest per meeting. */
function expected() {
  const ms = (s: string) => {
    const m = /^(\d{4})\/(\d\d)\/(\d\d) (\d{1,2}):(\d\d):(\d\d) (AM|PM) EDT$/.exec(s)!;
    const h = (Number(m[4]) % 12) + (m[7] === 'PM' ? 12 : 0);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h + 4, Number(m[5]), Number(m[6]));
  };
  const num = (id: string) => Number(/^m0*(\d+)$/i.exec(id.trim())?.[1] ?? NaN);
  const unknownRows: number[] = [];
  const byMeeting = new Map<string, Array<{ r: Rec; row: number; at: number }>>();
  responses.forEach((r, i) => {
    const row = i + 2; // the header is row 1
    let m = meetings.find((x) => num(x.meeting_id!) === num(r['Meeting ID']!));
    if (!m && !r['Meeting ID']!.trim()) m = meetings.find((x) => (x.district || x.member) === r.Office && x.date === r.Timestamp!.slice(0, 10).replace(/\//g, '-'));
    if (!m) return void unknownRows.push(row);
    byMeeting.set(m.meeting_id!, [...(byMeeting.get(m.meeting_id!) ?? []), { r, row, at: ms(r.Timestamp!) }]);
  });
  const counted = new Map([...byMeeting].map(([id, list]) => [id, [...list].sort((a, b) => a.at - b.at).at(-1)!.r]));
  const answer = (s: string) => ({ supportive: 'supportive', undecided: 'undecided', opposed: 'opposed', 'not discussed': 'not_discussed' } as Rec)[s.trim().toLowerCase()] ?? 'no_answer';
  const party = (p: string) => ({ D: 'Democrats', R: 'Republicans', I: 'Independents' } as Rec)[p]!;
  const rows: string[] = [];
  for (const ask of [1, 2, 3]) {
    const groups: Array<[string, string, Rec[]]> = [['all', 'All meetings', meetings]];
    for (const c of [...new Set(meetings.map((m) => m.chamber!))].sort()) groups.push(['chamber', c, meetings.filter((m) => m.chamber === c)]);
    for (const p of [...new Set(meetings.map((m) => party(m.party!)))].sort()) groups.push(['party', p, meetings.filter((m) => party(m.party!) === p)]);
    for (const [scope, group, ms_] of groups) {
      const n: Rec = { supportive: '0', undecided: '0', opposed: '0', not_discussed: '0', no_answer: '0' };
      let reported = 0;
      for (const m of ms_) {
        const r = counted.get(m.meeting_id!);
        if (!r) continue;
        reported++;
        const a = answer(r[`Ask ${ask}: how did the office respond?`]!);
        n[a] = String(Number(n[a]) + 1);
      }
      rows.push([ask, scope, group, ms_.length, reported, n.supportive, n.undecided, n.opposed, n.not_discussed, n.no_answer, ms_.length - reported].join('|'));
    }
  }
  const duplicates = [...byMeeting.values()].filter((l) => l.length > 1);
  return { rows, unknownRows, duplicates, missing: meetings.filter((m) => !byMeeting.has(m.meeting_id!)).map((m) => m.meeting_id) };
}

const exp = expected();
const out = path.join(tmpDir(), 'report');
const run = awg(['report', '--schedule', SCHEDULE, '--responses', fx('report-responses.csv'), '--out', out]);
const file = (n: string) => path.join(out, n);

describe('awg report on the demo schedule\'s responses', () => {
  it('the fixture holds one unknown ID, one meeting reported twice and one meeting without a report', () => {
    expect(exp.unknownRows).toHaveLength(1);
    expect(exp.duplicates).toHaveLength(1);
    expect(exp.missing).toHaveLength(1);
  });

  it('counts each ask overall, by chamber and by party as the test does on its own', () => {
    expectNoStack(run);
    const got = readCsv(file('asks.csv')).map((r) => [r.ask, r.scope, r.group, r.meetings, r.reported, r.supportive, r.undecided, r.opposed, r.not_discussed, r.no_answer, r.not_reported].join('|'));
    expect(got).toEqual(exp.rows);
  });

  it('lists the meeting without a report with its lead\'s and accompanier\'s contact', () => {
    const missing = readCsv(file('missing-reports.csv'));
    expect(missing.map((m) => m.meeting_id)).toEqual(exp.missing);
    const m = meetings.find((x) => x.meeting_id === exp.missing[0])!;
    const lead = readCsv(path.join(SCHEDULE, 'attendees.csv')).find((a) => a.meeting_id === m.meeting_id && a.role === 'lead')!;
    expect(missing[0]).toMatchObject({ lead: `${lead.first_name} ${lead.last_name}`, lead_email: lead.email, lead_phone: lead.phone, accompanier: m.accompanier, accompanier_email: m.accompanier_email });
  });

  it('writes one report row per meeting; the meeting reported twice shows the earlier report', () => {
    const report = readCsv(file('report.csv'));
    expect(report.map((r) => r.meeting_id)).toEqual(meetings.map((m) => m.meeting_id));
    const [first, second] = exp.duplicates[0]!;
    const dup = report.find((r) => r.response_row === String(second!.row))!;
    expect(dup.status).toBe('reported 2 times');
    expect(dup.other_reports).toContain(`row ${first!.row}`);
    expect(readCsv(file('responses.csv')).map((r) => r.status).sort()).toEqual([...Array(responses.length - 2).fill('counted'), 'superseded', 'unmatched'].sort());
  });

  it('names each bad response by file, row and column, and exits 1', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`report-responses.csv row ${exp.unknownRows[0]} (Meeting ID): meeting ID "M099" is not in the schedule`);
    expect(run.stderr).toMatch(/report-responses\.csv row \d+ \(Office\): names "[^"]+", but meeting M\d+ is with/);
    expect(run.stderr).toContain(`report-responses.csv row ${exp.duplicates[0]![0]!.row} (Meeting ID): a second report for`);
    expect(run.stderr).toMatch(/row \d+ \(Meeting ID\): no meeting ID; matched by office and day to M\d+/);
    expect(run.stdout).toContain(`${meetings.length} meetings: ${meetings.length - 1} reported, 1 not reported yet`);
  });

  it('keeps a formula in a follow-up as text, in the CSV and the workbook', () => {
    const csv = fs.readFileSync(file('follow-ups.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(`);
    const wb = XLSX.read(fs.readFileSync(file('report.xlsx')));
    expect(wb.SheetNames).toEqual(['Report', 'Asks', 'Follow-ups', 'Missing reports', 'Responses']);
    for (const name of wb.SheetNames) for (const cell of Object.values(wb.Sheets[name]!)) expect((cell as XLSX.CellObject).f).toBeUndefined();
  });

  it('reads the linked Sheet\'s .xlsx download the same way, and writes the same files twice', () => {
    const again = path.join(tmpDir(), 'again');
    const fromXlsx = path.join(tmpDir(), 'xlsx');
    expect(awg(['report', '--schedule', SCHEDULE, '--responses', fx('report-responses.csv'), '--out', again]).code).toBe(1);
    expect(awg(['report', '--schedule', SCHEDULE, '--responses', fx('report-responses.xlsx'), '--out', fromXlsx]).code).toBe(1);
    for (const n of fs.readdirSync(out)) expect(fs.readFileSync(path.join(again, n)), n).toEqual(fs.readFileSync(file(n)));
    for (const n of ['report.csv', 'asks.csv', 'follow-ups.csv', 'missing-reports.csv', 'responses.csv', 'report.html']) {
      expect(fs.readFileSync(path.join(fromXlsx, n), 'utf8'), n).toBe(fs.readFileSync(file(n), 'utf8'));
    }
  });

  it('writes report.html with the charts inline and nothing to load', () => {
    const html = fs.readFileSync(file('report.html'), 'utf8');
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=|href=/i);
  });
});

describe('awg init --report-form and usage errors', () => {
  it('prints the form and writes it as a text file; a second run does not overwrite it', () => {
    const dir = tmpDir();
    const r = awg(['init', '--report-form'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Meeting ID');
    expect(r.stdout).toContain('Ask 3: how did the office respond?');
    expect(fs.readFileSync(path.join(dir, 'report-form.txt'), 'utf8').trimEnd()).toBe(r.stdout.trimEnd());
    expect(fs.existsSync(path.join(dir, 'awg.config.json'))).toBe(false);
    expect(awg(['init', '--report-form'], { cwd: dir }).code).toBe(2);
  });

  it('takes the asks from the config', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ event: { asks: ['Fund legal aid.', 'End detention.'] } }));
    const r = awg(['init', '--report-form', '--config', 'c.json', '--out', 'form.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fund legal aid.');
    expect(r.stdout).not.toContain('Ask 3');
  });

  it('exits 2 for a folder that is not a schedule, or a responses file that is missing', () => {
    const bad = awg(['report', '--schedule', tmpDir(), '--responses', fx('report-responses.csv'), '--out', path.join(tmpDir(), 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('has no meetings.csv');
    const missing = awg(['report', '--schedule', SCHEDULE, '--responses', fx('nope.csv'), '--out', path.join(tmpDir(), 'y')]);
    expect(missing.code).toBe(2);
    expectNoStack(missing);
  });
});
