// Builds the meetings: confirmed ones first, at their times; then one meeting per target office in
// order of tier and scarcity, each at the slot where most of its not-yet-placed constituents are free
// and an accompanier is; then more meetings per office where allowed; then a repair pass that puts
// people without a meeting into a full one in place of someone who has another. See objective.ts.
import type { EventConfig } from '../config/schema.js';
import { hhmm, toMinutes, type Slot } from '../event.js';
import type { Accompanier, ConfirmedMeeting, TargetOffice } from '../model.js';
import type { Participant } from '../match/match.js';
import type { Problem } from '../problems.js';
import { assignStaff } from './staffing.js';
import { evaluate } from './objective.js';

export type MeetingStatus = 'confirmed' | 'proposed' | 'needs accompanier';

export interface Meeting {
  id: string;
  office: TargetOffice;
  day: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  /** The event slots the meeting overlaps (one, unless a confirmed time is off the grid). */
  slots: number[];
  status: MeetingStatus;
  accompanier?: Accompanier;
  lead?: Participant;
  attendees: Participant[];
  link: string;
  notes: string;
  confirmedRow?: number;
}

export type LeftOutCode = 'meetings-full' | 'not-free' | 'office-not-scheduled';

export interface LeftOut {
  participant: Participant;
  code: LeftOutCode;
  reason: string;
}

export interface ScheduleInput {
  event: EventConfig;
  slots: readonly Slot[];
  offices: readonly TargetOffice[];
  participants: readonly Participant[];
  /** Undefined when no staff list was given: meetings get accompanier TBD. */
  staff?: readonly Accompanier[];
  confirmed?: readonly ConfirmedMeeting[];
  confirmedFile?: string;
}

export interface ScheduleResult {
  meetings: Meeting[];
  leftOut: LeftOut[];
  /** Why each office without a meeting has none. */
  uncovered: Map<string, string>;
  problems: Problem[];
}

const tierKey = (o: TargetOffice) => o.tier ?? Number.POSITIVE_INFINITY;
/** Placeholder accompanier: the meeting is staffed by reshuffling the accompaniers of other meetings. */
const RESHUFFLE = -1;

/**
 * Runs the greedy construction and its local search from several office orders (the first is by tier,
 * then scarcity; the others shuffle offices within each tier with a fixed seed, so results stay
 * deterministic) and keeps the best plan by the objective. Small events get many starts, large ones
 * one: the number is set by the work one start takes.
 */
export function scheduleMeetings(input: ScheduleInput, starts?: number): ScheduleResult {
  const work = input.participants.reduce((a, p) => a + p.offices.length, 0) * Math.max(input.slots.length, 1);
  const n = starts ?? (work > 500_000 ? 1 : Math.max(1, Math.min(48, Math.floor(4_000_000 / Math.max(work, 1)), Math.floor(600 / Math.max(input.offices.length, 1)))));
  let best: { result: ScheduleResult; key: number[] } | undefined;
  for (let k = 0; k < n; k++) {
    const result = new Scheduler(input, k).run();
    const key = objectiveKey(result, input);
    if (!best || compareKeys(key, best.key) > 0) best = { result, key };
  }
  return best!.result;
}

/** The objective of objective.ts as one lexicographic key (meetings without an accompanier do not count). */
function objectiveKey(result: ScheduleResult, input: ScheduleInput): number[] {
  const staffed = input.staff?.length ? result.meetings.filter((m) => m.status !== 'needs accompanier') : result.meetings;
  const v = evaluate(staffed, input.staff?.length ?? 0);
  const lateFirst = input.event.lateRsvps === 'after-on-time';
  return [...v.officesByTier, result.meetings.length, lateFirst ? v.onTimePlaced : 0, v.participantsPlaced, v.participantMeetings, -v.spread, -v.loadRange];
}

class Scheduler {
  private readonly nS: number;
  private readonly people: Participant[];
  private readonly avail: Uint8Array;
  private readonly busy: Uint8Array;
  private readonly officeSeen: Array<Set<string>>;
  private readonly meetingsOf: Meeting[][];
  private readonly candidates = new Map<string, number[]>();
  private readonly staff: readonly Accompanier[];
  private readonly accBusy: Uint8Array;
  private readonly accLoad: number[];
  private readonly accDay: Array<Map<string, number>>;
  private readonly accAvail: Uint8Array;
  private readonly meetings: Meeting[] = [];
  private readonly problems: Problem[] = [];
  private readonly uncovered = new Map<string, string>();
  private readonly index = new Map<Participant, number>();
  /** Meetings whose accompanier stays put: named in the confirmed file, or spanning several slots. */
  private readonly fixedStaff = new Set<Meeting>();
  private readonly dayIndex: Map<string, number>;
  private readonly slotTie: number[];
  private readonly slotDay: number[];
  private readonly noStaffAt = new Set<number>();
  /** Bumped whenever an accompanier is assigned or released, so cached staffing plans expire. */
  private staffVersion = 0;
  private lastPlan?: { key: string; plan: { movable: Meeting[]; assignment: number[] } };
  /** Objective (2): a placed on-time participant outweighs every late one (when late RSVPs come after). */
  private readonly weight: number[];

