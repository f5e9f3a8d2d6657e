// The conversation with the offices over re-runs (issue 21): the replies the organizer typed in
// offices.csv stay as typed (an unusable confirmed time, a free-text status) and bring no second
// request; an office that was asked or confirmed is told when its meeting moves, is replaced or is
// dropped (office-messages.csv and a draft in requests/, read back with postal-mime); `awg sent` marks
// the drafted requests as sent.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import PostalMime from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const RSVPS = fx('rsvps-google-forms.csv');
const inputs = ['--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv')];

let first = '';
let office: Rec;
let offices: Rec[] = [];
let attendees: Rec[] = [];
/** A time the meeting's people can all make, not its own. */
let free = { date: '', start: '' };

beforeAll(() => {
  first = path.join(tmpDir('awg-conv-'), 'first');
  expectNoStack(awg(['schedule', '--rsvps', RSVPS, ...inputs, '--out', first]));
  offices = readCsv(path.join(first, 'offices.csv'));
  attendees = readCsv(path.join(first, 'attendees.csv'));
  office = offices.find((o) => o.member === 'Rep. Jan Schakowsky' && o.meeting_id)!;
  const validate = JSON.parse(awg(['validate', '--rsvps', RSVPS, ...inputs.slice(0, 2), '--json']).stdout) as { people: Array<{ row: number; availability: string[] | string }> };
  const av = new Map(validate.people.map((p) => [String(p.row), p.availability]));
  const mine = attendees.filter((a) => a.meeting_id === office.meeting_id);
  const busy = new Set(attendees.filter((a) => a.meeting_id !== office.meeting_id && mine.some((x) => x.rsvp_row === a.rsvp_row)).map((a) => `${a.date} ${a.start}`));
  const all = ['2020-07-14', '2020-07-15', '2020-07-16'].flatMap((day) => Array.from({ length: 12 }, (_, i) => `${day} ${String(10 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`));
  const x = all.find((t) => t !== `${office.date} ${office.start}` && !busy.has(t) && mine.every((a) => !Array.isArray(av.get(a.rsvp_row!)) || av.get(a.rsvp_row!)!.includes(t)))!;
  free = { date: x.slice(0, 10), start: x.slice(11) };
}, 120_000);

/** A copy of `from` with the office's row of offices.csv edited; the re-run's output folder and what it says. */
function rerun(from: string, edit: Rec | undefined, rsvps = RSVPS) {
  const dir = path.join(tmpDir('awg-conv-'), 'before');
  fs.cpSync(from, dir, { recursive: true });
  if (edit) {
    const rows = readCsv(path.join(dir, 'offices.csv')).map((o) => (o.meeting_id === office.meeting_id ? { ...o, ...edit } : o));
    fs.writeFileSync(path.join(dir, 'offices.csv'), `\uFEFF${stringify(rows, { header: true, columns: Object.keys(rows[0]!), record_delimiter: '\r\n' })}`);
  }
  const out = path.join(path.dirname(dir), 'after');
  const r = awg(['schedule', '--rsvps', rsvps, ...inputs, '--previous', dir, '--out', out]);
  expectNoStack(r);
  const officeRows = readCsv(path.join(out, 'offices.csv'));
  const messagesFile = path.join(out, 'office-messages.csv');
  return {
    r, out, officeRows,
    row: officeRows.find((o) => o.member === office.member && o.meeting_id)!,
    problems: readCsv(path.join(out, 'problems.csv')).filter((p) => path.basename(p.file ?? '') === 'offices.csv'),
    requested: fs.readdirSync(path.join(out, 'requests')).some((f) => f.includes('jan-schakowsky')),
    messages: fs.existsSync(messagesFile) ? readCsv(messagesFile).filter((m) => m.member === office.member) : [],
  };
}

const mail = async (file: string) => PostalMime.parse(fs.readFileSync(file));

