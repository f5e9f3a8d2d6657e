// Cross-row checks on RSVPs: the same email twice (the latest submission stands), and one person
// under two emails (a warning; never merged).
import type { Rsvp } from '../model.js';
import type { Problem } from '../problems.js';

export interface Duplicates {
  /** Superseded row → the row that supersedes it. */
  supersededBy: Map<number, number>;
  problems: Problem[];
}

const later = (a: Rsvp, b: Rsvp) => {
  // Latest submission wins; without timestamps, the lower row (submitted later in an export) wins.
  if (a.submittedAt && b.submittedAt && a.submittedAt !== b.submittedAt) return a.submittedAt > b.submittedAt ? a : b;
  return a.row > b.row ? a : b;
};

export function findDuplicates(rsvps: readonly Rsvp[], file: string, emailColumn = 'email', sheet?: string): Duplicates {
  const where = { file, ...(sheet ? { sheet } : {}) };
  const supersededBy = new Map<number, number>();
  const problems: Problem[] = [];
  // One row per email is the rule: a list is made only for an email seen twice (100,000 one-row lists cost more than the check).
  const byEmail = new Map<string, Rsvp | Rsvp[]>();
  for (const r of rsvps) {
    if (!r.email) continue;
    const seen = byEmail.get(r.email);
    if (seen === undefined) byEmail.set(r.email, r);
    else if (Array.isArray(seen)) seen.push(r);
    else byEmail.set(r.email, [seen, r]);
  }
  for (const [email, list] of byEmail) {
    if (!Array.isArray(list)) continue;
    const winner = list.reduce(later);
    for (const r of list) {
      if (r === winner) continue;
      supersededBy.set(r.row, winner.row);
      problems.push({ code: 'duplicate-rsvp', severity: 'warning', ...where, row: r.row, column: emailColumn, value: email,
        message: `row ${r.row} superseded by row ${winner.row} (same email, later submission)`,
        fix: `Nothing to do if row ${winner.row} is the answer that counts; otherwise delete row ${winner.row}.` });
    }
  }
  problems.push(...possibleDuplicates(rsvps, supersededBy, where, emailColumn));
  return { supersededBy, problems };
}

const nameKey = (r: Rsvp) => `${r.firstName} ${r.lastName}`.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

type Named = Pick<Rsvp, 'firstName' | 'lastName'>;

/**
 * Each row's name key, and the rows whose name is on another row too (`skip`: rows that do not count). A name
 * on one row only (nearly every name) makes no pair, so the rules of possible duplicates look at these rows
 * alone: at 100,000 RSVPs, keys and index look-ups for every row were most of the check.
 */
export function rowsOfRepeatedNames(rows: readonly Named[], skip?: (i: number) => boolean): { names: string[]; candidates: number[] } {
  const names = rows.map((r) => nameKey(r as Rsvp));
  const once = new Set<string>();
  const repeated = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const name = names[i];
    if (!name || skip?.(i)) continue;
    if (once.has(name)) repeated.add(name);
    else once.add(name);
  }
  const candidates: number[] = [];
  if (repeated.size) for (let i = 0; i < rows.length; i++) if (repeated.has(names[i]!)) candidates.push(i);
  return { names, candidates };
}

/**
 * What makes two RSVPs possible duplicates of one person (the "review" list of awg unmatched): two rows
 * with a key in common and different emails are. Empty for a row without a name.
 */
export function duplicateKeys(r: Pick<Rsvp, 'firstName' | 'lastName' | 'phone' | 'phoneValid' | 'zip'>): string[] {
  const name = nameKey(r as Rsvp);
  if (!name) return [];
  const keys: string[] = [];
  if (r.phoneValid && r.phone) keys.push(`${name}\u0000phone\u0000${r.phone}`);
  if (r.zip) keys.push(`${name}\u0000ZIP\u0000${r.zip}`);
  return keys;
}

/**
 * One person under two emails (a work and a personal address): the same name and the same phone, or
 * the same name and ZIP. A warning on the later row naming the earlier one; both rows stay as they are,
 * for the organizer to decide.
 */
function possibleDuplicates(rsvps: readonly Rsvp[], supersededBy: ReadonlyMap<number, number>, where: { file: string; sheet?: string }, emailColumn: string): Problem[] {
  const problems: Problem[] = [];
  const flagged = new Set<number>();
  const rules: Array<[string, (r: Rsvp) => string | undefined]> = [
    ['phone', (r) => (r.phoneValid && r.phone ? r.phone : undefined)],
    ['ZIP', (r) => r.zip],
  ];
  // Each name's key once, not four times (NFC and lower-casing 100,000 names add up).
  const { names, candidates } = rowsOfRepeatedNames(rsvps, (i) => supersededBy.has(rsvps[i]!.row));
  for (const [what, keyOf] of rules) {
    // Per name, the first row of each phone (or ZIP). A name is nearly always one row, held as it is; a
    // name seen twice gets its own index by phone (or ZIP), so a common name (100 John Smiths) is looked
    // up, not scanned, and no name|phone string is made per row.
    const first = new Map<string, Rsvp | Map<string, Rsvp>>();
    for (const i of candidates) {
      const r = rsvps[i]!;
      const k = keyOf(r);
      const name = names[i];
      if (supersededBy.has(r.row) || !name || !k) continue;
      const seen = first.get(name);
      let earlier: Rsvp | undefined;
      if (seen === undefined) first.set(name, r);
      else if (seen instanceof Map) {
        earlier = seen.get(k);
        if (!earlier) seen.set(k, r);
      } else if (keyOf(seen) === k) earlier = seen;
      else first.set(name, new Map([[keyOf(seen)!, seen], [k, r]]));
      if (!earlier) continue;
      if (earlier.email === r.email || flagged.has(r.row)) continue;
      flagged.add(r.row);
      problems.push({ code: 'same-person-two-emails', severity: 'warning', ...where, row: r.row, column: emailColumn, value: r.email,
        message: `possible duplicate of row ${earlier.row}: same name and ${what}, a different email; both are kept`,
        fix: `If rows ${earlier.row} and ${r.row} are one person, delete the row that should not count; otherwise nothing to do.` });
    }
  }
  return problems;
}
