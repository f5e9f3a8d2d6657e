// The rules across meetings: group sizes (none empty, none over the limit), the lead one of the
// meeting's participants, nobody in two meetings at once or with one office twice, and every RSVP
// row in exactly one place (a meeting, digital-advocacy.csv or unmatched.csv).
import type { ListRow } from '../folder/rows.js';
import type { Problem } from '../problems.js';
import { at, overlaps, personLabel, rowName, type CheckContext, type CheckedMeeting } from './model.js';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function groupRules(list: readonly CheckedMeeting[], ctx: CheckContext, problems: Problem[]): void {
  const { event } = ctx;
  for (const m of list) {
    const n = m.attendees.length;
    const where = { ...at(m.row), column: 'meeting_id', value: m.id };
    const office = m.office?.member ?? m.row.member;
    if (n === 0) {
      problems.push({ code: 'empty-meeting', severity: 'error', ...where, message: `${m.id} (${office}, ${m.row.dateText} ${m.row.startText}) has no participants in attendees.csv`, fix: 'Add its participants to attendees.csv, or delete the meeting\'s row.' });
    } else if (n > event.maxGroup) {
      problems.push({ code: 'over-capacity', severity: 'error', ...where, message: `${m.id} (${office}) has ${n} participants; the limit is ${event.maxGroup}`, fix: 'Move some participants to another meeting.' });
    } else if (n < event.minGroup) {
      problems.push({ code: 'under-capacity', severity: 'warning', ...where, message: `${m.id} (${office}) has ${n} participant${n === 1 ? '' : 's'}; the minimum is ${event.minGroup}`, fix: 'Add participants, or merge it with another meeting.' });
    }
    const lead = m.row.lead;
    const isLead = (a: CheckedMeeting['attendees'][number]) => fold(`${a.rsvp.firstName} ${a.rsvp.lastName}`) === fold(lead) || a.rsvp.email === lead.toLowerCase();
    if (lead && n && !m.attendees.some(isLead)) {
      problems.push({ code: 'lead-not-attending', severity: 'error', ...at(m.row), column: 'lead', value: lead, message: `${m.id}: the lead ${lead} is not one of its participants in attendees.csv`, fix: 'Name one of the meeting\'s participants as lead (as first and last name), or add the lead to attendees.csv.' });
    }
    // meetings.csv holds the lead; attendees.csv's role column is derived from it.
    for (const a of m.attendees) {
      const saysLead = a.row.role === 'lead';
      if (saysLead === Boolean(lead && isLead(a))) continue;
      if (!saysLead && !lead) continue;
      problems.push({
        code: 'lead-disagrees', severity: 'warning', ...at(a.row), column: 'role', value: a.row.role,
        message: `${personLabel(a.rsvp)} is ${saysLead ? '' : 'not '}the lead of ${m.id} here, but ${rowName(m.row)} names ${lead || 'no lead'}; awg update takes the lead from meetings.csv`,
        fix: 'Write the lead\'s name in the meeting\'s lead cell in meetings.csv.',
      });
    }
  }
  const byPerson = new Map<number, CheckedMeeting[]>();
  for (const m of list) for (const a of m.attendees) byPerson.set(a.rsvp.row, [...(byPerson.get(a.rsvp.row) ?? []), m]);
  for (const ms of byPerson.values()) {
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const x = ms[i]!;
        const y = ms[j]!;
        const a = y.attendees.find((t) => byPerson.get(t.rsvp.row) === ms)!;
        const where = { ...at(a.row), column: 'meeting_id', value: y.id };
        if (overlaps(x, y)) {
          problems.push({ code: 'double-booked', severity: 'error', ...where, message: `${personLabel(a.rsvp)} is in two meetings at once: ${x.id} and ${y.id} (${y.day} ${y.row.startText})`, fix: 'Take them out of one of the two.' });
        }
        if (x.office && x.office.id === y.office?.id) {
          problems.push({ code: 'same-office-twice', severity: 'error', ...where, message: `${personLabel(a.rsvp)} meets ${x.office.member} twice (${x.id} and ${y.id})`, fix: 'Take them out of one of the two.' });
        }
      }
    }
  }
}

/**
 * Every RSVP row is in a meeting, on digital-advocacy.csv or on unmatched.csv. Those two lists are
 * derived (awg update writes them again), so a person moved in or out of a meeting by hand leaves them
 * stale: a warning naming the person and what update will do, not an error.
 */
export function listRules(list: readonly CheckedMeeting[], lists: readonly ListRow[], ctx: CheckContext, problems: Problem[]): void {
  if (!lists.length) return;
  const inMeetings = new Map<number, CheckedMeeting[]>();
  for (const m of list) for (const a of m.attendees) inMeetings.set(a.rsvp.row, [...(inMeetings.get(a.rsvp.row) ?? []), m]);
  const onLists = new Map<number, ListRow[]>();
  for (const l of lists) if (l.rsvpRow !== undefined) onLists.set(l.rsvpRow, [...(onLists.get(l.rsvpRow) ?? []), l]);
  const matched = new Set(ctx.participants.map((p) => p.rsvp.row));
  const digitalNow = new Set(ctx.unmatched.filter((u) => u.digital).map((u) => u.rsvp.row));
  for (const rsvp of ctx.rsvps) {
    const ms = inMeetings.get(rsvp.row) ?? [];
    const ls = onLists.get(rsvp.row) ?? [];
    const who = personLabel(rsvp);
    const goesTo = matched.has(rsvp.row) || digitalNow.has(rsvp.row) ? 'digital-advocacy.csv' : 'unmatched.csv';
    if (!ms.length && !ls.length) {
      problems.push({ code: 'on-no-list', severity: 'warning', file: ctx.rsvpFile, row: rsvp.row, message: `${who} is in no meeting and on no list of the folder (taken out of a meeting, or a new RSVP); awg update puts them on ${goesTo}`, fix: 'Add them to a meeting in attendees.csv if they should be in one, then run awg update.' });
      continue;
    }
    if (ms.length && ls.length) {
      for (const l of ls) {
        problems.push({ code: 'on-two-lists', severity: 'warning', ...at(l), column: 'rsvp_row', value: String(rsvp.row), message: `${who} is in ${ms.map((m) => m.id).join(', ')} and still on ${l.list}; awg update takes them off it`, fix: 'Run awg update to bring the lists up to date.' });
      }
    } else if (ls.length > 1) {
      problems.push({ code: 'on-two-lists', severity: 'error', ...at(ls[1]!), column: 'rsvp_row', value: String(rsvp.row), message: `${who} is on two lists: ${ls.map((l) => rowName(l)).join(' and ')}`, fix: 'Run awg update to write the lists again.' });
    }
  }
}
