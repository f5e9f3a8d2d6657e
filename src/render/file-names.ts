// The file names of people's pages, calendars and notices: one per person. A name's slug is its file
// name; people whose names make the same one (names alike in their first 60 letters, or alike but for
// punctuation) each get a short hash of who they are added, never a number by their order in the
// export, so one person's file name does not depend on where someone else's row is.
import { hash as digest } from 'node:crypto';
import { personKey } from '../identity.js';

/** Longest slug, in characters (a file name has room for it with a hash and `-cancelled.ics`). */
const SLUG_LENGTH = 60;

/** A file name from a person's name: letters and digits of any script, dashes between words. */
export function slug(s: string): string {
  const words = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  // Cut by code point (a letter outside the BMP is not halved), and no dash left at the end of the cut.
  return [...words].slice(0, SLUG_LENGTH).join('').replace(/-+$/, '') || 'unnamed';
}

/** Who a person is, for their file name: their email (any case), else their name and phone (src/identity.ts). */
export const personIdentity = (email: string, name: string, phone = '') => personKey(email, name, '', phone);

export const shortHash = (text: string, length = 8) => digest('sha256', text).slice(0, length);

/**
 * The file name (without extension) of each person, in the order given: `base` where nobody else's is the
 * same, `base-<hash of identity>` where it is; then `-2`, `-3` for what is still the same (one person twice).
 */
export function uniqueStems(people: ReadonlyArray<{ base: string; identity: string }>): string[] {
  const identities = new Map<string, Set<string>>();
  for (const p of people) (identities.get(p.base) ?? identities.set(p.base, new Set()).get(p.base)!).add(p.identity);
  const used = new Set<string>();
  return people.map((p) => {
    const stem = identities.get(p.base)!.size > 1 ? `${p.base}-${shortHash(p.identity)}` : p.base;
    let s = stem;
    for (let i = 2; used.has(s); i++) s = `${stem}-${i}`;
    used.add(s);
    return s;
  });
}
