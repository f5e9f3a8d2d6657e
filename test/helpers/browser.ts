// Headless Chromium for the print tests: Debian's chromium (CHROMIUM_PATH to use another). Without it
// the tests are skipped locally; CI sets AWG_REQUIRE_BROWSER=1 so a missing browser fails instead.
import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));

if (!CHROMIUM && process.env.AWG_REQUIRE_BROWSER === '1') {
  throw new Error('AWG_REQUIRE_BROWSER=1 but no Chromium was found (install Debian\'s chromium, or set CHROMIUM_PATH).');
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Pages in a PDF: its /Type /Page objects. */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
