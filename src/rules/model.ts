// The one shape every hard rule is written over. The solver's working plan and the re-run's starting
// plan hold their seats and staffing as these typed arrays, so a rule is one predicate each of them
// asks. `awg check` has its own linear code for a folder as written; test/unit/rulebook-check.test.ts
// holds it to these predicates, rule by rule.
import type { Campus, Place } from '../campus/model.js';
import type { NotKeptCode } from '../model.js';

/** When and where a meeting is: what the walking rule reads (start and end in ms, one origin for a day). */
export interface Timed {
  readonly day: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Undefined for a virtual meeting: nobody walks to it. */
  readonly place?: Place | undefined;
}

/** What a rule needs of a meeting: its office, its event slots, how many are in it, when and where it is. */
export interface SeatMeeting extends Timed {
  readonly office: { readonly id: string };
  readonly slots: readonly number[];
  readonly attendees: { readonly length: number };
}

/** Who can be where, and who is where: person i's row of `avail`/`busy` is [i * nS, (i + 1) * nS). */
export interface SeatState {
  readonly nS: number;
  /** Person i said they can attend slot s (or the organizer put them in a meeting then by hand). */
  readonly avail: Uint8Array;
  /** Person i is in a meeting at slot s. */
  readonly busy: Uint8Array;
  /** The offices person i already meets. */
  readonly officeSeen: ReadonlyArray<ReadonlySet<string>>;
  /** The people who may be person i under another email (possible duplicates); undefined for nearly everyone. */
  readonly twins: ReadonlyArray<readonly number[] | undefined>;
  readonly maxGroup: number;
  /** An in-person event's campus; undefined for a virtual one (nobody walks: the walking rule looks no further). */
  readonly campus: Campus | undefined;
  /** Person i's meetings, as the walking rule reads them (only in an in-person event). */
  readonly meetingsOf: ReadonlyArray<readonly Timed[]>;
  isConstituent(i: number, officeId: string): boolean;
  /** Person j is in meeting m. */
  seatedIn(j: number, m: SeatMeeting): boolean;
}

/** A rule on one person's seat in a meeting. */
export interface SeatRule {
  code: string;
  describe: string;
  /** Person i may take a seat in m as the plan stands (m does not hold them yet). */
  allows(st: SeatState, i: number, m: SeatMeeting): boolean;
  /** What a re-run says when an earlier seat breaks the rule. */
  notKept: NotKeptCode;
  reason(m: { member: string; day: string; start: string; maxGroup: number }): string;
  /** A reason naming what of the plan breaks it (the walking minutes), where there is more to say than `reason`. */
  explain?(st: SeatState, i: number, m: SeatMeeting): string;
}

/** Accompaniers: accompanier k's row of `accAvail`/`accBusy` is [k * nS, (k + 1) * nS). */
export interface StaffState {
  readonly nS: number;
  /** By the staff list, k can accompany at slot s. */
  readonly accAvail: Uint8Array;
  /** k accompanies a meeting at slot s. */
  readonly accBusy: Uint8Array;
  readonly maxMeetingsPerDay: number;
  meetingsOn(k: number, day: string): number;
  readonly campus: Campus | undefined;
  /** Accompanier k's meetings, as the walking rule reads them (only in an in-person event). */
  readonly accMeetings: ReadonlyArray<readonly Timed[]>;
}

/** What a staff rule needs of a meeting: its slots, day, time and place. */
export interface StaffMeeting extends Timed {
  readonly slots: readonly number[];
}

/** A rule on an accompanier taking a meeting. */
export interface StaffRule {
  code: string;
  describe: string;
  allows(st: StaffState, k: number, m: StaffMeeting): boolean;
  /** Why the re-run does not keep the earlier accompanier (after their name). */
  reason(m: { day: string; start: string; maxMeetingsPerDay: number }): string;
  explain?(st: StaffState, k: number, m: StaffMeeting): string;
}

/** A meeting of a schedule, as every user of the rules can write it cheaply. */
export interface RuleMeeting {
  id: string;
  officeId: string;
  day: string;
  startMin: number;
  endMin: number;
  /** The event slots it covers (none when its time is not one of the event's). */
  slots: readonly number[];
  /** Lower-cased name; undefined for TBD or none. */
  accompanier?: string;
  leadRow?: number;
  /** Its participants' RSVP rows, in the order they are listed. */
  rows: readonly number[];
  /** Where it is in person; undefined for a virtual meeting. */
  place?: Place;
}

/** Each meeting rule breaks, and each seat or accompanier that breaks one. */
export interface Violation {
  rule: string;
  meetingId: string;
  row?: number;
  accompanier?: string;
}
