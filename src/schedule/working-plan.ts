// The plan under construction and its bookkeeping: who is in which meeting, who is busy when, which
// offices each person already meets. Every phase changes the plan only through attend/leave and
// newMeeting, so these indexes never disagree with the meetings.
import { hhmm, meetingMinutesFor, toMinutes } from '../event.js';
import { meetingPlace } from '../campus/meeting-place.js';
import type { Campus, Place } from '../campus/model.js';
import { inPersonCampus } from '../campus/of-event.js';
import type { Meeting, Participant, TargetOffice } from '../model.js';
import { saidFree } from '../rules/available.js';
import { twinsOf } from '../rules/duplicates.js';
import type { SeatState, StaffMeeting } from '../rules/model.js';
import { notBusy } from '../rules/one-place.js';
import type { ScheduleInput } from './input.js';
import { crossingsAdded } from './walks.js';

/** What every start of one run shares and never changes: the people in priority order, what they can attend, whom they can meet. */
export interface People {
  /** Participants in priority order: on-time first (unless late RSVPs count the same), then rank, then row. */
  people: Participant[];
  index: Map<Participant, number>;
  /** avail[i * nS + s]: person i can attend slot s. */
  avail: Uint8Array;
  /** Person i's available slots, ascending: availList[availFrom[i] .. availFrom[i + 1]) (the slots where avail is 1). */
  availFrom: Int32Array;
  availList: Int32Array;
  /** Per office id, its constituents (indexes into people). */
  candidates: Map<string, number[]>;
  /** late[i]: person i's RSVP came after the deadline (read once: ranking slots asks it per candidate, per slot ranking). */
  late: Uint8Array;
  /** Objective (2): a placed on-time participant outweighs every late one (when late RSVPs come after). */
  weight: number[];
  /** Per person, the possible duplicates of them among the people (rules/duplicates.ts). */
  twins: ReadonlyArray<readonly number[] | undefined>;
}

/** The people of an event, indexed once per run (a small event gets dozens of starts). */
export function indexPeople(input: ScheduleInput): People {
  const { slots, participants, event } = input;
  const nS = slots.length;
  const lateFirst = event.lateRsvps === 'after-on-time';
  const people = [...participants].sort((a, b) => (lateFirst ? Number(a.rsvp.late) - Number(b.rsvp.late) : 0) || a.rank - b.rank || a.rsvp.row - b.rsvp.row);
  const index = new Map<Participant, number>();
  const avail = new Uint8Array(people.length * nS);
  const candidates = new Map<string, number[]>();
  people.forEach((p, i) => {
    index.set(p, i);
    for (const s of p.rsvp.availability.slots) avail[i * nS + s] = 1;
    for (const o of p.offices) {
      const list = candidates.get(o.id) ?? [];
      list.push(i);
      candidates.set(o.id, list);
    }
  });
  // Ranking slots visits each candidate's available slots only: at 100,000 RSVPs most slots of a row are not.
  const availFrom = new Int32Array(people.length + 1);
  let total = 0;
  for (let k = 0; k < avail.length; k++) total += avail[k]!;
  const availList = new Int32Array(total);
  for (let i = 0, at = 0; i < people.length; i++) {
    availFrom[i] = at;
    for (let s = 0; s < nS; s++) if (avail[i * nS + s] === 1) availList[at++] = s;
    availFrom[i + 1] = at;
  }
  const late = Uint8Array.from(people, (p) => Number(p.rsvp.late));
  const lateCount = people.filter((p) => p.rsvp.late).length;
  const weight = people.map((p) => (lateFirst && !p.rsvp.late ? lateCount + 1 : 1));
  return { people, index, avail, availFrom, availList, candidates, late, weight, twins: twinsOf(people.map((p) => p.rsvp)) };
}

