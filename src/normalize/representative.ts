// A district column that names the person's Representative rather than the district ("Danny Davis",
// "Rep. Quigley", "IL-07, Danny Davis"): the answer to the split-ZIP question (process/split-zip.ts)
// as people write it. Read against the bundled House members of the row's state (data/members-119.ts).
import { MEMBERS_BY_STATE } from '../data/members-119.js';

const words = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  .replace(/\b(rep|representative|congress(wo)?man|congressperson|congressmember|hon|honorable|mr|mrs|ms|dr|jr|sr)\b\.?/g, ' ')
  .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The district of the state's Representative the text names (full name, first and last, or a last name only one of them has). */
export function districtOfRepresentative(text: string, state: string): number | undefined {
  const t = words(text);
  if (!t) return undefined;
  const house = (MEMBERS_BY_STATE[state] ?? []).filter((m) => m[0] === 'H');
  const full = house.filter((m) => [words(m[4]), words(`${m[2]} ${m[3]}`)].includes(t));
  if (full.length === 1) return Number(full[0]![1]);
  const last = house.filter((m) => words(m[3]) === t || t.endsWith(` ${words(m[3])}`));
  return last.length === 1 ? Number(last[0]![1]) : undefined;
}
