// The plan an edited folder now holds, for rendering every derived file again (`awg update`): its
// meetings as meetings.csv and attendees.csv say (already checked), and everyone else derived from
// the inputs: the digital-advocacy list is whoever can act and is in no meeting, the unmatched list
// whoever needs a fix. Pure.
import { fromZonedTime } from 'date-fns-tz';
import type { CheckedMeeting } from '../check/model.js';
import type { EventConfig } from '../config/schema.js';
import { hhmm } from '../event.js';
import type { MatchResult, Participant } from '../match/match.js';
import type { Accompanier, TargetOffice } from '../model.js';
import type { AddedColumns } from '../render/schedule-files.js';
import type { DigitalAdvocate, Plan } from '../schedule/plan.js';
import type { Meeting, MeetingStatus } from '../schedule/scheduler.js';
import type { FolderRow, ListRow } from '../folder/rows.js';
import { placeOfCell } from '../campus/meeting-place.js';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
const STATUSES: readonly string[] = ['confirmed', 'proposed', 'needs accompanier'];

export function planFromFolder(args: {
  meetings: readonly CheckedMeeting[];
  event: EventConfig;
  offices: readonly TargetOffice[];
  match: MatchResult;
  staff?: readonly Accompanier[];
  /** The folder's lists and coverage as they were: the reasons they gave are kept where they still hold. */
  lists: readonly ListRow[];
  coverage: readonly FolderRow[];
}): Plan {
  const zone = args.event.timeZone;
  const staffByName = new Map((args.staff ?? []).map((s) => [s.name.toLowerCase(), s]));
  const meetings: Meeting[] = args.meetings.map((m) => {
    if (!m.office || !m.day || m.startMin === undefined || m.endMin === undefined) throw new Error(`meeting ${m.id} was not checked`);
    const start = hhmm(m.startMin);
    const end = hhmm(m.endMin);
    const attendees = m.attendees.map((a) => a.participant).filter((p): p is Participant => Boolean(p));
    const name = m.row.accompanier;
    const accompanier: Accompanier | undefined = !name || name.toUpperCase() === 'TBD' ? undefined
      : staffByName.get(name.toLowerCase()) ?? { row: 0, name, email: m.row.accompanierEmail, phone: '', organization: '', slots: [] };
    const lead = m.row.lead
      ? attendees.find((p) => fold(`${p.rsvp.firstName} ${p.rsvp.lastName}`) === fold(m.row.lead) || p.rsvp.email === m.row.lead.toLowerCase())
      : undefined;
    const written = STATUSES.includes(m.row.status) ? (m.row.status as MeetingStatus) : 'proposed';
    const status: MeetingStatus = written === 'confirmed' ? 'confirmed' : accompanier ? 'proposed' : 'needs accompanier';
    // Where it is: a room typed in meetings.csv by hand, else the office's as this run knows it (a room
    // typed in offices.csv since is on it).
    const place = placeOfCell(args.event, m.office, m.row.cells.room);
    return {
      id: m.id, office: m.office, day: m.day, start, end,
      startMs: fromZonedTime(`${m.day}T${start}:00`, zone).getTime(), endMs: fromZonedTime(`${m.day}T${end}:00`, zone).getTime(),
      slots: m.slots, status, ...(accompanier ? { accompanier } : {}), ...(lead ? { lead } : {}), attendees, link: m.row.link, notes: m.row.notes,
      ...(place ? { place } : {}),
    };
  });
  // In time order, as the scheduler writes them, so a meeting moved by hand takes its place in the day.
  meetings.sort((a, b) => a.startMs - b.startMs || a.office.id.localeCompare(b.office.id) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const inMeeting = new Set(meetings.flatMap((m) => m.attendees.map((p) => p.rsvp.row)));
  const before = new Map(args.lists.filter((l) => l.list === 'digital-advocacy.csv' && l.rsvpRow !== undefined).map((l) => [l.rsvpRow!, l]));
  const digital: DigitalAdvocate[] = [
    ...args.match.unmatched.filter((u) => u.digital && !inMeeting.has(u.rsvp.row)).map((u) => ({ rsvp: u.rsvp, code: u.code, reason: u.reason })),
    ...args.match.participants.filter((p) => !inMeeting.has(p.rsvp.row)).map((p) => {
      const was = before.get(p.rsvp.row);
      return was && was.cells.reason_code ? { rsvp: p.rsvp, code: was.cells.reason_code, reason: was.reason } : { rsvp: p.rsvp, code: 'not-in-a-meeting', reason: 'not in any meeting of the edited schedule' };
    }),
  ].sort((a, b) => a.rsvp.row - b.rsvp.row);
  const covered = new Set(meetings.map((m) => m.office.id));
  const why = new Map(args.coverage.map((r) => [r.cells.office ?? '', r.cells.why_no_meeting ?? '']));
  const uncovered = new Map(args.offices.filter((o) => !covered.has(o.id)).map((o) => [o.id, why.get(o.id) || 'no meeting in the edited schedule']));
  return {
    meetings, digital, unmatched: args.match.unmatched.filter((u) => !u.digital), leftOut: [], uncovered, problems: [], staffGiven: Boolean(args.staff), notKept: [],
  };
}

/** The columns an organizer added to the folder's rows, to keep them where they were (by row key). */
export function addedColumns<T extends FolderRow>(rows: readonly T[], key: (row: T) => string): AddedColumns | undefined {
  const columns = [...new Set(rows.flatMap((r) => r.added.map(([h]) => h)))];
  if (!columns.length) return undefined;
  const values = new Map(rows.map((r) => {
    const byHeader = new Map(r.added);
    return [key(r), columns.map((c) => byHeader.get(c) ?? '')] as const;
  }));
  return { columns, values };
}