/** The plan as the rules read it (rules/model.ts): every phase's move test is the rulebook's. */
export class WorkingPlan implements SeatState {
  readonly nS: number;
  readonly people: Participant[];
  readonly index: Map<Participant, number>;
  /** avail[i * nS + s]: person i can attend slot s; busy: they are in a meeting then. */
  readonly avail: Uint8Array;
  readonly busy: Uint8Array;
  readonly availFrom: Int32Array;
  readonly availList: Int32Array;
  readonly officeSeen: Array<Set<string>>;
  readonly meetingsOf: Meeting[][];
  readonly candidates: Map<string, number[]>;
  readonly late: Uint8Array;
  readonly weight: number[];
  readonly twins: ReadonlyArray<readonly number[] | undefined>;
  readonly maxGroup: number;
  /** The campus of an in-person event (the walking rule's); undefined for a virtual one. */
  readonly campus: Campus | undefined;
  readonly meetings: Meeting[] = [];
  /** Each office's place, read once (reading a room is text work; ranking asks it per slot). */
  private readonly places = new Map<string, Place | undefined>();
  /** Per meeting length, each grid slot's meeting times (see newMeetingAt). */
  private readonly slotTimes = new Map<number, Array<{ start: string; end: string; startMs: number; endMs: number }>>();
  /** Per office id, its probes by slot (see probe). */
  private readonly probes = new Map<string, StaffMeeting[]>();
  private readonly byOffice = new Map<string, Meeting[]>();
  /** Placements a phase may not undo: people kept from a starting plan, per meeting. */
  readonly pinned = new Map<Meeting, Set<number>>();
  /** Meetings no phase may move or remove (kept from a starting plan). */
  readonly keptMeetings = new Set<Meeting>();
  private valueCall = 0;
  private readonly valueSeen: Float64Array;

  /** `shared`: indexPeople(input), made once for all the starts of a run. */
  constructor(private readonly input: ScheduleInput, shared: People = indexPeople(input)) {
    this.nS = input.slots.length;
    ({ people: this.people, index: this.index, avail: this.avail, availFrom: this.availFrom, availList: this.availList,
      candidates: this.candidates, late: this.late, weight: this.weight, twins: this.twins } = shared);
    this.maxGroup = input.event.maxGroup;
    this.campus = inPersonCampus(input.event);
    this.busy = new Uint8Array(this.people.length * this.nS);
    this.officeSeen = this.people.map(() => new Set());
    this.meetingsOf = this.people.map(() => []);
    this.valueSeen = new Float64Array(this.people.length);
  }

  meetingsFor(office: TargetOffice): Meeting[] {
    return this.byOffice.get(office.id) ?? [];
  }

  /** How many of an office's constituents are free at some slot: scarce offices go first. */
  freeCount(office: TargetOffice): number {
    let n = 0;
    for (const i of this.candidates.get(office.id) ?? []) if (this.availFrom[i + 1]! > this.availFrom[i]! || this.people[i]!.rsvp.availability.slots.length > 0) n++;
    return n;
  }

  /** Free at these slots by the rules available.ts and one-place.ts. */
  isFree(i: number, slots: readonly number[]): boolean {
    return saidFree(this, i, slots) && notBusy(this, i, slots);
  }

  isConstituent(i: number, officeId: string): boolean {
    for (const o of this.people[i]!.offices) if (o.id === officeId) return true;
    return false;
  }

  seatedIn(j: number, m: { slots: readonly number[] }): boolean {
    return this.meetingsOf[j]!.includes(m as Meeting);
  }

  /** A meeting no phase may move or remove. */
  isKept(m: Meeting): boolean {
    return m.status === 'confirmed' || this.keptMeetings.has(m);
  }

  /** Person i's seat in m was kept from the starting plan: no phase may take it. */
  isPinned(m: Meeting, i: number): boolean {
    return this.pinned.get(m)?.has(i) ?? false;
  }

  attend(m: Meeting, i: number): void {
    m.attendees.push(this.people[i]!);
    for (const s of m.slots) this.busy[i * this.nS + s] = 1;
    this.officeSeen[i]!.add(m.office.id);
    this.meetingsOf[i]!.push(m);
  }

  leave(m: Meeting, i: number): void {
    const p = this.people[i]!;
    m.attendees = m.attendees.filter((x) => x !== p);
    for (const s of m.slots) this.busy[i * this.nS + s] = 0;
    this.officeSeen[i]!.delete(m.office.id);
    this.meetingsOf[i] = this.meetingsOf[i]!.filter((x) => x !== m);
  }

  /** Where a meeting of this office is: undefined when it is virtual. */
  placeOf(office: TargetOffice): Place | undefined {
    if (!this.campus) return undefined;
    if (!this.places.has(office.id)) this.places.set(office.id, meetingPlace(this.input.event, office));
    return this.places.get(office.id);
  }

