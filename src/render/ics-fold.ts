// The `ics` package's line folding, in linear time: scripts/bundle.mjs puts it in place of the package's
// own `foldLine`, which re-splits the whole line into graphemes for every 75-character piece (quadratic in
// a long DESCRIPTION: 2 s of a 10,000-RSVP run). Same output, piece for piece: test/unit/ics-fold.test.ts.
import { runes } from 'runes2';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The first piece 75 graphemes, then 74 (after the fold's tab), joined by CRLF and a tab, as `ics` writes them. */
export default function foldLine(line: string): string {
  const chars = PRINTABLE_ASCII.test(line) ? line : runes(line);
  if (chars.length <= 75) return line;
  const piece = (from: number, to: number) => (typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join(''));
  const parts = [piece(0, 75)];
  for (let i = 75; i < chars.length; i += 74) parts.push(piece(i, i + 74));
  return parts.join('\r\n\t');
}
