// Builds the meetings: confirmed ones first, at their times; then one meeting per target office in
// order of tier and scarcity, each at the slot where most of its not-yet-placed constituents are free
// and an accompanier is; then more meetings per office where allowed; then a repair pass that puts
// people without a meeting into a full one in place of someone who has another. See objective.ts.
import type { EventConfig } from '../config/schema.js';
import type { Slot } from '../event.js';
import type { Accompanier, ConfirmedMeeting, TargetOffice } from '../model.js';
import type { Participant } from '../match/match.js';
import type { Problem } from '../problems.js';

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

const hm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const tierKey = (o: TargetOffice) => o.tier ?? Number.POSITIVE_INFINITY;

export function scheduleMeetings(input: ScheduleInput): ScheduleResult {
  return new Scheduler(input).run();
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

  constructor(private readonly input: ScheduleInput) {
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
    this.staff = [...(input.staff ?? [])].sort((a, b) => a.row - b.row);
    this.accBusy = new Uint8Array(this.staff.length * this.nS);
    this.accAvail = new Uint8Array(this.staff.length * this.nS);
    this.staff.forEach((a, k) => a.slots.forEach((s) => (this.accAvail[k * this.nS + s] = 1)));
    this.accLoad = this.staff.map(() => 0);
    this.accDay = this.staff.map(() => new Map());
  }

  run(): ScheduleResult {
    this.placeConfirmed();
    const free = new Map(this.input.offices.map((o) => [o.id, this.freeCount(o)]));
    const offices = [...this.input.offices].sort((a, b) => tierKey(a) - tierKey(b) || free.get(a.id)! - free.get(b.id)! || a.id.localeCompare(b.id));
    for (let round = 0; round < this.input.event.maxMeetingsPerOffice; round++) {
      for (const office of offices) {
        if (this.meetingsFor(office).length > round) continue;
        if (round > 0 && !this.meetingsFor(office).length) continue;
        this.scheduleOffice(office, round);
      }
    }
    this.repair();
    this.topUp();
    this.chooseLeads();
    const meetings = this.numbered();
    return { meetings, leftOut: this.leftOut(), uncovered: this.uncovered, problems: this.problems };
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
    const offsetMs = (min: number) => first.startMs + (min - toMin(first.start)) * 60_000;
    const m: Meeting = {
      id: '', office, day, start: hm(startMin), end: hm(endMin), startMs: offsetMs(startMin), endMs: offsetMs(endMin), slots,
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
      const slots = this.input.slots.filter((s) => s.day === c.day && toMin(s.start) < c.endMin && toMin(s.end) > c.startMin).map((s) => s.index);
      const m = this.newMeeting(c.office, c.day, c.startMin, c.endMin, slots, { status: 'confirmed', link: c.link, notes: c.notes, confirmedRow: c.row });
      if (c.accompanier) {
        const k = this.staff.indexOf(c.accompanier);
        const clash = slots.find((s) => this.accBusy[k * this.nS + s] === 1);
        if (clash !== undefined) {
          this.problems.push({ code: 'accompanier-conflict', severity: 'error', ...where, column: 'accompanier', value: c.accompanier.name,
            message: `${c.accompanier.name} is in two confirmed meetings at once (rows ${accAt.get(`${k}:${clash}`)} and ${c.row})`, fix: 'Give one of the two meetings another accompanier.' });
        } else {
          this.assignAccompanier(m, k);
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
        if (k !== undefined) this.assignAccompanier(m, k);
      }
      this.fill(m);
      if (!m.attendees.length) {
        this.problems.push({ code: 'confirmed-empty', severity: 'warning', ...(file ? { file } : {}), row: m.confirmedRow ?? 0, column: 'office', value: m.office.member,
          message: `no constituent of ${m.office.member} is free at ${m.day} ${m.start}; the confirmed meeting has no participants`, fix: 'Recruit constituents for this time, or ask the office to move the meeting.' });
      }
    }
  }

  private scheduleOffice(office: TargetOffice, round: number): void {
    const cands = (this.candidates.get(office.id) ?? []).filter((i) => !this.officeSeen[i]!.has(office.id));
    if (!cands.length) {
      if (round === 0) this.uncovered.set(office.id, (this.candidates.get(office.id) ?? []).length ? 'its constituents are all in its other meetings' : 'no constituent who can attend RSVP\'d');
      return;
    }
    const { slots, event } = this.input;
    const lateFirst = event.lateRsvps === 'after-on-time';
    let best: { s: number; acc: number | undefined; key: number[] } | undefined;
    let anyFree = false;
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
      anyFree = true;
      const acc = this.staff.length ? this.pickAccompanier([s], slot.day) : undefined;
      const hasAcc = !this.staff.length || acc !== undefined ? 1 : 0;
      const load = acc === undefined ? 0 : this.accLoad[acc]!;
      const key = [hasAcc, Math.min(unplacedOnTime, event.maxGroup), Math.min(unplacedOnTime + unplacedLate, event.maxGroup), Math.min(free, event.maxGroup), close, unplacedOnTime + unplacedLate, -load, -s];
      if (!best || compareKeys(key, best.key) > 0) best = { s, acc, key };
    }
    if (!best) {
      if (round === 0) this.uncovered.set(office.id, anyFree ? 'no slot had enough free constituents' : 'no constituent is free at any meeting time');
      return;
    }
    const slot = slots[best.s]!;
    const m = this.newMeeting(office, slot.day, toMin(slot.start), toMin(slot.end), [best.s]);
    if (best.acc !== undefined) this.assignAccompanier(m, best.acc);
    else m.status = 'needs accompanier';
    this.fill(m);
  }

  /** People with no meeting take the place of someone who has another meeting, or a free seat. */
  private repair(): void {
    const max = this.input.event.maxGroup;
    for (let i = 0; i < this.people.length; i++) {
      if (this.meetingsOf[i]!.length) continue;
      const p = this.people[i]!;
      const options = p.offices
        .flatMap((o) => this.meetingsFor(o))
        .filter((m) => this.isFree(i, m.slots))
        .sort((a, b) => a.attendees.length - b.attendees.length || a.startMs - b.startMs || a.office.id.localeCompare(b.office.id));
      for (const m of options) {
        if (m.attendees.length < max) {
          this.attend(m, i);
          break;
        }
        // The attendee with the most other meetings, lowest priority first, gives up the seat.
        const swap = m.attendees
          .map((q) => this.index.get(q)!)
          .filter((j) => this.meetingsOf[j]!.length >= 2)
          .sort((a, b) => this.meetingsOf[b]!.length - this.meetingsOf[a]!.length || b - a)[0];
        if (swap !== undefined) {
          this.leave(m, swap);
          this.attend(m, i);
          break;
        }
      }
    }
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

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
