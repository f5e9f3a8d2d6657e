// Hand edits are decisions that last, and they tell people: after an edit in attendees.csv or
// meetings.csv, `awg update` lists exactly the people it moved in changes.csv and drafts their notices
// (against the schedule as awg wrote it), records the edit in decisions.csv, and the next
// `schedule --previous` keeps it: a person taken out stays out, a person swapped in stays in, a lead
// chosen stays lead. `--dry-run` writes nothing and prints the counts the real run then writes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const writeCsv = (file: string, rows: Rec[]) => fs.writeFileSync(file, `\uFEFF${stringify(rows, { header: true, columns: Object.keys(rows[0]!) })}`);
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const name = (a: Rec) => `${a.first_name} ${a.last_name}`;

/** Every file below a folder with its SHA-256, to tell that nothing was written. */
function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out[r] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, r))).digest('hex');
    }
  };
  walk('');
  return out;
}

const t = {} as { root: string; first: string; availability: Map<string, string[] | string>; states: Map<string, string> };
let n = 0;
/** A fresh copy of the first folder, to edit. */
function copy(): string {
  const dir = path.join(t.root, `edit-${++n}`);
  fs.cpSync(t.first, dir, { recursive: true });
  return dir;
}
const changesOf = (dir: string) => readCsv(path.join(dir, 'changes.csv'));
const rerun = (dir: string, extra: string[] = []) => {
  const out = `${dir}-rerun`;
  const r = awg(['schedule', '--previous', dir, '--out', out, ...extra]);
  expectNoStack(r);
  return { r, out };
};

beforeAll(() => {
  t.root = tmpDir('awg-hand-');
  t.first = path.join(t.root, 'first');
  expectNoStack(awg(['schedule', ...inputs, '--out', t.first]));
  const v = JSON.parse(awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--json']).stdout) as { people: Array<{ row: number; availability: string[] | string; state: string }> };
  t.availability = new Map(v.people.map((p) => [String(p.row), p.availability]));
  t.states = new Map(v.people.map((p) => [String(p.row), p.state]));
}, 60_000);

describe('hand edits tell people and last', () => {
  it('a person taken out of their only meeting is told by update, recorded, and not put back by the next re-run', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const count = new Map<string, number>();
    for (const a of attendees) count.set(a.email!, (count.get(a.email!) ?? 0) + 1);
    const gone = attendees.find((a) => count.get(a.email!) === 1 && a.role === 'participant')!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.filter((a) => a !== gone));
    const u = awg(['update', '--schedule', dir]);
    expectNoStack(u);
    expect(u.code).toBe(0);
    expect(changesOf(dir).map((c) => [c.email, c.change, c.meeting_id])).toEqual([[gone.email, 'removed', gone.meeting_id]]);
    const notices = readCsv(path.join(dir, 'notices.csv'));
    expect(notices.map((x) => x.to)).toEqual([gone.email]);
    expect(notices[0]!.body).toMatch(new RegExp(`No longer on your schedule: \\w+day, July \\d+, [^\\n]*\\(meeting ${gone.meeting_id}\\)`));
    expect(readCsv(path.join(dir, 'decisions.csv')).map((d) => [d.decision, d.email, d.meeting_id])).toEqual([['removed', gone.email, gone.meeting_id]]);
    const { r, out } = rerun(dir);
    expect(r.stdout).toContain('Changes: 0 people to tell');
    expect(readCsv(path.join(out, 'attendees.csv')).some((a) => a.email === gone.email)).toBe(false);
    expect(readCsv(path.join(out, 'decisions.csv')).length).toBe(1);
  });

  it('a person swapped in by hand stays in, and the one swapped out stays out, on the next re-run', () => {
    const dir = copy();
    const meetings = readCsv(path.join(dir, 'meetings.csv'));
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const busy = (row: string, m: Rec) => attendees.some((a) => a.rsvp_row === row && a.date === m.date && a.start === m.start);
    // A constituent of a Senate office (same state) in another meeting, not busy at its time. The fixtures' schedule
    // leaves nobody free who could be swapped in, so the RSVP says they cannot make it: check warns, the organizer
    // confirmed with them, and the swap stands on their word.
    let swap: { m: Rec; out: Rec; into: Rec } | undefined;
    for (const m of meetings.filter((x) => x.chamber === 'Senate')) {
      const mine = attendees.filter((a) => a.meeting_id === m.meeting_id);
      const out = mine.find((a) => a.role === 'participant');
      const into = attendees.find((a) => t.states.get(a.rsvp_row!) === m.state && !mine.some((x) => x.email === a.email) && !busy(a.rsvp_row!, m)
        && !attendees.some((x) => x.email === a.email && x.member === m.member));
      if (out && into) {
        swap = { m, out, into };
        break;
      }
    }
    expect(swap).toBeDefined();
    const { m, out, into } = swap!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.map((a) => (a === out ? { ...a, first_name: into.first_name!, last_name: into.last_name!, email: into.email!, phone: into.phone!, organization: into.organization!, rsvp_row: into.rsvp_row!, time_zone: into.time_zone! } : a)));
    const c = awg(['check', '--schedule', dir]);
    expect(c.code, c.stderr).toBe(0);
    expect(awg(['update', '--schedule', dir]).code).toBe(0);
    const people = changesOf(dir).filter((c) => c.role !== 'accompanier').map((c) => `${c.email} ${c.change} ${c.meeting_id}`).sort();
    expect(people).toEqual([`${into.email} added ${m.meeting_id}`, `${out.email} removed ${m.meeting_id}`].sort());
    const decisions = readCsv(path.join(dir, 'decisions.csv')).map((d) => `${d.decision} ${d.email} ${d.meeting_id}`).sort();
    expect(decisions).toEqual([`added ${into.email} ${m.meeting_id}`, `removed ${out.email} ${m.meeting_id}`].sort());
    const { r, out: again } = rerun(dir);
    expect(r.stdout).toContain('Changes: 0 people to tell');
    const now = readCsv(path.join(again, 'attendees.csv')).filter((a) => a.meeting_id === m.meeting_id).map((a) => a.email);
    expect(now).toContain(into.email);
    expect(now).not.toContain(out.email);
  });

  it('a lead chosen by hand stays lead on the next re-run', () => {
    const dir = copy();
    const meetings = readCsv(path.join(dir, 'meetings.csv'));
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const m = meetings.find((x) => attendees.filter((a) => a.meeting_id === x.meeting_id && a.role === 'participant').length >= 1 && x.lead)!;
    const chosen = attendees.find((a) => a.meeting_id === m.meeting_id && a.role === 'participant')!;
    writeCsv(path.join(dir, 'meetings.csv'), meetings.map((x) => (x === m ? { ...x, lead: name(chosen) } : x)));
    const u = awg(['update', '--schedule', dir]);
    expect(u.code, u.stderr).toBe(0);
    expect(new Set(changesOf(dir).map((c) => c.change))).toEqual(new Set(['lead changed']));
    expect(readCsv(path.join(dir, 'decisions.csv')).map((d) => [d.decision, d.email, d.meeting_id])).toEqual([['lead', chosen.email, m.meeting_id]]);
    const { r, out } = rerun(dir);
    expect(r.stdout).toContain('Changes: 0 people to tell');
    expect(readCsv(path.join(out, 'meetings.csv')).find((x) => x.meeting_id === m.meeting_id)?.lead).toBe(name(chosen));
  });

  it('a hand removal not yet updated is told by the next re-run, against the schedule as awg wrote it', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const gone = attendees.find((a) => a.role === 'participant')!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.filter((a) => a !== gone));
    const { r, out } = rerun(dir);
    expect(r.stdout).toMatch(/Changes: 1 person to tell/);
    expect(readCsv(path.join(out, 'changes.csv')).map((c) => [c.email, c.change, c.meeting_id])).toEqual([[gone.email, 'removed', gone.meeting_id]]);
    expect(readCsv(path.join(out, 'attendees.csv')).some((a) => a.email === gone.email && a.meeting_id === gone.meeting_id)).toBe(false);
  });
});

