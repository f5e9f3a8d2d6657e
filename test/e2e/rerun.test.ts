// The weeks of work: schedule, then five new RSVPs, three gone, one office declined and one meeting
// confirmed at another time in offices.csv; re-run with --previous. Only what must change changes.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import PostalMime from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const base = ['--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const key = (a: Rec) => (a.email ?? '').trim().toLowerCase();

const t = {} as {
  root: string; first: string; second: string; fresh: string; rsvps: string;
  removed: Set<string>; added: Set<string>; declined: Rec; moved: Rec; movedTo: { date: string; start: string };
  rerun: ReturnType<typeof awg>; freshRun: ReturnType<typeof awg>;
};

/** Each person's seats as (meeting id, date, start, accompanier, lead, link). */
function seats(dir: string): Map<string, string[]> {
  const meetings = new Map(readCsv(path.join(dir, 'meetings.csv')).map((m) => [m.meeting_id!, m]));
  const out = new Map<string, string[]>();
  const add = (k: string, s: string) => out.set(k, [...(out.get(k) ?? []), s].sort());
  for (const a of readCsv(path.join(dir, 'attendees.csv'))) {
    const m = meetings.get(a.meeting_id!)!;
    add(key(a), [m.meeting_id, m.date, m.start, m.accompanier, m.lead, m.link].join('|'));
  }
  for (const m of meetings.values()) if (m.accompanier && m.accompanier !== 'TBD') add(`accompanier:${(m.accompanier_email || m.accompanier).toLowerCase()}`, [m.meeting_id, m.date, m.start, m.lead, m.link].join('|'));
  return out;
}

