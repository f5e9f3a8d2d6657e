// Confirmed meetings go in first, at the times the offices agreed to, with the accompanier and the
// participants the file names where the rules allow; each thing that cannot be honoured is a Problem
// naming the confirmed file's row.
import { toMinutes } from '../event.js';
import { constituent } from '../rules/constituent.js';
import { groupSize } from '../rules/group-size.js';
import { officeLimit } from '../rules/office-limit.js';
import { walkConflict, walkText } from '../rules/walking.js';
import { fill } from './construct.js';
import type { Search } from './search.js';

export function placeConfirmed(x: Search): void {
  const { plan, pool, input, problems } = x;
  const { event } = input;
  const list = [...(input.confirmed ?? [])].sort((a, b) => a.day.localeCompare(b.day) || a.startMin - b.startMin || a.row - b.row);
  const file = input.confirmedFile;
  // Made only when there are confirmed meetings: at 100,000 RSVPs it is a map of every participant.
  const byEmail = list.length ? new Map(plan.people.map((p, i) => [p.rsvp.email, i] as const)) : new Map<string, number>();
  const pinnedAt = new Map<string, number>();
  const accAt = new Map<string, number>();
  for (const c of list) {
    const where = { ...(file ? { file } : {}), row: c.row };
    if (!officeLimit.allows(plan.meetingsFor(c.office).length, event)) {
      problems.push({ code: 'too-many-meetings', severity: 'error', ...where, column: 'office', value: c.office.member,
        message: `${c.office.member} already has ${event.maxMeetingsPerOffice} confirmed meeting(s); this one is not scheduled`, fix: 'Delete the extra row, or raise event.maxMeetingsPerOffice.' });
      continue;
    }
    const slots = input.slots.filter((s) => s.day === c.day && toMinutes(s.start) < c.endMin && toMinutes(s.end) > c.startMin).map((s) => s.index);
    const m = plan.newMeeting(c.office, c.day, c.startMin, c.endMin, slots, { status: 'confirmed', link: c.link, notes: c.notes, confirmedRow: c.row });
    if (c.accompanier) {
      const k = pool.indexOf(c.accompanier);
      const clash = pool.busyAt(k, slots);
      if (clash !== undefined) {
        problems.push({ code: 'accompanier-conflict', severity: 'error', ...where, column: 'accompanier', value: c.accompanier.name,
          message: `${c.accompanier.name} is in two confirmed meetings at once (rows ${accAt.get(`${k}:${clash}`)} and ${c.row})`, fix: 'Give one of the two meetings another accompanier.' });
      } else {
        pool.assign(m, k);
        pool.fix(m);
        for (const s of slots) accAt.set(`${k}:${s}`, c.row);
        if (!pool.availableAt(k, slots)) {
          problems.push({ code: 'accompanier-unavailable', severity: 'warning', ...where, column: 'accompanier', value: c.accompanier.name, message: `${c.accompanier.name} is not available then by the staff list`, fix: 'Check with them.' });
        }
      }
    }
    for (const email of c.participantEmails) {
      const i = byEmail.get(email);
      if (i === undefined) {
        problems.push({ code: 'unknown-participant', severity: 'error', ...where, column: 'participants', value: email, message: `${email} is not a matched participant; not added to this meeting`, fix: 'Check the email against the RSVPs (awg unmatched says why someone is not matched).' });
        continue;
      }
      if (!constituent.allows(plan, i, m)) {
        problems.push({ code: 'not-constituent', severity: 'error', ...where, column: 'participants', value: email, message: `${email} is not a constituent of ${c.office.member}; not added`, fix: 'Remove them from this meeting.' });
        continue;
      }
      const clash = slots.find((s) => plan.busy[i * plan.nS + s] === 1);
      if (clash !== undefined) {
        problems.push({ code: 'participant-conflict', severity: 'error', ...where, column: 'participants', value: email, message: `${email} is in two confirmed meetings at once (rows ${pinnedAt.get(`${i}:${clash}`)} and ${c.row}); kept in the first`, fix: 'Remove them from one of the two meetings.' });
        continue;
      }
      const walk = walkConflict(plan.campus, plan.meetingsOf[i]!, m);
      if (walk) {
        const other = walk.first === m ? walk.second : walk.first;
        problems.push({ code: 'walking-time', severity: 'error', ...where, column: 'participants', value: email, message: `${email} ${walkText(walk)} between two confirmed meetings (${(other as typeof m).office.member} at ${(other as typeof m).start} and this one); kept in the first`, fix: 'Remove them from one of the two meetings, or ask an office to move its meeting.' });
        continue;
      }
      if (!groupSize.allows(plan, i, m)) {
        problems.push({ code: 'over-capacity', severity: 'error', ...where, column: 'participants', value: email, message: `the meeting already has ${event.maxGroup} participants; ${email} is not added`, fix: 'Raise event.maxGroup or remove someone.' });
        continue;
      }
      plan.attend(m, i);
      for (const s of slots) pinnedAt.set(`${i}:${s}`, c.row);
    }
  }
}

/** Confirmed meetings without a named accompanier get one where one is free; then each is filled. */
export function staffAndFillConfirmed(x: Search): void {
  const { plan, pool } = x;
  const file = x.input.confirmedFile;
  for (const m of plan.meetings) {
    if (m.confirmedRow === undefined) continue;
    if (!m.accompanier && pool.size) {
      const k = pool.pick(m);
      if (k !== undefined) {
        pool.assign(m, k);
        if (m.slots.length !== 1) pool.fix(m);
      }
    }
    fill(x, m);
    if (!m.attendees.length) {
      x.problems.push({ code: 'confirmed-empty', severity: 'warning', ...(file ? { file } : {}), row: m.confirmedRow ?? 0, column: 'office', value: m.office.member,
        message: `no constituent of ${m.office.member} is free at ${m.day} ${m.start}; the confirmed meeting has no participants`, fix: 'Recruit constituents for this time, or ask the office to move the meeting.' });
    }
  }
}
