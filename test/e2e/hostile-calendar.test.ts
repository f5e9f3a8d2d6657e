// A schedule folder travels (shared, synced) and awg reads it back: its calendar/events.csv is hostile
// input. Whatever its `path` column says, a re-run (`schedule --previous`, `update`) writes nothing outside
// --out and none of the new folder's own files but the renderer's. And one file name and one UID a person.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const inputs = ['--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const scheduleArgs = ['schedule', '--rsvps', fx('rsvps-google-forms.csv'), ...inputs];

/** Every file under `dir` (but the folders skipped) with its SHA-256. */
function hashes(dir: string, skip: (rel: string) => boolean, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const rel = path.relative(base, p);
    if (skip(rel)) continue;
    if (e.isDirectory()) hashes(p, skip, base, out);
    else out.set(rel, crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
  }
  return out;
}

/** A folder's files but its calendars, events.csv, awg-folder.json and the files that name the folder they are in. */
const ownFiles = (dir: string) => hashes(dir, (rel) => rel.startsWith('calendar') || ['awg-folder.json', 'problems.csv'].includes(rel));

const t = {} as { root: string; first: string; clean: Map<string, string>; cleanUpdate: Map<string, string> };

beforeAll(() => {
  t.root = tmpDir('awg-hostile-cal-');
  t.first = path.join(t.root, 'first');
  expectNoStack(awg([...scheduleArgs, '--out', t.first]));
  // What the re-runs write from an untouched events.csv: the same files, the hostile rows notwithstanding.
  const clean = path.join(t.root, 'clean');
  expectNoStack(awg([...scheduleArgs, '--previous', t.first, '--out', clean]));
  t.clean = ownFiles(clean);
  const cleanUpdate = path.join(t.root, 'clean-update');
  fs.cpSync(t.first, cleanUpdate, { recursive: true });
  expectNoStack(awg(['update', '--schedule', cleanUpdate]));
  t.cleanUpdate = ownFiles(cleanUpdate);
  fs.writeFileSync(path.join(t.root, 'victim.txt'), 'the user\'s own file\n');
  fs.writeFileSync(path.join(t.root, 'meetings.csv'), 'not awg\'s\n');
}, 60_000);

// Paths a travelled events.csv may hold: parents, absolute paths, the folder's own files, backslashes,
// URL-encoded dots, NUL, names too long for a file system, and calendar-looking names that climb out.
const segment = fc.constantFrom('..', '.', '%2e%2e', '..%2f', 'calendar', 'participants', 'accompaniers', 'x', 'victim.txt', 'meetings.csv', 'CON', 'a\\..\\b', 'x\u0000y', 'é'.repeat(130));
const hostilePath = fc.oneof(
  fc.constantFrom('../victim.txt', '../../x', '/tmp/awg-victim.ics', 'meetings.csv', 'attendees.csv', 'calendar/events.csv', 'schedule.xlsx', 'calendar/../meetings.csv',
    'calendar/participants/../../meetings.csv', 'calendar\\participants\\..\\..\\..\\victim.txt', 'calendar/participants/%2e%2e/%2e%2e/victim', 'C:\\victim.ics',
    'calendar/participants/row-2-ana-maria-lopez.ics', 'calendar/participants/ROW-2-ANA-MARIA-LOPEZ.ics', `calendar/participants/${'a'.repeat(300)}.ics`, ''),
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/')),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `calendar/participants/${s.join('/')}.ics`),
);

/** events.csv with the crafted rows added: events gone from the schedule (so each is cancelled), at the paths given. */
function withHostileRows(dir: string, paths: readonly string[]): void {
  const file = path.join(dir, 'calendar', 'events.csv');
  const rows = readCsv(file);
  const like = rows[0]!;
  const added = paths.map((p, i) => ({ ...like, uid: `M9${String(i).padStart(2, '0')}-gone-${i}@awg`, path: p, owner_email: i % 2 ? like.owner_email! : `gone${i}@example.org` }));
  fs.writeFileSync(file, `\uFEFF${stringify([...rows, ...added], { header: true, columns: Object.keys(like) })}`);
}

