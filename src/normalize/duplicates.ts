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
  const byEmail = new Map<string, Rsvp[]>();
  for (const r of rsvps) {
    if (!r.email) continue;
    const list = byEmail.get(r.email) ?? [];
    list.push(r);
    byEmail.set(r.email, list);
  }
  for (const [email, list] of byEmail) {
    if (list.length < 2) continue;
    const winner = list.reduce(later);
    for (const r of list) {
      if (r === winner) continue;
      supersededBy.set(r.row, winner.row);
      problems.push({ code: 'duplicate-rsvp', severity: 'warning', ...where, row: r.row, column: emailColumn, value: email,
        message: `row ${r.row} superseded by row ${winner.row} (same email, later submission)`,
        fix: `Nothing to do if row ${winner.row} is the answer that counts; otherwise delete row ${winner.row}.` });
    }
  }
  const byNamePhone = new Map<string, Rsvp[]>();
  for (const r of rsvps) {
    if (supersededBy.has(r.row) || !r.phoneValid || !r.firstName) continue;
    const key = `${r.firstName} ${r.lastName}|${r.phone}`.toLowerCase();
    const list = byNamePhone.get(key) ?? [];
    list.push(r);
    byNamePhone.set(key, list);
  }
  for (const list of byNamePhone.values()) {
    const emails = new Set(list.map((r) => r.email));
    if (list.length < 2 || emails.size < 2) continue;
    const rows = list.map((r) => r.row);
    for (const r of list.slice(1)) {
      problems.push({ code: 'same-person-two-emails', severity: 'warning', ...where, row: r.row, column: emailColumn, value: r.email,
        message: `same name and phone as row ${rows[0]} but a different email; both are kept`,
        fix: `If rows ${rows.join(' and ')} are one person, delete the row that should not count.` });
    }
  }
  return { supersededBy, problems };
}
