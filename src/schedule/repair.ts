// Repair: people with no meeting get a seat in one of their offices' meetings: a free one; or one
// given up by someone with another meeting; or one freed by moving its holder to another meeting that
// has room. A seat kept from a starting plan is never given up.
import type { Meeting } from '../model.js';
import { noTwinIn } from '../rules/duplicates.js';
import { officeOnce } from '../rules/office-once.js';
import { walkConflict } from '../rules/walking.js';
import { REPAIR_PASSES } from './budgets.js';
import type { Search } from './search.js';

export function repair(x: Search, maxPasses = REPAIR_PASSES, moveHolders = true): void {
  const { plan } = x;
  const max = x.input.event.maxGroup;
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    for (let i = 0; i < plan.people.length; i++) {
      if (plan.meetingsOf[i]!.length) continue;
      const p = plan.people[i]!;
      const options = p.offices
        .flatMap((o) => plan.meetingsFor(o))
        .filter((m) => plan.isFree(i, m.slots) && noTwinIn(plan, i, m))
        .sort((a, b) => a.attendees.length - b.attendees.length || a.startMs - b.startMs || a.office.id.localeCompare(b.office.id));
      if (options.some((m) => seat(x, m, i, max, moveHolders))) changed = true;
    }
    if (!changed) break;
  }
}

function seat(x: Search, m: Meeting, i: number, max: number, moveHolders: boolean): boolean {
  const { plan } = x;
  if (m.attendees.length < max) {
    plan.attend(m, i);
    return true;
  }
  const holders = m.attendees.map((q) => plan.index.get(q)!).filter((j) => !plan.isPinned(m, j));
  // The attendee with the most other meetings, lowest priority first, gives up the seat.
  let swap: number | undefined;
  for (const j of holders) {
    const n = plan.meetingsOf[j]!.length;
    if (n >= 2 && (swap === undefined || n > plan.meetingsOf[swap]!.length || (n === plan.meetingsOf[swap]!.length && j > swap))) swap = j;
  }
  if (swap !== undefined) {
    plan.leave(m, swap);
    plan.attend(m, i);
    return true;
  }
  // Or a holder moves to another meeting of one of their offices that has room and fits them.
  if (!moveHolders) return false;
  // Holders are tried latest first. Trying one used to mean taking them out and putting them back at the
  // end of the attendee list; the room is now looked up first, and the list put in the order those tries
  // left it in, so plans stay the same.
  const order = [...holders].sort((a, b) => b - a);
  for (let t = 0; t < order.length; t++) {
    const j = order[t]!;
    const elsewhere = roomElsewhere(x, m, j, max);
    if (elsewhere) {
      toTheEnd(x, m, order.slice(0, t));
      plan.leave(m, j);
      plan.attend(elsewhere, j);
      plan.attend(m, i);
      return true;
    }
  }
  toTheEnd(x, m, order);
  return false;
}

/** Another meeting of j's offices with room that j could join once out of m. */
function roomElsewhere(x: Search, m: Meeting, j: number, max: number): Meeting | undefined {
  const { plan } = x;
  const row = j * plan.nS;
  for (const o of plan.people[j]!.offices) {
    for (const y of plan.meetingsFor(o)) {
      if (y === m || y.attendees.length >= max) continue;
      if (y.office.id !== m.office.id && !officeOnce.allows(plan, j, y)) continue;
      if (!noTwinIn(plan, j, y)) continue;
      if (walkConflict(plan.campus, plan.meetingsOf[j]!, y, m)) continue;
      // Free then, counting m's own slots as free: j would have left m.
      if (y.slots.every((s) => plan.avail[row + s] === 1 && (plan.busy[row + s] === 0 || m.slots.includes(s)))) return y;
    }
  }
  return undefined;
}

/** These attendees of m, in this order, to the end of its list (the rest keep theirs). */
function toTheEnd(x: Search, m: Meeting, js: readonly number[]): void {
  if (!js.length) return;
  const moved = js.map((j) => x.plan.people[j]!);
  // Already there (a seat tried again in the next pass, in vain the same way): nothing to move.
  const from = m.attendees.length - moved.length;
  if (moved.every((p, t) => m.attendees[from + t] === p)) return;
  const set = new Set(moved);
  m.attendees = [...m.attendees.filter((p) => !set.has(p)), ...moved];
}