describe('a shared folder\'s calendar/events.csv', () => {
  it('cannot overwrite a file outside --out, nor the new folder\'s own files (schedule --previous and update)', () => {
    let n = 0;
    fc.assert(fc.property(fc.array(hostilePath, { minLength: 3, maxLength: 8 }), fc.boolean(), (paths, update) => {
      // Beside the first folder (the inputs it records are found from there), with the user's files around it.
      const earlier = path.join(t.root, `case-${n++}`);
      fs.cpSync(t.first, earlier, { recursive: true });
      withHostileRows(earlier, ['../victim.txt', ...paths]);
      const out = update ? earlier : `${earlier}-out`;
      const outside = () => hashes(t.root, (rel) => rel === path.basename(out) || rel === `${path.basename(out)}.previous`);
      const before = outside();
      const run = update ? awg(['update', '--schedule', earlier]) : awg([...scheduleArgs, '--previous', earlier, '--out', out]);
      expectNoStack(run);
      expect(run.stderr).not.toMatch(/bug in awg/);
      expect([0, 1]).toContain(run.code);
      expect(outside()).toEqual(before);
      expect(fs.existsSync('/tmp/awg-victim.ics') || fs.existsSync('/tmp/awg-victim-cancelled.ics')).toBe(false);
      // Every row that named no calendar file of the folder is a warning naming events.csv, its row and `path`.
      const problems = readCsv(path.join(out, 'problems.csv')).filter((p) => p.code === 'calendar-event-unusable');
      expect(problems.every((p) => (p.file ?? '').endsWith(path.join('calendar', 'events.csv')) && Number(p.row) > 1)).toBe(true);
      // The folder's own files are what the renderer writes from an untouched events.csv.
      const own = ownFiles(out);
      const expected = update ? t.cleanUpdate : t.clean;
      for (const [rel, hash] of expected) if (!rel.startsWith('notices') && rel !== 'notices.csv' && rel !== 'changes.csv') expect(own.get(rel), rel).toBe(hash);
      // Each cancellation is a calendar file in calendar/participants or calendar/accompaniers.
      const cancelled = [...hashes(path.join(out, 'calendar'), () => false).keys()].filter((f) => f.endsWith('-cancelled.ics'));
      expect(cancelled.every((f) => /^(participants|accompaniers)[\\/][^\\/]+-cancelled\.ics$/.test(f))).toBe(true);
      expect(cancelled.length).toBeGreaterThan(0);
      for (const dir of [earlier, out, `${out}.previous`]) fs.rmSync(dir, { recursive: true, force: true });
    }), { numRuns: 6 });
  }, 90_000);

  it('names in a warning the row and the column of a path that leaves the folder, and cancels the event beside its owner\'s calendar', () => {
    const earlier = path.join(t.root, 'named');
    fs.cpSync(t.first, earlier, { recursive: true });
    const owner = readCsv(path.join(earlier, 'calendar', 'events.csv'))[0]!;
    withHostileRows(earlier, ['../victim.txt', 'meetings.csv']);
    const out = path.join(t.root, 'named-out');
    const run = awg([...scheduleArgs, '--previous', earlier, '--out', out, '--json']);
    expectNoStack(run);
    const rows = readCsv(path.join(earlier, 'calendar', 'events.csv')).length + 1;
    const warned = (JSON.parse(run.stdout) as { problems: Rec[] }).problems.filter((p) => p.code === 'calendar-event-unusable');
    expect(warned.map((p) => [p.row, p.column, p.value])).toEqual([[rows - 1, 'path', '../victim.txt'], [rows, 'path', 'meetings.csv']]);
    expect(fs.readFileSync(path.join(t.root, 'victim.txt'), 'utf8')).toBe('the user\'s own file\n');
    // The second row names the first event's owner: its cancellation is beside that owner's calendar.
    const theirs = path.join(out, owner.path!.replace(/\.ics$/, '-cancelled.ics'));
    expect(fs.readFileSync(theirs, 'utf8')).toContain('UID:M901-gone-1@awg');
  });
});