  constructor(private readonly input: ScheduleInput, private readonly start = 0) {
    const { slots, participants, event } = input;
    this.nS = slots.length;
    // Priority order: on-time first (unless late RSVPs count the same), then rank, then row.
    const lateFirst = event.lateRsvps === 'after-on-time';
    this.people = [...participants].sort((a, b) => (lateFirst ? Number(a.rsvp.late) - Number(b.rsvp.late) : 0) || a.rank - b.rank || a.rsvp.row - b.rsvp.row);
    this.avail = new Uint8Array(this.people.length * this.nS);
    this.busy = new Uint8Array(this.people.length * this.nS);
    this.officeSeen = this.people.map(() => new Set());
    this.meetingsOf = this.people.map(() => []);
    this.people.forEach((p, i) => {
      this.index.set(p, i);
      for (const s of p.rsvp.availability.slots) this.avail[i * this.nS + s] = 1;
      for (const o of p.offices) {
        const list = this.candidates.get(o.id) ?? [];
        list.push(i);
        this.candidates.set(o.id, list);
      }
    });
    const lateCount = this.people.filter((p) => p.rsvp.late).length;
    this.weight = this.people.map((p) => (lateFirst && !p.rsvp.late ? lateCount + 1 : 1));
    this.staff = [...(input.staff ?? [])].sort((a, b) => a.row - b.row);
    this.accBusy = new Uint8Array(this.staff.length * this.nS);
    this.accAvail = new Uint8Array(this.staff.length * this.nS);
    this.staff.forEach((a, k) => a.slots.forEach((s) => (this.accAvail[k * this.nS + s] = 1)));
    this.accLoad = this.staff.map(() => 0);
    this.dayIndex = new Map(event.days.map((d, i) => [d, i]));
    this.slotTie = seeded(this.start, slots.length);
    this.slotDay = slots.map((x) => this.dayIndex.get(x.day)!);
    this.accDay = this.staff.map(() => new Map());
  }

  run(): ScheduleResult {
    this.placeConfirmed();
    const free = new Map(this.input.offices.map((o) => [o.id, this.freeCount(o)]));
    let offices = [...this.input.offices].sort((a, b) => tierKey(a) - tierKey(b) || free.get(a.id)! - free.get(b.id)! || a.id.localeCompare(b.id));
    if (this.start > 0) offices = shuffleWithinTiers(offices, this.start);
    // Meetings with an accompanier first, in rounds (a second meeting per office only after every office had its first).
    for (let round = 0; round < this.input.event.maxMeetingsPerOffice; round++) {
      for (const office of offices) {
        if (this.meetingsFor(office).length > round) continue;
        if (round > 0 && !this.meetingsFor(office).length) continue;
        this.scheduleOffice(office, false);
      }
    }
    // Local search, within a budget that keeps large events fast: with thousands of people per office
    // the meetings fill up anyway and moving them gains little.
    const work = this.people.reduce((a, p) => a + p.offices.length, 0) * this.nS;
    const big = work > 300_000 || this.meetings.length > 150;
    this.repair(work > 2_000_000 ? 1 : 3, work <= 2_000_000);
    if (work <= 2_000_000) {
      this.improve(big ? 1 : 4, big ? 2 : 6, big ? 1 : 10);
      if (!big) this.swapOffices(5_000);
      this.improve(big ? 1 : 4, big ? 2 : 6, big ? 1 : 10);
      this.repair();
    }
    // Offices no accompanier could cover still get a meeting, marked "needs accompanier".
    if (this.staff.length) for (const office of offices) if (!this.meetingsFor(office).length) this.scheduleOffice(office, true);
    this.topUp();
    this.balanceLoad();
    this.chooseLeads();
    this.explainUncovered(offices);
    const meetings = this.numbered();
    return { meetings, leftOut: this.leftOut(), uncovered: this.uncovered, problems: this.problems };
  }