describe('offices.csv replies stay as the organizer typed them', () => {
  it('a confirmed time outside the window stays as typed over two re-runs, is named by its row, and no second request is drafted', () => {
    const two = rerun(first, { status: 'confirmed', date: office.date!, start: '18:00', notes: 'call back' });
    expect(two.row).toMatchObject({ status: 'confirmed', date: office.date, start: '18:00', notes: 'call back' });
    expect(two.requested).toBe(false);
    const p = two.problems.find((x) => x.code === 'outside-window')!;
    expect(p.severity).toBe('error');
    // The row the problem names holds the organizer's words, in the folder the organizer opens next.
    expect(two.officeRows[Number(p.row) - 2]).toMatchObject({ member: office.member, start: '18:00' });
    const three = rerun(two.out, undefined);
    expect(three.row).toMatchObject({ status: 'confirmed', start: '18:00' });
    expect(three.requested).toBe(false);
  });

  it('free text in a status ("left voicemail 6/20") is a note: kept as typed, a warning, no new request', () => {
    const two = rerun(first, { status: 'left voicemail 6/20' });
    expect(two.row.status).toBe('left voicemail 6/20');
    expect(two.requested).toBe(false);
    expect(two.problems.find((x) => x.code === 'status-note')).toMatchObject({ severity: 'warning', column: 'status', value: 'left voicemail 6/20' });
    expect(two.problems.some((x) => x.severity === 'error')).toBe(false);
    const three = rerun(two.out, undefined);
    expect(three.row.status).toBe('left voicemail 6/20');
    expect(three.requested).toBe(false);
  });
});

