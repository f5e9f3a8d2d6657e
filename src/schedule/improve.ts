// Improvement moves on objective (2), each kept only when more participants end up placed: move a
// meeting to a better slot, or cover a different office of the same tier. Confirmed meetings and
// meetings kept from a starting plan never move.
import { tierKey, type TargetOffice } from '../model.js';
import { SWAP_OFFICES_BUDGET } from './budgets.js';
import { bestSlot, fill, fillGain, placeAt, rankedSlots, removeMeeting, restore, type SlotChoice } from './construct.js';
import { byTime, type Search } from './search.js';
import { RESHUFFLE } from './staff-pool.js';

/**
 * Move a meeting to the slot where it places the most people who have no other meeting; keep the
 * move only when more participants (on-time weighing more) end up placed.
 */
export function improve(x: Search, maxPasses: number, tries: number, maxFlows: number): void {
  const { plan, pool } = x;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const order = [...plan.meetings].filter((m) => !plan.isKept(m)).sort(byTime);
    for (const m of order) {
      const office = m.office;
      const before = plan.placedValue(office.id);
      const s0 = m.slots[0]!;
      const acc0 = m.accompanier ? pool.indexOf(m.accompanier) : undefined;
      const attendees0 = m.attendees.map((p) => plan.index.get(p)!);
      removeMeeting(x, m);
      // Try the few most promising slots for real (placed and staffed, then counted as filled), keep the
      // best if it beats the old one.
      let best: SlotChoice | undefined;
      let bestValue = before;
      let without: number | undefined;
      for (const option of rankedSlots(x, office, true, tries, maxFlows)) {
        if (option.s === s0) continue;
        const trial = placeAt(x, office, option.s, option.acc);
        without ??= plan.placedValue(office.id);
        const value = without + fillGain(x, trial);
        removeMeeting(x, trial);
        if (value > bestValue) {
          bestValue = value;
          best = option;
        }
      }
      if (best) {
        const acc = best.acc === RESHUFFLE ? RESHUFFLE : pool.pick(plan.probe(office, best.s)) ?? RESHUFFLE;
        fill(x, placeAt(x, office, best.s, acc));
        improved = true;
        continue;
      }
      restore(x, office, s0, acc0, attendees0);
    }
    if (!improved) break;
  }
}

/**
 * Keeps objective (1) while raising (2): when accompaniers run short, cover a different office of the
 * same tier if that places more people.
 */
export function swapOffices(x: Search, budget = SWAP_OFFICES_BUDGET): void {
  const { plan, pool } = x;
  const offices = x.input.offices;
  const uncovered = offices.filter((o) => !plan.meetingsFor(o).length && (plan.candidates.get(o.id) ?? []).length)
    .sort((a, b) => tierKey(a) - tierKey(b) || a.id.localeCompare(b.id));
  const value = new Map(offices.map((o) => [o.id, plan.placedValue(o.id)]));
  // Each tier's offices in the order peers are tried (least value first): sorted once, since the values are
  // those of the start; which of them can be swapped out is asked per uncovered office.
  const byTier = new Map<number, TargetOffice[]>();
  for (const o of [...offices].sort((a, b) => value.get(a.id)! - value.get(b.id)! || a.id.localeCompare(b.id))) {
    const tier = byTier.get(tierKey(o));
    if (tier) tier.push(o);
    else byTier.set(tierKey(o), [o]);
  }
  for (const u of uncovered) {
    if (budget <= 0) return;
    const peers = (byTier.get(tierKey(u)) ?? []).filter((c) => plan.meetingsFor(c).length === 1 && !plan.isKept(plan.meetingsFor(c)[0]!));
    for (const c of peers) {
      if (budget-- <= 0) return;
      const m = plan.meetingsFor(c)[0]!;
      const before = plan.placedValue(u.id, c.id);
      const s0 = m.slots[0]!;
      const acc0 = m.accompanier ? pool.indexOf(m.accompanier) : undefined;
      const attendees0 = m.attendees.map((p) => plan.index.get(p)!);
      removeMeeting(x, m);
      const best = bestSlot(x, u, true);
      if (best) {
        const placed = placeAt(x, u, best.s, best.acc);
        fill(x, placed);
        // The swapped-out office may still fit somewhere else: then nothing was lost at all.
        const again = bestSlot(x, c, true);
        if (again) fill(x, placeAt(x, c, again.s, again.acc));
        if (plan.placedValue(u.id, c.id) > before || plan.meetingsFor(c).length) break;
        for (const y of [...plan.meetingsFor(c), placed]) removeMeeting(x, y);
      }
      restore(x, c, s0, acc0, attendees0);
    }
  }
}
