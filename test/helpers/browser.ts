// Headless Chromium for the print tests: Debian's chromium (CHROMIUM_PATH to use another). Without it
// the tests are skipped locally; CI sets AWG_REQUIRE_BROWSER=1 so a missing browser fails instead.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));

if (!CHROMIUM && process.env.AWG_REQUIRE_BROWSER === '1') {
  throw new Error('AWG_REQUIRE_BROWSER=1 but no Chromium was found (install Debian\'s chromium, or set CHROMIUM_PATH).');
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * One headless Chromium for the tests of the enclosing describe: launched before them, closed after.
 * Returns print(file), which prints a page with it (printPage).
 */
export function usePrinter(): (file: string) => Promise<Printed> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return (file) => printPage(browser!, file);
}

/** Pages in a PDF: its /Type /Page objects. */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export type Printed = Record<'Letter' | 'A4', { pages: number; overflow: string[] }> & {
  a11y: { lang: string; scripts: number; headings: number[]; tablesWithoutHeaders: number; charts: number; text: string };
  /** Every URL the page asked for (a self-contained page asks for nothing but itself). */
  requests: string[];
};

/** Prints a page on Letter and A4: page counts, any element that overflows the paper, and what a reader meets. */
export async function printPage(browser: Browser, file: string): Promise<Printed> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.emulateMedia({ media: 'print' });
  const result = {} as Record<'Letter' | 'A4', { pages: number; overflow: string[] }>;
  // Printable width at 12 mm margins: Letter 8.5in, A4 210mm, in CSS pixels.
  for (const [format, widthPx] of [['Letter', 816 - 91], ['A4', 794 - 91]] as const) {
    await page.setViewportSize({ width: Math.floor(widthPx), height: 1000 });
    const overflow = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth + 1;
      return [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > limit || el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName}: ${(el.textContent ?? '').slice(0, 40)}`);
    });
    const pdf = await page.pdf({ format, printBackground: true });
    result[format] = { pages: pdfPages(pdf), overflow };
  }
  const a11y = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    scripts: document.scripts.length,
    headings: [...document.querySelectorAll('h1,h2,h3,h4')].map((h) => Number(h.tagName[1])),
    tablesWithoutHeaders: [...document.querySelectorAll('table')].filter((t) => !t.querySelector('th')).length,
    charts: document.querySelectorAll('svg rect').length,
    text: document.body.innerText,
  }));
  await page.close();
  return { ...result, a11y, requests };
}
