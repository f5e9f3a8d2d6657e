// The scheduler's objective, in the order it is optimized (lexicographic: an earlier term always
// outweighs every later one). The benchmark holds the scheduler against an exact optimum of it.
//
//   1. Offices covered: as many target offices with a meeting as possible, higher tiers first
//      (compared tier by tier: more tier-1 offices beats any number of tier-2 offices).
//   2. Participants placed: as many different participants in at least one meeting as possible,
//      on-time RSVPs before late ones (when event.lateRsvps is "after-on-time"), then higher rank first.
//   3. Participant-meetings: as many (participant, meeting) pairs as possible.
//   4. Compactness: in person, first few crossings between the House and the Senate side (each
//      participant's and each accompanier's day, in time order); then a participant's meetings on
//      one day and close together.
//   5. Fairness: accompanier load spread evenly.
//
// Hard rules, never traded: a meeting has 1..maxGroup constituents of its office who are free then;
// nobody (participant or accompanier) is in two overlapping meetings; a participant meets an office
// at most once; at most maxMeetingsPerOffice meetings per office; an accompanier is free then and has
// at most maxMeetingsPerDay meetings a day; in person, everyone has the time to walk between two
// meetings in a row (rules/walking.ts).
import type { Campus } from '../campus/model.js';
import type { Meeting } from '../model.js';
import { crossingsOf } from './walks.js';

export interface ObjectiveValue {
  /** Offices covered, counted per tier (index 0 = tier 1; the last entry counts offices with no tier). */
  officesByTier: number[];
  officesCovered: number;
  participantsPlaced: number;
  onTimePlaced: number;
  participantMeetings: number;
  /** Sum over participants of (days used − 1) and of idle slots between their meetings on a day. */
  spread: number;
  /** Largest minus smallest number of meetings among accompaniers. */
  loadRange: number;
  /** In person (with a campus): side-to-side crossings, participants' and accompaniers' (0 for a virtual event). */
  crossings: number;
  accompanierCrossings: number;
}

export function evaluate(meetings: readonly Meeting[], accompanierCount: number, maxTier = 5, campus?: Campus): ObjectiveValue {
  const offices = new Set<string>();
  const officesByTier = new Array<number>(maxTier + 1).fill(0);
  const perPerson = new Map<number, Meeting[]>();
  const late = new Map<number, boolean>();
  const load = new Map<number, number>();
  let participantMeetings = 0;
  for (const m of meetings) {
    if (!offices.has(m.office.id)) {
      offices.add(m.office.id);
      const t = m.office.tier;
      const k = t === undefined ? maxTier : Math.min(Math.max(t, 1), maxTier) - 1;
      officesByTier[k] = (officesByTier[k] ?? 0) + 1;
    }
    for (const p of m.attendees) {
      participantMeetings++;
      late.set(p.rsvp.row, p.rsvp.late);
      const list = perPerson.get(p.rsvp.row) ?? [];
      list.push(m);
      perPerson.set(p.rsvp.row, list);
    }
    if (m.accompanier) load.set(m.accompanier.row, (load.get(m.accompanier.row) ?? 0) + 1);
  }
  let spread = 0;
  const onTimePlaced = [...late.values()].filter((l) => !l).length;
  for (const list of perPerson.values()) {
    const days = new Map<string, number[]>();
    for (const m of list) days.set(m.day, [...(days.get(m.day) ?? []), ...m.slots]);
    spread += days.size - 1;
    for (const s of days.values()) {
      const min = Math.min(...s);
      const max = Math.max(...s);
      spread += max - min + 1 - new Set(s).size;
    }
  }
  let crossings = 0;
  let accompanierCrossings = 0;
  if (campus) {
    for (const list of perPerson.values()) crossings += crossingsOf(campus, list);
    const byAcc = new Map<number, Meeting[]>();
    for (const m of meetings) if (m.accompanier) byAcc.set(m.accompanier.row, [...(byAcc.get(m.accompanier.row) ?? []), m]);
    for (const list of byAcc.values()) accompanierCrossings += crossingsOf(campus, list);
  }
  const loads = [...load.values()];
  while (loads.length < accompanierCount) loads.push(0);
  return {
    officesByTier, officesCovered: offices.size, participantsPlaced: perPerson.size, onTimePlaced, participantMeetings, spread, crossings, accompanierCrossings,
    loadRange: loads.length ? Math.max(...loads) - Math.min(...loads) : 0,
  };
}
