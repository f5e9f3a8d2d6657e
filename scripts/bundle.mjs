#!/usr/bin/env node
// Bundles the compiled CLI (dist/main.js and the packages it uses) into one file, dist/awg.mjs, which
// bin/awg runs: Node then loads one module instead of several hundred small ones (date-fns alone is
// hundreds), which saves about 0.2 s on every run.
import fs from 'node:fs';
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

// The chunks of an earlier build (their names carry a hash of their contents).
for (const f of fs.readdirSync('dist')) if (/^awg-[\w-]+\.mjs$/.test(f)) fs.rmSync(path.join('dist', f));

await build({
  entryPoints: ['dist/main.js'],
  outdir: 'dist',
  entryNames: 'awg',
  outExtension: { '.js': '.mjs' },
  // What a command loads with import() is its own chunk, evaluated when the command runs; chunks sit next to
  // awg.mjs, so the paths the code resolves from import.meta.url (../package.json, ./render/…) hold in them too.
  splitting: true,
  chunkNames: 'awg-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [icsFold],
  // Some bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __awgCreateRequire } from 'node:module'; const require = __awgCreateRequire(import.meta.url);" },
});
// A new ics that moved its folding would silently bring the slow one back: say so instead.
if (!folded) throw new Error('bundle: the ics package no longer has dist/utils/fold-line.js; update the ics-linear-fold plugin in scripts/bundle.mjs');
