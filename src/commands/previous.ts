// `awg schedule --previous DIR`: the reads of a re-run (the earlier folder, its offices.csv and its
// calendar events), handed to the pure steps of process/previous.ts.
import type { Config } from '../config/schema.js';
import { readCalendarEvents } from '../folder/calendar-events.js';
import type { ScheduleFolder } from '../folder/read.js';
import type { MatchResult } from '../match/match.js';
import type { Rsvp, TargetOffice } from '../model.js';
import { readOfficeReplies, type OfficeReply } from '../process/offices.js';
import { startingPlanFrom, rerunMatch, type Rerun } from '../process/previous.js';
import type { Problem } from '../problems.js';
import type { CalendarEventRecord } from '../render/calendar.js';

export interface Previous {
  rerun: Rerun;
  replies: OfficeReply[];
  events: CalendarEventRecord[];
  /** The match the re-run schedules (process/previous.ts rerunMatch). */
  match: MatchResult;
  problems: Problem[];
  note?: string;
}

export function loadPrevious(folder: ScheduleFolder, m: { config: Config; rsvps: readonly Rsvp[]; supersededBy: ReadonlyMap<number, number>; offices: readonly TargetOffice[]; match: MatchResult }): Previous {
  const problems: Problem[] = [...folder.problems];
  const { replies, problems: replyProblems } = readOfficeReplies(folder.offices, m.config.event, m.offices);
  problems.push(...replyProblems);
  const events = readCalendarEvents(folder.dir, problems);
  const rerun = startingPlanFrom({ folder, replies, rsvps: m.rsvps, supersededBy: m.supersededBy, offices: m.offices, maxMeetingsPerDay: m.config.event.maxMeetingsPerDay });
  return { rerun, replies, events, match: rerunMatch(m.match, rerun), problems, ...(folder.note ? { note: folder.note } : {}) };
}
