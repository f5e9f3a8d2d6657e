// report.html printed in headless Chromium: at most two Letter pages (and A4), nothing wider than the
// paper, nothing loaded, no script. Uses the print tests' browser helpers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, usePrinter } from '../helpers/browser.js';
import { awg, fx, tmpDir } from '../helpers/run.js';

function report(config?: object): string {
  const dir = tmpDir();
  const args = ['report', '--schedule', fx('report-schedule'), '--responses', fx('report-responses.csv'), '--out', path.join(dir, 'report')];
  if (config) {
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(config));
    args.push('--config', path.join(dir, 'c.json'));
  }
  expect(awg(args).code).toBe(1); // the fixture holds bad responses on purpose
  return path.join(dir, 'report', 'report.html');
}

describe.skipIf(!CHROMIUM)('report.html printed in headless Chromium', () => {
  const print = usePrinter();

  it('prints the demo\'s results on at most two Letter pages, charts inline, nothing loaded', async () => {
    const r = await print(report());
    expect(r.Letter.pages).toBeGreaterThanOrEqual(1);
    expect(r.Letter.pages).toBeLessThanOrEqual(2);
    expect(r.A4.pages).toBeLessThanOrEqual(2);
    expect([...r.Letter.overflow, ...r.A4.overflow]).toEqual([]);
    expect(r.requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(r.a11y).toMatchObject({ lang: 'en', scripts: 0 });
    expect(r.a11y.charts).toBeGreaterThan(20);
    expect(r.a11y.headings).toEqual([1, 2, 2, 2]);
    expect(r.a11y.text).toContain('15 of 16 meetings reported');
  });

  it('still fits two Letter pages with six long asks and a long event name', async () => {
    const ask = (n: number) => `Ask number ${n}: cosponsor the Refugee Protection Act and the Asylum Seeker Protection Act, and defund every unlawful anti-asylum policy in the appropriations bills this year.`;
    const r = await print(report({ event: { name: 'Interfaith Immigration Coalition and Asylum Working Group Virtual Advocacy Days, July 14 to 16', asks: [1, 2, 3, 4, 5, 6].map(ask) } }));
    expect(r.Letter.pages).toBeLessThanOrEqual(2);
    expect([...r.Letter.overflow, ...r.A4.overflow]).toEqual([]);
  });
});