describe('--dry-run', () => {
  it('awg schedule --dry-run writes no file and prints the counts the real run then writes', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    writeCsv(path.join(dir, 'attendees.csv'), attendees.filter((a) => a !== attendees.find((x) => x.role === 'participant')));
    const before = listing(t.root);
    const out = path.join(t.root, 'dry-out');
    const dry = awg(['schedule', '--previous', dir, '--out', out, '--dry-run']);
    expectNoStack(dry);
    expect(listing(t.root)).toEqual(before);
    expect(fs.existsSync(out)).toBe(false);
    expect(dry.stdout).toContain('Dry run: nothing was written');
    expect(dry.stdout).toMatch(/RSVP row\s+name\s+role\s+change/);
    const real = awg(['schedule', '--previous', dir, '--out', out]);
    const counts = (s: string) => s.split('\n').filter((l) => /^(Meetings|Target offices covered|People|Meeting requests|Changes|Notices|Hand edits held):/.test(l));
    expect(counts(dry.stdout).length).toBe(7);
    expect(counts(dry.stdout)).toEqual(counts(real.stdout));
    expect(readCsv(path.join(out, 'changes.csv')).length).toBe(1);
  });

  it('awg update --dry-run writes no file and prints who the edits move', () => {
    const dir = copy();
    const attendees = readCsv(path.join(dir, 'attendees.csv'));
    const gone = attendees.find((a) => a.role === 'participant')!;
    writeCsv(path.join(dir, 'attendees.csv'), attendees.filter((a) => a !== gone));
    const before = listing(t.root);
    const dry = awg(['update', '--schedule', dir, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(listing(t.root)).toEqual(before);
    expect(dry.stdout).toContain('Changes: 1 person to tell');
    expect(dry.stdout).toContain(name(gone));
    const real = awg(['update', '--schedule', dir]);
    expect(real.stdout).toContain('Changes: 1 person to tell');
  });
});