  private explainUncovered(offices: readonly TargetOffice[]): void {
    for (const office of offices) {
      if (this.meetingsFor(office).length) continue;
      const cands = this.candidates.get(office.id) ?? [];
      const why = !cands.length
        ? 'no constituent who can attend RSVP\'d'
        : !cands.some((i) => this.people[i]!.rsvp.availability.slots.length)
          ? 'no constituent is free at any meeting time'
          : 'its constituents are all in other meetings whenever they are free';
      this.uncovered.set(office.id, why);
    }
  }

  private readonly byOffice = new Map<string, Meeting[]>();

  private meetingsFor(office: TargetOffice): Meeting[] {
    return this.byOffice.get(office.id) ?? [];
  }

  /** How many of an office's constituents are free at some slot: scarce offices go first. */
  private freeCount(office: TargetOffice): number {
    return (this.candidates.get(office.id) ?? []).filter((i) => this.people[i]!.rsvp.availability.slots.length > 0).length;
  }

  private isFree(i: number, slots: readonly number[]): boolean {
    return slots.every((s) => this.avail[i * this.nS + s] === 1 && this.busy[i * this.nS + s] === 0);
  }

  private pickAccompanier(slots: readonly number[], day: string): number | undefined {
    let best: number | undefined;
    for (let k = 0; k < this.staff.length; k++) {
      if (!slots.every((s) => this.accAvail[k * this.nS + s] === 1 && this.accBusy[k * this.nS + s] === 0)) continue;
      if ((this.accDay[k]!.get(day) ?? 0) >= this.input.event.maxMeetingsPerDay) continue;
      if (best === undefined || this.accLoad[k]! < this.accLoad[best]! || (this.accLoad[k] === this.accLoad[best] && (this.accDay[k]!.get(day) ?? 0) < (this.accDay[best]!.get(day) ?? 0))) best = k;
    }
    return best;
  }

  private assignAccompanier(m: Meeting, k: number): void {
    this.staffVersion++;
    m.accompanier = this.staff[k];
    for (const s of m.slots) this.accBusy[k * this.nS + s] = 1;
    this.accLoad[k]! += 1;
    this.accDay[k]!.set(m.day, (this.accDay[k]!.get(m.day) ?? 0) + 1);
  }

  private attend(m: Meeting, i: number): void {
    m.attendees.push(this.people[i]!);
    for (const s of m.slots) this.busy[i * this.nS + s] = 1;
    this.officeSeen[i]!.add(m.office.id);
    this.meetingsOf[i]!.push(m);
  }

  private leave(m: Meeting, i: number): void {
    const p = this.people[i]!;
    m.attendees = m.attendees.filter((x) => x !== p);
    for (const s of m.slots) this.busy[i * this.nS + s] = 0;
    this.officeSeen[i]!.delete(m.office.id);
    this.meetingsOf[i] = this.meetingsOf[i]!.filter((x) => x !== m);
  }

  private newMeeting(office: TargetOffice, day: string, startMin: number, endMin: number, slots: number[], extra: Partial<Meeting> = {}): Meeting {
    const { slots: all } = this.input;
    const first = all[slots[0] ?? 0]!;
    const offsetMs = (min: number) => first.startMs + (min - toMinutes(first.start)) * 60_000;
    const m: Meeting = {
      id: '', office, day, start: hhmm(startMin), end: hhmm(endMin), startMs: offsetMs(startMin), endMs: offsetMs(endMin), slots,
      status: 'proposed', attendees: [], link: '', notes: '', ...extra,
    };
    this.meetings.push(m);
    this.byOffice.set(office.id, [...this.meetingsFor(office), m]);
    return m;
  }

  /** Fill a meeting with free constituents: people with no meeting first, then by priority, then closeness. */
  private fill(m: Meeting): void {
    const free = (this.candidates.get(m.office.id) ?? []).filter((i) => !this.officeSeen[i]!.has(m.office.id) && this.isFree(i, m.slots));
    free.sort((a, b) => Number(this.meetingsOf[a]!.length > 0) - Number(this.meetingsOf[b]!.length > 0) || this.closeness(b, m) - this.closeness(a, m) || a - b);
    for (const i of free) {
      if (m.attendees.length >= this.input.event.maxGroup) break;
      this.attend(m, i);
    }
  }

  /** Higher when the meeting sits on a day the person already meets, near their other meetings. */
  private closeness(i: number, m: { day: string; slots: readonly number[] }): number {
    let best = 0;
    for (const other of this.meetingsOf[i]!) {
      if (other.day !== m.day) continue;
      const gap = Math.abs((other.slots[0] ?? 0) - (m.slots[0] ?? 0));
      best = Math.max(best, 1 / (1 + gap));
    }
    return best;
  }

