// The linear line folding swapped into the bundled `ics` package must fold exactly as the package does.
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import foldLine from '../../src/render/ics-fold.js';

const require = createRequire(import.meta.url);
// The package's own function, by file (its exports do not name it).
const icsFoldLine = (require(path.join(path.dirname(require.resolve('ics')), 'utils', 'fold-line.js')) as { default: (line: string) => string }).default;

describe('ics line folding', () => {
  it('folds a long description, an emoji, accents and CJK as the ics package does', () => {
    const lines = [
      '', 'DESCRIPTION:short', `DESCRIPTION:${'x'.repeat(75)}`, `DESCRIPTION:${'x'.repeat(64)}`, `DESCRIPTION:${'y'.repeat(63)}z`,
      `DESCRIPTION:When: Tuesday, July 14, 10:00–10:30 am CT\\nParticipants:\\n- Ana María López (lead)\\n- 李小龙\\n- 👩‍👩‍👧 Family\\n${'- José Núñez\\n'.repeat(20)}`,
      `SUMMARY:${'e\u0301'.repeat(100)}`, `SUMMARY:${'🇺🇸'.repeat(90)}`,
    ];
    for (const line of lines) expect(foldLine(line)).toBe(icsFoldLine(line));
  });

  it('folds any text as the ics package does', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (line) => foldLine(line) === icsFoldLine(line)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (line) => foldLine(line) === icsFoldLine(line)), { numRuns: 300 });
    // Dashes and accents (cut as a plain string) beside the marks that join code units, around the 75th.
    const unit = fc.constantFrom('a', '–', 'é', '\u0308', '\u200D', '\uFE0F', '\u20D0', '\u0937', '\u1161', '👍', '🇺', '\uD83D');
    fc.assert(fc.property(fc.string({ unit, minLength: 60, maxLength: 240 }), (line) => foldLine(line) === icsFoldLine(line)), { numRuns: 500 });
  });
});
