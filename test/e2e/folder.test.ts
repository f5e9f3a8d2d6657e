// The folder organizers edit, end to end: each failure reported in issue 15, as an organizer meets it.
import { peopleHeader } from '../../src/columns.js';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awg, expectNoStack, fx, tmpDir, type Run } from '../helpers/run.js';

type Rec = Record<string, string>;
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const writeCsv = (file: string, rows: Rec[]) => fs.writeFileSync(file, `\uFEFF${stringify(rows, { header: true, record_delimiter: '\r\n' })}`);
interface Report { meetings: number; attendees: number; problems: Array<{ code: string; severity: string; file: string; row: number; message: string }> }
const check = (dir: string, ...extra: string[]): Run & { report: Report } => {
  const r = awg(['check', '--schedule', dir, '--json', ...extra]);
  expectNoStack(r);
  return { ...r, report: JSON.parse(r.stdout) as Report };
};
const update = (dir: string, ...extra: string[]) => {
  const r = awg(['update', '--schedule', dir, ...extra]);
  expectNoStack(r);
  return r;
};

let base = '';
const copy = () => {
  const dir = path.join(tmpDir(), 'edited');
  fs.cpSync(base, dir, { recursive: true });
  return dir;
};
beforeAll(() => {
  base = path.join(tmpDir(), 'schedule');
  expect(awg(['schedule', ...inputs, '--out', base]).code).toBe(1);
});

const icsStarts = (file: string) => {
  const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  return comp.getAllSubcomponents('vevent').map((e) => `${String(e.getFirstPropertyValue('summary'))} ${(e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()}`).sort();
};

