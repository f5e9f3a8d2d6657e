// A whole schedule's violations, found by placing it meeting by meeting, seat by seat, with the very
// predicates the solver tests its moves with (rulebook.ts): what breaks a rule is reported and left
// out, the rest placed, as a re-run keeps an earlier schedule. Linear in the seats.
import { twinsOf } from './duplicates.js';
import { eventTime } from './event-time.js';
import { leadAttends } from './lead.js';
import type { Campus } from '../campus/model.js';
import type { RuleMeeting, SeatMeeting, SeatState, StaffState, Timed, Violation } from './model.js';
import { officeLimit } from './office-limit.js';
import { brokenSeatRule, brokenStaffRule } from './rulebook.js';
import type { Rsvp } from '../model.js';

export interface RulePerson extends Pick<Rsvp, 'row' | 'firstName' | 'lastName' | 'phone' | 'phoneValid' | 'zip' | 'email'> {
  /** The office ids they are a constituent of. */
  offices: ReadonlySet<string>;
  /** The slots they can attend (RSVP availability and the organizer's hand edits). */
  slots: readonly number[];
}

export interface RuleContext {
  event: { days: readonly string[]; windowStart: string; windowEnd: string; maxGroup: number; maxMeetingsPerOffice: number; maxMeetingsPerDay: number };
  nS: number;
  people: readonly RulePerson[];
  /** The staff list (names lower-cased), when given; without one, accompaniers are only held to one place at a time and the day's limit. */
  staff?: ReadonlyArray<{ name: string; slots: readonly number[] }>;
  /** An in-person event's campus (campus/of-event.ts): meetings with a place are then held to the walking time. */
  campus?: Campus;
}

export interface Placed extends SeatMeeting { seated: Set<number> }

/** The seats and staffing of a schedule being replayed, as the rules read them. */
export class RuleState implements SeatState, StaffState {
  readonly nS: number;
  readonly avail: Uint8Array;
  readonly busy: Uint8Array;
  readonly officeSeen: Array<Set<string>>;
  readonly twins: ReadonlyArray<readonly number[] | undefined>;
  readonly maxGroup: number;
  readonly accAvail: Uint8Array;
  readonly accBusy: Uint8Array;
  readonly maxMeetingsPerDay: number;
  readonly campus: Campus | undefined;
  readonly meetingsOf: Timed[][];
  readonly accMeetings: Timed[][];
  private readonly perDay: Array<Map<string, number>>;

  constructor(private readonly ctx: RuleContext, staffCount: number) {
    const n = ctx.people.length;
    this.nS = ctx.nS;
    this.avail = new Uint8Array(n * ctx.nS);
    ctx.people.forEach((p, i) => p.slots.forEach((s) => (this.avail[i * ctx.nS + s] = 1)));
    this.busy = new Uint8Array(n * ctx.nS);
    this.officeSeen = ctx.people.map(() => new Set());
    this.twins = twinsOf(ctx.people);
    this.maxGroup = ctx.event.maxGroup;
    this.accAvail = new Uint8Array(staffCount * ctx.nS);
    if (ctx.staff) ctx.staff.forEach((a, k) => a.slots.forEach((s) => (this.accAvail[k * ctx.nS + s] = 1)));
    else this.accAvail.fill(1);
    this.accBusy = new Uint8Array(staffCount * ctx.nS);
    this.maxMeetingsPerDay = ctx.event.maxMeetingsPerDay;
    this.perDay = Array.from({ length: staffCount }, () => new Map());
    this.campus = ctx.campus;
    // Who is in which meeting matters only for walking: a virtual event keeps no lists.
    this.meetingsOf = ctx.campus ? ctx.people.map(() => []) : [];
    this.accMeetings = ctx.campus ? Array.from({ length: staffCount }, () => []) : [];
  }

  isConstituent(i: number, officeId: string): boolean {
    return this.ctx.people[i]!.offices.has(officeId);
  }

  seatedIn(j: number, m: SeatMeeting): boolean {
    return (m as Placed).seated.has(j);
  }

  meetingsOn(k: number, day: string): number {
    return this.perDay[k]!.get(day) ?? 0;
  }

  seat(m: Placed, i: number): void {
    m.seated.add(i);
    (m.attendees as number[]).push(i);
    for (const s of m.slots) this.busy[i * this.nS + s] = 1;
    this.officeSeen[i]!.add(m.office.id);
    if (this.campus) this.meetingsOf[i]!.push(m);
  }

  staff(k: number, m: Placed): void {
    for (const s of m.slots) this.accBusy[k * this.nS + s] = 1;
    this.perDay[k]!.set(m.day, this.meetingsOn(k, m.day) + 1);
    if (this.campus) this.accMeetings[k]!.push(m);
  }
}

/** A meeting of the schedule as the rules read it, with nobody in it yet (its minutes as ms: one origin for every day). */
export function placedOf(m: RuleMeeting): Placed {
  return {
    office: { id: m.officeId }, slots: m.slots, attendees: [] as number[], seated: new Set(),
    day: m.day, startMs: m.startMin * 60_000, endMs: m.endMin * 60_000, ...(m.place ? { place: m.place } : {}),
  };
}

/** Every rule the schedule breaks: meetings (in order), their accompaniers, then each seat. */
export function violations(meetings: readonly RuleMeeting[], ctx: RuleContext): Violation[] {
  const out: Violation[] = [];
  const byRow = new Map(ctx.people.map((p, i) => [p.row, i]));
  // Without a staff list every named accompanier is held to the rules that need no list.
  const names = ctx.staff ? ctx.staff.map((a) => a.name) : [...new Set(meetings.flatMap((m) => (m.accompanier ? [m.accompanier] : [])))];
  const staffIndex = new Map(names.map((n, k) => [n, k]));
  const st = new RuleState(ctx, names.length);
  const perOffice = new Map<string, number>();
  for (const m of meetings) {
    const has = perOffice.get(m.officeId) ?? 0;
    if (!officeLimit.allows(has, ctx.event)) {
      out.push({ rule: officeLimit.code, meetingId: m.id });
      continue;
    }
    if (!m.slots.length || !eventTime.allows(m, ctx.event)) {
      out.push({ rule: eventTime.code, meetingId: m.id });
      continue;
    }
    perOffice.set(m.officeId, has + 1);
    const placed = placedOf(m);
    if (m.accompanier) {
      const k = staffIndex.get(m.accompanier);
      const broken = k === undefined ? { code: 'unknown-accompanier' } : brokenStaffRule(st, k, placed);
      if (broken) out.push({ rule: broken.code, meetingId: m.id, accompanier: m.accompanier });
      else st.staff(k!, placed);
    }
    for (const row of new Set(m.rows)) {
      const i = byRow.get(row);
      if (i === undefined) continue;
      const broken = brokenSeatRule(st, i, placed);
      if (broken) out.push({ rule: broken.code, meetingId: m.id, row });
      else st.seat(placed, i);
    }
    const lead = m.leadRow === undefined ? undefined : byRow.get(m.leadRow);
    if (m.leadRow !== undefined && !leadAttends.allows(lead ?? -1, [...placed.seated])) out.push({ rule: leadAttends.code, meetingId: m.id, row: m.leadRow });
  }
  return out;
}
