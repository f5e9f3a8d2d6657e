// Finds the header row (title rows and blank rows may sit above it; a second header row of sub-fields
// may sit under it), maps header text to fields, and walks the rows after the header.

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
    const row = rows[i] ?? [];
    // A row with no more filled cells than the best score cannot beat it: its cells are not read (recognizing a
    // cell can mean reading it as availability words, the costly part of finding the header).
    let filled = 0;
    for (const c of row) if (c.trim() !== '') filled++;
    if (filled <= bestScore) continue;
    const score = row.filter((c) => c.trim() !== '' && recognizes(c)).length;
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

export interface BodyRow {
  cells: string[];
  /** The row number the organizer sees in the spreadsheet (header row included). */
  row: number;
}

/** The rows after the header (from index `start`), blank rows skipped, each with its spreadsheet row. */
export function* bodyRows(rows: readonly string[][], start: number): Generator<BodyRow> {
  for (let i = Math.max(start, 0); i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (!isBlankRow(cells)) yield { cells, row: i + 1 };
  }
}

const cleanHeader = (h: string | undefined) => (h ?? '').replace(/\s+/g, ' ').trim();

/** SurveyMonkey's second header row names a question's sub-fields, or says "Response". */
const GENERIC_SUB = /^(response|open[- ]ended response|other \(please specify\))$/i;

export interface HeaderRows {
  /** Index of the (first) header row; -1 when none. */
  index: number;
  /** One header per column: the two rows read together where there are two. */
  headers: string[];
  /** Index of the first data row. */
  dataStart: number;
  /** Both header rows' numbers as the organizer sees them, when there are two. */
  rows: number[];
}

/**
 * The header row and, when the row under it holds sub-fields (SurveyMonkey: a question spans several
 * columns in the first row, its sub-fields name them in the second), the two rows read together: a
 * column is headed by its sub-field, or by its question where the sub-field is only "Response".
 */
export function readHeaderRows(rows: readonly string[][], recognizes: (header: string) => boolean, min = 2): HeaderRows {
  const index = findHeaderRow(rows, recognizes, min);
  if (index < 0) return { index, headers: [], dataStart: 0, rows: [] };
  // The sub-field row can score higher than the question row above it, so try the pair above first.
  for (const a of [index - 1, index]) {
    const combined = a >= 0 ? twoRowHeader(rows[a] ?? [], rows[a + 1] ?? [], recognizes) : undefined;
    if (combined) return { index: a, headers: combined, dataStart: a + 2, rows: [a + 1, a + 2] };
  }
  return { index, headers: (rows[index] ?? []).map(cleanHeader), dataStart: index + 1, rows: [index + 1] };
}

/** The two rows read together when the second names the sub-fields of questions in the first. */
function twoRowHeader(top: readonly string[], under: readonly string[], recognizes: (header: string) => boolean): string[] | undefined {
  const first = top.map(cleanHeader);
  const second = under.map(cleanHeader);
  const width = Math.max(first.length, second.length);
  // A question row has several questions, and blanks where one question spans the columns after it.
  if (first.filter(Boolean).length < 2 || !first.some((h, c) => !h && second[c])) return undefined;
  if (second.some((s) => /@/.test(s))) return undefined;
  let question = '';
  const combined: string[] = [];
  for (let c = 0; c < width; c++) {
    if (first[c]) question = first[c] ?? '';
    const sub = second[c] ?? '';
    combined.push(!sub || GENERIC_SUB.test(sub) ? (first[c] || question) : sub);
  }
  const score = (hs: readonly string[]) => hs.filter((h) => h && recognizes(h)).length;
  return second.some((s) => GENERIC_SUB.test(s)) || score(combined) >= score(first) + 2 ? combined : undefined;
}

/**
 * Assigns each field the first unclaimed header matching its pattern, in the order given. Where a
 * header matches and its column is empty on every row while a later matching column has answers
 * (SurveyMonkey's recipient "Email Address" beside the contact question's), the one with answers wins.
 */
export function mapColumns<F extends string>(
  headers: readonly string[],
  patterns: ReadonlyArray<readonly [F, RegExp]>,
  manual: Partial<Record<F, string>> = {},
  filled: (index: number) => boolean = () => true,
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
    const matching = headers.flatMap((h, k) => (!taken.has(k) && h.trim() !== '' && re.test(normHeader(h)) ? [k] : []));
    const i = matching.find(filled) ?? matching[0];
    if (i !== undefined) {
      out.set(field, i);
      taken.add(i);
    }
  }
  return out;
}

/** Which columns hold an answer on at least one row after the header. */
export function filledColumns(rows: readonly string[][], start: number): (index: number) => boolean {
  // Asked column by column, and a column's answer is usually in the first rows: no pass over every cell.
  // (A blank row has no filled cell, so looking past bodyRows' skipping of blank rows changes nothing.)
  const known = new Map<number, boolean>();
  return (k) => {
    let filled = known.get(k);
    if (filled === undefined) {
      filled = false;
      for (let i = Math.max(start, 0); i < rows.length && !filled; i++) filled = (rows[i]?.[k] ?? '').trim() !== '';
      known.set(k, filled);
    }
    return filled;
  };
}
