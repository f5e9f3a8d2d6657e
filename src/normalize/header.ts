// Finds the header row (title rows and blank rows may sit above it) and maps header text to fields.

export function normHeader(h: string): string {
  return h.toLowerCase().replace(/[_\-.:?*()/"'’]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The index of the header row among the first rows: the row where the most cells are recognized
 * headers (at least `min`); the earliest wins a tie. -1 when none qualifies.
 */
export function findHeaderRow(rows: readonly string[][], recognizes: (header: string) => boolean, min = 2, scan = 30): number {
  let best = -1;
  let bestScore = min - 1;
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const score = (rows[i] ?? []).filter((c) => c.trim() !== '' && recognizes(c)).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

export function isBlankRow(row: readonly string[] | undefined): boolean {
  return !row || row.every((c) => c.trim() === '');
}

/** Assigns each field the first unclaimed header matching its pattern, in the order given. */
export function mapColumns<F extends string>(
  headers: readonly string[],
  patterns: ReadonlyArray<readonly [F, RegExp]>,
  manual: Partial<Record<F, string>> = {},
): Map<F, number> {
  const out = new Map<F, number>();
  const taken = new Set<number>();
  for (const [field, header] of Object.entries(manual) as Array<[F, string]>) {
    const i = headers.findIndex((h) => normHeader(h) === normHeader(header));
    if (i >= 0) {
      out.set(field, i);
      taken.add(i);
    }
  }
  for (const [field, re] of patterns) {
    if (out.has(field)) continue;
    const i = headers.findIndex((h, k) => !taken.has(k) && h.trim() !== '' && re.test(normHeader(h)));
    if (i >= 0) {
      out.set(field, i);
      taken.add(i);
    }
  }
  return out;
}
