// Beyond maxEmailDrafts notices go by mail merge: notices.csv is then a list of fields, one row a person,
// and notices/templates/ one letter a kind. An organizer who merges them must send each person the very
// letter awg would have written out whole: nobody's meetings, reason or changes lost or garbled.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];

/** What a mail merge does with a row: the template's {{column}} replaced by the row's cell. */
const merge = (template: string, row: Rec) => template.replace(/\{\{(\w+)\}\}/g, (all, key: string) => row[key] ?? all);
/** The letter of a merge-list row: its template, "Subject: …", a blank line, the body. */
function letterOf(dir: string, row: Rec): { subject: string; body: string } {
  const text = fs.readFileSync(path.join(dir, 'notices', 'templates', `${row.letter}.txt`), 'utf8');
  const m = /^Subject: (.*)\n\n([\s\S]*)$/.exec(text)!;
  return { subject: merge(m[1]!, row), body: merge(m[2]!, row) };
}

const d = {} as { whole: string; list: string; wholeChange: string; listChange: string; run: ReturnType<typeof awg>; runChange: ReturnType<typeof awg> };

beforeAll(() => {
  const root = tmpDir('awg-merge-list-');
  const config = (name: string, maxEmailDrafts?: number) => {
    const file = path.join(root, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify({ event: { timeZone: 'America/New_York' }, ...(maxEmailDrafts === undefined ? {} : { maxEmailDrafts }) }));
    return file;
  };
  const whole = config('whole');
  const list = config('list', 1);
  for (const k of ['whole', 'list', 'wholeChange', 'listChange'] as const) d[k] = path.join(root, k);
  expectNoStack(awg(['schedule', ...inputs, '--config', whole, '--out', d.whole]));
  d.run = awg(['schedule', ...inputs, '--config', list, '--out', d.list]);
  expectNoStack(d.run);
  // A re-run after an office declined: the people of its meeting get a change letter.
  const offices = fs.readFileSync(path.join(d.whole, 'offices.csv'), 'utf8').split('\r\n');
  offices[1] = offices[1]!.replace(',to request,', ',declined,');
  fs.writeFileSync(path.join(d.whole, 'offices.csv'), offices.join('\r\n'));
  expectNoStack(awg(['schedule', ...inputs, '--config', whole, '--previous', d.whole, '--out', d.wholeChange]));
  d.runChange = awg(['schedule', ...inputs, '--config', list, '--previous', d.whole, '--out', d.listChange]);
  expectNoStack(d.runChange);
});

describe('notices beyond maxEmailDrafts, as a mail merge', () => {
  it('below maxEmailDrafts notices.csv holds every letter whole, as before', () => {
    expect(Object.keys(readCsv(path.join(d.whole, 'notices.csv'))[0]!)).toEqual(['to', 'subject', 'body']);
    expect(fs.existsSync(path.join(d.whole, 'notices', 'templates'))).toBe(false);
  });

  it('the merge list has one row a person the whole notices.csv has, in its order, with one template for each letter it names', () => {
    const whole = readCsv(path.join(d.whole, 'notices.csv'));
    const rows = readCsv(path.join(d.list, 'notices.csv'));
    expect(rows.map((r) => [r.to, r.name])).toEqual(whole.map((w) => [w.to, expect.any(String)]));
    expect(new Set(rows.map((r) => r.name)).size).toBeGreaterThan(30);
    const letters = new Set(rows.map((r) => r.letter));
    expect([...letters].sort()).toEqual(['as-written', 'digital-advocacy', 'first-message']);
    expect(fs.readdirSync(path.join(d.list, 'notices', 'templates')).sort()).toEqual([...letters].sort().map((l) => `${l}.txt`));
    expect(fs.readdirSync(path.join(d.list, 'notices')).filter((f) => f !== 'templates')).toEqual([]);
  });

  it('each row filled into its template is the letter the whole notices.csv has for that person, for every kind of letter', () => {
    for (const [whole, list, kinds] of [[d.whole, d.list, 3], [d.wholeChange, d.listChange, 1]] as const) {
      const full = readCsv(path.join(whole, 'notices.csv'));
      const rows = readCsv(path.join(list, 'notices.csv'));
      expect(rows.length).toBe(full.length);
      const seen = new Map<string, number>();
      rows.forEach((row, i) => {
        seen.set(row.letter!, (seen.get(row.letter!) ?? 0) + 1);
        expect(letterOf(list, row), `${row.letter} for ${row.name}`).toEqual({ subject: full[i]!.subject, body: full[i]!.body });
      });
      expect(seen.size).toBeGreaterThanOrEqual(kinds);
    }
    const change = readCsv(path.join(d.listChange, 'notices.csv'));
    expect(change.some((r) => r.letter === 'change' && r.changes!.includes('declined'))).toBe(true);
  });

  it('the letters all share are in the template once, not in every row: the list holds only what differs', () => {
    const rows = readCsv(path.join(d.list, 'notices.csv'));
    const digital = rows.filter((r) => r.letter === 'digital-advocacy');
    expect(digital.length).toBeGreaterThan(0);
    for (const r of digital) expect([r.meetings, r.subject, r.body, r.reason === '']).toEqual(['', '', '', false]);
    const whole = new Map(readCsv(path.join(d.whole, 'notices.csv')).map((w) => [w.to, w.body!]));
    const listed = digital.reduce((n, r) => n + Object.values(r).join('').length, 0);
    expect(listed).toBeLessThan(digital.reduce((n, r) => n + whole.get(r.to!)!.length, 0) / 5);
  });

  it('the summary says notices.csv is a mail-merge list and where its templates are', () => {
    expect(d.run.stdout).toMatch(/notices\.csv is a mail-merge list .*notices\/templates\//);
  });
});

describe('an organizer\'s own template with a placeholder awg does not fill', () => {
  it('is written whole (as-written), not as a template a merge tool would fill from the list\'s columns', () => {
    const root = tmpDir('awg-merge-own-');
    const template = path.join(root, 'digital.txt');
    // {{first_name}} is not a placeholder of awg's digital letter: awg leaves it as written, a merge tool would fill it.
    fs.writeFileSync(template, 'Subject: Take part online, {{name}}\n\nDear {{first_name}},\n\n{{reason}}\n\nThe toolkit: {{toolkit}}\n');
    const config = path.join(root, 'c.json');
    fs.writeFileSync(config, JSON.stringify({ maxEmailDrafts: 1, templates: { noticeDigital: template } }));
    const out = path.join(root, 'out');
    expectNoStack(awg(['schedule', ...inputs, '--config', config, '--out', out]));
    const rows = readCsv(path.join(out, 'notices.csv'));
    const digital = rows.filter((r) => /Take part online/.test(r.subject ?? '') || r.letter === 'digital-advocacy');
    expect(digital.length).toBeGreaterThan(0);
    for (const r of digital) {
      expect(r.letter).toBe('as-written');
      expect(r.body).toContain('Dear {{first_name}},');
    }
    expect(fs.existsSync(path.join(out, 'notices', 'templates', 'digital-advocacy.txt'))).toBe(false);
  });
});
