// What printed material and calendars are made from: the meetings and their attendees as written in
// meetings.csv and attendees.csv. `awg schedule` builds it from its own tables and `awg roster` from
// a folder an organizer edited, so both print exactly what the CSV files say.
import type { CellValue, DataTable } from './table.js';
import { cellText } from './table.js';
import { instant } from './when.js';

export interface RosterAttendee {
  role: 'lead' | 'participant';
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  organization: string;
  needs: string;
  story: boolean;
  localStart: string;
  localEnd: string;
  timeZone: string;
  rsvpRow: string;
}

export interface RosterMeeting {
  id: string;
  date: string;
  start: string;
  end: string;
  /** The meeting's instants, from date, start and end in the event zone; NaN where those do not read. */
  startMs: number;
  endMs: number;
  chamber: string;
  state: string;
  district: string;
  member: string;
  party: string;
  tier: string;
  accompanier: string;
  accompanierEmail: string;
  lead: string;
  officePhone: string;
  schedulerEmail: string;
  link: string;
  status: string;
  cosponsor: string;
  officeNotes: string;
  meetingNotes: string;
  /** The `room` cell (in-person events: render/where.ts reads it) and the list of members' address. */
  room?: string;
  officeAddress?: string;
  attendees: RosterAttendee[];
}

export type Rec = Record<string, string>;

export function tableRecords(t: DataTable): Rec[] {
  return t.rows.map((r: CellValue[]) => Object.fromEntries(t.columns.map((c, i) => [c, cellText(r[i])])));
}

const yes = (v: string | undefined) => /^(yes|true|1|y)$/i.test((v ?? '').trim());

/** The meetings with their attendees, in time order; times are read in the event's zone. */
export function buildRoster(meetings: readonly Rec[], attendees: readonly Rec[], zone: string): RosterMeeting[] {
  const byMeeting = new Map<string, RosterAttendee[]>();
  for (const a of attendees) {
    const id = a.meeting_id ?? '';
    const list = byMeeting.get(id) ?? [];
    list.push({
      role: a.role === 'lead' ? 'lead' : 'participant', firstName: a.first_name ?? '', lastName: a.last_name ?? '', email: a.email ?? '',
      phone: a.phone ?? '', organization: a.organization ?? '', needs: a.needs ?? '', story: yes(a.story), localStart: a.local_start ?? '',
      localEnd: a.local_end ?? '', timeZone: a.time_zone ?? '', rsvpRow: a.rsvp_row ?? '',
    });
    byMeeting.set(id, list);
  }
  return meetings
    .map((m) => ({
      id: m.meeting_id ?? '', date: m.date ?? '', start: m.start ?? '', end: m.end ?? '',
      startMs: instant(m.date ?? '', m.start ?? '', zone), endMs: instant(m.date ?? '', m.end ?? '', zone), chamber: m.chamber ?? '', state: m.state ?? '',
      district: m.district ?? '', member: m.member ?? '', party: m.party ?? '', tier: m.tier ?? '', accompanier: m.accompanier ?? '',
      accompanierEmail: m.accompanier_email ?? '', lead: m.lead ?? '', officePhone: m.office_phone ?? '', schedulerEmail: m.scheduler_email ?? '',
      link: m.link ?? '', status: m.status ?? '', cosponsor: m.cosponsor ?? '', officeNotes: m.office_notes ?? '', meetingNotes: m.meeting_notes ?? '',
      room: m.room ?? '', officeAddress: m.office_address ?? '',
      attendees: byMeeting.get(m.meeting_id ?? '') ?? [],
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

export interface Itinerary {
  key: string;
  name: string;
  email: string;
  phone: string;
  organization: string;
  timeZone: string;
  rsvpRow: string;
  meetings: Array<{ meeting: RosterMeeting; attendee: RosterAttendee }>;
}

/** Each participant's meetings, in time order; participants ordered by name. */
export function itineraries(meetings: readonly RosterMeeting[]): Itinerary[] {
  const people = new Map<string, Itinerary>();
  for (const m of meetings) {
    for (const a of m.attendees) {
      const key = a.rsvpRow || a.email || `${a.firstName} ${a.lastName}`;
      const it = people.get(key) ?? { key, name: `${a.firstName} ${a.lastName}`.trim(), email: a.email, phone: a.phone, organization: a.organization, timeZone: a.timeZone, rsvpRow: a.rsvpRow, meetings: [] };
      it.meetings.push({ meeting: m, attendee: a });
      people.set(key, it);
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || Number(a.rsvpRow) - Number(b.rsvpRow));
}

/** The attendee who leads a meeting, where one does. */
export const leadOf = (m: RosterMeeting): RosterAttendee | undefined => m.attendees.find((a) => a.role === 'lead');

export interface AccompanierDay {
  accompanier: string;
  email: string;
  day: string;
  meetings: RosterMeeting[];
}

/** Each accompanier's meetings, day by day, in time order; accompaniers by name. "TBD" is nobody. */
export function accompanierDays(meetings: readonly RosterMeeting[]): Map<string, AccompanierDay[]> {
  const byName = new Map<string, AccompanierDay[]>();
  for (const m of meetings) {
    if (!m.accompanier || m.accompanier === 'TBD') continue;
    const days = byName.get(m.accompanier) ?? [];
    let day = days.find((d) => d.day === m.date);
    if (!day) days.push((day = { accompanier: m.accompanier, email: m.accompanierEmail, day: m.date, meetings: [] }));
    day.meetings.push(m);
    byName.set(m.accompanier, days);
  }
  return new Map([...byName.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, v.sort((a, b) => a.day.localeCompare(b.day))]));
}
