// Re-checks a schedule folder an organizer has edited by hand (its meetings and attendees, from the
// CSV files or the workbook) against every rule the scheduler keeps, and reports each broken one by
// file and row, naming the person. Pure: the folder is read by folder/read.ts.
import { placeAttendees } from './attendees.js';
import { ProblemCollector } from './cap.js';
import { groupRules, listRules } from './groups.js';
import { meetingRules, resolveMeetings } from './meetings.js';
import type { CheckContext, CheckResult, FolderRows } from './model.js';
import { walkingRules } from './walking.js';

export type { CheckContext, CheckedMeeting, CheckResult, FolderRows } from './model.js';
export { problemCount } from './cap.js';

export function checkSchedule(folder: FolderRows, ctx: CheckContext): CheckResult {
  const problems = new ProblemCollector();
  const meetings = resolveMeetings(folder.meetings, ctx, problems);
  const list = [...meetings.values()];
  meetingRules(list, ctx, problems);
  placeAttendees(folder.attendees, meetings, ctx, problems);
  groupRules(list, ctx, problems);
  walkingRules(list, ctx, problems);
  listRules(list, folder.lists, ctx, problems);
  return { problems: problems.problems(), meetings: list, attendeeRows: folder.attendees.length };
}
