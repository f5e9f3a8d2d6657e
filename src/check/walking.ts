// Walking time in a folder as written (rules/walking.ts, the rule the scheduler keeps): each person's
// and each accompanier's meetings of a day in person, each against the ones listed before it, with the
// minutes the walk between the two buildings needs. Only in an in-person event: a virtual one has no
// places, and nothing here is looked at.
import type { Campus, Place } from '../campus/model.js';
import { placeOfCell } from '../campus/meeting-place.js';
import { campusOf } from '../campus/of-event.js';
import type { EventConfig } from '../config/schema.js';
import { hhmm } from '../event.js';
import type { Timed } from '../rules/model.js';
import { walkConflict, walkText, type WalkConflict } from '../rules/walking.js';
import { report, type ProblemSink } from './cap.js';
import { at, personLabel, pushTo, type CheckContext, type CheckedMeeting } from './model.js';

/** Where a meeting of the folder is: its `room` cell when meetings.csv has one, else its office's room. */
export function placeOfRow(event: EventConfig, m: CheckedMeeting): Place | undefined {
  return m.office ? placeOfCell(event, m.office, m.row.cells.room) : undefined;
}

interface Walked extends Timed {
  m: CheckedMeeting;
}

const timeOf = (m: CheckedMeeting) => `${m.day} ${hhmm(m.startMin!)}–${hhmm(m.endMin!)}`;

function said(c: WalkConflict): string {
  const [a, b] = [(c.first as Walked).m, (c.second as Walked).m];
  return `${walkText(c)}: ${a.id} (${a.office?.member ?? a.row.member}, ${timeOf(a)}) then ${b.id} (${b.office?.member ?? b.row.member}, ${timeOf(b).slice(11)})`;
}

export function walkingRules(list: readonly CheckedMeeting[], ctx: CheckContext, problems: ProblemSink): void {
  if (ctx.event.format !== 'in-person') return;
  const campus: Campus = campusOf(ctx.event);
  const timed = new Map<CheckedMeeting, Walked>();
  for (const m of list) {
    if (m.day === undefined || m.startMin === undefined || m.endMin === undefined) continue;
    const place = placeOfRow(ctx.event, m);
    timed.set(m, { m, day: m.day, startMs: m.startMin * 60_000, endMs: m.endMin * 60_000, ...(place ? { place } : {}) });
  }
  const byPerson = new Map<number, Walked[]>();
  const byAccompanier = new Map<string, Walked[]>();
  for (const m of list) {
    const t = timed.get(m);
    if (!t) continue;
    const name = m.accompanier.toLowerCase();
    if (name && name !== 'tbd') {
      const theirs = byAccompanier.get(name) ?? [];
      const c = walkConflict(campus, theirs, t);
      if (c) {
        report(problems, 'accompanier-walking-time', 'error', at(m.row), () => ({ column: 'accompanier', value: m.accompanier,
          message: `${m.accompanier} ${said(c)}`, fix: 'Give one of the two meetings another accompanier, or move one to leave the walk.' }));
      }
      pushTo(byAccompanier, name, t);
    }
    const seen = new Set<number>();
    for (const a of m.attendees) {
      if (seen.has(a.rsvp.row)) continue;
      seen.add(a.rsvp.row);
      const theirs = byPerson.get(a.rsvp.row) ?? [];
      const c = walkConflict(campus, theirs, t);
      if (c) {
        report(problems, 'walking-time', 'error', at(a.row), () => ({ column: 'meeting_id', value: m.id,
          message: `${personLabel(a.rsvp)} ${said(c)}`, fix: 'Take them out of one of the two meetings, or move one to leave the walk.' }));
      }
      pushTo(byPerson, a.rsvp.row, t);
    }
  }
}
