// `awg check` on a folder far larger than any event (issue 23): a meetings.csv of 20,000 rows, each
// meeting of a real folder copied over and over with its attendees, as a bad copy-paste or a generator
// makes one. Every copy breaks rules (the office met too often, people and accompanier in two places at
// once): 170,000 broken rules, which took 43 s and 1.9 GB before, and 100,000 rows ran out of memory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, builtFile, expectNoStack, fx, ROOT, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const writeCsv = (file: string, rows: Rec[]) => fs.writeFileSync(file, `\uFEFF${stringify(rows, { header: true, record_delimiter: '\r\n' })}`);

const MEETINGS = 20_000;
let big = '';
let attendeeRows = 0;

beforeAll(() => {
  const base = path.join(tmpDir(), 'schedule');
  const made = awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--staff', fx('staff.csv'), '--out', base]);
  expect(made.code).toBe(1);
  big = path.join(tmpDir(), 'copied');
  fs.cpSync(base, big, { recursive: true });
  const meetings = readCsv(path.join(base, 'meetings.csv'));
  const byMeeting = new Map<string, Rec[]>();
  for (const a of readCsv(path.join(base, 'attendees.csv'))) byMeeting.set(a.meeting_id!, [...(byMeeting.get(a.meeting_id!) ?? []), a]);
  const ms: Rec[] = [];
  const as: Rec[] = [];
  for (let i = 0; i < MEETINGS; i++) {
    const m = meetings[i % meetings.length]!;
    const id = `M${String(i + 1).padStart(6, '0')}`;
    ms.push({ ...m, meeting_id: id });
    for (const a of byMeeting.get(m.meeting_id!) ?? []) as.push({ ...a, meeting_id: id });
  }
  attendeeRows = as.length;
  writeCsv(path.join(big, 'meetings.csv'), ms);
  writeCsv(path.join(big, 'attendees.csv'), as);
}, 120_000);

/** bin/awg as an organizer runs it, with its wall time and the peak memory of its own process. */
function timedCheck(args: string[]) {
  builtFile('awg.mjs');
  const rssFile = path.join(tmpDir(), 'rss.txt');
  // Loaded before bin/awg, in its process: the peak resident memory, written when it exits.
  const preload = `data:text/javascript,process.on('exit',()=>process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', preload, path.join(ROOT, 'bin', 'awg'), 'check', '--schedule', big, ...args], {
    env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  const peakMB = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : Infinity;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, seconds, peakMB };
}

interface Report { meetings: number; attendees: number; errors: number; warnings: number; problems: Array<{ code: string; severity: string; file?: string; row?: number; message: string }> }

describe('awg check on a folder of 20,000 meetings', () => {
  it('finishes in seconds within 1 GB (it took 43 s and 1.9 GB, and 100,000 rows ran out of memory), and counts every broken rule', () => {
    const r = timedCheck([]);
    expectNoStack(r);
    expect(r.stderr).not.toMatch(/This is a bug in awg/);
    expect(r.code).toBe(1);
    // Generous for a loaded 2-core machine: it takes about 3 s alone.
    expect(r.seconds).toBeLessThan(20);
    expect(r.peakMB).toBeLessThan(1024);
    const verdict = /: 20000 meetings, (\d+) attendee rows: (\d+) broken rules/.exec(r.stdout);
    expect(verdict?.[1]).toBe(String(attendeeRows));
    // Every copy of a meeting is one office met once too often, at least.
    expect(Number(verdict?.[2])).toBeGreaterThan(MEETINGS);
    expect(r.stderr).toMatch(/meetings\.csv: and [\d,]+ more errors of the same kind \(too-many-meetings\) in rows \d+/);
  }, 60_000);

  it('lists the first 50 of each kind one by one and says how many more of it there are, in the printout and in --json', () => {
    const r = timedCheck(['--json']);
    expectNoStack(r);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ meetings: MEETINGS, attendees: attendeeRows });
    const kinds = new Map<string, { listed: number; more: number }>();
    for (const p of report.problems) {
      const kind = `${p.code} ${p.severity} ${path.basename(p.file ?? '')}`;
      const k = kinds.get(kind) ?? { listed: 0, more: 0 };
      const more = /^and ([\d,]+) more (errors?|warnings?) of the same kind \(([a-z-]+)\)/.exec(p.message);
      if (more) {
        expect(more[3]).toBe(p.code);
        expect(p.row).toBeUndefined();
        k.more += Number(more[1]!.replace(/,/g, ''));
      } else k.listed++;
      kinds.set(kind, k);
    }
    for (const [kind, k] of kinds) {
      expect(k.listed, kind).toBeLessThanOrEqual(50);
      if (k.more) expect(k.listed, kind).toBe(50);
    }
    // Those named in full and those counted add up to the verdict's count: none is lost.
    const total = (sev: string) => [...kinds].filter(([kind]) => kind.split(' ')[1] === sev).reduce((n, [, k]) => n + k.listed + k.more, 0);
    expect(total('error')).toBe(report.errors);
    expect(total('warning')).toBe(report.warnings);
    const codes = [...kinds].filter(([, k]) => k.more).map(([kind]) => kind.split(' ')[0]);
    for (const c of ['too-many-meetings', 'accompanier-conflict', 'double-booked', 'same-office-twice']) expect(codes).toContain(c);
  }, 60_000);
});
