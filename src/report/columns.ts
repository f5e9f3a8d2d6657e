// Which column of a report-back export holds what: by the question's words (Google Forms, Sheets,
// Typeform, Jotform, a form someone retitled), by the config's `reportColumns` mapping (field → header,
// like the RSVP reader's `columns`), and for the asks by their number or their own words, short ones
// included ("How did the office respond to: Restore asylum protections?", a grid's "[Restore asylum
// protections]"). A yes/no follow-up question is told from the free-text one by its answers. Pure.
import { mapColumns, normHeader } from '../normalize/header.js';
import type { Problem, Where } from '../problems.js';

export type Field = 'timestamp' | 'meetingId' | 'meetingDate' | 'followUpAsked' | 'followUpBy' | 'followUp' | 'reporterEmail' | 'reporter' | 'attended' | 'office' | 'notes';

/** Order matters: "What follow-up did the office ask for?" is the follow-up, not the office; "What follow-up, and who owes it?" is the follow-up, not who owes it. */
export const PATTERNS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['timestamp', /^(timestamp|submitted|submitted at|submitted on|submission date|submit date|date submitted|created|created at|response date|end date|completed)$/],
  ['meetingId', /\bmeeting (id|code|number|no|#)\b|^(meeting|id)$/],
  ['meetingDate', /\b(meeting date|date of (the )?meeting|when was the meeting)\b|^date$/],
  ['followUpAsked', /^(did|was|were|has|have|does|do|is|are|any)\b.*\bfollow ?ups?\b/],
  ['followUpBy', /^(?!what\b)(.*\bwho\b.*\b(send|follow|owe|respon)|.*\bfollow ?up (owner|by|owed by)\b|.*\bowed by\b)/],
  ['followUp', /\bfollow ?ups?\b/],
  ['reporterEmail', /\be ?mail\b/],
  ['reporter', /^(your name|name|full name|your full name|reporter|reported by|lead|meeting lead|your name s)$|\byour (full )?name\b/],
  ['attended', /\b(attend\w*|who was there|who joined|participants)\b/],
  ['office', /^(?!.*\bask\b).*\b(office|member of congress|legislator|senator|representative|member)\b/],
  ['notes', /^(notes?|comments?|other notes|anything else\b.*)$|\bnotes?\b/],
];

export const recognizes = (h: string) => PATTERNS.some(([, re]) => re.test(normHeader(h))) || /\bask\b/.test(normHeader(h));

/** A yes/no answer: true, false, or undefined for anything else. */
export function yesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase().replace(/[.!]+$/, '');
  if (/^(y|yes|yes please|true|x|✓|✔|1)$/.test(t)) return true;
  if (/^(n|no|none|nope|no follow ?up|false|0|n\/a|na|-|—)$/.test(t)) return false;
  return undefined;
}

const words = (s: string) => normHeader(s).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();

/** The ask a header names in its own words: a grid's "[…]", or what follows the last colon; the whole header too. */
function askParts(header: string): string[] {
  const parts = [header];
  const bracket = /\[([^\]]+)\]\s*$/.exec(header);
  if (bracket) parts.push(bracket[1]!);
  const colon = header.lastIndexOf(':');
  if (colon >= 0) parts.push(header.slice(colon + 1));
  return parts.map(words).filter(Boolean);
}

/** Which column holds ask i: one naming "ask i" (or "[Ask i]"), else one whose words are the ask's opening words or a run of at least two of them. */
export function askColumns(headers: readonly string[], asks: readonly string[], taken: ReadonlySet<number>): Array<number | undefined> {
  const used = new Set(taken);
  const byNumber = asks.map((_, i) => headers.findIndex((h, k) => !used.has(k) && new RegExp(`\\bask (no |number |#)?${i + 1}\\b`).test(words(h.replace(/#/g, ' ')))));
  for (const k of byNumber) if (k >= 0) used.add(k);
  return asks.map((ask, i) => {
    if (byNumber[i]! >= 0) return byNumber[i];
    const all = ` ${words(ask)} `;
    const start = words(ask).split(' ').slice(0, 6).join(' ');
    const k = headers.findIndex((h, c) => !used.has(c) && start.length > 0 && (words(h).includes(start)
      || askParts(h).slice(1).some((p) => p.split(' ').length >= 2 && all.includes(` ${p} `))));
    if (k < 0) return undefined;
    used.add(k);
    return k;
  });
}

/** The field names `reportColumns` takes: the fields above, and ask1, ask2… */
export const REPORT_COLUMN_FIELDS = PATTERNS.map(([f]) => f);

export interface FoundColumns {
  cols: Map<Field, number>;
  asks: Array<number | undefined>;
  problems: Problem[];
}

/** The export's columns: the mapping's first, then by words; a mapped header the export lacks is an error naming it. */
export function findColumns(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, asks: readonly string[], mapping: Readonly<Record<string, string>>, where: Where & { row: number }): FoundColumns {
  const problems: Problem[] = [];
  const indexOf = (header: string) => headers.findIndex((h) => normHeader(h) === normHeader(header));
  const manual: Partial<Record<Field, string>> = {};
  const manualAsks = new Map<number, number>();
  for (const [field, header] of Object.entries(mapping)) {
    const k = indexOf(header);
    if (k < 0) {
      problems.push({ code: 'mapped-column-missing', severity: 'error', ...where, column: header, value: header, message: `reportColumns maps ${field} to "${header}", but the export has no such column; awg reads ${field} by the question's words instead.`, fix: `Write the header exactly as in the export (headers seen: ${headers.filter(Boolean).map((h) => `"${h}"`).join(', ')}).` });
      continue;
    }
    const ask = /^ask(\d+)$/.exec(field);
    if (ask) manualAsks.set(Number(ask[1]) - 1, k);
    else manual[field as Field] = header;
  }
  const cols = mapColumns(headers, PATTERNS.filter(([f]) => f !== 'followUpAsked' || !mapping.followUp), manual);
  const values = (k: number) => rows.map((r) => (r[k] ?? '').trim()).filter(Boolean);
  // A follow-up question answered only yes or no is whether the office asked for one; the follow-up itself is then another question's text.
  const fu = cols.get('followUp');
  if (fu !== undefined && !cols.has('followUpAsked') && !mapping.followUp && values(fu).length && values(fu).every((v) => yesNo(v) !== undefined)) {
    cols.set('followUpAsked', fu);
    cols.delete('followUp');
    const taken = new Set(cols.values());
    const other = headers.findIndex((h, k) => !taken.has(k) && h.trim() !== '' && /\bfollow ?ups?\b/.test(normHeader(h)));
    if (other >= 0) cols.set('followUp', other);
  }
  const taken = new Set<number>([...cols.values(), ...manualAsks.values()]);
  const found = askColumns(headers, asks, taken);
  return { cols, asks: found.map((k, i) => manualAsks.get(i) ?? k), problems };
}