describe('one file name and one calendar UID a person', () => {
  it('two accompaniers whose names share their first 60 letters each keep their own day sheet, calendar and notice', () => {
    const root = tmpDir('awg-staff-names-');
    const long = 'A'.repeat(59);
    const staff = fs.readFileSync(fx('staff.csv'), 'utf8').replace(/^Aubrey Grant,/m, `${long} Grant,`).replace(/^Claudia Lucero,/m, `${long} Lucero,`);
    fs.writeFileSync(path.join(root, 'staff.csv'), staff);
    const out = path.join(root, 'out');
    const run = awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', path.join(root, 'staff.csv'), '--confirmed', fx('confirmed.csv'), '--out', out]);
    expectNoStack(run);
    const names = (dir: string) => fs.readdirSync(path.join(out, dir)).filter((f) => f.startsWith('aaaa')).map((f) => f.replace(/\.\w+$/, '')).sort();
    const sheets = names('accompaniers');
    expect(sheets).toHaveLength(2);
    expect(names('calendar/accompaniers')).toEqual(sheets);
    expect(names('notices/accompaniers')).toEqual(sheets);
    const people = [[`${long} Grant`, 'aubrey.grant@awg.example'], [`${long} Lucero`, 'claudia.lucero@crln.example']] as const;
    for (const [k, [name, email]] of people.entries()) {
      const other = people[1 - k]![1];
      const stem = sheets.find((s) => fs.readFileSync(path.join(out, 'accompaniers', `${s}.html`), 'utf8').includes(name))!;
      expect(stem, name).toBeDefined();
      expect(stem).not.toMatch(/-$|-\d$/);
      const calendar = fs.readFileSync(path.join(out, 'calendar/accompaniers', `${stem}.ics`), 'utf8').replace(/\r\n\t/g, '');
      expect(calendar).toContain(`mailto:${email}`);
      expect(calendar).not.toContain(other);
      const notice = fs.readFileSync(path.join(out, 'notices/accompaniers', `${stem}.eml`), 'utf8');
      expect(notice).toContain(email);
      expect(notice).not.toContain(other);
    }
  });

  it('removing pat_lee@ from the meetings pat.lee@ shares cancels pat_lee\'s events, and pat.lee\'s are updated in place', () => {
    const root = tmpDir('awg-pat-lee-');
    const lines = fs.readFileSync(fx('rsvps-google-forms.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
    // Two copies of Ana's row (same place, same times: the same meetings), two people, emails alike but for punctuation.
    const copy = (email: string, first: string, minute: string) => lines[1]!.replace('ana.lopez@example.org', email).replace('Ana María,López', `${first},Lee`).replace('9:00:07', `9:59:${minute}`).replace('555-0101', `555-01${minute}`);
    const write = (name: string, rows: string[]) => fs.writeFileSync(path.join(root, name), `${[...lines, ...rows].join('\r\n')}\r\n`);
    write('both.csv', [copy('pat.lee@example.org', 'Pat', '71'), copy('pat_lee@example.org', 'Patricia', '72')]);
    write('one.csv', [copy('pat.lee@example.org', 'Pat', '71')]);
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    expectNoStack(awg(['schedule', '--rsvps', path.join(root, 'both.csv'), ...inputs, '--out', first]));
    expectNoStack(awg(['schedule', '--rsvps', path.join(root, 'one.csv'), ...inputs, '--previous', first, '--out', second]));
    const events = (dir: string, email: string) => readCsv(path.join(dir, 'calendar', 'events.csv')).filter((e) => e.owner_email === email);
    const pat = events(first, 'pat.lee@example.org');
    const patricia = events(first, 'pat_lee@example.org');
    const shared = pat.filter((e) => patricia.some((p) => p.uid!.split('-')[0] === e.uid!.split('-')[0]));
    expect(shared.length).toBeGreaterThan(0);
    expect(new Set([...pat, ...patricia].map((e) => e.uid)).size).toBe(pat.length + patricia.length);
    const cancelled = path.join(second, patricia[0]!.path!.replace(/\.ics$/, '-cancelled.ics'));
    const text = fs.readFileSync(cancelled, 'utf8').replace(/\r\n\t/g, '');
    for (const e of patricia) expect(text).toContain(`UID:${e.uid}`);
    expect(text).toContain('STATUS:CANCELLED');
    expect(events(second, 'pat.lee@example.org').map((e) => e.uid)).toEqual(pat.map((e) => e.uid));
  });
});
