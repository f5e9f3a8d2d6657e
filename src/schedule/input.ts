// What the scheduler is given and what it returns.
import type { EventConfig } from '../config/schema.js';
import type { Accompanier, ConfirmedMeeting, LeftOut, Meeting, NotKept, Participant, Slot, StartingMeeting, TargetOffice } from '../model.js';
import type { Problem } from '../problems.js';

export interface ScheduleInput {
  event: EventConfig;
  slots: readonly Slot[];
  offices: readonly TargetOffice[];
  participants: readonly Participant[];
  /** Undefined when no staff list was given: meetings get accompanier TBD. */
  staff?: readonly Accompanier[];
  confirmed?: readonly ConfirmedMeeting[];
  confirmedFile?: string;
  /**
   * An earlier schedule to start from (a re-run): what still holds is kept in place, and only the
   * rest is scheduled anew. Without it the result is the same as a fresh run.
   */
  start?: readonly StartingMeeting[];
}

export interface ScheduleOptions {
  /** The starting plan; same as `ScheduleInput.start` (this one wins when both are given). */
  start?: readonly StartingMeeting[];
  /** How many starts the multi-start runs; by default set by the size of the event. */
  starts?: number;
}

export interface ScheduleResult {
  meetings: Meeting[];
  leftOut: LeftOut[];
  /** Why each office without a meeting has none. */
  uncovered: Map<string, string>;
  problems: Problem[];
  /** What of the starting plan could not be kept, and why; empty without one. */
  notKept: NotKept[];
}
