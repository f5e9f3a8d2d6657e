// The finishing steps once meetings are placed: free seats topped up, a lead chosen for each meeting,
// meetings numbered in time order, and a reason for everyone and every office left out.
import type { LeftOut, Meeting, Participant, TargetOffice } from '../model.js';
import { fill } from './construct.js';
import { byTime, type Search } from './search.js';

/** Seats still free go to constituents who are free then, for more participant-meetings. */
export function topUp(x: Search): void {
  for (const m of [...x.plan.meetings].sort(byTime)) fill(x, m);
}

/**
 * A volunteer leads each meeting, preferring one who leads no other meeting that day. A lead kept
 * from a starting plan (`keptLeads`) stays while they are still in the meeting.
 */
export function chooseLeads(x: Search, keptLeads: ReadonlyMap<Meeting, Participant> = new Map()): void {
  const leads = new Map<string, number>();
  const count = (day: string, p: Participant) => leads.get(`${day}|${p.rsvp.row}`) ?? 0;
  const note = (day: string, p: Participant) => leads.set(`${day}|${p.rsvp.row}`, count(day, p) + 1);
  const ordered = [...x.plan.meetings].sort(byTime);
  for (const m of ordered) {
    const kept = keptLeads.get(m);
    if (kept && m.attendees.includes(kept)) {
      m.lead = kept;
      note(m.day, kept);
    }
  }
  for (const m of ordered) {
    if (m.lead) continue;
    const volunteers = m.attendees.filter((p) => p.rsvp.lead);
    volunteers.sort((a, b) => count(m.day, a) - count(m.day, b) || x.plan.index.get(a)! - x.plan.index.get(b)!);
    const lead = volunteers[0];
    if (lead) {
      m.lead = lead;
      note(m.day, lead);
    }
  }
}

/**
 * Meeting ids in time order: M001, M002, … . Meetings kept from a starting plan keep theirs (`keptIds`);
 * the others get numbers after every id the starting plan used, so no id ever names two meetings.
 */
export function numbered(x: Search, keptIds: ReadonlyMap<Meeting, string> = new Map(), usedIds: ReadonlySet<string> = new Set()): Meeting[] {
  const sorted = [...x.plan.meetings].sort(byTime);
  const used = new Set(usedIds);
  let next = 1 + Math.max(0, ...[...used].map((id) => /^M(\d+)$/.exec(id)?.[1]).filter((n): n is string => n !== undefined).map(Number));
  const width = Math.max(3, String(sorted.length + next - 1).length);
  for (const m of sorted) {
    const kept = keptIds.get(m);
    if (kept !== undefined) {
      m.id = kept;
    } else {
      let id = `M${String(next++).padStart(width, '0')}`;
      while (used.has(id)) id = `M${String(next++).padStart(width, '0')}`;
      m.id = id;
      used.add(id);
    }
    m.attendees.sort((a, b) => Number(b === m.lead) - Number(a === m.lead) || a.rsvp.lastName.localeCompare(b.rsvp.lastName) || a.rsvp.row - b.rsvp.row);
  }
  return sorted;
}

/** Everyone matched but in no meeting, with the reason an organizer can act on. */
export function leftOut(x: Search): LeftOut[] {
  const { plan } = x;
  const out: LeftOut[] = [];
  // People with the same offices share their offices' meetings (and the sentence listing them): made once per list of offices.
  const byOffices = new Map<string, { theirs: Meeting[]; notFree: string }>();
  plan.people.forEach((p, i) => {
    if (plan.meetingsOf[i]!.length) return;
    const key = p.offices.map((o) => o.id).join('\n');
    let known = byOffices.get(key);
    if (!known) {
      const theirs = p.offices.flatMap((o) => plan.meetingsFor(o)).sort(byTime);
      known = { theirs, notFree: `not free when their offices meet (${theirs.map((m) => `${m.office.member}: ${m.day} ${m.start}`).join('; ')})` };
      byOffices.set(key, known);
    }
    const { theirs } = known;
    const full = theirs.find((m) => m.slots.every((s) => plan.avail[i * plan.nS + s] === 1));
    if (full) out.push({ participant: p, code: 'meetings-full', reason: `the meeting with ${full.office.member} (${full.day} ${full.start}) is full (${full.attendees.length} participants)` });
    else if (theirs.length) out.push({ participant: p, code: 'not-free', reason: known.notFree });
    else out.push({ participant: p, code: 'office-not-scheduled', reason: `no meeting could be scheduled with ${p.offices.map((o) => o.member).join(' or ')}` });
  });
  return out.sort((a, b) => a.participant.rsvp.row - b.participant.rsvp.row);
}

/** Why each office without a meeting has none. */
export function explainUncovered(x: Search, offices: readonly TargetOffice[]): Map<string, string> {
  const { plan } = x;
  const uncovered = new Map<string, string>();
  for (const office of offices) {
    if (plan.meetingsFor(office).length) continue;
    const cands = plan.candidates.get(office.id) ?? [];
    const why = !cands.length
      ? 'no constituent who can attend RSVP\'d'
      : !cands.some((i) => plan.people[i]!.rsvp.availability.slots.length)
        ? 'no constituent is free at any meeting time'
        : 'its constituents are all in other meetings whenever they are free';
    uncovered.set(office.id, why);
  }
  return uncovered;
}
