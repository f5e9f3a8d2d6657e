// The whole event plan from matched people: the meetings, and where everyone else ends up. Every
// RSVP row lands in exactly one place: a meeting, the digital-advocacy list, or the unmatched list
// (superseded duplicates included).
import type { Config } from '../config/schema.js';
import type { Accompanier, ConfirmedMeeting, DigitalAdvocate, LeftOut, Meeting, NotKept, Slot, StartingMeeting, TargetOffice } from '../model.js';
import type { MatchResult } from '../match/match.js';
import type { Problem } from '../problems.js';
import { scheduleMeetings } from './scheduler.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { DigitalAdvocate } from '../model.js';

export interface Plan {
  meetings: Meeting[];
  /** Everyone not in a meeting who can still act, with why. */
  digital: DigitalAdvocate[];
  /** Rows that need an organizer's fix, and superseded duplicates. */
  unmatched: MatchResult['unmatched'];
  leftOut: LeftOut[];
  uncovered: Map<string, string>;
  problems: Problem[];
  staffGiven: boolean;
  /** What of the starting plan (`start`) could not be kept, and why; empty without one. */
  notKept: NotKept[];
}

export function planEvent(args: {
  config: Config;
  slots: readonly Slot[];
  offices: readonly TargetOffice[];
  match: MatchResult;
  staff?: readonly Accompanier[];
  confirmed?: readonly ConfirmedMeeting[];
  confirmedFile?: string;
  /** Per House office: RSVPs in its state whose district is unknown (they might be its constituents). */
  districtUnknown?: ReadonlyMap<string, number>;
  /** An earlier schedule to keep what still holds of (a re-run). */
  start?: readonly StartingMeeting[];
}): Plan {
  const result = scheduleMeetings({
    event: args.config.event, slots: args.slots, offices: args.offices, participants: args.match.participants,
    ...(args.staff ? { staff: args.staff } : {}), ...(args.confirmed ? { confirmed: args.confirmed } : {}),
    ...(args.confirmedFile ? { confirmedFile: args.confirmedFile } : {}), ...(args.start ? { start: args.start } : {}),
  });
  const digital: DigitalAdvocate[] = [
    ...args.match.unmatched.filter((u) => u.digital).map((u) => ({ rsvp: u.rsvp, code: u.code, reason: u.reason })),
    ...result.leftOut.map((l) => ({ rsvp: l.participant.rsvp, code: l.code, reason: l.reason })),
  ].sort((a, b) => a.rsvp.row - b.rsvp.row);
  for (const [id, why] of result.uncovered) {
    const n = args.districtUnknown?.get(id) ?? 0;
    if (n && why.startsWith('no constituent who can attend')) {
      result.uncovered.set(id, `no constituent with a known district; ${n} RSVP${n === 1 ? '' : 's'} in the state ${n === 1 ? 'has' : 'have'} none (use --zip-districts or fill in districts)`);
    }
  }
  const problems = [...result.problems];
  if (!args.staff) {
    problems.push({ code: 'no-staff', severity: 'warning', message: 'no staff list given: every meeting has accompanier TBD', fix: 'Pass --staff FILE with the accompaniers and their availability.' });
  }
  return {
    meetings: result.meetings,
    digital,
    unmatched: args.match.unmatched.filter((u) => !u.digital),
    leftOut: result.leftOut,
    uncovered: result.uncovered,
    problems,
    staffGiven: Boolean(args.staff),
    notKept: result.notKept,
  };
}