beforeAll(() => {
  t.root = tmpDir('awg-rerun-');
  t.first = path.join(t.root, 'first');
  const r1 = awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), ...base, '--out', t.first]);
  expectNoStack(r1);
  // The new export: three people who are in meetings are gone (rows below them shift up), five are new.
  const lines = fs.readFileSync(fx('rsvps-google-forms.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const attendees = readCsv(path.join(t.first, 'attendees.csv'));
  const offices = readCsv(path.join(t.first, 'offices.csv'));
  const meetings = readCsv(path.join(t.first, 'meetings.csv'));
  t.declined = offices.find((o) => o.status === 'to request' && o.member === 'Rep. Jan Schakowsky')!;
  t.moved = offices.find((o) => o.status === 'to request' && o.member === 'Sen. Ruben Gallego')!;
  const declinedPeople = new Set(attendees.filter((a) => a.meeting_id === t.declined.meeting_id).map(key));
  const movedPeople = new Set(attendees.filter((a) => a.meeting_id === t.moved.meeting_id).map(key));
  const candidates = [...new Set(attendees.filter((a) => !declinedPeople.has(key(a)) && !movedPeople.has(key(a)) && a.role !== 'lead').map((a) => a.rsvp_row!))];
  const gone = new Set(candidates.slice(0, 3).map(Number));
  t.removed = new Set(attendees.filter((a) => gone.has(Number(a.rsvp_row))).map(key));
  const kept = lines.filter((_, i) => !gone.has(i + 1));
  // New people: copies of rows of people in meetings (same places, same times), with new names and emails.
  const sources = [...new Set(attendees.map((a) => Number(a.rsvp_row)))].filter((r) => !gone.has(r)).slice(0, 5);
  t.added = new Set();
  const header = parse(lines[0]!)[0] as string[];
  const emailCol = header.indexOf('Email Address');
  const first = header.indexOf('First Name');
  sources.forEach((row, k) => {
    const cells = (parse(lines[row - 1]!, { relax_quotes: true }) as string[][])[0]!;
    cells[emailCol] = `new.person${k}@example.org`;
    cells[first] = `Newcomer${k}`;
    cells[0] = `2020/06/30 9:0${k}:00 AM EDT`;
    t.added.add(`new.person${k}@example.org`);
    kept.push(stringify([cells]).trimEnd());
  });
  t.rsvps = path.join(t.root, 'rsvps-new.csv');
  fs.writeFileSync(t.rsvps, `${kept.join('\r\n')}\r\n`);
  // The organizer records two replies in offices.csv, saved as Excel saves it (US dates, 12-hour times).
  // The office confirms another time its people can all make (as the request's alternatives offer).
  const m = meetings.find((x) => x.meeting_id === t.moved.meeting_id)!;
  const validate = JSON.parse(awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--json']).stdout) as { people: Array<{ row: number; availability: string[] | string }> };
  const availability = new Map(validate.people.map((p) => [String(p.row), p.availability]));
  const mine = attendees.filter((a) => a.meeting_id === m.meeting_id);
  const busy = new Set(attendees.filter((a) => a.meeting_id !== m.meeting_id && mine.some((x) => x.rsvp_row === a.rsvp_row)).map((a) => `${a.date} ${a.start}`));
  const times = ['2020-07-14', '2020-07-15', '2020-07-16'].flatMap((day) => Array.from({ length: 12 }, (_, i) => `${day} ${String(10 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`));
  const ok = times.find((x) => x !== `${m.date} ${m.start}` && !busy.has(x) && mine.every((a) => { const av = availability.get(a.rsvp_row!); return !Array.isArray(av) || av.includes(x); }))!;
  t.movedTo = { date: ok.slice(0, 10), start: ok.slice(11) };
  const [y, mo, d] = t.movedTo.date.split('-');
  const h = Number(t.movedTo.start.slice(0, 2));
  const edited = offices.map((o) => o.meeting_id === t.declined.meeting_id ? { ...o, status: ' Declined', notes: 'office said no by phone' }
    : o.meeting_id === t.moved.meeting_id ? { ...o, status: 'CONFIRMED', date: `${Number(mo)}/${Number(d)}/${y}`, start: `${h > 12 ? h - 12 : h}:${t.movedTo.start.slice(3)}:00 ${h >= 12 ? 'PM' : 'AM'}`, link: 'https://meet.example/kessler' } : o);
  fs.writeFileSync(path.join(t.first, 'offices.csv'), stringify(edited, { header: true, columns: Object.keys(offices[0]!) }));
  t.second = path.join(t.root, 'second');
  t.rerun = awg(['schedule', '--rsvps', t.rsvps, ...base, '--previous', t.first, '--out', t.second]);
  t.fresh = path.join(t.root, 'fresh');
  t.freshRun = awg(['schedule', '--rsvps', t.rsvps, ...base, '--out', t.fresh]);
}, 120_000);

describe('awg schedule --previous', () => {
  it('runs, and prints how many people must be told', () => {
    expectNoStack(t.rerun);
    expect(t.rerun.code).toBe(1); // the fixtures' messy rows are still there
    expect(t.rerun.stdout).toMatch(/Changes: \d+ people to tell, \d+ of them because of a change of their own/);
  });

  it('changes nobody outside the changes: same meeting, time and accompanier', () => {
    const before = seats(t.first);
    const after = seats(t.second);
    const meetingsBefore = readCsv(path.join(t.first, 'meetings.csv'));
    const touched = new Set([t.declined.meeting_id, t.moved.meeting_id]);
    let unchanged = 0;
    for (const [k, s] of before) {
      if (t.removed.has(k) || k.startsWith('accompanier:')) continue;
      const mine = s.map((x) => x.split('|')[0]!);
      if (mine.some((id) => touched.has(id))) continue;
      const core = (list: string[] | undefined) => (list ?? []).map((x) => x.split('|').slice(0, 4).join('|'));
      expect(core(after.get(k)).filter((x) => mine.includes(x.split('|')[0]!)), `${k}`).toEqual(core(s));
      unchanged++;
    }
    expect(unchanged).toBeGreaterThan(15);
    // The declined office has no meeting; the confirmed one is at its new time with the link the office gave.
    const meetings = readCsv(path.join(t.second, 'meetings.csv'));
    expect(meetings.some((m) => m.member === t.declined.member)).toBe(false);
    expect(meetings.find((m) => m.meeting_id === t.moved.meeting_id)).toMatchObject({ date: t.movedTo.date, start: t.movedTo.start, link: 'https://meet.example/kessler' });
    expect(meetingsBefore.length).toBeGreaterThan(0);
  });

  it('lists in changes.csv exactly the people whose schedule changed', () => {
    const before = seats(t.first);
    const after = seats(t.second);
    const changed = new Set([...new Set([...before.keys(), ...after.keys()])].filter((k) => (before.get(k) ?? []).join() !== (after.get(k) ?? []).join()));
    const changes = readCsv(path.join(t.second, 'changes.csv'));
    const listed = new Set(changes.map((c) => (c.role === 'accompanier' ? `accompanier:${(c.email ?? '').toLowerCase()}` : (c.email ?? '').toLowerCase())));
    expect([...listed].sort()).toEqual([...changed].sort());
    for (const k of t.removed) expect(changes.find((c) => (c.email ?? '').toLowerCase() === k)?.change).toBe('removed');
    for (const k of t.added) if (after.has(k)) expect(changes.find((c) => (c.email ?? '').toLowerCase() === k)?.change).toBe('added');
    expect(changes.filter((c) => c.meeting_id === t.declined.meeting_id).every((c) => c.change === 'office declined')).toBe(true);
    expect(changes.some((c) => c.meeting_id === t.moved.meeting_id && c.change === 'moved')).toBe(true);
  });

  it('places at least 0.97 of the people a fresh run on the same inputs places', () => {
    const placed = (dir: string) => new Set(readCsv(path.join(dir, 'attendees.csv')).map(key)).size;
    const rerun = placed(t.second);
    const fresh = placed(t.fresh);
    console.log(`re-run placed ${rerun} people; a fresh run placed ${fresh} (${(rerun / fresh).toFixed(3)})`);
    expect(rerun / fresh).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps each calendar event\'s UID, raises SEQUENCE when it changed, and cancels what is gone', () => {
    const events = (dir: string) => new Map(readCsv(path.join(dir, 'calendar', 'events.csv')).map((e) => [e.uid!, e]));
    const a = events(t.first);
    const b = events(t.second);
    const moved = [...b.values()].filter((e) => e.uid!.startsWith(`${t.moved.meeting_id}-`));
    expect(moved.length).toBeGreaterThan(0);
    for (const e of moved) if (a.has(e.uid!)) expect(Number(e.sequence)).toBe(Number(a.get(e.uid!)!.sequence) + 1);
    const cancelled = fs.readdirSync(path.join(t.second, 'calendar', 'participants')).filter((f) => f.endsWith('-cancelled.ics'));
    expect(cancelled.length).toBeGreaterThanOrEqual(3);
    const text = fs.readFileSync(path.join(t.second, 'calendar', 'participants', cancelled[0]!), 'utf8');
    expect(text).toContain('METHOD:CANCEL');
    expect(text).toContain('STATUS:CANCELLED');
    const uid = /UID:(.*)\r\n/.exec(text)![1]!;
    expect(a.has(uid)).toBe(true);
    expect(b.has(uid)).toBe(false);
  });

  it('sends notices only to the people in changes.csv, each with what changed and their calendar', async () => {
    const changes = readCsv(path.join(t.second, 'changes.csv'));
    const notices = readCsv(path.join(t.second, 'notices.csv'));
    // An email cell that is not one address ("quinn at example.org") gives a notice with no "to" (issue 23).
    const to = (e: string) => (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(e) ? e.toLowerCase() : '');
    expect(new Set(notices.map((n) => (n.to ?? '').toLowerCase()))).toEqual(new Set(changes.map((c) => c.email ?? '').filter(Boolean).map(to)));
    const dir = path.join(t.second, 'notices', 'participants');
    const removed = [...t.removed][0]!;
    const files = fs.readdirSync(dir);
    const parsed = await Promise.all(files.map(async (f) => PostalMime.parse(fs.readFileSync(path.join(dir, f)))));
    const mail = parsed.find((p) => p.to?.[0]?.address === removed)!;
    expect(mail.subject).toMatch(/Change to your .* schedule/);
    expect(mail.text).toMatch(/No longer on your schedule/);
    const ics = mail.attachments.find((x) => x.mimeType === 'text/calendar');
    expect(ics).toBeDefined();
    expect(new TextDecoder().decode(ics!.content as ArrayBuffer)).toContain('METHOD:CANCEL');
    const mover = changes.find((c) => c.meeting_id === t.moved.meeting_id && c.change === 'moved' && c.role !== 'accompanier')!;
    const moved = parsed.find((p) => p.to?.[0]?.address === (mover.email ?? '').toLowerCase())!;
    expect(moved.text).toContain('Moved:');
    expect(moved.text).toContain(t.moved.member);
  });

  it('reports a hand edit of the earlier folder that breaks a rule, and does not keep that part', () => {
    const edited = path.join(t.root, 'hand-edited');
    fs.cpSync(t.second, edited, { recursive: true });
    const attendees = readCsv(path.join(edited, 'attendees.csv'));
    const meetings = readCsv(path.join(edited, 'meetings.csv'));
    // An organizer puts an Arizona participant into an Illinois Senator's meeting by hand.
    const az = attendees.find((a) => meetings.find((m) => m.meeting_id === a.meeting_id)?.state === 'AZ')!;
    const il = meetings.find((m) => m.state === 'IL' && m.chamber === 'Senate')!;
    const moved = { ...az, meeting_id: il.meeting_id, member: il.member!, date: il.date!, start: il.start! };
    fs.writeFileSync(path.join(edited, 'attendees.csv'), stringify([...attendees, moved], { header: true, columns: Object.keys(attendees[0]!) }));
    const r = awg(['schedule', '--rsvps', t.rsvps, ...base, '--previous', edited, '--out', path.join(t.root, 'after-edit')]);
    expectNoStack(r);
    expect(r.stderr).toMatch(new RegExp(`attendees\\.csv row ${attendees.length + 2}.*${il.meeting_id}: ${az.first_name} ${az.last_name} \\(row ${az.rsvp_row}\\): no longer a constituent of ${il.member}; that part of the earlier schedule is not kept`));
    const after = readCsv(path.join(t.root, 'after-edit', 'attendees.csv'));
    expect(after.some((a) => a.meeting_id === il.meeting_id && a.email === az.email)).toBe(false);
    expect(after.some((a) => a.meeting_id === az.meeting_id && a.email === az.email)).toBe(true);
  });

  it('refuses a --previous that is not an awg folder, with exit 2 and no folder written', () => {
    const out = path.join(t.root, 'never');
    const r = awg(['schedule', '--rsvps', t.rsvps, ...base, '--previous', path.join(t.root, 'no-such-folder'), '--out', out]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-folder has no meetings\.csv and attendees\.csv/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('the same re-run again, on its own output, changes nothing: the same schedule, nobody to tell, no notice', () => {
    const third = path.join(t.root, 'third');
    const r = awg(['schedule', '--rsvps', t.rsvps, ...base, '--previous', t.second, '--out', third]);
    expectNoStack(r);
    expect(r.stdout).toMatch(/Changes: 0 people to tell/);
    for (const f of ['meetings.csv', 'attendees.csv', 'digital-advocacy.csv', 'calendar/events.csv']) {
      expect(fs.readFileSync(path.join(third, f)).equals(fs.readFileSync(path.join(t.second, f))), f).toBe(true);
    }
    expect(readCsv(path.join(third, 'changes.csv'))).toEqual([]);
    expect(readCsv(path.join(third, 'notices.csv'))).toEqual([]);
  });

  it('writes over its --previous folder only with --force, and keeps the earlier folder beside it', () => {
    const again = awg(['schedule', '--rsvps', t.rsvps, ...base, '--previous', t.second, '--out', t.second]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
    const forced = awg(['schedule', '--rsvps', t.rsvps, ...base, '--previous', t.second, '--out', t.second, '--force']);
    expectNoStack(forced);
    expect(forced.stdout).toContain(`kept as ${t.second}.previous/`);
    expect(fs.existsSync(path.join(`${t.second}.previous`, 'changes.csv'))).toBe(true);
    expect(forced.stdout).toMatch(/Changes: 0 people to tell/);
  });
});
