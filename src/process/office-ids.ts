// The meeting ID an office was asked under stays its ID: on a re-run, an office that was asked for a
// meeting (requested or confirmed) whose earlier meeting the scheduler could not keep (its people left or
// cannot make it) and that has a new meeting in its place gets the earlier ID back, so the office, the
// requests it holds and the calendar events all keep naming one meeting. The office is told of the
// change (plan/office-messages.ts). Pure but for renaming the plan's meetings in place, before anything
// is made from them.
import type { Meeting } from '../model.js';

export function keepAskedIds(meetings: Meeting[], earlier: ReadonlyArray<{ meetingId: string; officeId: string }>, asked: ReadonlySet<string>): void {
  const ids = new Set(meetings.map((m) => m.id));
  const earlierIds = new Set(earlier.map((e) => e.meetingId));
  for (const e of earlier) {
    if (!asked.has(e.officeId) || ids.has(e.meetingId)) continue;
    // The office's meeting this run made anew (an ID no earlier meeting had), the earliest first.
    const fresh = meetings.filter((m) => m.office.id === e.officeId && !earlierIds.has(m.id)).sort((a, b) => a.startMs - b.startMs)[0];
    if (!fresh) continue;
    ids.delete(fresh.id);
    fresh.id = e.meetingId;
    ids.add(e.meetingId);
    earlierIds.add(e.meetingId);
  }
}
