// The accompaniers: who is free when, how many meetings each has per day, and the reshuffle that lets
// a new meeting take a slot where nobody is free by moving other meetings' accompaniers (a max-flow,
// staffing.ts). Meetings in `fixed` keep their accompanier through every reshuffle.
import type { Campus } from '../campus/model.js';
import { inPersonCampus } from '../campus/of-event.js';
import type { Accompanier, Meeting } from '../model.js';
import { accompanierFree } from '../rules/accompanier-free.js';
import { perDayLimit } from '../rules/accompanier-per-day.js';
import type { StaffMeeting, StaffState } from '../rules/model.js';
import { canStaff } from '../rules/rulebook.js';
import { walkConflict } from '../rules/walking.js';
import { crossingsAdded } from './walks.js';
import { BALANCE_ROUNDS_PER_MEETING, WALK_STAFFING_TRIES } from './budgets.js';
import type { ScheduleInput } from './input.js';
import { assignStaff } from './staffing.js';

/** Placeholder accompanier: the meeting is staffed by reshuffling the accompaniers of other meetings. */
export const RESHUFFLE = -1;

export interface StaffingPlan {
  movable: Meeting[];
  assignment: number[];
}

/** The accompaniers as the rules read them (rules/model.ts): who may take a meeting is the rulebook's canStaff. */
export class StaffPool implements StaffState {
  readonly staff: readonly Accompanier[];
  readonly nS: number;
  readonly accBusy: Uint8Array;
  readonly accAvail: Uint8Array;
  readonly maxMeetingsPerDay: number;
  readonly accLoad: number[];
  readonly campus: Campus | undefined;
  /** Each accompanier's meetings, for the walking rule: kept only in an in-person event. */
  readonly accMeetings: Meeting[][];
  private readonly accDay: Array<Map<string, number>>;
  private readonly dayIndex: Map<string, number>;
  /** Each accompanier's index in `staff`: the staffing check looks up every movable meeting's. */
  private readonly staffIndex: Map<Accompanier, number>;
  readonly slotDay: number[];
  /** Meetings whose accompanier stays put: named in the confirmed file, kept from a starting plan, or spanning several slots. */
  private readonly fixed = new Set<Meeting>();
  /** Slots where a max-flow found no staffing: adding meetings never makes staffing easier. */
  readonly noStaffAt = new Set<number>();
  /** Bumped whenever an accompanier is assigned or released, so cached staffing plans expire. */
  private version = 0;
  private lastPlan?: { key: string; plan: StaffingPlan };
  /** What the fixed meetings leave free: per accompanier, the slots and each day's remaining capacity. */
  private fixedBase?: { free: Uint8Array[]; capacity: number[][]; dayCap: number[] };

  constructor(private readonly input: ScheduleInput, private readonly meetings: readonly Meeting[]) {
    const { slots, event } = input;
    this.nS = slots.length;
    this.staff = [...(input.staff ?? [])].sort((a, b) => a.row - b.row);
    this.staffIndex = new Map(this.staff.map((a, k) => [a, k]));
    this.accBusy = new Uint8Array(this.staff.length * this.nS);
    this.accAvail = new Uint8Array(this.staff.length * this.nS);
    this.staff.forEach((a, k) => a.slots.forEach((s) => (this.accAvail[k * this.nS + s] = 1)));
    this.accLoad = this.staff.map(() => 0);
    this.dayIndex = new Map(event.days.map((d, i) => [d, i]));
    this.slotDay = slots.map((x) => this.dayIndex.get(x.day)!);
    this.accDay = this.staff.map(() => new Map());
    this.maxMeetingsPerDay = perDayLimit(event);
    this.campus = inPersonCampus(event);
    this.accMeetings = this.campus ? this.staff.map(() => []) : [];
  }

  /** The meeting keeps its accompanier from now on. */
  fix(m: Meeting): void {
    this.fixed.add(m);
    delete this.fixedBase;
  }

  /** The index of this accompanier in `staff` (-1 when not on the list). */
  indexOf(a: Accompanier): number {
    return this.staffIndex.get(a) ?? -1;
  }

  get size(): number {
    return this.staff.length;
  }

  /** By the staff list, k can accompany at every one of these slots. */
  availableAt(k: number, slots: readonly number[]): boolean {
    return accompanierFree.allows(this, k, { slots, day: '', startMs: 0, endMs: 0 });
  }

  /** The first of these slots where k already accompanies a meeting. */
  busyAt(k: number, slots: readonly number[]): number | undefined {
    return slots.find((s) => this.accBusy[k * this.nS + s] === 1);
  }

  meetingsOn(k: number, day: string): number {
    return this.accDay[k]!.get(day) ?? 0;
  }