  private placeConfirmed(): void {
    const list = [...(this.input.confirmed ?? [])].sort((a, b) => a.day.localeCompare(b.day) || a.startMin - b.startMin || a.row - b.row);
    const file = this.input.confirmedFile;
    const byEmail = new Map(this.people.map((p, i) => [p.rsvp.email, i] as const));
    const pinnedAt = new Map<string, number>();
    const accAt = new Map<string, number>();
    for (const c of list) {
      const where = { ...(file ? { file } : {}), row: c.row };
      if (this.meetingsFor(c.office).length >= this.input.event.maxMeetingsPerOffice) {
        this.problems.push({ code: 'too-many-meetings', severity: 'error', ...where, column: 'office', value: c.office.member,
          message: `${c.office.member} already has ${this.input.event.maxMeetingsPerOffice} confirmed meeting(s); this one is not scheduled`, fix: 'Delete the extra row, or raise event.maxMeetingsPerOffice.' });
        continue;
      }
      const slots = this.input.slots.filter((s) => s.day === c.day && toMinutes(s.start) < c.endMin && toMinutes(s.end) > c.startMin).map((s) => s.index);
      const m = this.newMeeting(c.office, c.day, c.startMin, c.endMin, slots, { status: 'confirmed', link: c.link, notes: c.notes, confirmedRow: c.row });
      if (c.accompanier) {
        const k = this.staff.indexOf(c.accompanier);
        const clash = slots.find((s) => this.accBusy[k * this.nS + s] === 1);
        if (clash !== undefined) {
          this.problems.push({ code: 'accompanier-conflict', severity: 'error', ...where, column: 'accompanier', value: c.accompanier.name,
            message: `${c.accompanier.name} is in two confirmed meetings at once (rows ${accAt.get(`${k}:${clash}`)} and ${c.row})`, fix: 'Give one of the two meetings another accompanier.' });
        } else {
          this.assignAccompanier(m, k);
          this.fixedStaff.add(m);
          for (const s of slots) accAt.set(`${k}:${s}`, c.row);
          if (!slots.every((s) => this.accAvail[k * this.nS + s] === 1)) {
            this.problems.push({ code: 'accompanier-unavailable', severity: 'warning', ...where, column: 'accompanier', value: c.accompanier.name, message: `${c.accompanier.name} is not available then by the staff list`, fix: 'Check with them.' });
          }
        }
      }
      for (const email of c.participantEmails) {
        const i = byEmail.get(email);
        if (i === undefined) {
          this.problems.push({ code: 'unknown-participant', severity: 'error', ...where, column: 'participants', value: email, message: `${email} is not a matched participant; not added to this meeting`, fix: 'Check the email against the RSVPs (awg unmatched says why someone is not matched).' });
          continue;
        }
        if (!this.people[i]!.offices.some((o) => o.id === c.office.id)) {
          this.problems.push({ code: 'not-constituent', severity: 'error', ...where, column: 'participants', value: email, message: `${email} is not a constituent of ${c.office.member}; not added`, fix: 'Remove them from this meeting.' });
          continue;
        }
        const clash = slots.find((s) => this.busy[i * this.nS + s] === 1);
        if (clash !== undefined) {
          this.problems.push({ code: 'participant-conflict', severity: 'error', ...where, column: 'participants', value: email, message: `${email} is in two confirmed meetings at once (rows ${pinnedAt.get(`${i}:${clash}`)} and ${c.row}); kept in the first`, fix: 'Remove them from one of the two meetings.' });
          continue;
        }
        if (m.attendees.length >= this.input.event.maxGroup) {
          this.problems.push({ code: 'over-capacity', severity: 'error', ...where, column: 'participants', value: email, message: `the meeting already has ${this.input.event.maxGroup} participants; ${email} is not added`, fix: 'Raise event.maxGroup or remove someone.' });
          continue;
        }
        this.attend(m, i);
        for (const s of slots) pinnedAt.set(`${i}:${s}`, c.row);
      }
    }
    for (const m of this.meetings) {
      if (!m.accompanier && this.staff.length) {
        const k = this.pickAccompanier(m.slots, m.day);
        if (k !== undefined) {
          this.assignAccompanier(m, k);
          if (m.slots.length !== 1) this.fixedStaff.add(m);
        }
      }
      this.fill(m);
      if (!m.attendees.length) {
        this.problems.push({ code: 'confirmed-empty', severity: 'warning', ...(file ? { file } : {}), row: m.confirmedRow ?? 0, column: 'office', value: m.office.member,
          message: `no constituent of ${m.office.member} is free at ${m.day} ${m.start}; the confirmed meeting has no participants`, fix: 'Recruit constituents for this time, or ask the office to move the meeting.' });
      }
    }
  }

