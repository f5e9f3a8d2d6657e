// The `ics` package's line folding, in linear time: scripts/bundle.mjs puts it in place of the package's
// own `foldLine`, which re-splits the whole line into graphemes for every 75-character piece (quadratic in
// a long DESCRIPTION: 2 s of a 10,000-RSVP run). Same output, piece for piece: test/unit/ics-fold.test.ts.
import { runes } from 'runes2';

// runes2 joins a code unit to the next only for a surrogate pair, or when the next is a variation selector,
// a combining mark for symbols, a zero-width joiner or one of a few listed marks: a line with none of those
// (every line of Latin text with dashes and accents, such as a DESCRIPTION's `10:00–10:30 am`) has one
// grapheme per code unit, and is cut as a string without splitting it.
const LISTED = new Set([0x0308, 0x0937, 0x093f, 0x0ba8, 0x0bbf, 0x0bcd, 0x0e31, 0x0e33, 0x0e40, 0x0e49, 0x1100, 0x1161, 0x11a8]);

function oneUnitEach(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x0300) continue;
    if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x20d0 && c <= 0x20ff) || c === 0x200d || LISTED.has(c)) return false;
  }
  return true;
}

/** The first piece 75 graphemes, then 74 (after the fold's tab), joined by CRLF and a tab, as `ics` writes them. */
export default function foldLine(line: string): string {
  if (line.length <= 75) return line;
  const chars = oneUnitEach(line) ? line : runes(line);
  if (chars.length <= 75) return line;
  const piece = (from: number, to: number) => (typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join(''));
  const parts = [piece(0, 75)];
  for (let i = 75; i < chars.length; i += 74) parts.push(piece(i, i + 74));
  return parts.join('\r\n\t');
}