  /** The least-loaded accompanier the rules let take m (free then, under the day's limit, time to walk). */
  pick(m: StaffMeeting): number | undefined {
    let best: number | undefined;
    let bestOn = 0;
    // In person, first whoever it sends across to the other side least often (their day kept to one side).
    let bestCross = 0;
    for (let k = 0; k < this.staff.length; k++) {
      if (!canStaff(this, k, m)) continue;
      const on = this.meetingsOn(k, m.day);
      const cross = this.campus && m.place ? crossingsAdded(this.campus, this.accMeetings[k]!, m) : 0;
      if (best === undefined || cross < bestCross
        || (cross === bestCross && (this.accLoad[k]! < this.accLoad[best]! || (this.accLoad[k] === this.accLoad[best] && on < bestOn)))) {
        best = k;
        bestOn = on;
        bestCross = cross;
      }
    }
    return best;
  }

  /** In person, the crossings giving m to `to` instead of `from` adds (negative: saves). */
  private crossingsMoved(m: Meeting, from: number, to: number): number {
    if (!this.campus || !m.place) return 0;
    return crossingsAdded(this.campus, this.accMeetings[to]!, m) - crossingsAdded(this.campus, this.accMeetings[from]!, m, m);
  }

  canTake(k: number, m: StaffMeeting): boolean {
    return canStaff(this, k, m);
  }

  assign(m: Meeting, k: number): void {
    this.version++;
    m.accompanier = this.staff[k];
    for (const s of m.slots) this.accBusy[k * this.nS + s] = 1;
    this.accLoad[k]! += 1;
    this.accDay[k]!.set(m.day, this.meetingsOn(k, m.day) + 1);
    if (this.campus) this.accMeetings[k]!.push(m);
  }

  unassign(m: Meeting): void {
    if (!m.accompanier) return;
    this.noStaffAt.clear();
    this.version++;
    const k = this.indexOf(m.accompanier);
    for (const s of m.slots) this.accBusy[k * this.nS + s] = 0;
    this.accLoad[k]! -= 1;
    this.accDay[k]!.set(m.day, (this.accDay[k]!.get(m.day) ?? 1) - 1);
    if (this.campus) this.accMeetings[k] = this.accMeetings[k]!.filter((x) => x !== m);
    delete m.accompanier;
  }

  /**
   * The meetings whose accompanier may change, and a staffing of them plus one more at slot `extra`
   * (`at`: when and where it would be, for the walking rule of an in-person event).
   */
  staffingWith(extra: number, at?: StaffMeeting): StaffingPlan | undefined {
    // Adding meetings never makes staffing easier: a slot that failed stays failed until one is removed.
    if (this.noStaffAt.has(extra)) return undefined;
    // The plan found while ranking slots is the one placing the meeting needs: keep it until anything changes.
    const key = this.campus ? `${this.version}|${extra}|${at?.place?.label ?? ''}|${at?.endMs ?? ''}` : `${this.version}|${extra}`;
    if (this.lastPlan?.key === key) return this.lastPlan.plan;
    const found = this.computeStaffing(extra, at);
    // Only a flow that finds nobody says the slot is full: one that failed on walking is about this meeting's place.
    if (found === undefined) this.noStaffAt.add(extra);
    const plan = found || undefined;
    if (plan) this.lastPlan = { key, plan };
    return plan;
  }

  private base(): { free: Uint8Array[]; capacity: number[][]; dayCap: number[] } {
    if (this.fixedBase) return this.fixedBase;
    const { event } = this.input;
    const free = this.staff.map((_, k) => this.accAvail.slice(k * this.nS, (k + 1) * this.nS));
    const capacity = this.staff.map(() => new Array<number>(event.days.length).fill(perDayLimit(event)));
    const dayCap = event.days.map(() => this.staff.length * perDayLimit(event));
    for (const m of this.fixed) {
      if (!m.accompanier) continue;
      const k = this.indexOf(m.accompanier);
      const d = this.dayIndex.get(m.day)!;
      for (const s of m.slots) free[k]![s] = 0;
      capacity[k]![d]! -= 1;
      dayCap[d]! -= 1;
    }
    return (this.fixedBase = { free, capacity, dayCap });
  }

  /** The movable meetings as of one version of the staffing: slot ranking asks about several slots between two changes. */
  private movableAt?: { version: number; fixedCount: number; movable: Meeting[]; slots: number[]; initial: number[]; perDay: Map<number | undefined, number> };