describe('the folder describes itself', () => {
  it('awg check needs no other option, and a folder at rest holds every rule', () => {
    const r = check(base);
    expect(r.code).toBe(0);
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const desc = JSON.parse(fs.readFileSync(path.join(base, 'awg-folder.json'), 'utf8'));
    expect(desc.config.event).toMatchObject({ timeZone: 'America/New_York', days: ['2020-07-14', '2020-07-15', '2020-07-16'], windowStart: '10:00', maxGroup: 10 });
    expect(desc.inputs.staff).toMatchObject({ size: fs.statSync(fx('staff.csv')).size, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('an event in America/Los_Angeles is checked and updated without --config, and a different --config is named', () => {
    const dir = path.join(tmpDir(), 'la');
    const config = path.join(tmpDir(), 'awg.config.json');
    fs.writeFileSync(config, JSON.stringify({ event: { name: 'West Coast days', timeZone: 'America/Los_Angeles', windowStart: '09:00', windowEnd: '13:00' } }));
    expect(awg(['schedule', ...inputs.slice(0, 8), '--config', config, '--out', dir]).code).toBe(1);
    const before = icsStarts(path.join(dir, 'calendar', 'participants', fs.readdirSync(path.join(dir, 'calendar', 'participants'))[0]!));
    const r = check(dir);
    expect(r.report.problems.filter((p) => p.code === 'outside-window')).toEqual([]);
    expect(r.code).toBe(0);
    const u = update(dir);
    expect(u.code).toBe(0);
    const file = fs.readdirSync(path.join(dir, 'calendar', 'participants'))[0]!;
    expect(icsStarts(path.join(dir, 'calendar', 'participants', file))).toEqual(before);
    fs.writeFileSync(config, JSON.stringify({ event: { name: 'West Coast days' } }));
    expect(check(dir).report.problems.find((p) => p.code === 'config-changed')?.message).toMatch(/awg\.config\.json has changed since the schedule was made; awg uses the config recorded in the folder \(America\/Los_Angeles/);
    const ny = path.join(tmpDir(), 'ny.json');
    fs.writeFileSync(ny, '{}');
    const other = check(dir, '--config', ny);
    expect(other.report.problems.find((p) => p.code === 'config-differs')?.message).toMatch(/event\.timeZone \("America\/Los_Angeles" in the folder, "America\/New_York" here\)/);
  });

  it('a recorded input that moved away is named, with the option to give', () => {
    const dir = path.join(tmpDir(), 'moved');
    const rsvps = path.join(tmpDir(), 'rsvps.csv');
    fs.copyFileSync(fx('rsvps-google-forms.csv'), rsvps);
    awg(['schedule', '--rsvps', rsvps, ...inputs.slice(2), '--out', dir]);
    fs.rmSync(rsvps);
    const r = awg(['check', '--schedule', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/made from the RSVP file .*rsvps\.csv, which is not there any more[\s\S]*--rsvps FILE/);
  });
});

describe('folders that do not describe themselves, and inputs that changed', () => {
  it('a folder made before awg-folder.json needs the inputs, and says which event it assumes', () => {
    const dir = copy();
    fs.rmSync(path.join(dir, 'awg-folder.json'));
    const bare = awg(['check', '--schedule', dir]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/does not record the inputs it was made from[\s\S]*--rsvps FILE and --targets FILE/);
    const r = check(dir, ...inputs.slice(0, 8));
    expect(r.code).toBe(0);
    expect(r.report.problems.find((p) => p.code === 'folder-undescribed')?.message).toMatch(/does not record the event it was made for .*America\/New_York/);
  });

  it('an RSVP export that changed since the schedule was made is named', () => {
    const dir = path.join(tmpDir(), 'changed');
    const rsvps = path.join(tmpDir(), 'rsvps.csv');
    fs.copyFileSync(fx('rsvps-google-forms.csv'), rsvps);
    awg(['schedule', '--rsvps', rsvps, ...inputs.slice(2), '--out', dir]);
    fs.appendFileSync(rsvps, '2020/06/30 9:00:00 AM EDT,late.comer@example.org,Late,Comer,,,Chicago,IL,60614,,,,,,,,,,\r\n');
    const r = check(dir);
    expect(r.report.problems.find((p) => p.code === 'input-changed')?.message).toMatch(/the RSVP file .*rsvps\.csv has changed since the schedule was made/);
    // A file outside the folder awg runs in is named by the path the organizer gave, not as ../../tmp/….
    expect(r.report.problems.find((p) => p.code === 'input-changed')?.message).toContain(`the RSVP file ${rsvps} has changed`);
    expect(r.report.problems.find((p) => p.code === 'on-no-list')?.message).toMatch(/^Late Comer <late\.comer@example\.org> \(RSVP row 43\) is in no meeting and on no list/);
    // The same bytes as recorded under another name are the same input; other bytes are named.
    expect(check(dir, '--rsvps', fx('rsvps-google-forms.csv')).report.problems.filter((p) => /input-/.test(p.code))).toEqual([]);
    const other = check(dir, '--rsvps', fx('rsvps-google-sheets.csv'));
    expect(other.report.problems.find((p) => p.code === 'input-differs')?.message).toMatch(/--rsvps .*rsvps-google-sheets\.csv is not the RSVP file the schedule was made from/);
  });
});

describe('awg check misses nothing an edit can leave', () => {
  it('a meeting moved in meetings.csv alone: both rows named; then update moves every derived file with it', () => {
    const dir = copy();
    const meetings = readCsv(path.join(dir, 'meetings.csv'));
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const m = meetings.find((x) => attendees.some((a) => a.meeting_id === x.meeting_id && a.time_zone === 'America/Chicago') && x.start === '11:00')!;
    // 11:00 to 12:00: past the meeting at 11:30, so the day's order changes too.
    m.start = '12:00';
    m.end = '12:30';
    writeCsv(path.join(dir, 'meetings.csv'), meetings);
    const r = check(dir);
    expect(r.code).toBe(1);
    const disagree = r.report.problems.filter((p) => p.code === 'files-disagree');
    expect(disagree.length).toBe(attendees.filter((a) => a.meeting_id === m.meeting_id).length);
    expect(disagree[0]!.message).toMatch(new RegExp(`is in ${m.meeting_id}, but this row and meetings\\.csv row ${meetings.indexOf(m) + 2} disagree on it: start 11:00 here, 12:00 there`));
    expect(update(dir).code).toBe(1);
    // As the fix says: clear the attendees' copies of the meeting's date and time; awg fills them in.
    writeCsv(path.join(dir, 'attendees.csv'), attendees.map((a) => (a.meeting_id === m.meeting_id ? { ...a, date: '', start: '', end: '', local_start: '', local_end: '' } : a)));
    const ok = update(dir);
    expect(ok.code, ok.stderr).toBe(0);
    // Everyone in the moved meeting is told (changes.csv and a notice each), against the schedule as awg wrote
    // it; the requests are awg schedule's, and update says so rather than leave them silently stale.
    const moved = readCsv(path.join(dir, 'changes.csv'));
    const inIt = attendees.filter((a) => a.meeting_id === m.meeting_id);
    expect(moved.filter((c) => c.role !== 'accompanier').map((c) => c.email).sort()).toEqual(inIt.map((a) => a.email).sort());
    expect(new Set(moved.map((c) => c.change))).toEqual(new Set(['moved']));
    expect(moved[0]!.after).toContain(`${m.meeting_id} ${m.date} 12:00`);
    expect(readCsv(path.join(dir, 'notices.csv')).length).toBe(new Set(moved.map((c) => c.email)).size);
    expect(ok.stdout).toMatch(/Changes: \d+ people to tell/);
    // The moved meeting is one its office confirmed (confirmed.csv): the office is told by a draft in office-messages/, and update says so.
    expect(m.status).toBe('confirmed');
    const told = readCsv(path.join(dir, 'office-messages.csv')).filter((x) => x.kind === 'update');
    expect(told.map((x) => [x.meeting_id, x.what_changed])).toEqual([[m.meeting_id, `moved to ${m.date} 12:00`]]);
    expect(ok.stderr).toContain('office-messages/ tells each office asked for or confirming a meeting you changed');
    const after = readCsv(path.join(dir, 'attendees.csv')).filter((a) => a.meeting_id === m.meeting_id);
    expect(after.find((a) => a.time_zone === 'America/Chicago')).toMatchObject({ start: '12:00', local_start: '11:00' });
    const day = readCsv(path.join(dir, 'days', `${m.date}.csv`));
    expect(day.find((d) => d.meeting_id === m.meeting_id)?.start).toBe('12:00');
    expect(day.map((d) => d.start)).toEqual(day.map((d) => d.start).sort());
    const wb = XLSX.read(fs.readFileSync(path.join(dir, 'schedule.xlsx')), { type: 'buffer', cellNF: true });
    // The workbook's headers are for people: `Meeting`, `Start`.
    const row = XLSX.utils.sheet_to_json<Rec>(wb.Sheets.Meetings!, { raw: false }).find((x) => x[peopleHeader('meeting_id')] === m.meeting_id);
    expect(row?.[peopleHeader('start')]).toBe('12:00');
    expect(fs.existsSync(path.join(dir, 'printables'))).toBe(false);
    // The folder as it was before update (the edits, and the stale derived files) is kept beside it.
    expect(readCsv(path.join(`${dir}.previous`, 'days', `${m.date}.csv`)).find((d) => d.meeting_id === m.meeting_id)?.start).toBe('11:00');
    expect(check(dir).code).toBe(0);
  });

  it('a meeting emptied and a person swapped: the meeting of nobody is an error, everyone moved is named', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const counts = new Map<string, number>();
    for (const a of attendees) counts.set(a.meeting_id!, (counts.get(a.meeting_id!) ?? 0) + 1);
    const lone = [...counts].find(([, n]) => n === 1)![0];
    const gone = attendees.find((a) => a.meeting_id === lone)!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.filter((a) => a !== gone));
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.report.problems.find((p) => p.code === 'empty-meeting')?.message).toMatch(new RegExp(`^${lone} .* has no participants`));
    const name = `${gone.first_name} ${gone.last_name}`;
    if (!attendees.some((a) => a !== gone && a.rsvp_row === gone.rsvp_row)) {
      expect(r.report.problems.find((p) => p.code === 'on-no-list')?.message).toContain(name);
    }
  });

  it('swapping in someone from digital advocacy is fine, the person swapped out is named, and update moves both lists', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const sam = readCsv(path.join(dir, 'digital-advocacy.csv')).find((d) => d.first_name === 'Sam')!;
    const hiro = attendees.find((a) => a.first_name === 'Hiro')!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.map((a) => (a === hiro ? { ...a, first_name: 'Sam', last_name: 'Lee', email: sam.email!, rsvp_row: sam.rsvp_row! } : a)));
    const r = check(dir);
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.report.problems.find((p) => p.code === 'on-no-list')?.message).toMatch(/^Hiro Tanaka <hiro\.tanaka@example\.org> \(RSVP row \d+\) is in no meeting and on no list/);
    expect(r.report.problems.find((p) => p.code === 'on-two-lists')?.message).toMatch(/^Sam Lee .* still on digital-advocacy\.csv; awg update takes them off it/);
    expect(update(dir).code).toBe(0);
    const digital = readCsv(path.join(dir, 'digital-advocacy.csv'));
    expect(digital.some((d) => d.first_name === 'Sam')).toBe(false);
    expect(digital.find((d) => d.first_name === 'Hiro')).toMatchObject({ reason_code: 'not-in-a-meeting' });
    const orgs = readCsv(path.join(dir, 'contacts.csv'));
    expect(orgs.some((c) => c.name === 'Sam Lee')).toBe(true);
    expect(check(dir).report.problems.filter((p) => /list/.test(p.code))).toEqual([]);
  });

  it('swapping in someone from digital advocacy whose RSVP said they cannot join is a warning saying so, and update puts them in the meeting', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const ivy = readCsv(path.join(dir, 'digital-advocacy.csv')).find((d) => d.first_name === 'Ivy')!;
    expect(ivy.reason_code).toBe('cannot-join');
    const dana = attendees.find((a) => a.first_name === 'Dana' && a.member === 'Sen. Tammy Duckworth')!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.map((a) => (a === dana ? { ...a, first_name: 'Ivy', last_name: 'Nguyen', email: ivy.email!, rsvp_row: ivy.rsvp_row! } : a)));
    const r = check(dir);
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.report.problems.find((p) => p.code === 'swapped-in')?.message).toMatch(/^Ivy Nguyen <ivy\.nguyen@example\.org> \(RSVP row 10\) is in M\d+, though their RSVP kept them out of every meeting: cannot join any meeting time/);
    expect(update(dir).code).toBe(0);
    expect(readCsv(path.join(dir, 'attendees.csv')).some((a) => a.first_name === 'Ivy')).toBe(true);
    expect(readCsv(path.join(dir, 'digital-advocacy.csv')).some((d) => d.first_name === 'Ivy')).toBe(false);
  });
});

