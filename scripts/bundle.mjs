#!/usr/bin/env node
// Bundles the compiled CLI (dist/main.js and the packages it uses) into one file, dist/awg.cjs, and makes
// V8's code cache for it (dist/awg.cjs.cache); dist/awg.mjs (src/launch.ts), which bin/awg runs, loads the
// one with the other. One file instead of several hundred small modules (date-fns alone is hundreds) saves
// about 0.2 s on every run; the code cache saves parsing the bundle and compiling the functions a run
// uses (CPU at the first stage of the everyday event 241 -> 176 ms). CommonJS because only vm.Script takes
// a code cache in Node 20.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

// The `ics` package folds lines in quadratic time (2 s of a 10,000-RSVP run); src/render/ics-fold.ts is
// the same folding in linear time (test/unit/ics-fold.test.ts checks it folds exactly as the package).
let folded = false;
const icsFold = {
  name: 'ics-linear-fold',
  setup(b) {
    b.onLoad({ filter: /[\\/]ics[\\/]dist[\\/]utils[\\/]fold-line\.js$/ }, () => (folded = true, {
      contents: `export { default } from ${JSON.stringify(path.resolve('dist/render/ics-fold.js'))};`,
      loader: 'js',
      resolveDir: path.resolve('dist/render'),
    }));
  },
};

await build({
  entryPoints: ['dist/main.js'],
  outfile: 'dist/awg.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [icsFold],
  // The code finds files next to it from import.meta.url (../package.json, ./render/workbook-worker.js):
  // in the bundle that is dist/awg.cjs's own URL (and folder, for import.meta.dirname). A top-level await
  // in src/ would stop this build: CommonJS has none.
  define: { 'import.meta.url': '__awgUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  banner: { js: "const __awgUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// A new ics that moved its folding would silently bring the slow one back: say so instead.
if (!folded) throw new Error('bundle: the ics package no longer has dist/utils/fold-line.js; update the ics-linear-fold plugin in scripts/bundle.mjs');
fs.copyFileSync('dist/launch.js', 'dist/awg.mjs');

// The code cache: a schedule run on the fixtures (the demo's), which compiles what every stage runs.
const cache = 'dist/awg.cjs.cache';
fs.rmSync(cache, { force: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awg-cache-'));
const run = spawnSync(process.execPath, ['bin/awg', 'schedule', '--rsvps', 'fixtures/rsvps-google-forms.csv', '--targets', 'fixtures/targets.xlsx',
  '--staff', 'fixtures/staff.csv', '--confirmed', 'fixtures/confirmed.csv', '--out', path.join(tmp, 'out'), '--quiet'],
{ env: { ...process.env, AWG_WRITE_CODE_CACHE: cache, NO_COLOR: '1' }, encoding: 'utf8' });
fs.rmSync(tmp, { recursive: true, force: true });
// Exit 1 is the fixtures' own problems; without a cache awg still runs, only slower to start.
if (run.status !== 0 && run.status !== 1 || !fs.existsSync(cache)) console.warn(`bundle: no code cache (the run on the fixtures exited ${run.status}): ${run.stderr.slice(0, 500)}`);
