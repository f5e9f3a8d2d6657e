// report.html printed in headless Chromium: at most two Letter pages (and A4), nothing wider than the
// paper, nothing loaded, no script. Uses the print tests' browser helpers.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, pdfPages } from '../helpers/browser.js';
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
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function print(file: string) {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.emulateMedia({ media: 'print' });
    const pages: Record<string, number> = {};
    const overflow: string[] = [];
    // Printable width at 12 mm margins, in CSS pixels.
    for (const [format, widthPx] of [['Letter', 816 - 91], ['A4', 794 - 91]] as const) {
      await page.setViewportSize({ width: widthPx, height: 1000 });
      overflow.push(...await page.evaluate(() => {
        const limit = document.documentElement.clientWidth + 1;
        return [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > limit).map((el) => `${el.tagName}: ${(el.textContent ?? '').slice(0, 40)}`);
      }));
      pages[format] = pdfPages(await page.pdf({ format, printBackground: true }));
    }
    const doc = await page.evaluate(() => ({
      lang: document.documentElement.lang, scripts: document.scripts.length, charts: document.querySelectorAll('svg rect').length,
      headings: [...document.querySelectorAll('h1,h2,h3')].map((h) => Number(h.tagName[1])), text: document.body.innerText,
    }));
    await page.close();
    return { pages, overflow, requests, doc };
  }

  it('prints the demo\'s results on at most two Letter pages, charts inline, nothing loaded', async () => {
    const r = await print(report());
    expect(r.pages.Letter).toBeGreaterThanOrEqual(1);
    expect(r.pages.Letter).toBeLessThanOrEqual(2);
    expect(r.pages.A4).toBeLessThanOrEqual(2);
    expect(r.overflow).toEqual([]);
    expect(r.requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(r.doc).toMatchObject({ lang: 'en', scripts: 0 });
    expect(r.doc.charts).toBeGreaterThan(20);
    expect(r.doc.headings).toEqual([1, 2, 2, 2]);
    expect(r.doc.text).toContain('15 of 16 meetings reported');
  });

  it('still fits two Letter pages with six long asks and a long event name', async () => {
    const ask = (n: number) => `Ask number ${n}: cosponsor the Refugee Protection Act and the Asylum Seeker Protection Act, and defund every unlawful anti-asylum policy in the appropriations bills this year.`;
    const r = await print(report({ event: { name: 'Interfaith Immigration Coalition and Asylum Working Group Virtual Advocacy Days, July 14 to 16', asks: [1, 2, 3, 4, 5, 6].map(ask) } }));
    expect(r.pages.Letter).toBeLessThanOrEqual(2);
    expect(r.overflow).toEqual([]);
  });
});