describe('awg roster, the old name of awg update', () => {
  it('says so, brings the folder up to date in place, and writes no second set under printables/', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const hiro = attendees.find((a) => a.first_name === 'Hiro')!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.filter((a) => a !== hiro));
    fs.writeFileSync(path.join(dir, 'my notes.txt'), 'call the scheduler on Monday');
    fs.mkdirSync(path.join(dir, 'printables'));
    fs.writeFileSync(path.join(dir, 'printables', 'itineraries.html'), 'an old second set');
    const r = awg(['roster', '--schedule', dir]);
    expectNoStack(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('awg roster is now awg update');
    expect(r.stdout).toMatch(/^Changed \d+ files: .*digital-advocacy\.csv, itineraries\.html, meetings\.csv/m);
    expect(r.stdout).toMatch(/^Gone \(still in edited\.previous\/\): .*calendar\/participants\/hiro-tanaka\.ics/m);
    expect(fs.existsSync(path.join(dir, 'printables'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'my notes.txt'), 'utf8')).toBe('call the scheduler on Monday');
    expect(fs.readFileSync(path.join(dir, 'itineraries.html'), 'utf8')).not.toContain('Hiro');
    expect(fs.readFileSync(path.join(`${dir}.previous`, 'itineraries.html'), 'utf8')).toContain('Hiro');
    expect(readCsv(path.join(dir, 'digital-advocacy.csv')).some((d) => d.first_name === 'Hiro')).toBe(true);
    // Hiro's calendar now only cancels the event already in his calendar (same UID, METHOD:CANCEL).
    const hiroFiles = fs.readdirSync(path.join(dir, 'calendar', 'participants')).filter((f) => /hiro/i.test(f));
    expect(hiroFiles).toEqual([expect.stringMatching(/-cancelled\.ics$/)]);
    expect(fs.readFileSync(path.join(dir, 'calendar', 'participants', hiroFiles[0]!), 'utf8')).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
  });
});