  /**
   * The best slot for a new meeting of this office: most constituents without any meeting free then
   * (on-time before late), then most free, then closest to their other meetings, then the least-loaded
   * accompanier, then the earliest. With `requireAccompanier`, only slots where one is free.
   */
  private bestSlot(office: TargetOffice, requireAccompanier: boolean): { s: number; acc: number | undefined } | undefined {
    return this.rankedSlots(office, requireAccompanier, 1)[0];
  }

  /** The `limit` best slots for a new meeting of this office, best first (see bestSlot). */
  private rankedSlots(office: TargetOffice, requireAccompanier: boolean, limit: number, maxFlows = limit + 4): Array<{ s: number; acc: number | undefined }> {
    const cands = (this.candidates.get(office.id) ?? []).filter((i) => !this.officeSeen[i]!.has(office.id));
    const { slots, event } = this.input;
    const lateFirst = event.lateRsvps === 'after-on-time';
    const options: Array<{ s: number; acc: number | undefined; key: number[] }> = [];
    for (const slot of slots) {
      const s = slot.index;
      let unplacedOnTime = 0;
      let unplacedLate = 0;
      let free = 0;
      let close = 0;
      for (const i of cands) {
        if (this.avail[i * this.nS + s] === 0 || this.busy[i * this.nS + s] === 1) continue;
        free++;
        if (!this.meetingsOf[i]!.length) {
          if (lateFirst && this.people[i]!.rsvp.late) unplacedLate++;
          else unplacedOnTime++;
        } else close += this.closeness(i, { day: slot.day, slots: [s] });
      }
      if (free < event.minGroup) continue;
      const acc = this.staff.length ? this.pickAccompanier([s], slot.day) : undefined;
      const load = acc === undefined ? 0 : this.accLoad[acc]!;
      // Ties go to the earliest slot on the first start, and to a seeded choice on the others.
      const tie = this.start ? this.slotTie[s]! : -s;
      options.push({ s, acc, key: [Math.min(unplacedOnTime, event.maxGroup), Math.min(unplacedOnTime + unplacedLate, event.maxGroup), Math.min(free, event.maxGroup), close, unplacedOnTime + unplacedLate, -load, tie] });
    }
    options.sort((a, b) => compareKeys(b.key, a.key));
    const out: Array<{ s: number; acc: number | undefined }> = [];
    let flows = 0;
    for (const o of options) {
      if (out.length >= limit) break;
      // Nobody free then as things stand: maybe the accompaniers of other meetings can be reshuffled
      // (a few tries per call: each is a max-flow).
      if (requireAccompanier && this.staff.length && o.acc === undefined) {
        if (flows >= maxFlows) continue;
        if (!this.noStaffAt.has(o.s)) flows++;
        if (!this.staffingWith(o.s)) continue;
        out.push({ s: o.s, acc: RESHUFFLE });
      } else out.push({ s: o.s, acc: o.acc });
    }
    return out;
  }

  private placeAt(office: TargetOffice, s: number, acc: number | undefined): Meeting {
    const slot = this.input.slots[s]!;
    if (acc !== undefined && acc !== RESHUFFLE && !this.canTake(acc, s, slot.day)) acc = this.pickAccompanier([s], slot.day) ?? RESHUFFLE;
    const plan = acc === RESHUFFLE ? this.staffingWith(s) : undefined;
    const m = this.newMeeting(office, slot.day, toMinutes(slot.start), toMinutes(slot.end), [s]);
    if (plan) this.applyStaffing(plan, m);
    else if (acc !== undefined && acc !== RESHUFFLE) this.assignAccompanier(m, acc);
    else m.status = 'needs accompanier';
    return m;
  }

  private canTake(k: number, s: number, day: string): boolean {
    return this.accAvail[k * this.nS + s] === 1 && this.accBusy[k * this.nS + s] === 0 && (this.accDay[k]!.get(day) ?? 0) < this.input.event.maxMeetingsPerDay;
  }

  private unassignAccompanier(m: Meeting): void {
    if (!m.accompanier) return;
    this.noStaffAt.clear();
    this.staffVersion++;
    const k = this.staff.indexOf(m.accompanier);
    for (const s of m.slots) this.accBusy[k * this.nS + s] = 0;
    this.accLoad[k]! -= 1;
    this.accDay[k]!.set(m.day, (this.accDay[k]!.get(m.day) ?? 1) - 1);
    delete m.accompanier;
  }

