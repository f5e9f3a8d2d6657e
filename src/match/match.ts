// Who may meet whom: each RSVP becomes a matched participant (the target offices they are a
// constituent of, their rank) or an unmatched RSVP with one reason, a sentence and the fix.
import type { EventConfig } from '../config/schema.js';
import { stateByCode } from '../data/states.js';
import { tierKey, type Location, type Participant, type Rsvp, type TargetOffice } from '../model.js';
import { districtLabel } from '../normalize/district.js';
import type { Crosswalk } from './crosswalk.js';
import { locate } from './locate.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { Participant } from '../model.js';

export type UnmatchedCode =
  | 'duplicate' | 'unreachable' | 'no-state' | 'state-zip-conflict' | 'territory' | 'district-unknown'
  | 'not-constituent' | 'cannot-join' | 'availability-unreadable' | 'late-excluded' | 'cancelled';

export interface Unmatched {
  rsvp: Rsvp;
  location?: Location;
  code: UnmatchedCode;
  reason: string;
  fix: string;
  /** For duplicates: the row that supersedes this one. */
  supersededBy?: number;
  /**
   * True when there is nothing for an organizer to fix and the person can still act: they go on the
   * digital-advocacy list. False when the row needs a fix first (or is a superseded duplicate).
   */
  digital: boolean;
  /**
   * For a constituent who cannot be placed by their own answers (cannot join, late and excluded): their
   * target offices, so an organizer may still put them in one of those meetings by hand (awg check).
   */
  offices?: TargetOffice[];
}

export interface MatchResult {
  participants: Participant[];
  unmatched: Unmatched[];
  /** Matched people in a state of several districts whose district is unknown (they can meet only their senators). */
  withoutDistrict: number;
  /** Where each RSVP that is not a superseded duplicate lives, by row. */
  locations: Map<number, Location>;
}


/**
 * officesFor's answers by state and district, per offices list: 100,000 RSVPs against 535 offices scanned
 * it 53 million times. The list answered is shared and frozen: it must not be changed.
 */
const officesIndex = new WeakMap<readonly TargetOffice[], { length: number; byPlace: Map<string, TargetOffice[]> }>();

export function officesFor(loc: Location, offices: readonly TargetOffice[]): TargetOffice[] {
  let index = officesIndex.get(offices);
  // A list that grew or shrank since (it is readonly to us, but not to its owner) is indexed afresh.
  if (index?.length !== offices.length) officesIndex.set(offices, (index = { length: offices.length, byPlace: new Map() }));
  const key = `${loc.state ?? ''}|${loc.district ?? ''}`;
  let mine = index.byPlace.get(key);
  if (!mine) {
    mine = offices
      .filter((o) => o.state === loc.state && (o.chamber === 'Senate' || (loc.district !== undefined && o.district === loc.district)))
      .sort((a, b) => tierKey(a) - tierKey(b) || a.id.localeCompare(b.id));
    // Shared by everyone of the place (a copy each was 100,000 lists kept for the whole run): frozen, so
    // that whatever changed one in place would fail, not change everyone's.
    index.byPlace.set(key, Object.freeze(mine) as TargetOffice[]);
  }
  return mine;
}

