// ZIP → congressional district crosswalks, in the two shapes organizers can get: the Census
// relationship file (pipe-delimited, GEOID_CD119_20/GEOID_ZCTA5_20/AREALAND_PART) and the CSV
// `state_fips,state_abbr,zcta,cd`.
import { parse } from 'csv-parse/sync';
import { stateByCode, stateByFips } from '../data/states.js';
import type { ZipDistrict } from '../model.js';
import { InputError } from '../problems.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { ZipDistrict } from '../model.js';

export interface Crosswalk {
  file: string;
  shape: 'census' | 'csv';
  zips: Map<string, ZipDistrict[]>;
  rows: number;
  skipped: number;
}

export function parseCrosswalk(text: string, file: string): Crosswalk {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes('|') ? '|' : firstLine.includes('\t') ? '\t' : ',';
  let rows: string[][];
  try {
    rows = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new InputError([{ code: 'crosswalk-unreadable', severity: 'error', file, message: `${file} cannot be read: ${(err as Error).message}` }]);
  }
  const header = (rows[0] ?? []).map((h) => h.toUpperCase());
  const find = (re: RegExp) => header.findIndex((h) => re.test(h));
  const cdCol = find(/^GEOID_CD\d+_\d+$/);
  const zctaCol = find(/^GEOID_ZCTA5_\d+$/);
  if (cdCol >= 0 && zctaCol >= 0) return census(rows, file, cdCol, zctaCol, find(/^AREALAND_PART$/));
  const zcta = find(/^(ZCTA|ZCTA5|ZIP|ZIPCODE|ZIP_CODE)$/);
  const cd = find(/^(CD|DISTRICT|CONGRESSIONAL_DISTRICT|CD\d+)$/);
  const abbr = find(/^(STATE_ABBR|STATE|STATE_CODE|STUSPS)$/);
  const fips = find(/^(STATE_FIPS|STATEFP|STATE_FP)$/);
  if (zcta < 0 || cd < 0 || (abbr < 0 && fips < 0)) {
    throw new InputError([{
      code: 'crosswalk-shape', severity: 'error', file, row: 1,
      message: `${file} is not a ZIP→district crosswalk awg knows. Headers seen: ${(rows[0] ?? []).map((h) => `"${h}"`).join(', ')}.`,
      fix: 'Use the Census ZCTA–district relationship file, or a CSV with columns state_fips,state_abbr,zcta,cd.',
    }]);
  }
  const zips = new Map<string, ZipDistrict[]>();
  let skipped = 0;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const zip = (r[zcta] ?? '').padStart(5, '0');
    const state = abbr >= 0 ? stateByCode((r[abbr] ?? '').toUpperCase())?.code : stateByFips(r[fips] ?? '')?.code;
    const d = Number(r[cd]);
    if (!/^\d{5}$/.test(zip) || !state || !Number.isInteger(d)) {
      skipped++;
      continue;
    }
    add(zips, zip, { state, district: d === 98 ? 0 : d });
  }
  return { file, shape: 'csv', zips, rows: rows.length - 1, skipped };
}

function census(rows: string[][], file: string, cdCol: number, zctaCol: number, landCol: number): Crosswalk {
  const zips = new Map<string, ZipDistrict[]>();
  const land = new Map<string, number[]>();
  let skipped = 0;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const zip = r[zctaCol] ?? '';
    const geoid = r[cdCol] ?? '';
    const state = stateByFips(geoid.slice(0, 2))?.code;
    const dd = geoid.slice(2, 4);
    // Rows without a ZCTA (water, undefined districts "ZZ") say nothing about any ZIP.
    if (!/^\d{5}$/.test(zip) || !state || !/^\d{2}$/.test(dd)) {
      skipped++;
      continue;
    }
    const district = dd === '98' || dd === '00' ? 0 : Number(dd);
    const list = add(zips, zip, { state, district });
    const area = Number(r[landCol] ?? NaN);
    const areas = land.get(zip) ?? [];
    areas[list.length - 1] = (areas[list.length - 1] ?? 0) + (Number.isFinite(area) ? area : 0);
    land.set(zip, areas);
  }
  for (const [zip, list] of zips) {
    const areas = land.get(zip) ?? [];
    const total = areas.reduce((a, b) => a + b, 0);
    if (total > 0) list.forEach((z, k) => (z.share = (areas[k] ?? 0) / total));
  }
  return { file, shape: 'census', zips, rows: rows.length - 1, skipped };
}

function add(zips: Map<string, ZipDistrict[]>, zip: string, zd: ZipDistrict): ZipDistrict[] {
  const list = zips.get(zip) ?? [];
  if (!list.some((x) => x.state === zd.state && x.district === zd.district)) list.push(zd);
  zips.set(zip, list);
  return list;
}

export function crosswalkStats(cw: Crosswalk): { zips: number; spanning: number; spanningShare: number; crossState: number } {
  let spanning = 0;
  let crossState = 0;
  for (const list of cw.zips.values()) {
    if (list.length > 1) spanning++;
    if (new Set(list.map((z) => z.state)).size > 1) crossState++;
  }
  return { zips: cw.zips.size, spanning, spanningShare: cw.zips.size ? spanning / cw.zips.size : 0, crossState };
}