describe('awg\'s own files after a spreadsheet saved them', () => {
  it('dates as 7/14/2020 and times as 11:00 AM, no BOM, LF: check says the same and update writes the same files', () => {
    const plain = copy();
    const unedited = update(plain);
    expect(unedited.code).toBe(0);
    expect(unedited.stderr).not.toContain('do not show these edits');
    const dir = copy();
    for (const name of ['meetings.csv', 'attendees.csv']) {
      const f = path.join(dir, name);
      const rows = parse(fs.readFileSync(f), { bom: true }) as string[][];
      const header = rows[0]!;
      const us = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, dd) => `${Number(m)}/${Number(dd)}/${y}`);
      const ampm = (t: string) => t.replace(/^(\d{2}):(\d{2})$/, (_, h, m) => `${Number(h) % 12 || 12}:${m} ${Number(h) < 12 ? 'AM' : 'PM'}`);
      const out = rows.map((r, i) => (i === 0 ? r : r.map((c, k) => (header[k] === 'date' ? us(c) : /start|end/.test(header[k]!) ? ampm(c) : c))));
      fs.writeFileSync(f, stringify(out, { record_delimiter: '\n' }));
    }
    const a = check(plain);
    const b = check(dir);
    expect(b.code).toBe(a.code);
    expect(b.report.problems.map((p) => p.code)).toEqual(a.report.problems.map((p) => p.code));
    const u = update(dir);
    expect(u.code, u.stderr).toBe(0);
    for (const f of ['meetings.csv', 'attendees.csv', 'days/2020-07-15.csv', 'contacts.csv', 'organizations.csv', 'itineraries.html', 'rosters/2020-07-14.html']) {
      expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).toBe(fs.readFileSync(path.join(plain, f), 'utf8'));
    }
    const ics = fs.readdirSync(path.join(plain, 'calendar', 'participants'));
    for (const f of ics) expect(fs.readFileSync(path.join(dir, 'calendar', 'participants', f), 'utf8')).toBe(fs.readFileSync(path.join(plain, 'calendar', 'participants', f), 'utf8'));
  });

  it('one line saved with LF inside a CRLF file: no two rows merge', () => {
    const dir = copy();
    const f = path.join(dir, 'attendees.csv');
    const lines = fs.readFileSync(f, 'utf8').split('\r\n');
    fs.writeFileSync(f, `${lines.slice(0, 5).join('\r\n')}\n${lines.slice(5).join('\r\n')}`);
    const r = check(dir);
    expect(r.report.attendees).toBe(readCsv(path.join(base, 'attendees.csv')).length);
    expect(r.code).toBe(0);
  });

  it('edits in schedule.xlsx count: read when it was the one saved, refused when the CSVs differ', () => {
    const dir = copy();
    const file = path.join(dir, 'schedule.xlsx');
    const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellNF: true });
    wb.Sheets.Meetings!.K3 = { t: 's', v: 'Aubrey Grant' };
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const r = awg(['check', '--schedule', dir]);
    expect(r.stderr).toContain('Read the meetings and attendees from schedule.xlsx');
    const u = update(dir);
    expect(u.code, u.stderr).toBe(0);
    expect(readCsv(path.join(dir, 'meetings.csv'))[1]?.accompanier).toBe('Aubrey Grant');
    // Now both: the workbook one way, the CSV another.
    const wb2 = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellNF: true });
    wb2.Sheets.Meetings!.K3 = { t: 's', v: 'Rae Morgan' };
    fs.writeFileSync(file, XLSX.write(wb2, { type: 'buffer', bookType: 'xlsx' }));
    const ms = readCsv(path.join(dir, 'meetings.csv'));
    ms[1]!.accompanier = 'Dev Patel';
    writeCsv(path.join(dir, 'meetings.csv'), ms);
    const both = awg(['check', '--schedule', dir]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/both .*meetings\.csv.*attendees\.csv and .*schedule\.xlsx .* were edited since awg wrote them, and they differ/);
  });
});

describe('awg schedule points to every problem', () => {
  it('writes problems.csv, one problem a row, prints --json, and gives the folder the usual permissions', () => {
    const dir = path.join(tmpDir(), 'json');
    const r = awg(['schedule', ...inputs, '--out', dir, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { summary: { meetings: number }; errors: number; problems: unknown[] };
    expect(json.summary.meetings).toBeGreaterThan(0);
    const rows = readCsv(path.join(dir, 'problems.csv'));
    expect(rows.length).toBe(json.problems.length);
    expect(rows.filter((p) => p.severity === 'error').length).toBe(json.errors);
    expect(rows[0]).toMatchObject({ severity: 'error', file: expect.stringContaining('rsvps-google-forms.csv'), row: expect.stringMatching(/^\d+$/) });
    const text = awg(['schedule', ...inputs, '--out', path.join(tmpDir(), 'text')]);
    expect(text.stdout).toMatch(/every problem \(\d+ errors, \d+ warnings\) is in .*problems\.csv, one a row/);
    const probe = path.join(tmpDir(), 'probe');
    fs.mkdirSync(probe);
    expect(fs.statSync(dir).mode & 0o777).toBe(fs.statSync(probe).mode & 0o777);
  });
});
