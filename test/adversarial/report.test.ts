// Hostile report-back responses: awg report exits 0, 1 or 2 without a stack trace, names the file it
// refuses, leaves no partial folder, and no cell or page it writes can run what a reporter typed.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awgIn } from '../helpers/inproc.js';
import { fx, tmpDir } from '../helpers/run.js';

const HEADER = ['Timestamp', 'Meeting ID', 'Office', 'Your name', 'Your email', 'Who attended?', 'Ask 1: how did the office respond?', 'Ask 2: how did the office respond?',
  'Ask 3: how did the office respond?', 'What follow-up did the office ask for?', 'Who will send the follow-up?', 'Notes'];
const OWN_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'section', 'h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'text']);
const hostile = fc.oneof(
  fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '=HYPERLINK("http://evil.example","x")', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '__proto__',
    'M001', 'm2', 'M099', '', 'Supportive', 'not discussed', 'IL-09', 'Sen. Richard Dalton', '2020/07/14 11:50:07 AM EDT', '2020-07-15', '🌞'),
  fc.string({ maxLength: 15 }),
);
const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

async function report(bytes: string | Uint8Array, name = 'responses.csv') {
  const dir = tmpDir('awg-rep-');
  fs.writeFileSync(path.join(dir, name), bytes);
  const out = path.join(dir, 'out');
  const r = await awgIn(['report', '--schedule', fx('report-schedule'), '--responses', path.join(dir, name), '--out', out]);
  expect([0, 1, 2], r.stderr).toContain(r.code);
  expect(r.stderr).not.toContain('unexpected failure');
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  if (!fs.existsSync(out)) expect(r.stderr, 'a refusal names the file').toContain(name);
  expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  return { r, out, dir };
}

describe('awg report on hostile responses', () => {
  it('survives random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
      fs.rmSync((await report(bytes)).dir, { recursive: true, force: true });
    }), { numRuns: 15, seed: 20_200_716 });
  }, 120_000);

  it('writes no cell that can run as a formula and no tag that came from a response', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(hostile, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 6 }), async (rows) => {
      const { r, out, dir } = await report([HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n'));
      expect([0, 1]).toContain(r.code);
      for (const f of fs.readdirSync(out).map((n) => path.join(out, n))) {
        if (f.endsWith('.csv')) {
          for (const row of parse(fs.readFileSync(f), { bom: true, relax_column_count: true }) as string[][]) for (const c of row) expect(c, f).not.toMatch(/^[=+\-@\t\r]/);
        } else if (f.endsWith('.xlsx')) {
          const wb = XLSX.read(fs.readFileSync(f), { cellFormula: true });
          for (const ws of Object.values(wb.Sheets)) for (const [ref, c] of Object.entries(ws)) if (!ref.startsWith('!')) expect((c as XLSX.CellObject).f, ref).toBeUndefined();
        } else if (f.endsWith('.html')) {
          const html = fs.readFileSync(f, 'utf8').replace(/<style>[\s\S]*?<\/style>/, '');
          for (const m of html.matchAll(/<\/?([a-zA-Z!][\w-]*)/g)) expect(OWN_TAGS.has(m[1]!.toLowerCase()), `<${m[1]}`).toBe(true);
          for (const tag of html.match(/<[a-zA-Z!][^>]*>/g) ?? []) expect(tag).not.toMatch(/\son\w+=|javascript:/i);
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }), { numRuns: 20, seed: 42 });
  }, 120_000);
});
