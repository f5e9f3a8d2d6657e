// Repair: people with no meeting get a seat in one of their offices' meetings: a free one; or one
// given up by someone with another meeting; or one freed by moving its holder to another meeting that
// has room. A seat kept from a starting plan is never given up.
import type { Meeting } from '../model.js';
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
        .filter((m) => plan.isFree(i, m.slots))
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
  const swap = holders.filter((j) => plan.meetingsOf[j]!.length >= 2).sort((a, b) => plan.meetingsOf[b]!.length - plan.meetingsOf[a]!.length || b - a)[0];
  if (swap !== undefined) {
    plan.leave(m, swap);
    plan.attend(m, i);
    return true;
  }
  // Or a holder moves to another meeting of one of their offices that has room and fits them.
  if (!moveHolders) return false;
  for (const j of [...holders].sort((a, b) => b - a)) {
    const q = plan.people[j]!;
    plan.leave(m, j);
    const elsewhere = q.offices
      .flatMap((o) => plan.meetingsFor(o))
      .find((y) => y !== m && y.attendees.length < max && !plan.officeSeen[j]!.has(y.office.id) && plan.isFree(j, y.slots));
    if (elsewhere) {
      plan.attend(elsewhere, j);
      plan.attend(m, i);
      return true;
    }
    plan.attend(m, j);
  }
  return false;
}