describe('an office that was asked is told what became of its meeting', () => {
  it('a requested meeting that loses all its people yields a message to its scheduler quoting the ID it was asked under', async () => {
    // Every RSVP of its people is taken out of the export (a duplicate row of theirs too).
    const emails = attendees.filter((a) => a.meeting_id === office.meeting_id).map((a) => a.email!.toLowerCase());
    const lines = fs.readFileSync(RSVPS, 'utf8').split(/\r?\n/);
    const fewer = path.join(tmpDir('awg-conv-'), 'rsvps.csv');
    fs.writeFileSync(fewer, lines.filter((l) => !emails.some((e) => l.toLowerCase().includes(e))).join('\n'));
    const t = rerun(first, { status: 'requested' }, fewer);
    expect(t.messages).toHaveLength(1);
    const m = t.messages[0]!;
    expect(m.meeting_id).toBe(office.meeting_id);
    // The meeting made for the office in its place keeps the ID the office was asked under, and the office is told of it.
    const now = readCsv(path.join(t.out, 'meetings.csv')).filter((x) => x.member === office.member);
    expect(now.map((x) => x.meeting_id)).toEqual([office.meeting_id]);
    expect(m).toMatchObject({ kind: 'update', now_meeting_id: office.meeting_id });
    expect(`${now[0]!.date} ${now[0]!.start}`).not.toBe(`${office.date} ${office.start}`);
    expect(m.what_changed).toContain(`moved to ${now[0]!.date} ${now[0]!.start}`);
    const file = fs.readdirSync(path.join(t.out, 'office-messages')).find((f) => f.startsWith(`${office.meeting_id}-${m.kind}-`))!;
    const eml = await mail(path.join(t.out, 'office-messages', file));
    expect(eml.to?.map((a) => a.address)).toEqual([office.scheduler_email]);
    expect(eml.subject).toContain(office.meeting_id);
    expect(eml.text).toContain(office.meeting_id);
    expect(t.requested).toBe(false);
    // None of the people the office was told about is in the meeting any more, and the message says so.
    expect(readCsv(path.join(t.out, 'attendees.csv')).some((a) => emails.includes(a.email!.toLowerCase()))).toBe(false);
    expect(m.body).toMatch(m.kind === 'cancellation' ? /cancel/ : /No longer attending: /);
  });

  it('moving a confirmed meeting drafts an update to its scheduler with the new time and who attends', async () => {
    const two = rerun(first, { status: 'confirmed' });
    expect(two.messages.map((m) => m.kind)).toEqual(['attendee list']);
    const three = rerun(two.out, { status: 'confirmed', date: free.date, start: free.start });
    const update = three.messages.find((m) => m.kind === 'update')!;
    expect(update).toMatchObject({ meeting_id: office.meeting_id, office_status: 'confirmed', to: office.scheduler_email });
    expect(update.what_changed).toContain(`moved to ${free.date} ${free.start}`);
    const eml = await mail(path.join(three.out, 'office-messages', fs.readdirSync(path.join(three.out, 'office-messages')).find((f) => f.startsWith(`${office.meeting_id}-update-`))!));
    expect(eml.subject).toBe(update.subject);
    expect(eml.text).toContain('Who will attend:');
    for (const a of readCsv(path.join(three.out, 'attendees.csv')).filter((x) => x.meeting_id === office.meeting_id)) expect(eml.text).toContain(`${a.first_name} ${a.last_name}`);
    // The attendee list goes out a few days before (attendeeListDaysBefore, 3 by default).
    const list = three.messages.find((m) => m.kind === 'attendee list')!;
    expect(list.send_on).toBe(new Date(Date.parse(`${free.date}T12:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10));
    expect(list.body).toContain('The video link comes from the organizers');
  });
});

describe('awg sent', () => {
  it('marks every office whose request was drafted as requested in one step, changes no other cell, and the re-run drafts none of them again', () => {
    const dir = path.join(tmpDir('awg-conv-'), 'sent');
    fs.cpSync(first, dir, { recursive: true });
    const drafted = fs.readdirSync(path.join(dir, 'requests')).map((f) => f.split('-')[0]);
    const before = readCsv(path.join(dir, 'offices.csv'));
    const r = awg(['sent', '--schedule', dir]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const after = readCsv(path.join(dir, 'offices.csv'));
    expect(after).toHaveLength(before.length);
    after.forEach((o, i) => {
      const was = before[i]!;
      const marked = drafted.includes(was.meeting_id!) && was.status === 'to request';
      expect(o.status).toBe(marked ? 'requested' : was.status);
      expect({ ...o, status: '', notes: '' }).toEqual({ ...was, status: '', notes: '' });
      if (!marked) expect(o.notes).toBe(was.notes);
    });
    expect(after.filter((o) => o.status === 'requested')).toHaveLength(drafted.length);
    expect(r.stdout).toContain(`${drafted.length} offices marked requested`);
    // Nothing is marked twice.
    expect(awg(['sent', '--schedule', dir]).stdout).toContain('nothing to mark');
    const out = path.join(path.dirname(dir), 'again');
    expectNoStack(awg(['schedule', '--rsvps', RSVPS, ...inputs, '--previous', dir, '--out', out]));
    expect(fs.existsSync(path.join(out, 'requests')) ? fs.readdirSync(path.join(out, 'requests')) : []).toEqual([]);
    expect(readCsv(path.join(out, 'requests.csv'))).toEqual([]);
  });

  it('exits 2 on a folder without offices.csv', () => {
    const r = awg(['sent', '--schedule', tmpDir()]);
    expect(r.code).toBe(2);
    expectNoStack(r);
  });
});

describe('awg update tells the office of a hand edit', () => {
  it('a person taken out of a requested meeting by hand yields an update draft to its scheduler naming them', async () => {
    const dir = path.join(tmpDir('awg-conv-'), 'edited');
    fs.cpSync(first, dir, { recursive: true });
    const write = (file: string, rows: Rec[]) => fs.writeFileSync(path.join(dir, file), `\uFEFF${stringify(rows, { header: true, columns: Object.keys(rows[0]!), record_delimiter: '\r\n' })}`);
    write('offices.csv', readCsv(path.join(dir, 'offices.csv')).map((o) => (o.meeting_id === office.meeting_id ? { ...o, status: 'requested' } : o)));
    const all = readCsv(path.join(dir, 'attendees.csv'));
    const gone = all.find((a) => a.meeting_id === office.meeting_id && a.role === 'participant')!;
    write('attendees.csv', all.filter((a) => a !== gone));
    const u = awg(['update', '--schedule', dir]);
    expectNoStack(u);
    expect(u.code).toBe(0);
    const messages = readCsv(path.join(dir, 'office-messages.csv')).filter((m) => m.kind !== 'attendee list');
    expect(messages.map((m) => [m.meeting_id, m.kind, m.what_changed])).toEqual([[office.meeting_id, 'update', '1 removed']]);
    const eml = await mail(path.join(dir, 'office-messages', fs.readdirSync(path.join(dir, 'office-messages')).find((f) => f.startsWith(`${office.meeting_id}-update-`))!));
    expect(eml.to?.map((a) => a.address)).toEqual([office.scheduler_email]);
    expect(eml.text).toContain(`No longer attending: ${gone.first_name} ${gone.last_name}.`);
    expect(u.stderr).toContain('office-messages/ tells each office');
  });
});
