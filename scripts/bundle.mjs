#!/usr/bin/env node
// Bundles the compiled CLI (dist/main.js and the packages it uses) into one file, dist/awg.mjs, which
// bin/awg runs: Node then loads one module instead of several hundred small ones (date-fns alone is
// hundreds), which saves about 0.2 s on every run.
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
  outfile: 'dist/awg.mjs',
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
