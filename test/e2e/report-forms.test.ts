// awg report on report-back forms as organizers write them: a yes/no "Did the office ask for a
// follow-up?" beside the free-text one, asks titled by their short wording (a colon's or a grid's),
// a form awg cannot read fully (it still writes what it could), and a `reportColumns` mapping.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const SCHEDULE = fx('report-schedule');
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

const HEADER = ['Timestamp', 'Meeting ID', 'Office', 'Your name',
  'How did the office respond to: Defund unlawful anti-asylum policies?',
  'How did the office respond to each ask? [Restore asylum protections]',
  'How did the office respond to each ask? [Cosponsor pro-asylum legislation]',
  'Did the office ask for a follow-up?', 'What follow-up, and who owes it?'];
const ROWS = [
  ['2020/07/14 11:50:07 AM EDT', 'M001', 'Sen. Richard Dalton', 'Ana López', 'Supportive', 'Undecided', 'Opposed', 'Yes', 'The one-pager on H.R. 5210; Ana sends it'],
  ['2020/07/14 12:20:07 PM EDT', 'M002', 'IL-09', 'Olu Adebayo', 'Opposed', 'Supportive', 'Supportive', 'No', ''],
  ['2020/07/14 1:50:07 PM EDT', 'M003', 'MA-07', 'Eve Adams', 'Not discussed', 'Supportive', 'Undecided', 'No', 'n/a'],
];

function run(rows: string[][], config?: object) {
  const dir = tmpDir();
  const file = path.join(dir, 'responses.csv');
  fs.writeFileSync(file, csv(rows));
  const args = ['report', '--schedule', SCHEDULE, '--responses', file, '--out', path.join(dir, 'report')];
  if (config) {
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(config));
    args.push('--config', path.join(dir, 'c.json'));
  }
  const r = awg(args);
  expectNoStack(r);
  return { ...r, out: (f: string) => path.join(dir, 'report', f) };
}

const allAsks = (r: ReturnType<typeof run>) => readCsv(r.out('asks.csv')).filter((a) => a.scope === 'all');

describe('awg report reads the form as it was written', () => {
  const r = run([HEADER, ...ROWS]);

  it('a "No" to the yes/no follow-up question owes no follow-up; the follow-up owed is the free-text answer, not "Yes"', () => {
    expect(r.code).toBe(0);
    const owed = readCsv(r.out('follow-ups.csv'));
    expect(owed.map((f) => [f.meeting_id, f.follow_up])).toEqual([['M001', 'The one-pager on H.R. 5210; Ana sends it']]);
    // Who owes it is the reporter (no "who" question), not the follow-up's text.
    expect(owed[0]!.owed_by).toBe('Ana López');
    expect(r.stdout).toContain('1 follow-ups owed');
  });

  it('finds each ask by its short wording, after a colon or in a grid\'s brackets', () => {
    const asks = allAsks(r);
    expect(asks.map((a) => [a.ask, a.supportive, a.undecided, a.opposed, a.not_discussed])).toEqual([
      ['1', '1', '0', '1', '1'], ['2', '2', '1', '0', '0'], ['3', '1', '1', '1', '0']]);
    expect(r.stderr).not.toContain('missing-ask-column');
  });
});

describe('awg report on a form it cannot read fully', () => {
  const header = ['Timestamp', 'Meeting ID', 'Office', 'Your name', 'Q5', 'Q6', 'Q7', 'Follow-up?'];
  const rows = ROWS.map((r) => [...r.slice(0, 4), ...r.slice(4, 7), r[7]!]);

  it('still writes the report, names the missing ask columns and exits 1', () => {
    const r = run([header, ...rows]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no column for the asks');
    expect(r.stderr).toContain('reportColumns');
    expect(readCsv(r.out('report.csv')).map((m) => m.status).filter((s) => s === 'reported')).toHaveLength(3);
    expect(allAsks(r).every((a) => a.no_answer === '3')).toBe(true);
    // "Follow-up?" answered Yes/No is whether one was asked for; M001's yes is a follow-up owed without its text.
    expect(readCsv(r.out('follow-ups.csv')).map((f) => f.meeting_id)).toEqual(['M001']);
  });

  it('reads the asks from the config\'s reportColumns mapping', () => {
    const r = run([header, ...rows], { reportColumns: { ask1: 'Q5', ask2: 'Q6', ask3: 'q7' } });
    expect(r.code).toBe(0);
    expect(allAsks(r).map((a) => a.supportive)).toEqual(['1', '2', '1']);
  });

  it('a mapping to a header the export lacks is named, and the rest is still read', () => {
    const r = run([header, ...rows], { reportColumns: { ask1: 'Q5', ask2: 'Question six' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"Question six"');
    expect(allAsks(r).map((a) => a.supportive)).toEqual(['1', '0', '0']);
  });
});