  /** The meetings whose accompanier may change, and a staffing of them plus one more at slot `extra`. */
  private staffingWith(extra: number): { movable: Meeting[]; assignment: number[] } | undefined {
    // Adding meetings never makes staffing easier: a slot that failed stays failed until one is removed.
    if (this.noStaffAt.has(extra)) return undefined;
    // The plan found while ranking slots is the one placing the meeting needs: keep it until anything changes.
    const key = `${this.staffVersion}|${extra}`;
    if (this.lastPlan?.key === key) return this.lastPlan.plan;
    const plan = this.computeStaffing(extra);
    if (!plan) this.noStaffAt.add(extra);
    else this.lastPlan = { key, plan };
    return plan;
  }

  /** What the fixed meetings leave free: per accompanier, the slots and each day's remaining capacity. */
  private fixedBase?: { free: Uint8Array[]; capacity: number[][]; dayCap: number[] };

  private base(): { free: Uint8Array[]; capacity: number[][]; dayCap: number[] } {
    if (this.fixedBase) return this.fixedBase;
    const { event } = this.input;
    const free = this.staff.map((_, k) => this.accAvail.slice(k * this.nS, (k + 1) * this.nS));
    const capacity = this.staff.map(() => new Array<number>(event.days.length).fill(event.maxMeetingsPerDay));
    const dayCap = event.days.map(() => this.staff.length * event.maxMeetingsPerDay);
    for (const m of this.fixedStaff) {
      if (!m.accompanier) continue;
      const k = this.staff.indexOf(m.accompanier);
      const d = this.dayIndex.get(m.day)!;
      for (const s of m.slots) free[k]![s] = 0;
      capacity[k]![d]! -= 1;
      dayCap[d]! -= 1;
    }
    return (this.fixedBase = { free, capacity, dayCap });
  }

  private computeStaffing(extra: number): { movable: Meeting[]; assignment: number[] } | undefined {
    const movable = this.meetings.filter((m) => m.accompanier && !this.fixedStaff.has(m));
    const day = this.slotDay[extra]!;
    const { free, capacity, dayCap } = this.base();
    // Quick no: the day's accompaniers are all at their limit.
    if (movable.filter((m) => this.dayIndex.get(m.day) === day).length + 1 > dayCap[day]!) return undefined;
    const assignment = assignStaff({
      meetingSlots: [...movable.map((m) => m.slots[0]!), extra],
      dayOf: this.slotDay,
      free,
      capacity,
      initial: movable.map((m) => this.staff.indexOf(m.accompanier!)),
    });
    return assignment ? { movable, assignment } : undefined;
  }

  private applyStaffing(plan: { movable: Meeting[]; assignment: number[] }, added: Meeting): void {
    for (const m of plan.movable) this.unassignAccompanier(m);
    [...plan.movable, added].forEach((m, i) => this.assignAccompanier(m, plan.assignment[i]!));
    added.status = 'proposed';
  }

