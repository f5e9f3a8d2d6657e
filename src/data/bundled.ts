// The reference data awg carries: the ZIP → district crosswalk of the 119th Congress and its current
// members, decoded from the generated modules beside this one (scripts/build-data.mjs builds them).
import type { Chamber } from '../model.js';
import type { Crosswalk, ZipDistrict } from '../match/crosswalk.js';
import { CROSSWALK_ROWS, ZCTA_BY_PREFIX } from './crosswalk-119.js';
import { MEMBERS_BY_STATE } from './members-119.js';

/** The Congress the bundled districts were drawn for, and the dates it sits. */
export const BUNDLED_CONGRESS = { number: 119, label: '119th Congress', start: '2025-01-03', end: '2027-01-03' } as const;

/** How the summaries name the bundled crosswalk. */
export const BUNDLED_CROSSWALK_LABEL = `ZIP→${BUNDLED_CONGRESS.label}, bundled`;

/**
 * The bundled ZIPs, decoded a two-digit prefix group at a time as they are asked for: a run with a few
 * hundred RSVPs decodes a handful of groups instead of all 33,000 ZCTAs. Iterating decodes everything.
 */
class BundledZips extends Map<string, ZipDistrict[]> {
  private readonly done = new Set<string>();
  private readonly seats = new Map<string, ZipDistrict>();

  private load(prefix: string): void {
    if (this.done.has(prefix)) return;
    this.done.add(prefix);
    const packed = ZCTA_BY_PREFIX[prefix] ?? '';
    for (let i = 0; i + 7 <= packed.length; i += 7) {
      const zip = prefix + packed.slice(i, i + 3);
      const key = packed.slice(i + 3, i + 7);
      let seat = this.seats.get(key);
      if (!seat) {
        seat = Object.freeze({ state: key.slice(0, 2), district: Number(key.slice(2)) });
        this.seats.set(key, seat);
      }
      const list = super.get(zip);
      if (list) list.push(seat);
      else super.set(zip, [seat]);
    }
  }

  private loadAll(): void {
    for (const prefix of Object.keys(ZCTA_BY_PREFIX)) this.load(prefix);
  }

  override get(zip: string): ZipDistrict[] | undefined {
    this.load(zip.slice(0, 2));
    return super.get(zip);
  }

  override has(zip: string): boolean {
    this.load(zip.slice(0, 2));
    return super.has(zip);
  }

  override get size(): number {
    this.loadAll();
    return super.size;
  }

  override entries(): MapIterator<[string, ZipDistrict[]]> {
    this.loadAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.loadAll();
    return super.keys();
  }

  override values(): MapIterator<ZipDistrict[]> {
    this.loadAll();
    return super.values();
  }

  override forEach(fn: (value: ZipDistrict[], key: string, map: Map<string, ZipDistrict[]>) => void, thisArg?: unknown): void {
    this.loadAll();
    super.forEach(fn, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, ZipDistrict[]]> {
    return this.entries();
  }
}

let crosswalk: Crosswalk | undefined;

/** The bundled crosswalk (one per run; its ZIPs are decoded as they are looked up). */
export function bundledCrosswalk(): Crosswalk {
  crosswalk ??= { file: 'bundled', shape: 'bundled', zips: new BundledZips(), rows: CROSSWALK_ROWS, skipped: 0 };
  return crosswalk;
}

export interface Member {
  chamber: Chamber;
  state: string;
  /** House: the district, 0 for at-large. */
  district?: number;
  /** Senate: which of the state's two seats, and its class (1 to 3: which election cycle). */
  rank?: 'senior' | 'junior';
  senateClass?: number;
  first: string;
  last: string;
  /** The name the member goes by officially, e.g. "Richard J. Durbin". */
  name: string;
  /** D, R, I. */
  party: string;
  phone: string;
  /** The DC office: room and building. */
  office: string;
  /** The contact form, else the member's site. */
  contact: string;
  bioguide: string;
}

let members: Member[] | undefined;

/** Every sitting member in the bundled list, by state, senators (senior first) before representatives. */
export function currentMembers(): readonly Member[] {
  if (members) return members;
  members = [];
  for (const [state, rows] of Object.entries(MEMBERS_BY_STATE)) {
    for (const [chamber, seat, first, last, name, party, phone, office, contact, bioguide, senateClass] of rows) {
      const where = chamber === 'H' ? { district: Number(seat) } : { rank: seat === 'junior' ? 'junior' as const : 'senior' as const, ...(senateClass ? { senateClass } : {}) };
      members.push({ chamber: chamber === 'H' ? 'House' : 'Senate', state, ...where, first, last, name, party, phone, office, contact, bioguide });
    }
  }
  return members;
}
