// `awg schedule --previous DIR`: the reads of a re-run (the earlier folder, its offices.csv and its
// calendar events), handed to the pure steps of process/previous.ts.
import type { Config } from '../config/schema.js';
import { readCalendarEvents } from '../folder/calendar-events.js';
import type { ScheduleFolder } from '../folder/read.js';
import type { MatchResult } from '../match/match.js';
import type { Rsvp, Slot, TargetOffice } from '../model.js';
import { readOfficeReplies, type OfficeReply } from '../process/offices.js';
import { startingPlanFrom, rerunMatch, type Rerun } from '../process/previous.js';
import type { Problem } from '../problems.js';
import type { CalendarEventRecord } from '../render/calendar.js';
import type { EarlierSchedule } from '../plan/change-plan.js';
import { decisionsFromEdits, keptOut, mergeDecisions, type Decision } from '../plan/decisions.js';
import { readDecisions } from '../folder/decisions.js';
import { resolveOffice } from '../normalize/confirmed.js';

export interface Previous {
  rerun: Rerun;
  /**
   * The schedule the change set is taken against: as awg last wrote it (awg-folder.json), so hand edits made
   * since are told too; a folder made before awg recorded it is taken as it reads now.
   */
  earlier: EarlierSchedule;
  /** The hand edits held on this re-run: decisions.csv's, and the edits made since awg wrote the folder. */
  decisions: Decision[];
  replies: OfficeReply[];
  events: CalendarEventRecord[];
  /** The match the re-run schedules (process/previous.ts rerunMatch). */
  match: MatchResult;
  problems: Problem[];
  note?: string;
}

export function loadPrevious(folder: ScheduleFolder, m: { config: Config; slots: readonly Slot[]; rsvps: readonly Rsvp[]; supersededBy: ReadonlyMap<number, number>; offices: readonly TargetOffice[]; match: MatchResult }): Previous {
  const problems: Problem[] = [...folder.problems];
  const { replies, problems: replyProblems } = readOfficeReplies(folder.offices, m.config.event, m.offices);
  problems.push(...replyProblems);
  const events = readCalendarEvents(folder.dir, problems);
  const rerun = startingPlanFrom({ folder, replies, rsvps: m.rsvps, supersededBy: m.supersededBy, offices: m.offices, maxMeetingsPerDay: m.config.event.maxMeetingsPerDay });
  const written = folder.description?.written;
  // The earlier training, where the folder records its config: setting or moving it tells everyone (plan/change-plan.ts).
  const training = folder.description ? { training: folder.description.config.event.training ?? null } : {};
  const earlier: EarlierSchedule = { ...rerun, ...(written ? { meetings: written.meetings, attendees: written.attendees } : {}), ...training };
  // Hand edits since awg last wrote the folder become decisions, with the ones it recorded before (plan/decisions.ts).
  const edits = written ? decisionsFromEdits(written, { meetings: rerun.meetings, attendees: rerun.attendees }) : [];
  const decisions = mergeDecisions(readDecisions(folder.dir, problems), edits);
  const keepOut = keptOut(decisions, (d) => resolveOffice(d.member, d.state, d.district, d.chamber, m.offices).office?.id);
  // A person put in a meeting by hand can make its time, on the organizer's word (check warned if the RSVP said not).
  const freeAt = new Map<string, number[]>();
  const when = new Map(rerun.start.map((s) => [s.meetingId, `${s.day} ${s.start}`]));
  for (const d of decisions) {
    const slots = d.kind === 'added' ? m.slots.filter((s) => `${s.day} ${s.start}` === when.get(d.meetingId)).map((s) => s.index) : [];
    if (slots.length) freeAt.set(d.key, [...(freeAt.get(d.key) ?? []), ...slots]);
  }
  return { rerun, earlier, decisions, replies, events, match: rerunMatch(m.match, rerun, { keepOut, freeAt }), problems, ...(folder.note ? { note: folder.note } : {}) };
}
