import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv')];
const full = [...inputs, '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];

interface Out {
  dir: string;
  meetings: Rec[];
  attendees: Rec[];
  digital: Rec[];
  unmatched: Rec[];
  validate: { people: Array<{ row: number; availability: string[] | string; state: string | null }> };
  priority: { participants: Array<{ row: number; offices: string[] }> };
}

const o = {} as Out;
beforeAll(() => {
  o.dir = path.join(tmpDir(), 'schedule');
  const r = awg(['schedule', ...full, '--out', o.dir]);
  expectNoStack(r);
  // The fixtures hold rows with errors on purpose: the schedule is written, and the exit code says so.
  expect(r.code).toBe(1);
  o.meetings = readCsv(path.join(o.dir, 'meetings.csv'));
  o.attendees = readCsv(path.join(o.dir, 'attendees.csv'));
  o.digital = readCsv(path.join(o.dir, 'digital-advocacy.csv'));
  o.unmatched = readCsv(path.join(o.dir, 'unmatched.csv'));
  o.validate = JSON.parse(awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--json']).stdout);
  o.priority = JSON.parse(awg(['priority', ...inputs, '--json']).stdout);
});

describe('awg schedule on the fixtures', () => {
  it('writes every file an organizer hands out', () => {
    const files = fs.readdirSync(o.dir, { recursive: true }).map(String).sort();
    expect(files).toEqual(expect.arrayContaining(['attendees.csv', 'contacts.csv', 'coverage.csv', 'days/2020-07-14.csv', 'days/2020-07-15.csv', 'days/2020-07-16.csv',
      'digital-advocacy.csv', 'meetings.csv', 'organizations.csv', 'priority.csv', 'schedule.xlsx', 'summary.json', 'unmatched.csv',
      'rosters/2020-07-14.html', 'meeting-sheets/2020-07-14.html', 'itineraries.html']));
    expect(files.filter((f) => f.endsWith('.ics')).length).toBeGreaterThan(20);
    expect(fs.readdirSync(path.dirname(o.dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('puts every attendee in a meeting with their own office, at a time they can attend', () => {
    const slotsOf = new Map(o.validate.people.map((p) => [p.row, p.availability]));
    const officesOf = new Map(o.priority.participants.map((p) => [p.row, p.offices]));
    const meetingById = new Map(o.meetings.map((m) => [m.meeting_id, m]));
    expect(o.attendees.length).toBeGreaterThan(20);
    for (const a of o.attendees) {
      const m = meetingById.get(a.meeting_id)!;
      const office = m.chamber === 'House' ? `H-${m.district!.replace(/-(\d)$/, '-0$1')}` : undefined;
      const theirs = officesOf.get(Number(a.rsvp_row)) ?? [];
      if (office) expect(theirs, `row ${a.rsvp_row} in ${a.meeting_id}`).toContain(office);
      else expect(theirs.some((id) => id.startsWith(`S-${m.state}-`)), `row ${a.rsvp_row}`).toBe(true);
      const avail = slotsOf.get(Number(a.rsvp_row));
      if (Array.isArray(avail)) expect(avail, `row ${a.rsvp_row} at ${m.date} ${m.start}`).toContain(`${m.date} ${m.start}`);
    }
  });

  it('books nobody twice at once, and every meeting inside the window with 1 to 10 people', () => {
    const busy = new Set<string>();
    const byId = new Map(o.meetings.map((m) => [m.meeting_id, m]));
    for (const a of o.attendees) {
      const key = `${a.rsvp_row}@${a.date} ${a.start}`;
      expect(busy.has(key), key).toBe(false);
      busy.add(key);
      expect(byId.get(a.meeting_id)?.date).toBe(a.date);
    }
    const acc = new Set<string>();
    for (const m of o.meetings) {
      expect(m.start! >= '10:00' && m.end! <= '16:00').toBe(true);
      const n = Number(m.participant_count);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(10);
      expect(o.attendees.filter((a) => a.meeting_id === m.meeting_id)).toHaveLength(n);
      const key = `${m.accompanier}@${m.date} ${m.start}`;
      expect(acc.has(key), key).toBe(false);
      acc.add(key);
    }
    expect(new Set(o.meetings.map((m) => m.member)).size).toBe(o.meetings.length);
  });

  it('accounts for every RSVP row exactly once across attendees, digital advocacy and unmatched', () => {
    const rows = [...new Set(o.attendees.map((a) => a.rsvp_row)), ...o.digital.map((d) => d.rsvp_row), ...o.unmatched.map((u) => u.rsvp_row)].map(Number).sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({ length: 41 }, (_, i) => i + 2));
    expect(o.unmatched.find((u) => u.rsvp_row === '7')).toMatchObject({ reason_code: 'duplicate', superseded_by: '31' });
    const summary = JSON.parse(fs.readFileSync(path.join(o.dir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ rsvpRows: 41, duplicates: 1, late: 1, officesTotal: 19, meetings: o.meetings.length, digitalAdvocacy: o.digital.length, unmatched: o.unmatched.length });
    expect(summary.scheduledParticipants + summary.digitalAdvocacy + summary.unmatched).toBe(41);
  });

  it('keeps the confirmed meetings at their times, with their links', () => {
    const dalton = o.meetings.find((m) => m.member === 'Sen. Richard Dalton')!;
    expect(dalton).toMatchObject({ date: '2020-07-14', start: '11:00', end: '11:30', status: 'confirmed', link: 'https://meet.example/dalton' });
    expect(o.meetings.find((m) => m.member === 'Rep. Lateefah Simon')).toMatchObject({ date: '2020-07-15', start: '14:00', status: 'confirmed' });
  });

  it('names a volunteer lead where there is one, and shows local times', () => {
    for (const m of o.meetings.filter((x) => x.lead)) {
      const lead = o.attendees.find((a) => a.meeting_id === m.meeting_id && a.role === 'lead')!;
      expect(`${lead.first_name} ${lead.last_name}`).toBe(m.lead);
    }
    const hiro = o.attendees.find((a) => a.first_name === 'Hiro')!;
    expect(hiro.time_zone).toBe('America/Los_Angeles');
    expect(Number(hiro.start!.slice(0, 2)) - Number(hiro.local_start!.slice(0, 2))).toBe(3);
  });

  it('neutralizes formulas and keeps accents in CSV, with a BOM', () => {
    const text = fs.readFileSync(path.join(o.dir, 'organizations.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain('Ana María');
    for (const f of ['meetings.csv', 'attendees.csv', 'contacts.csv', 'organizations.csv', 'digital-advocacy.csv', 'unmatched.csv', 'priority.csv', 'coverage.csv']) {
      for (const rec of readCsv(path.join(o.dir, f))) for (const v of Object.values(rec)) expect(v, `${f}: ${v}`).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('writes one workbook with a sheet for each list, dates as real dates and the header frozen', () => {
    const buf = fs.readFileSync(path.join(o.dir, 'schedule.xlsx'));
    const wb = XLSX.read(buf, { cellDates: false });
    expect(wb.SheetNames).toEqual(['Meetings', '2020-07-14', '2020-07-15', '2020-07-16', 'Attendees', 'Contacts', 'Organizations', 'Digital advocacy', 'Unmatched', 'Priority participants', 'Coverage']);
    const cell = wb.Sheets.Meetings!.B2!;
    expect(cell.t).toBe('n');
    expect(XLSX.SSF.format('yyyy-mm-dd', cell.v as number)).toBe(o.meetings[0]!.date);
    const zip = XLSX.CFB.read(buf, { type: 'buffer' });
    const sheets = zip.FullPaths.map((p: string, i: number) => [p, zip.FileIndex[i]] as const).filter(([p]: readonly [string, unknown]) => /worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(11);
    for (const [, entry] of sheets) expect(Buffer.from(entry!.content as Uint8Array).toString()).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  it('gives byte-identical files when run twice', () => {
    const again = path.join(tmpDir(), 'again');
    awg(['schedule', ...full, '--out', again]);
    for (const f of fs.readdirSync(o.dir, { recursive: true }).map(String)) {
      if (fs.statSync(path.join(o.dir, f)).isDirectory()) continue;
      expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(o.dir, f))), f).toBe(true);
    }
  });

  it('refuses to write into a folder that is not empty, unless --force', () => {
    const r = awg(['schedule', ...full, '--out', o.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty; awg will not write over it');
    expect(awg(['schedule', ...full, '--out', o.dir, '--force']).code).toBe(1);
  });

  it('marks meetings TBD and warns without a staff list', () => {
    const dir = path.join(tmpDir(), 'nostaff');
    const r = awg(['schedule', ...inputs, '--out', dir]);
    expect(r.stderr).toContain('no staff list given: every meeting has accompanier TBD');
    const ms = readCsv(path.join(dir, 'meetings.csv'));
    expect(ms.every((m) => m.accompanier === 'TBD' && m.status === 'needs accompanier')).toBe(true);
  });

  it('prints a summary an organizer can read', () => {
    const r = awg(['schedule', ...full, '--out', path.join(tmpDir(), 's')]);
    expect(r.stdout).toMatch(/^Meetings: \d+ \(2020-07-14: \d+, 2020-07-15: \d+, 2020-07-16: \d+\)/);
    expect(r.stdout).toContain('not covered: GA-06 (Rep. Lucy McBath)');
    expect(r.stdout).toMatch(/People: \d+ in meetings, \d+ on digital advocacy, \d+ unmatched \(of 41 RSVP rows/);
    expect(r.stdout).toContain('Aubrey Grant');
  });
});

describe('awg check on an edited schedule', () => {
  const check = (dir: string) => {
    const r = awg(['check', '--schedule', dir, ...inputs, '--json']);
    expectNoStack(r);
    return { code: r.code, report: JSON.parse(r.stdout) as { problems: Array<{ code: string; file: string; row: number; message: string }> } };
  };
  const copy = () => {
    const dir = path.join(tmpDir(), 'edited');
    fs.cpSync(o.dir, dir, { recursive: true });
    return dir;
  };
  const edit = (dir: string, file: string, change: (text: string) => string) => {
    const f = path.join(dir, file);
    fs.writeFileSync(f, change(fs.readFileSync(f, 'utf8')));
  };

  it('finds nothing wrong with the folder as written', () => {
    const r = check(o.dir);
    expect(r.report.problems.filter((p) => p.code !== 'not-available')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it.each([
    ['a meeting moved outside the window', 'meetings.csv', (t: string) => t.replace(/^(M001,\d{4}-\d{2}-\d{2}),\d{2}:\d{2},\d{2}:\d{2}/m, '$1,17:00,17:30'), 'outside-window', 'meetings.csv', 2],
    ['a person listed twice in one meeting', 'attendees.csv', (t: string) => {
      const lines = t.split('\r\n');
      return [...lines.slice(0, -1), lines[1]!, ''].join('\r\n');
    }, 'listed-twice', 'attendees.csv', undefined],
    ['an accompanier in two places', 'meetings.csv', (t: string) => {
      const lines = t.split('\r\n');
      const a = lines[1]!.split(',');
      const b = lines[2]!.split(',');
      b[1] = a[1]!; b[2] = a[2]!; b[3] = a[3]!; b[10] = a[10]!;
      lines[2] = b.join(',');
      return lines.join('\r\n');
    }, 'accompanier-conflict', 'meetings.csv', 3],
  ])('reports %s', (_name, file, change, code, where, row) => {
    const dir = copy();
    edit(dir, file, change);
    const r = check(dir);
    expect(r.code).toBe(1);
    const p = r.report.problems.find((x) => x.code === code);
    expect(p, JSON.stringify(r.report.problems)).toBeDefined();
    expect(p!.file).toContain(where);
    if (row) expect(p!.row).toBe(row);
  });

  it('checks accompaniers against the staff list when given one', () => {
    const dir = copy();
    const meetings = readCsv(path.join(dir, 'meetings.csv'));
    const afternoon = meetings.find((m) => m.start! >= '13:00')!;
    const other = meetings.find((m) => m.meeting_id !== afternoon.meeting_id)!;
    edit(dir, 'meetings.csv', (t) => t
      .replace(new RegExp(`^(${afternoon.meeting_id},(?:[^,]*,){9})[^,]*`, 'm'), '$1Rae Morgan')
      .replace(new RegExp(`^(${other.meeting_id},(?:[^,]*,){9})[^,]*`, 'm'), '$1Nobody Known'));
    const r = awg(['check', '--schedule', dir, ...inputs, '--staff', fx('staff.csv'), '--json']);
    const report = JSON.parse(r.stdout) as { problems: Array<{ code: string; row: number; severity: string }> };
    expect(r.code).toBe(1);
    expect(report.problems.find((p) => p.code === 'unknown-accompanier')).toMatchObject({ severity: 'error', row: meetings.indexOf(other) + 2 });
    expect(report.problems.find((p) => p.code === 'accompanier-unavailable')).toMatchObject({ severity: 'warning', row: meetings.indexOf(afternoon) + 2 });
  });

  it('reports a non-constituent, a person in two meetings at once, rows that are not the RSVP they name, and an RSVP on two lists', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const header = fs.readFileSync(path.join(dir, 'attendees.csv'), 'utf8').split('\r\n')[0]!;
    const line = (a: Rec) => Object.values(a).map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
    const meetings = readCsv(path.join(dir, 'meetings.csv'));
    const txMeeting = meetings.find((m) => m.state === 'TX' && m.chamber === 'House')!;
    const ana = attendees.find((a) => a.first_name === 'Ana María')!;
    const anaMeeting = meetings.find((m) => m.meeting_id === ana.meeting_id)!;
    // Move the Texas meeting to the time of Ana's meeting and put Ana in it too: a double booking
    // and a non-constituent at once.
    edit(dir, 'meetings.csv', (t) => t.replace(new RegExp(`^${txMeeting.meeting_id},[^,]*,[^,]*,[^,]*`, 'm'), `${txMeeting.meeting_id},${anaMeeting.date},${anaMeeting.start},${anaMeeting.end}`));
    const extra: Rec[] = [{ ...ana, meeting_id: txMeeting.meeting_id!, role: 'participant' }];
    const big = meetings.find((m) => m.member === 'Sen. Richard Dalton')!;
    // Omar (Oregon) is on digital advocacy as no target office's constituent: he cannot be in an Illinois meeting.
    // (Ivy, an Illinois constituent who said she cannot join, may be swapped in: see the folder tests.)
    const ivy = { ...ana, first_name: 'Omar', last_name: 'Haddad', email: 'omar.haddad@example.org', rsvp_row: '16', meeting_id: big.meeting_id };
    const filler = Array.from({ length: 10 }, () => ({ ...attendees.find((a) => a.meeting_id === big.meeting_id)! }));
    const rows = [...attendees, ...extra, ivy, ...filler.map((f, k) => ({ ...f, email: `filler${k}@example.org`, rsvp_row: String(2 + k) }))];
    fs.writeFileSync(path.join(dir, 'attendees.csv'), [header, ...rows.map(line), ''].join('\r\n'));
    edit(dir, 'digital-advocacy.csv', (t) => t.replace(/\r\n$/, `\r\n${ana.rsvp_row},Ana María,López,ana.lopez@example.org,,,IL,cannot-join,x\r\n`));
    const r = check(dir);
    const codes = new Set(r.report.problems.map((p) => p.code));
    expect(r.code).toBe(1);
    for (const c of ['not-constituent', 'not-matched', 'rsvp-row-mismatch', 'on-two-lists', 'double-booked']) expect(codes, c).toContain(c);
    expect(r.report.problems.find((p) => p.code === 'not-matched')!.message).toMatch(/^Omar Haddad <omar\.haddad@example\.org> \(RSVP row 16\) cannot be in a meeting: not a constituent of any target office/);
    expect(r.report.problems.find((p) => p.code === 'not-constituent')!.message).toMatch(/^Ana María López <ana\.lopez@example\.org> \(RSVP row \d+\) is not a constituent of Rep\. Tony Gonzales/);
    // The filler rows carry real rsvp_rows under made-up emails: each is named, none is counted as that RSVP.
    expect(r.report.problems.filter((p) => p.code === 'rsvp-row-mismatch')).toHaveLength(10);
  });
});
