// changes.csv: the change set between two schedules (the earlier folder and the new plan), person by
// person, like Terraform's plan: who was added, moved, removed, and whose meeting changed accompanier,
// lead or link. Pure: both schedules come in as meetings.csv / attendees.csv records.
import { accompanierKey, officeKey, personKey } from '../identity.js';
import type { Rec } from '../render/roster-model.js';
import type { DataTable } from '../render/table.js';

export type ChangeKind = 'added' | 'moved' | 'removed' | 'accompanier changed' | 'lead changed' | 'link changed' | 'office declined';

export interface PersonChange {
  key: string;
  rsvpRow: string;
  name: string;
  email: string;
  role: 'participant' | 'lead' | 'accompanier';
  change: ChangeKind;
  meetingId: string;
  before: string;
  after: string;
}

interface Seat {
  meetingId: string;
  office: string;
  member: string;
  when: string;
  accompanier: string;
  lead: string;
  link: string;
  role: PersonChange['role'];
  rsvpRow: string;
  name: string;
  email: string;
}

/** Each person's seats (one per meeting) in a schedule. */
export function seatsOf(meetings: readonly Rec[], attendees: readonly Rec[]): Map<string, Seat[]> {
  const byId = new Map(meetings.map((m) => [m.meeting_id ?? '', m]));
  const seats = new Map<string, Seat[]>();
  const add = (key: string, s: Seat) => seats.set(key, [...(seats.get(key) ?? []), s]);
  const seat = (m: Rec, role: Seat['role'], rsvpRow: string, name: string, email: string): Seat => ({
    meetingId: m.meeting_id ?? '', office: officeKey(m), member: m.member ?? '',
    when: `${m.date ?? ''} ${m.start ?? ''}`.trim(), accompanier: m.accompanier ?? '', lead: m.lead ?? '', link: m.link ?? '', role, rsvpRow, name, email,
  });
  for (const a of attendees) {
    const m = byId.get(a.meeting_id ?? '');
    if (!m) continue;
    const name = `${a.first_name ?? ''} ${a.last_name ?? ''}`.trim();
    add(personKey(a.email, a.first_name, a.last_name, a.phone), seat(m, a.role === 'lead' ? 'lead' : 'participant', a.rsvp_row ?? '', name, a.email ?? ''));
  }
  for (const m of meetings) {
    const name = m.accompanier ?? '';
    if (!name || name === 'TBD') continue;
    add(accompanierKey(name, m.accompanier_email), seat(m, 'accompanier', '', name, m.accompanier_email ?? ''));
  }
  return seats;
}

const describe = (s: Seat) => `${s.meetingId} ${s.when} ${s.member}`;

function compare(b: Seat, a: Seat): Array<[ChangeKind, string, string]> {
  if (b.when !== a.when || b.meetingId !== a.meetingId) return [['moved', describe(b), describe(a)]];
  const out: Array<[ChangeKind, string, string]> = [];
  if (b.accompanier !== a.accompanier && a.role !== 'accompanier') out.push(['accompanier changed', b.accompanier, a.accompanier]);
  if (b.lead !== a.lead) out.push(['lead changed', b.lead || '(none)', a.lead || '(none)']);
  if (b.link !== a.link) out.push(['link changed', b.link, a.link]);
  return out;
}

/**
 * Every person whose schedule differs between `before` and `after`. A seat kept in the same meeting is
 * compared field by field; a seat that moved to another meeting with the same office is "moved"; a lost
 * seat is "removed" (or "office declined" when its office declined); a new one is "added".
 */
export function diffSchedules(before: Map<string, Seat[]>, after: Map<string, Seat[]>, declinedMeetings: ReadonlySet<string> = new Set()): PersonChange[] {
  const out: PersonChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const bs = [...(before.get(key) ?? [])];
    const as = [...(after.get(key) ?? [])];
    const me = as[0] ?? bs[0]!;
    const push = (change: ChangeKind, s: Seat, b: string, a: string) =>
      out.push({ key, rsvpRow: me.rsvpRow, name: me.name, email: me.email, role: s.role, change, meetingId: s.meetingId, before: b, after: a });
    const pairs: Array<[Seat, Seat]> = [];
    for (const match of [(b: Seat, a: Seat) => b.meetingId === a.meetingId, (b: Seat, a: Seat) => b.office === a.office]) {
      for (const b of [...bs]) {
        const i = as.findIndex((a) => match(b, a));
        if (i < 0) continue;
        pairs.push([b, as[i]!]);
        as.splice(i, 1);
        bs.splice(bs.indexOf(b), 1);
      }
    }
    for (const [b, a] of pairs) for (const [change, x, y] of compare(b, a)) push(change, a, x, y);
    for (const b of bs) push(declinedMeetings.has(b.meetingId) ? 'office declined' : 'removed', b, describe(b), '');
    for (const a of as) push('added', a, '', describe(a));
  }
  return out;
}

export function changesTable(changes: readonly PersonChange[]): DataTable {
  return {
    name: 'Changes',
    columns: ['rsvp_row', 'name', 'email', 'role', 'change', 'meeting_id', 'before', 'after'],
    rows: changes.map((c) => [c.rsvpRow ? Number(c.rsvpRow) : '', c.name, c.email, c.role, c.change, c.meetingId, c.before, c.after]),
  };
}

/** "People to tell: 12 (5 because of a change of their own: 3 new RSVPs, 2 cancellations)." */
export function changesSummary(changes: readonly PersonChange[], own: ReadonlySet<string>): { people: number; own: number; line: string } {
  const people = new Set(changes.map((c) => c.key));
  const ownCount = [...people].filter((k) => own.has(k)).length;
  const kinds = new Map<string, number>();
  for (const c of changes) kinds.set(c.change, (kinds.get(c.change) ?? 0) + 1);
  const detail = [...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
  return {
    people: people.size,
    own: ownCount,
    line: `Changes: ${people.size} ${people.size === 1 ? 'person' : 'people'} to tell, ${ownCount} of them because of a change of their own${detail ? ` (${detail})` : ''}; see changes.csv.`,
  };
}