  private movableNow(): NonNullable<StaffPool['movableAt']> {
    const at = this.movableAt;
    if (at && at.version === this.version && at.fixedCount === this.fixed.size) return at;
    // One pass over the meetings: the movable ones, their slots and accompaniers, and how many are on each day.
    const movable: Meeting[] = [];
    const slots: number[] = [];
    const initial: number[] = [];
    const perDay = new Map<number | undefined, number>();
    for (const m of this.meetings) {
      if (!m.accompanier || this.fixed.has(m)) continue;
      movable.push(m);
      slots.push(m.slots[0]!);
      initial.push(this.indexOf(m.accompanier));
      const d = this.dayIndex.get(m.day);
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    return (this.movableAt = { version: this.version, fixedCount: this.fixed.size, movable, slots, initial, perDay });
  }

  /** A staffing; undefined when the flow finds none, false when every one it found breaks the walking rule. */
  private computeStaffing(extra: number, at?: StaffMeeting): StaffingPlan | undefined | false {
    const day = this.slotDay[extra]!;
    const { free, capacity, dayCap } = this.base();
    const { movable, slots, initial, perDay } = this.movableNow();
    // Quick no: the day's accompaniers are all at their limit.
    if ((perDay.get(day) ?? 0) + 1 > dayCap[day]!) return undefined;
    const meetingSlots = [...slots, extra];
    let assignment = assignStaff({ meetingSlots, dayOf: this.slotDay, free, capacity, initial });
    if (!this.campus || !assignment) return assignment ? { movable, assignment } : undefined;
    // The flow knows slots, not buildings: a staffing that leaves someone too little time to walk is
    // tried again with that accompanier barred from the later meeting's slot, a few times.
    let barred = free;
    for (let t = 0; t < WALK_STAFFING_TRIES; t++) {
      const clash = this.walkClash(movable, assignment, at);
      if (!clash) return { movable, assignment };
      if (barred === free) barred = [...free];
      barred[clash.k] = Uint8Array.from(barred[clash.k]!);
      barred[clash.k]![clash.slot] = 0;
      assignment = assignStaff({ meetingSlots, dayOf: this.slotDay, free: barred, capacity, initial });
      if (!assignment) return false;
    }
    return false;
  }

  /** An accompanier the staffing gives two meetings too close to walk between, and the slot of one of them. */
  private walkClash(movable: readonly Meeting[], assignment: readonly number[], at?: StaffMeeting): { k: number; slot: number } | undefined {
    const theirs = new Map<number, Array<Meeting | StaffMeeting>>();
    const add = (k: number, m: Meeting | StaffMeeting) => {
      const list = theirs.get(k);
      if (list) list.push(m);
      else theirs.set(k, [m]);
    };
    for (const m of this.fixed) if (m.accompanier) add(this.indexOf(m.accompanier), m);
    movable.forEach((m, i) => add(assignment[i]!, m));
    if (at) add(assignment[movable.length]!, at);
    for (const [k, list] of theirs) {
      for (let j = 1; j < list.length; j++) {
        const c = walkConflict(this.campus, list.slice(0, j), list[j]!);
        if (!c) continue;
        // The later of the two is barred, unless its accompanier is fixed: then the earlier.
        const later = c.second as Meeting | StaffMeeting;
        const bar = this.fixed.has(later as Meeting) ? (c.first as StaffMeeting) : later;
        return { k, slot: bar.slots[0]! };
      }
    }
    return undefined;
  }

  apply(plan: StaffingPlan, added: Meeting): void {
    // Only the meetings whose accompanier changes are released and given their new one: the load, the
    // busy slots and the day counts end the same as releasing and re-assigning them all, which also
    // forgot the slots where no staffing was found (as any release does).
    if (plan.movable.length) this.noStaffAt.clear();
    const changed = plan.movable.map((m, i) => m.accompanier !== this.staff[plan.assignment[i]!]);
    plan.movable.forEach((m, i) => changed[i] && this.unassign(m));
    plan.movable.forEach((m, i) => changed[i] && this.assign(m, plan.assignment[i]!));
    this.assign(added, plan.assignment[plan.movable.length]!);
    added.status = 'proposed';
  }

  /** Objective (5): move meetings from the busiest accompaniers to the least busy who are free then. */
  balanceLoad(): void {
    for (let round = 0; round < BALANCE_ROUNDS_PER_MEETING * this.meetings.length; round++) {
      const order = this.staff.map((_, k) => k).sort((a, b) => this.accLoad[b]! - this.accLoad[a]! || a - b);
      let moved = false;
      for (const hi of order) {
        for (const lo of [...order].reverse()) {
          if (this.accLoad[hi]! - this.accLoad[lo]! < 2) break;
          const m = this.meetings
            .filter((x) => x.accompanier === this.staff[hi] && !this.fixed.has(x) && x.slots.length === 1 && this.canTake(lo, x) && this.crossingsMoved(x, hi, lo) <= 0)
            .sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id))[0];
          if (!m) continue;
          this.unassign(m);
          this.assign(m, lo);
          moved = true;
          break;
        }
        if (moved) break;
      }
      if (!moved) return;
    }
  }
}
