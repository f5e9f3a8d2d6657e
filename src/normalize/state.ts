// State or territory from what people type: codes, names, abbreviations with periods, any case.
import { STATES, type StateInfo } from '../data/states.js';

const clean = (s: string) => s.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

// Old-style (AP/GPO) abbreviations people still write.
const EXTRA: Record<string, string> = {
  'ala': 'AL', 'ariz': 'AZ', 'ark': 'AR', 'calif': 'CA', 'cal': 'CA', 'colo': 'CO', 'conn': 'CT', 'del': 'DE',
  'fla': 'FL', 'ga': 'GA', 'ill': 'IL', 'ind': 'IN', 'kan': 'KS', 'kans': 'KS', 'ky': 'KY', 'la': 'LA',
  'md': 'MD', 'mass': 'MA', 'mich': 'MI', 'minn': 'MN', 'miss': 'MS', 'mo': 'MO', 'mont': 'MT', 'neb': 'NE',
  'nebr': 'NE', 'nev': 'NV', 'n h': 'NH', 'n j': 'NJ', 'n m': 'NM', 'n mex': 'NM', 'n y': 'NY', 'n c': 'NC',
  'n d': 'ND', 'n dak': 'ND', 'okla': 'OK', 'ore': 'OR', 'oreg': 'OR', 'pa': 'PA', 'penn': 'PA', 'penna': 'PA',
  'r i': 'RI', 's c': 'SC', 's d': 'SD', 's dak': 'SD', 'tenn': 'TN', 'tex': 'TX', 'vt': 'VT', 'va': 'VA',
  'wash': 'WA', 'w va': 'WV', 'wis': 'WI', 'wisc': 'WI', 'wyo': 'WY', 'd c': 'DC', 'washington d c': 'DC',
  'washington dc': 'DC', 'dist of columbia': 'DC', 'virgin islands': 'VI', 'us virgin islands': 'VI',
  'u s virgin islands': 'VI', 'northern mariana islands': 'MP', 'commonwealth of puerto rico': 'PR',
};

const LOOKUP = new Map<string, string>();
for (const s of STATES) {
  LOOKUP.set(s.code.toLowerCase(), s.code);
  LOOKUP.set(clean(s.name), s.code);
}
for (const [k, v] of Object.entries(EXTRA)) LOOKUP.set(k, v);

/** The state a cell names, or undefined. Blank input gives undefined too; callers tell the two apart. */
export function parseState(raw: string): StateInfo | undefined {
  const key = clean(raw);
  if (!key) return undefined;
  const code = LOOKUP.get(key) ?? LOOKUP.get(key.replace(/ /g, ''));
  return code ? STATES.find((s) => s.code === code) : undefined;
}