  /** A meeting of this office at grid slot s, as the rules read one before it is made (when, where). */
  probe(office: TargetOffice, s: number): StaffMeeting {
    // Made once per office and slot: ranking slots asks for one per slot, and the rules only read it.
    let row = this.probes.get(office.id);
    if (!row) this.probes.set(office.id, (row = []));
    return (row[s] ??= this.newProbe(office, s));
  }

  private newProbe(office: TargetOffice, s: number): StaffMeeting {
    const slot = this.input.slots[s]!;
    const place = this.placeOf(office);
    const endMs = slot.startMs + meetingMinutesFor(this.input.event, office.chamber) * 60_000;
    return place ? { slots: [s], day: slot.day, startMs: slot.startMs, endMs, place } : { slots: [s], day: slot.day, startMs: slot.startMs, endMs };
  }

  newMeeting(office: TargetOffice, day: string, startMin: number, endMin: number, slots: number[], extra: Partial<Meeting> = {}): Meeting {
    const all = this.input.slots;
    const first = all[slots[0] ?? 0]!;
    const offsetMs = (min: number) => first.startMs + (min - toMinutes(first.start)) * 60_000;
    return this.add({
      id: '', office, day, start: hhmm(startMin), end: hhmm(endMin), startMs: offsetMs(startMin), endMs: offsetMs(endMin), slots,
      status: 'proposed', attendees: [], link: '', notes: '', ...extra,
    });
  }

  /**
   * A new meeting of this office at grid slot s, running its chamber's minutes: newMeeting with the slot's
   * times, worked out once per slot and length (the search places and removes thousands of meetings).
   */
  newMeetingAt(office: TargetOffice, s: number): Meeting {
    const minutes = meetingMinutesFor(this.input.event, office.chamber);
    let row = this.slotTimes.get(minutes);
    if (!row) this.slotTimes.set(minutes, (row = []));
    const slot = this.input.slots[s]!;
    const t = (row[s] ??= { start: hhmm(toMinutes(slot.start)), end: hhmm(toMinutes(slot.start) + minutes), startMs: slot.startMs, endMs: slot.startMs + minutes * 60_000 });
    return this.add({
      id: '', office, day: slot.day, start: t.start, end: t.end, startMs: t.startMs, endMs: t.endMs, slots: [s],
      status: 'proposed', attendees: [], link: '', notes: '',
    });
  }

  private add(m: Meeting): Meeting {
    const { office } = m;
    const place = this.placeOf(office);
    if (place) m.place = place;
    this.meetings.push(m);
    this.byOffice.set(office.id, [...this.meetingsFor(office), m]);
    return m;
  }

  /** Takes a meeting out of the plan; its people are released. The accompanier is the pool's business. */
  dropMeeting(m: Meeting): void {
    // Everyone leaves at once (as leave does for one: improve drops a trial meeting per slot it tries).
    for (const p of m.attendees) {
      const i = this.index.get(p)!;
      for (const s of m.slots) this.busy[i * this.nS + s] = 0;
      this.officeSeen[i]!.delete(m.office.id);
      this.meetingsOf[i] = this.meetingsOf[i]!.filter((x) => x !== m);
    }
    m.attendees = [];
    this.meetings.splice(this.meetings.indexOf(m), 1);
    this.byOffice.set(m.office.id, this.meetingsFor(m.office).filter((x) => x !== m));
  }

  /** Higher when the meeting sits on a day the person already meets, near their other meetings. */
  closeness(i: number, m: StaffMeeting): number {
    let best = 0;
    for (const other of this.meetingsOf[i]!) {
      if (other.day !== m.day) continue;
      const gap = Math.abs((other.slots[0] ?? 0) - (m.slots[0] ?? 0));
      best = Math.max(best, 1 / (1 + gap));
    }
    // In person, a seat that sends them across to the other side and back counts against it.
    return this.campus && m.place ? best - crossingsAdded(this.campus, this.meetingsOf[i]!, m) : best;
  }

  /** How much objective (2) these offices' constituents contribute: placed people, on-time ones weighing more. */
  placedValue(...officeIds: string[]): number {
    // Each person once: marked with this call's number instead of a new Set per call (improve calls this per move tried).
    const mark = ++this.valueCall;
    let v = 0;
    for (const id of officeIds) {
      for (const i of this.candidates.get(id) ?? []) {
        if (this.valueSeen[i] === mark) continue;
        this.valueSeen[i] = mark;
        if (this.meetingsOf[i]!.length) v += this.weight[i]!;
      }
    }
    return v;
  }
}