export function matchConstituents(
  rsvps: readonly Rsvp[],
  supersededBy: ReadonlyMap<number, number>,
  offices: readonly TargetOffice[],
  event: EventConfig,
  crosswalk?: Crosswalk,
): MatchResult {
  const participants: Omit<Participant, 'rank'>[] = [];
  const unmatched: Unmatched[] = [];
  let withoutDistrict = 0;
  const locations = new Map<number, Location>();
  // Where a person lives follows from their ZIP, state and district alone, and those repeat: each reading is
  // made once and shared (frozen, as officesFor's lists) by the rows that gave the same.
  const located = new Map<string, Location>();
  const locateOnce = (r: Rsvp): Location => {
    const key = `${r.zip ?? ''}|${r.state ?? ''}|${r.district ?? ''}|${r.stateRaw ? 1 : 0}`;
    let loc = located.get(key);
    if (!loc) {
      loc = locate(r, crosswalk);
      if (loc.zipStates) Object.freeze(loc.zipStates);
      if (loc.candidates) Object.freeze(loc.candidates);
      located.set(key, Object.freeze(loc));
    }
    return loc;
  };
  for (const r of rsvps) {
    const out = (code: UnmatchedCode, reason: string, fix: string, digital: boolean, location?: Location, extra: Partial<Unmatched> = {}) =>
      unmatched.push({ rsvp: r, code, reason, fix, digital, ...(location ? { location } : {}), ...extra });
    const by = supersededBy.get(r.row);
    if (by !== undefined) {
      out('duplicate', `superseded by row ${by} (same email, later submission)`, `Nothing to do; row ${by} is the answer that counts.`, false, undefined, { supersededBy: by });
      continue;
    }
    if (r.cancelled) {
      out('cancelled', 'cancelled: the export\'s status column marks this RSVP cancelled', 'Nothing to do; clear the status to schedule them again.', false);
      continue;
    }
    const loc = locateOnce(r);
    locations.set(r.row, loc);
    if (!r.emailValid && !r.phoneValid) {
      out('unreachable', 'cannot be reached: no valid email and no phone', 'Add an email address or a phone number to the RSVP.', false);
      continue;
    }
    if (loc.stateProblem === 'zip-conflict') {
      out('state-zip-conflict', `the state column says ${r.state} but ZIP ${r.zip} is in ${loc.zipStates?.join(' or ')}`, 'Ask the person which state they vote in and correct the state or the ZIP.', false, loc);
      continue;
    }
    if (loc.stateProblem || !loc.state) {
      const why = loc.stateProblem === 'unknown' ? `"${r.stateRaw}" is not a US state or territory` : 'no state and no ZIP that tells it';
      out('no-state', `no usable state: ${why}`, 'Fill in the state (two-letter code) and ZIP code.', false, loc);
      continue;
    }
    const mine = officesFor(loc, offices);
    const info = stateByCode(loc.state);
    if (!mine.length) {
      if (info && !info.hasSenators) {
        out('territory', `lives in ${info.name}, which has no senators; its delegate is not a target`, 'Invite them to digital advocacy, or add the delegate to the Representatives tab.', true, loc);
      } else if (loc.district === undefined && targetHouseSeat(loc, offices)) {
        if (loc.candidates) {
          const list = loc.candidates.map((c) => `${districtLabel(loc.state!, c.district)}${c.share !== undefined ? ` (${Math.round(c.share * 100)}%)` : ''}`).join(' and ');
          out('district-unknown', `district unknown: ZIP ${r.zip} lies in ${list}`, 'Ask which district they vote in and fill in the district column.', false, loc);
        } else {
          const why = r.zip ? `ZIP ${r.zip} is not in the ZIP→district crosswalk` : 'no ZIP code';
          out('district-unknown', `district unknown (${why}), and ${loc.state} has target Representatives`, r.zip ? 'Ask which district they vote in and fill in the district column (a PO-box ZIP has no district), or pass a newer crosswalk with --zip-districts FILE.' : 'Fill in the ZIP code or the district column.', false, loc);
        }
      } else {
        const theirs = [
          loc.district !== undefined ? districtLabel(loc.state, loc.district) : loc.candidates ? `${loc.candidates.map((c) => districtLabel(loc.state!, c.district)).join('/')}` : `an unknown ${loc.state} district`,
          info?.hasSenators ? `${loc.state}'s two senators` : '',
        ].filter(Boolean).join(' and ');
        out('not-constituent', `not a constituent of any target office (${theirs} are not targets)`, 'Invite them to digital advocacy, or add their offices to the target workbook.', true, loc);
      }
      continue;
    }
    if (r.late && event.lateRsvps === 'exclude') {
      out('late-excluded', 'RSVP arrived after the deadline, and late RSVPs are not scheduled', 'Set event.lateRsvps in awg.config.json to schedule them.', true, loc, { offices: mine });
      continue;
    }
    if (!r.availability.slots.length) {
      if (r.availability.cannotJoin || !r.availability.unreadable.length) {
        out('cannot-join', r.note ? `cannot join any meeting time: "${r.note}"` : 'cannot join any meeting time', 'Send them the digital-advocacy toolkit.', true, loc, { offices: mine });
      } else {
        out('availability-unreadable', `availability could not be read: "${r.availability.unreadable.join('", "')}"`, 'Rewrite the availability cell, e.g. "Tue 10am-12pm; Wed after 2pm ET".', false, loc);
      }
      continue;
    }
    if (loc.district === undefined && info && info.seats > 1) withoutDistrict++;
    participants.push({ rsvp: r, location: loc, offices: mine, bestTier: tierKey(mine[0]!) });
  }
  // Each participant made as a literal of the four fields (in the order they were pushed): a spread per participant cost more than the sort.
  const ranked = rankWith(participants, (p, rank) => ({ rsvp: p.rsvp, location: p.location, offices: p.offices, bestTier: p.bestTier, rank }));
  return { participants: ranked, unmatched, withoutDistrict, locations };
}

/** The target House offices' districts per state, per offices list (as officesFor's index). */
const houseIndex = new WeakMap<readonly TargetOffice[], { length: number; byState: Map<string, Array<number | undefined>> }>();

/** A target Representative of the person's state who could be theirs (one of their ZIP's districts, when it has several). */
function targetHouseSeat(loc: Location, offices: readonly TargetOffice[]): boolean {
  let index = houseIndex.get(offices);
  if (index?.length !== offices.length) {
    index = { length: offices.length, byState: new Map() };
    for (const o of offices) if (o.chamber === 'House') index.byState.set(o.state, [...(index.byState.get(o.state) ?? []), o.district]);
    houseIndex.set(offices, index);
  }
  const districts = index.byState.get(loc.state ?? '') ?? [];
  return districts.some((d) => !loc.candidates || loc.candidates.some((c) => c.district === d));
}

/** Rank by best tier, then by how many target offices they can meet; equal keys share a rank. */
export function rankParticipants(list: ReadonlyArray<Omit<Participant, 'rank'>>): Participant[] {
  return rankWith(list, (p, rank) => ({ ...p, rank }));
}

function rankWith<T extends Omit<Participant, 'rank'>>(list: readonly T[], withRank: (p: T, rank: number) => Participant): Participant[] {
  const key = (p: T) => [p.bestTier, -p.offices.length] as const;
  // The comparison reads the key's two numbers directly: a key array per comparison was most of the sort.
  const sorted = [...list].sort((a, b) =>
    a.bestTier - b.bestTier || -a.offices.length - -b.offices.length || Number(a.rsvp.late) - Number(b.rsvp.late) || a.rsvp.row - b.rsvp.row);
  let rank = 0;
  let prev: readonly [number, number] | undefined;
  // Two keys are the same when their numbers are (NaN as NaN, as the keys' text compared them before).
  const same = (x: number, y: number) => x === y || (Number.isNaN(x) && Number.isNaN(y));
  return sorted.map((p) => {
    const k = key(p);
    if (!prev || !same(k[0], prev[0]) || !same(k[1], prev[1])) {
      rank++;
      prev = k;
    }
    return withRank(p, rank);
  });
}
