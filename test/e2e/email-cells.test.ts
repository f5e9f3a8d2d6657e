// Email cells that are not one address (issue 23): an RSVP's email cell with two people's addresses, or
// an address written out in words. The .eml got no recipient, but notices.csv and requests.csv kept the
// cell in "to": a mail merge sent one person's notice to two people, or failed without a word. And an
// office's scheduler cell with two schedulers' addresses: both are the office's, as an address list.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import PostalMime from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir, type Run } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const ONE = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;
const TWO = 'pat@example.org, sam@example.org';
const WORDS = 'maria at gmail dot com';
const SCHEDULERS = 'jamie.fox@mail.house.example; pat.kim@mail.house.example';

let out = '';
let run: Run;

beforeAll(() => {
  const dir = tmpDir('awg-email-');
  // The fixture export, with Ben Okafor's cell holding two addresses and Ana María López's in words.
  const rsvps = fs.readFileSync(fx('rsvps-google-forms.csv'), 'utf8').replace('ben.okafor@example.org', `"${TWO}"`).replace('ana.lopez@example.org', WORDS);
  fs.writeFileSync(path.join(dir, 'rsvps.csv'), rsvps);
  const house = fs.readFileSync(fx('targets-house.csv'), 'utf8').replace('jamie.fox@mail.house.example', SCHEDULERS);
  fs.writeFileSync(path.join(dir, 'house.csv'), house);
  out = path.join(dir, 'out');
  run = awg(['schedule', '--rsvps', path.join(dir, 'rsvps.csv'), '--targets', path.join(dir, 'house.csv'), '--targets', fx('targets-senate.csv'), '--staff', fx('staff.csv'), '--out', out]);
  expectNoStack(run);
}, 120_000);

const eml = async (file: string) => PostalMime.parse(fs.readFileSync(file));

describe('an email cell that is not one address', () => {
  it('two addresses in one RSVP cell do not both get the notice: notices.csv has no "to" for it, the notice is still listed, and a warning names the person', async () => {
    expect(fs.readFileSync(path.join(out, 'attendees.csv'), 'utf8')).toContain(TWO);
    const notices = readCsv(path.join(out, 'notices.csv'));
    // The fixtures have a second Ben Okafor (row 36, another address of his): his notice keeps its own.
    const ben = notices.filter((n) => n.body!.startsWith('Dear Ben Okafor')).map((n) => n.to).sort();
    expect(ben).toEqual(['', 'bokafor@example.net']);
    // Two people of one name: each file has a hash of who they are (file-names.ts), one of them without a recipient.
    const dir = path.join(out, 'notices', 'participants');
    const bens = fs.readdirSync(dir).filter((f) => /^ben-okafor-[0-9a-f]{8}\.eml$/.test(f));
    expect(bens).toHaveLength(2);
    const tos = await Promise.all(bens.map(async (f) => ((await eml(path.join(dir, f))).to ?? []).map((a) => a.address).join()));
    expect(tos.sort()).toEqual(['', 'bokafor@example.net']);
    const warned = readCsv(path.join(out, 'problems.csv')).find((p) => p.code === 'notice-without-address' && p.value === TWO);
    expect(warned?.message).toMatch(/^Ben Okafor \(RSVP row 3\): .* has no recipient/);
    expect(warned?.message).toContain('(312) 555-0102');
  });

  it('an address in words gets no "to" either, and a warning names the person', () => {
    const notices = readCsv(path.join(out, 'notices.csv'));
    const ana = notices.find((n) => n.body!.startsWith('Dear Ana María López'));
    expect(ana?.to).toBe('');
    const warned = readCsv(path.join(out, 'problems.csv')).find((p) => p.code === 'notice-without-address' && p.value === WORDS);
    expect(warned?.message).toMatch(/^Ana María López \(RSVP row 2\)/);
  });

  it('every "to" and "cc" of notices.csv and requests.csv is one address that validates, or empty', () => {
    const cells = [
      ...readCsv(path.join(out, 'notices.csv')).map((n) => n.to!),
      ...readCsv(path.join(out, 'requests.csv')).flatMap((r) => [r.cc!, ...r.to!.split(', ')]),
    ];
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) if (c) expect(c).toMatch(ONE);
    expect(cells).not.toContain(TWO);
    expect(cells).not.toContain(WORDS);
  });

  it('an office with two schedulers\' addresses in one cell gets its request at both, the same in requests.csv and the .eml', async () => {
    const request = readCsv(path.join(out, 'requests.csv')).find((r) => r.subject!.includes('Rep. Maria Kowalski'));
    expect(request?.to).toBe('jamie.fox@mail.house.example, pat.kim@mail.house.example');
    const file = fs.readdirSync(path.join(out, 'requests')).find((f) => f.includes('maria-kowalski'))!;
    const parsed = await eml(path.join(out, 'requests', file));
    expect((parsed.to ?? []).map((a) => a.address)).toEqual(['jamie.fox@mail.house.example', 'pat.kim@mail.house.example']);
  });
});
