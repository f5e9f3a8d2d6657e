// Two RSVPs that may be one person (same name and phone, a different email: awg unmatched's "review")
// never share a meeting: put together by hand, awg check names both, and a re-run takes one out.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];

describe('possible duplicates in one meeting', () => {
  it('a person\'s second RSVP put in their meeting by hand is an error of awg check naming both rows, and a re-run takes it out with a warning', () => {
    const dir = path.join(tmpDir(), 'schedule');
    expect(awg(['schedule', ...inputs, '--out', dir]).code).toBe(1);
    const file = path.join(dir, 'attendees.csv');
    const rows = readCsv(file);
    // Rows 3 and 36 of the fixture are Ben Okafor under two emails, one phone; never in one meeting.
    const first = rows.find((r) => r.rsvp_row === '3')!;
    const second = rows.find((r) => r.rsvp_row === '36')!;
    expect(rows.filter((r) => r.meeting_id === first.meeting_id).map((r) => r.rsvp_row)).not.toContain('36');
    rows.push({ ...second, meeting_id: first.meeting_id!, date: first.date!, start: first.start!, end: first.end!, local_start: first.local_start!, local_end: first.local_end!, member: first.member!, role: 'participant' });
    fs.writeFileSync(file, `\uFEFF${stringify(rows, { header: true, record_delimiter: '\r\n' })}`);

    const r = awg(['check', '--schedule', dir, '--json']);
    expectNoStack(r);
    expect(r.code).toBe(1);
    const problems = (JSON.parse(r.stdout) as { problems: Array<{ code: string; severity: string; row: number; message: string }> }).problems;
    const dup = problems.filter((p) => p.code === 'possible-duplicates-together');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.severity).toBe('error');
    expect(dup[0]!.row).toBe(rows.length + 1);
    expect(dup[0]!.message).toContain('RSVP row 36');
    expect(dup[0]!.message).toContain('RSVP row 3)');

    const out = path.join(tmpDir(), 'again');
    const again = awg(['schedule', ...inputs, '--previous', dir, '--out', out]);
    expectNoStack(again);
    const kept = readCsv(path.join(out, 'attendees.csv')).filter((a) => a.meeting_id === first.meeting_id).map((a) => a.rsvp_row);
    expect(kept.filter((x) => x === '3' || x === '36')).toHaveLength(1);
    const warned = readCsv(path.join(out, 'problems.csv')).filter((p) => p.code === 'not-kept-possible-duplicate');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toContain(first.meeting_id!);
  });
});