  /** Objective (5): move meetings from the busiest accompaniers to the least busy who are free then. */
  private balanceLoad(): void {
    for (let round = 0; round < 10 * this.meetings.length; round++) {
      const order = this.staff.map((_, k) => k).sort((a, b) => this.accLoad[b]! - this.accLoad[a]! || a - b);
      let moved = false;
      for (const hi of order) {
        for (const lo of [...order].reverse()) {
          if (this.accLoad[hi]! - this.accLoad[lo]! < 2) break;
          const m = this.meetings
            .filter((x) => x.accompanier === this.staff[hi] && !this.fixedStaff.has(x) && x.slots.length === 1 && this.canTake(lo, x.slots[0]!, x.day))
            .sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id))[0];
          if (!m) continue;
          this.unassignAccompanier(m);
          this.assignAccompanier(m, lo);
          moved = true;
          break;
        }
        if (moved) break;
      }
      if (!moved) return;
    }
  }

  private scheduleOffice(office: TargetOffice, allowUnstaffed: boolean): void {
    const best = this.bestSlot(office, !allowUnstaffed);
    if (!best) return;
    this.fill(this.placeAt(office, best.s, best.acc));
  }

  private removeMeeting(m: Meeting): void {
    for (const p of [...m.attendees]) this.leave(m, this.index.get(p)!);
    this.unassignAccompanier(m);
    this.meetings.splice(this.meetings.indexOf(m), 1);
    this.byOffice.set(m.office.id, this.meetingsFor(m.office).filter((x) => x !== m));
  }

  /** How much objective (2) these offices' constituents contribute: placed people, on-time ones weighing more. */
  private placedValue(...officeIds: string[]): number {
    const seen = new Set<number>();
    let v = 0;
    for (const id of officeIds) {
      for (const i of this.candidates.get(id) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        if (this.meetingsOf[i]!.length) v += this.weight[i]!;
      }
    }
    return v;
  }

  private restore(office: TargetOffice, s: number, acc: number | undefined, attendees: readonly number[]): void {
    const back = this.placeAt(office, s, acc);
    for (const i of attendees) this.attend(back, i);
  }

  /**
   * Local search on objective (2) that keeps objective (1): when accompaniers run short, cover a
   * different office of the same tier if that places more people.
   */
  private swapOffices(budget = 5_000): void {
    const uncovered = this.input.offices.filter((o) => !this.meetingsFor(o).length && (this.candidates.get(o.id) ?? []).length)
      .sort((a, b) => tierKey(a) - tierKey(b) || a.id.localeCompare(b.id));
    const value = new Map(this.input.offices.map((o) => [o.id, this.placedValue(o.id)]));
    for (const u of uncovered) {
      if (budget <= 0) return;
      const peers = this.input.offices
        .filter((c) => tierKey(c) === tierKey(u) && this.meetingsFor(c).length === 1 && this.meetingsFor(c)[0]!.status !== 'confirmed')
        .sort((a, b) => value.get(a.id)! - value.get(b.id)! || a.id.localeCompare(b.id));
      for (const c of peers) {
        if (budget-- <= 0) return;
        const m = this.meetingsFor(c)[0]!;
        const before = this.placedValue(u.id, c.id);
        const s0 = m.slots[0]!;
        const acc0 = m.accompanier ? this.staff.indexOf(m.accompanier) : undefined;
        const attendees0 = m.attendees.map((p) => this.index.get(p)!);
        this.removeMeeting(m);
        const best = this.bestSlot(u, true);
        if (best) {
          const placed = this.placeAt(u, best.s, best.acc);
          this.fill(placed);
          // The swapped-out office may still fit somewhere else: then nothing was lost at all.
          const again = this.bestSlot(c, true);
          if (again) this.fill(this.placeAt(c, again.s, again.acc));
          if (this.placedValue(u.id, c.id) > before || this.meetingsFor(c).length) break;
          for (const x of [...this.meetingsFor(c), placed]) this.removeMeeting(x);
        }
        this.restore(c, s0, acc0, attendees0);
      }
    }
  }

  /**
   * Local search on objective (2): move a meeting to the slot where it places the most people who have
   * no other meeting; keep the move only when more participants (on-time weighing more) end up placed.
   */
  private improve(maxPasses = 4, tries = 6, maxFlows = tries + 4): void {
    for (let pass = 0; pass < maxPasses; pass++) {
      let improved = false;
      const order = [...this.meetings].filter((m) => m.status !== 'confirmed').sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id));
      for (const m of order) {
        const office = m.office;
        const before = this.placedValue(office.id);
        const s0 = m.slots[0]!;
        const acc0 = m.accompanier ? this.staff.indexOf(m.accompanier) : undefined;
        const attendees0 = m.attendees.map((p) => this.index.get(p)!);
        this.removeMeeting(m);
        // Try the few most promising slots for real (fill, then count), keep the best if it beats the old one.
        let bestSlot: { s: number; acc: number | undefined } | undefined;
        let bestValue = before;
        for (const option of this.rankedSlots(office, true, tries, maxFlows)) {
          if (option.s === s0) continue;
          const trial = this.placeAt(office, option.s, option.acc);
          this.fill(trial);
          const value = this.placedValue(office.id);
          this.removeMeeting(trial);
          if (value > bestValue) {
            bestValue = value;
            bestSlot = option;
          }
        }
        if (bestSlot) {
          const acc = bestSlot.acc === RESHUFFLE ? RESHUFFLE : this.pickAccompanier([bestSlot.s], this.input.slots[bestSlot.s]!.day) ?? RESHUFFLE;
          this.fill(this.placeAt(office, bestSlot.s, acc));
          improved = true;
          continue;
        }
        this.restore(office, s0, acc0, attendees0);
      }
      if (!improved) break;
    }
  }

  /**
   * People with no meeting get a seat: a free one; or one given up by someone with another meeting; or
   * one freed by moving its holder to another of their offices' meetings that has room.
   */
  private repair(maxPasses = 3, moveHolders = true): void {
    const max = this.input.event.maxGroup;
    for (let pass = 0; pass < maxPasses; pass++) {
      let changed = false;
      for (let i = 0; i < this.people.length; i++) {
        if (this.meetingsOf[i]!.length) continue;
        const p = this.people[i]!;
        const options = p.offices
          .flatMap((o) => this.meetingsFor(o))
          .filter((m) => this.isFree(i, m.slots))
          .sort((a, b) => a.attendees.length - b.attendees.length || a.startMs - b.startMs || a.office.id.localeCompare(b.office.id));
        if (options.some((m) => this.seat(m, i, max, moveHolders))) changed = true;
      }
      if (!changed) break;
    }
  }

  private seat(m: Meeting, i: number, max: number, moveHolders: boolean): boolean {
    if (m.attendees.length < max) {
      this.attend(m, i);
      return true;
    }
    const holders = m.attendees.map((q) => this.index.get(q)!);
    // The attendee with the most other meetings, lowest priority first, gives up the seat.
    const swap = holders.filter((j) => this.meetingsOf[j]!.length >= 2).sort((a, b) => this.meetingsOf[b]!.length - this.meetingsOf[a]!.length || b - a)[0];
    if (swap !== undefined) {
      this.leave(m, swap);
      this.attend(m, i);
      return true;
    }
    // Or a holder moves to another meeting of one of their offices that has room and fits them.
    if (!moveHolders) return false;
    for (const j of [...holders].sort((a, b) => b - a)) {
      const q = this.people[j]!;
      this.leave(m, j);
      const elsewhere = q.offices
        .flatMap((o) => this.meetingsFor(o))
        .find((x) => x !== m && x.attendees.length < max && !this.officeSeen[j]!.has(x.office.id) && this.isFree(j, x.slots));
      if (elsewhere) {
        this.attend(elsewhere, j);
        this.attend(m, i);
        return true;
      }
      this.attend(m, j);
    }
    return false;
  }

  /** Seats still free go to constituents who are free then, for more participant-meetings. */
  private topUp(): void {
    for (const m of [...this.meetings].sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id))) this.fill(m);
  }

  private chooseLeads(): void {
    const leads = new Map<string, number>();
    for (const m of [...this.meetings].sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id))) {
      const volunteers = m.attendees.filter((p) => p.rsvp.lead);
      volunteers.sort((a, b) => (leads.get(`${m.day}|${a.rsvp.row}`) ?? 0) - (leads.get(`${m.day}|${b.rsvp.row}`) ?? 0) || this.index.get(a)! - this.index.get(b)!);
      const lead = volunteers[0];
      if (lead) {
        m.lead = lead;
        leads.set(`${m.day}|${lead.rsvp.row}`, (leads.get(`${m.day}|${lead.rsvp.row}`) ?? 0) + 1);
      }
    }
  }

  private numbered(): Meeting[] {
    const sorted = [...this.meetings].sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id));
    const width = Math.max(3, String(sorted.length).length);
    sorted.forEach((m, k) => {
      m.id = `M${String(k + 1).padStart(width, '0')}`;
      m.attendees.sort((a, b) => Number(b === m.lead) - Number(a === m.lead) || a.rsvp.lastName.localeCompare(b.rsvp.lastName) || a.rsvp.row - b.rsvp.row);
    });
    return sorted;
  }

  private leftOut(): LeftOut[] {
    const out: LeftOut[] = [];
    this.people.forEach((p, i) => {
      if (this.meetingsOf[i]!.length) return;
      const theirs = p.offices.flatMap((o) => this.meetingsFor(o)).sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id));
      const full = theirs.find((m) => m.slots.every((s) => this.avail[i * this.nS + s] === 1));
      if (full) out.push({ participant: p, code: 'meetings-full', reason: `the meeting with ${full.office.member} (${full.day} ${full.start}) is full (${full.attendees.length} participants)` });
      else if (theirs.length) out.push({ participant: p, code: 'not-free', reason: `not free when their offices meet (${theirs.map((m) => `${m.office.member}: ${m.day} ${m.start}`).join('; ')})` });
      else out.push({ participant: p, code: 'office-not-scheduled', reason: `no meeting could be scheduled with ${p.offices.map((o) => o.member).join(' or ')}` });
    });
    return out.sort((a, b) => a.participant.rsvp.row - b.participant.rsvp.row);
  }
}

/** `n` numbers in [0, 1) from a fixed seed (a Lehmer generator): the same seed, the same numbers. */
function seeded(seed: number, n: number): number[] {
  let x = (seed * 2654435761) % 2147483647 || 1;
  return Array.from({ length: n }, () => (x = (x * 48271) % 2147483647) / 2147483647);
}

/** A deterministic shuffle of offices that keeps higher tiers first. */
function shuffleWithinTiers(offices: TargetOffice[], seed: number): TargetOffice[] {
  const r = seeded(seed + 7919, offices.length);
  return offices.map((o, i) => ({ o, r: r[i]! })).sort((a, b) => tierKey(a.o) - tierKey(b.o) || a.r - b.r).map((k) => k.o);
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
