// offices.csv read back by `awg schedule --previous` (issue 23): one office's meeting in two rows, as
// when an organizer copies a row to record the office's answer under the request. The last row won
// silently before, so a confirmation written above a stale "requested" row was dropped.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv')];

let first = '';
let office: Rec;
let offices: Rec[] = [];
/** Two times the meeting's people can all make, neither its own. */
let times: Array<{ date: string; start: string }> = [];

beforeAll(() => {
  first = path.join(tmpDir('awg-replies-'), 'first');
  expectNoStack(awg(['schedule', ...inputs, '--out', first]));
  offices = readCsv(path.join(first, 'offices.csv'));
  const attendees = readCsv(path.join(first, 'attendees.csv'));
  office = offices.find((o) => o.member === 'Rep. Jan Schakowsky' && o.meeting_id)!;
  const validate = JSON.parse(awg(['validate', ...inputs.slice(0, 4), '--json']).stdout) as { people: Array<{ row: number; availability: string[] | string }> };
  const free = new Map(validate.people.map((p) => [String(p.row), p.availability]));
  const mine = attendees.filter((a) => a.meeting_id === office.meeting_id);
  const busy = new Set(attendees.filter((a) => a.meeting_id !== office.meeting_id && mine.some((x) => x.rsvp_row === a.rsvp_row)).map((a) => `${a.date} ${a.start}`));
  const all = ['2020-07-14', '2020-07-15', '2020-07-16'].flatMap((day) => Array.from({ length: 12 }, (_, i) => `${day} ${String(10 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`));
  times = all.filter((x) => x !== `${office.date} ${office.start}` && !busy.has(x) && mine.every((a) => {
    const av = free.get(a.rsvp_row!);
    return !Array.isArray(av) || av.includes(x);
  })).slice(0, 2).map((x) => ({ date: x.slice(0, 10), start: x.slice(11) }));
  expect(times).toHaveLength(2);
}, 120_000);

/** offices.csv with the office's row written twice, one under the other; the re-run's folder. */
function rerun(two: [Rec, Rec]) {
  const dir = path.join(tmpDir('awg-replies-'), 'first');
  fs.cpSync(first, dir, { recursive: true });
  const at = offices.indexOf(office);
  const rows = [...offices.slice(0, at), { ...office, ...two[0] }, { ...office, ...two[1] }, ...offices.slice(at + 1)];
  fs.writeFileSync(path.join(dir, 'offices.csv'), `\uFEFF${stringify(rows, { header: true, columns: Object.keys(office), record_delimiter: '\r\n' })}`);
  const out = path.join(path.dirname(dir), 'second');
  const r = awg(['schedule', ...inputs, '--previous', dir, '--out', out]);
  expectNoStack(r);
  const meeting = readCsv(path.join(out, 'meetings.csv')).find((m) => m.meeting_id === office.meeting_id);
  const problems = readCsv(path.join(out, 'problems.csv')).filter((p) => path.basename(p.file ?? '') === 'offices.csv');
  const status = readCsv(path.join(out, 'offices.csv')).find((o) => o.meeting_id === office.meeting_id)?.status;
  const requested = readCsv(path.join(out, 'requests.csv')).some((q) => q.subject!.includes(office.member!))
    || fs.readdirSync(path.join(out, 'requests')).some((f) => f.startsWith(`${office.meeting_id}-`));
  // Spreadsheet rows: the header is row 1, so the office's two rows are these.
  return { r, meeting, problems, status, requested, rows: [at + 2, at + 3] };
}

describe('one office in two rows of offices.csv', () => {
  it('a confirmation under a "requested" row is not dropped: the meeting moves to the confirmed time, and the warning names both rows', () => {
    const { date, start } = times[0]!;
    const t = rerun([{ status: 'requested' }, { status: 'confirmed', date, start }]);
    expect(t.meeting).toMatchObject({ date, start });
    expect(t.status).toBe('confirmed');
    expect(t.requested).toBe(false);
    const p = t.problems.find((x) => x.code === 'office-in-two-rows');
    expect(p).toMatchObject({ severity: 'warning', row: String(t.rows[1]), column: 'status' });
    expect(p?.message).toContain(`offices.csv rows ${t.rows[0]} and ${t.rows[1]}`);
    expect(p?.message).toMatch(/the confirmation \(row \d+\) stands/);
  });

  it('a confirmation above a "requested" row is not dropped either (the last row used to win)', () => {
    const { date, start } = times[0]!;
    const t = rerun([{ status: 'confirmed', date, start }, { status: 'requested', date: '', start: '' }]);
    expect(t.meeting).toMatchObject({ date, start });
    expect(t.status).toBe('confirmed');
    expect(t.requested).toBe(false);
    const p = t.problems.find((x) => x.code === 'office-in-two-rows');
    expect(p?.message).toContain(`offices.csv rows ${t.rows[0]} and ${t.rows[1]}`);
    expect(p?.message).toContain(`the confirmation (row ${t.rows[0]}) stands`);
  });

  it('two rows confirming two different times: an error naming both, the meeting keeps its time, and no request goes out', () => {
    const [a, b] = times as [{ date: string; start: string }, { date: string; start: string }];
    const t = rerun([{ status: 'confirmed', ...a }, { status: 'confirmed', ...b }]);
    expect(t.r.code).toBe(1);
    expect(t.meeting).toMatchObject({ date: office.date, start: office.start });
    expect(t.requested).toBe(false);
    expect(t.status).toBe('requested');
    const p = t.problems.find((x) => x.code === 'confirmed-twice');
    expect(p).toMatchObject({ severity: 'error', row: String(t.rows[1]), column: 'status' });
    expect(p?.message).toContain(`offices.csv rows ${t.rows[0]} and ${t.rows[1]}`);
    expect(p?.message).toContain(`${a.date} ${a.start} and ${b.date} ${b.start}`);
  });
});
