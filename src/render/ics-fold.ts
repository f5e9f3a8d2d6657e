// The `ics` package's line folding, in linear time: scripts/bundle.mjs puts it in place of the package's
// own `foldLine`, which re-splits the whole line into graphemes for every 75-character piece (quadratic in
// a long DESCRIPTION: 2 s of a 10,000-RSVP run). Same output, piece for piece: test/unit/ics-fold.test.ts.
import { runes } from 'runes2';

// runes2 joins a code unit to the next only for a surrogate pair, or when the next is a variation selector,
// a combining mark for symbols, a zero-width joiner or one of a few listed marks: a line with none of those
// (every line of Latin text with dashes and accents, such as a DESCRIPTION's `10:00–10:30 am`) has one
// grapheme per code unit, and is cut as a string without splitting it.
const ONE_UNIT_EACH = /^[^\uD800-\uDFFF\uFE00-\uFE0F\u20D0-\u20FF\u200D\u0308\u0937\u093F\u0BA8\u0BBF\u0BCD\u0E31\u0E33\u0E40\u0E49\u1100\u1161\u11A8]*$/;

/** The first piece 75 graphemes, then 74 (after the fold's tab), joined by CRLF and a tab, as `ics` writes them. */
export default function foldLine(line: string): string {
  if (line.length <= 75) return line;
  const chars = ONE_UNIT_EACH.test(line) ? line : runes(line);
  if (chars.length <= 75) return line;
  const piece = (from: number, to: number) => (typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join(''));
  const parts = [piece(0, 75)];
  for (let i = 75; i < chars.length; i += 74) parts.push(piece(i, i + 74));
  return parts.join('\r\n\t');
}
