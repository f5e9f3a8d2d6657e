// Whatever a participant or an organizer types into any RSVP or target field, no cell of any CSV or
// workbook awg writes can run as a formula, and every HTML page shows it as text. The property runs from
// a fixed seed; on a failure fast-check prints `{ seed, path }`, which replay exactly that case.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awgIn, cleanInputs, scheduleArgs } from '../helpers/inproc.js';

const hostileText = fc.oneof(
  fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","x")', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '"\'', '🌞 Día', '&amp;<b>x</b>'),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '<', '"'), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
);

const csvCell = (v: string | undefined) => `"${(v ?? '').replace(/"/g, '""')}"`;
/** The tags awg's own pages use: anything else in a page came from an input unescaped. */
const OWN_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'section', 'h1', 'h2', 'h3', 'p', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'li', 'div', 'br', 'strong']);

function files(dir: string, out: string[] = []): string[] {
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

describe('formula and markup injection', () => {
  it('no output cell can run as a formula and every page shows input as text', async () => {
    await fc.assert(fc.asyncProperty(fc.array(hostileText, { minLength: 8, maxLength: 8 }), async ([first, last, org, city, note, needs, member, notes]) => {
      const inp = cleanInputs();
      fs.writeFileSync(inp.rsvps, [
        'Email,First Name,Last Name,Organization,City,State,ZIP Code,Availability,Notes,Needs,Willing to lead',
        ['ana@example.org', first, last, org, city, 'IL', '60614', 'Tue 10am-12pm', '', needs, 'Yes'].map(csvCell).join(','),
        ['ben@example.org', last, first, org, city, 'IL', '60201', '', note, needs, 'No'].map(csvCell).join(','),
      ].join('\r\n'));
      fs.writeFileSync(path.join(inp.dir, 'house.csv'), ['State,District,Member,Tier,Notes,Cosponsor', ['IL', '5', `Rep. ${member}`, '1', notes, notes].map(csvCell).join(','), ['IL', '9', `Rep. B ${member}`, '1', notes, ''].map(csvCell).join(',')].join('\n'));
      fs.writeFileSync(path.join(inp.dir, 'senate.csv'), ['State,Senator,Tier,Notes', ['IL', `Sen. ${member}`, '1', notes].map(csvCell).join(',')].join('\n'));
      const out = path.join(inp.dir, 'out');
      const args = scheduleArgs(inp, out).filter((a) => a !== '--confirmed' && a !== inp.confirmed);
      const t = args.indexOf('--targets');
      args.splice(t, 2, '--targets', path.join(inp.dir, 'house.csv'), '--targets', path.join(inp.dir, 'senate.csv'));
      const r = await awgIn(args);
      expect([0, 1], r.stderr).toContain(r.code);
      // A run that wrote nothing would pass every check below: it must have written the folder.
      expect(fs.existsSync(out), `no output folder was written:\n${r.stderr}`).toBe(true);
      for (const f of files(out)) {
        if (f.endsWith('.csv')) {
          const rows = parse(fs.readFileSync(f), { bom: true, relax_column_count: true }) as string[][];
          for (const row of rows) for (const c of row) expect(c, `${f}: ${JSON.stringify(c)}`).not.toMatch(/^[=+\-@\t\r]/);
        } else if (f.endsWith('.xlsx')) {
          const wb = XLSX.read(fs.readFileSync(f), { cellFormula: true });
          for (const name of wb.SheetNames) {
            const ws = wb.Sheets[name]!;
            for (const [ref, c] of Object.entries(ws)) if (!ref.startsWith('!')) expect((c as XLSX.CellObject).f, `${name}!${ref}`).toBeUndefined();
          }
        } else if (f.endsWith('.html')) {
          const html = fs.readFileSync(f, 'utf8').replace(/<style>[\s\S]*?<\/style>/, '');
          for (const m of html.matchAll(/<\/?([a-zA-Z!][\w-]*)/g)) expect(OWN_TAGS.has(m[1]!.toLowerCase()), `${f}: <${m[1]}`).toBe(true);
          // Inside awg's own tags, no attribute came from an input (a quote in the input is escaped).
          for (const tag of html.match(/<[a-zA-Z!][^>]*>/g) ?? []) expect(tag, f).not.toMatch(/\son\w+=|javascript:/i);
        }
      }
      fs.rmSync(inp.dir, { recursive: true, force: true });
    }), { numRuns: 25, seed: 42 });
  }, 120_000);
});
