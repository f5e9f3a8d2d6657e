// Everything `awg schedule` writes, as tables and files in memory: meetings, attendees, one schedule
// per day, contacts, organizations, digital advocacy, unmatched, priority, coverage, the workbook and
// summary.json. Pure: the write stage puts the map on disk.
import { ATTENDEE_COLUMNS, MEETING_COLUMNS } from '../columns.js';
import { formatInTimeZone } from 'date-fns-tz';
import { meetingPlace } from '../campus/meeting-place.js';
import type { Config, EventConfig } from '../config/schema.js';
import { stateByCode } from '../data/states.js';
import type { Meeting, Participant, Rsvp, Slot } from '../model.js';
import type { PriorityReport } from '../match/priority.js';
import { districtLabel } from '../normalize/district.js';
import type { Plan } from '../schedule/plan.js';
import { csvChunks } from './csv.js';
import { fullName, officeName, officesTable, priorityRows, tierText, unmatchedTable } from './people.js';
import { lazyTable, type DataTable, type FolderFile, type LazyTable } from './table.js';
import { workbookMaker } from './workbook-thread.js';
import { renderPrintables } from './printables.js';
import { tableRecords, type Rec } from './roster-model.js';
import { roomCell } from './where.js';

export interface Summary {
  rsvpRows: number;
  valid: number;
  duplicates: number;
  late: number;
  matched: number;
  scheduledParticipants: number;
  meetings: number;
  officesTotal: number;
  officesCovered: number;
  digitalAdvocacy: number;
  unmatched: number;
}

export function zoneOf(r: Rsvp, fallback: string): string {
  return r.timeZone ?? (r.state ? stateByCode(r.state)?.timeZone : undefined) ?? fallback;
}

const localCache = new Map<string, { time: string; abbr: string }>();

export function localTime(ms: number, zone: string): { time: string; abbr: string } {
  const key = `${ms}|${zone}`;
  let hit = localCache.get(key);
  if (!hit) {
    hit = { time: formatInTimeZone(ms, zone, 'HH:mm'), abbr: formatInTimeZone(ms, zone, 'zzz') };
    if (localCache.size < 100_000) localCache.set(key, hit);
  }
  return hit;
}

const TIMES = { dateColumns: ['date'], timeColumns: ['start', 'end', 'local_start', 'local_end'] };
const accompanierName = (m: Meeting) => m.accompanier?.name ?? 'TBD';
const memberLabel = (m: Meeting) => `${m.office.member}${m.office.chamber === 'House' ? ` (${districtLabel(m.office.state, m.office.district ?? 0)})` : ` (${m.office.state})`}`;

function localTimes(m: Meeting, eventZone: string): string {
  const zones = new Map<string, string>();
  for (const p of m.attendees) {
    const z = zoneOf(p.rsvp, eventZone);
    if (z === eventZone || zones.has(z)) continue;
    const { time, abbr } = localTime(m.startMs, z);
    zones.set(z, `${time} ${abbr}`);
  }
  return [...zones.values()].sort().join('; ');
}

/**
 * The `room` cell of a meeting in an in-person event: its place, or the office's where the meeting has
 * none of its own (a plan read back from an edited folder: plan/from-folder.ts).
 */
const roomOf = (m: Meeting, event: EventConfig) => roomCell(m.place ?? meetingPlace(event, m.office));

/** The columns of a table, less `room` where the event is not in person (virtual folders as they always were). */
const columnsFor = (columns: readonly string[], inPerson: boolean) => (inPerson ? [...columns] : columns.filter((c) => c !== 'room'));

export function meetingsTable(plan: Plan, event?: EventConfig): DataTable {
  const inPerson = event?.format === 'in-person';
  return {
    name: 'Meetings',
    columns: columnsFor(MEETING_COLUMNS, inPerson),
    rows: plan.meetings.map((m) => [
      m.id, m.day, m.start, m.end, m.office.chamber, m.office.state, m.office.chamber === 'House' ? districtLabel(m.office.state, m.office.district ?? 0) : '',
      m.office.member, m.office.party, tierText(m.office), accompanierName(m), m.accompanier?.email ?? '', m.lead ? fullName(m.lead.rsvp) : '',
      m.attendees.length, m.office.phone, m.office.schedulerEmail, m.link, m.status, m.office.cosponsor, m.office.notes, m.notes, m.office.address ?? '',
      ...(inPerson ? [roomOf(m, event!)] : []),
    ]),
    ...TIMES,
  };
}

export function attendeesTable(plan: Plan, eventZone: string, event?: EventConfig): DataTable {
  const inPerson = event?.format === 'in-person';
  return {
    name: 'Attendees',
    columns: columnsFor(ATTENDEE_COLUMNS, inPerson),
    rows: plan.meetings.flatMap((m) => m.attendees.map((p) => {
      // On the Hill everyone is in the event's zone, whatever their home's: one time on every page.
      const zone = inPerson ? eventZone : zoneOf(p.rsvp, eventZone);
      const room = inPerson ? [roomOf(m, event!)] : [];
      return [m.id, m.day, m.start, m.end, localTime(m.startMs, zone).time, localTime(m.endMs, zone).time, zone, m.office.member,
        p === m.lead ? 'lead' : 'participant', p.rsvp.firstName, p.rsvp.lastName, p.rsvp.email, p.rsvp.phone, p.rsvp.organization, p.rsvp.needs,
        p.rsvp.story, p.rsvp.row, ...room];
    })),
    ...TIMES,
  };
}

export function dayTable(plan: Plan, day: string, eventZone: string, inPerson = false): DataTable {
  return {
    name: day,
    columns: ['meeting_id', 'date', 'start', 'end', 'office', 'member', 'party', 'tier', 'accompanier', 'lead', 'participant_count', 'participants',
      'participants_local_times', 'link', 'status'],
    rows: plan.meetings.filter((m) => m.day === day).map((m) => [
      m.id, m.day, m.start, m.end, officeName(m.office), m.office.member, m.office.party, tierText(m.office), accompanierName(m),
      m.lead ? fullName(m.lead.rsvp) : '', m.attendees.length,
      m.attendees.map((p) => `${fullName(p.rsvp)} (row ${p.rsvp.row})`).join('; '), inPerson ? '' : localTimes(m, eventZone), m.link, m.status,
    ]),
    ...TIMES,
  };
}

export function contactsTable(plan: Plan): DataTable {
  const rows = plan.meetings.flatMap((m) => [
    ...m.attendees.map((p) => [m.id, m.day, m.start, memberLabel(m), p === m.lead ? 'lead' : 'participant', fullName(p.rsvp), p.rsvp.email, p.rsvp.phone, p.rsvp.organization, p.rsvp.row]),
    [m.id, m.day, m.start, memberLabel(m), 'accompanier', accompanierName(m), m.accompanier?.email ?? '', m.accompanier?.phone ?? '', m.accompanier?.organization ?? '', ''],
    [m.id, m.day, m.start, memberLabel(m), 'scheduler', m.office.schedulerName, m.office.schedulerEmail, m.office.phone, `office of ${m.office.member}`, ''],
  ]);
  return { name: 'Contacts', columns: ['meeting_id', 'date', 'start', 'member', 'role', 'name', 'email', 'phone', 'organization', 'rsvp_row'], rows, ...TIMES };
}

/** Everyone who named an organization, by organization, made as it is written (render/table.ts: LazyTable). */
export function organizationsTable(plan: Plan, rsvps: readonly Rsvp[]): LazyTable {
  const meetingsOf = new Map<number, string[]>();
  for (const m of plan.meetings) {
    for (const p of m.attendees) {
      const list = meetingsOf.get(p.rsvp.row) ?? [];
      list.push(`${m.id} ${m.day} ${m.start} ${m.office.member}${p === m.lead ? ' (lead)' : ''}`);
      meetingsOf.set(p.rsvp.row, list);
    }
  }
  const digital = new Set(plan.digital.map((d) => d.rsvp.row));
  const superseded = new Set(plan.unmatched.filter((u) => u.code === 'duplicate').map((u) => u.rsvp.row));
  const people = rsvps
    .filter((r) => r.organization && !superseded.has(r.row))
    .sort((a, b) => a.organization.localeCompare(b.organization) || a.lastName.localeCompare(b.lastName) || a.row - b.row);
  return lazyTable({ name: 'Organizations', columns: ['organization', 'first_name', 'last_name', 'email', 'phone', 'status', 'meetings', 'rsvp_row'] }, people,
    (r) => [r.organization, r.firstName, r.lastName, r.email, r.phone,
      meetingsOf.has(r.row) ? 'in meetings' : digital.has(r.row) ? 'digital advocacy' : 'unmatched', (meetingsOf.get(r.row) ?? []).join('; '), r.row]);
}

/** The people on digital advocacy, made as it is written (render/table.ts: LazyTable). */
export function digitalTable(plan: Plan): LazyTable {
  return lazyTable({
    name: 'Digital advocacy',
    columns: ['rsvp_row', 'first_name', 'last_name', 'email', 'phone', 'organization', 'state', 'reason_code', 'reason'],
  }, plan.digital, (d) => [d.rsvp.row, d.rsvp.firstName, d.rsvp.lastName, d.rsvp.email, d.rsvp.phone, d.rsvp.organization, d.rsvp.state ?? d.rsvp.stateRaw, d.code, d.reason]);
}

export function coverageTable(plan: Plan, report: PriorityReport): DataTable {
  const byOffice = new Map<string, Meeting[]>();
  for (const m of plan.meetings) byOffice.set(m.office.id, [...(byOffice.get(m.office.id) ?? []), m]);
  const base = officesTable(report, (o) => {
    const ms = byOffice.get(o.id) ?? [];
    return [ms.map((m) => m.id).join('; '), ms.map((m) => `${m.day} ${m.start}`).join('; '), ms.length ? '' : plan.uncovered.get(o.id) ?? 'no constituent who can attend RSVP\'d'];
  }, ['meeting_ids', 'meeting_times', 'why_no_meeting']);
  return { ...base, name: 'Coverage' };
}

export function summarize(plan: Plan, rsvps: readonly Rsvp[], errorRows: ReadonlySet<number>, participants: readonly Participant[], officesTotal: number): Summary {
  const scheduled = new Set(plan.meetings.flatMap((m) => m.attendees.map((p) => p.rsvp.row)));
  return {
    rsvpRows: rsvps.length,
    valid: rsvps.filter((r) => !errorRows.has(r.row)).length,
    duplicates: plan.unmatched.filter((u) => u.code === 'duplicate').length,
    late: rsvps.filter((r) => r.late).length,
    matched: participants.length,
    scheduledParticipants: scheduled.size,
    meetings: plan.meetings.length,
    officesTotal,
    officesCovered: new Set(plan.meetings.map((m) => m.office.id)).size,
    digitalAdvocacy: plan.digital.length,
    unmatched: plan.unmatched.length,
  };
}

/** Columns an organizer added to meetings.csv or attendees.csv: kept, after awg's, by each row's key. */
export interface AddedColumns {
  columns: string[];
  /** Row key (meeting_id; for attendees meeting_id|rsvp_row) → the values, in the order of `columns`. */
  values: ReadonlyMap<string, readonly string[]>;
}

function withAdded(t: DataTable, added: AddedColumns | undefined, key: (row: DataTable['rows'][number]) => string): DataTable {
  if (!added?.columns.length) return t;
  return { ...t, columns: [...t.columns, ...added.columns], rows: t.rows.map((r) => [...r, ...(added.values.get(key(r)) ?? added.columns.map(() => ''))]) };
}

/**
 * Every file of the output folder, as [relative path, content], made one at a time so the write stage
 * can put each on disk and let it go: with 100,000 RSVPs, holding them all at once costs hundreds of MB.
 * Each table is made, handed to the workbook and written as CSV in pieces before the next is made.
 */
export function* renderScheduleFolder(args: {
  plan: Plan; config: Config; slots: readonly Slot[]; rsvps: readonly Rsvp[]; report: PriorityReport; summary: Summary;
  /** The roster and the calendars of the change plan (SEQUENCE raised, cancellations), made before any file. */
  made?: Parameters<typeof renderPrintables>[3];
  added?: { meetings?: AddedColumns; attendees?: AddedColumns };
  /** meetingsTable and attendeesTable and their records, where the caller has made them already (100,000 attendees: 1 s and 200 MB each time). */
  built?: { meetings: DataTable; attendees: DataTable; meetingRecs: readonly Rec[]; attendeeRecs: readonly Rec[] };
}): Generator<FolderFile> {
  const { plan, config, report, built } = args;
  const zone = config.event.timeZone;
  const meetings = withAdded(built?.meetings ?? meetingsTable(plan, config.event), args.added?.meetings, (r) => String(r[0]));
  const attendees = withAdded(built?.attendees ?? attendeesTable(plan, zone, config.event), args.added?.attendees, (r) => `${String(r[0])}|${String(r[16])}`);
  /** The workbook's sheets in their order, each with its CSV file. */
  function* sheets(): Generator<[string, DataTable | LazyTable]> {
    yield ['meetings.csv', meetings];
    for (const day of config.event.days) yield [`days/${day}.csv`, dayTable(plan, day, zone, config.event.format === 'in-person')];
    yield ['attendees.csv', attendees];
    yield ['contacts.csv', contactsTable(plan)];
    yield ['organizations.csv', organizationsTable(plan, args.rsvps)];
    yield ['digital-advocacy.csv', digitalTable(plan)];
    yield ['unmatched.csv', unmatchedTable(plan.unmatched)];
    yield ['priority.csv', priorityRows(report, args.slots)];
    yield ['coverage.csv', coverageTable(plan, report)];
  }
  // A large workbook is made on another thread from the tables as they come (workbook-thread.ts).
  const workbook = workbookMaker(sheets, config.workbookMaxRows);
  for (const [file, made] of sheets()) {
    // The rows the workbook took whole are the CSV's too; a list left out of it is made as its CSV is written.
    const table = workbook.add(made, file);
    // Made a few hundred rows at a time as the write stage takes them, never the whole CSV at once (priority.csv
    // and digital-advocacy.csv are 18-19 MB at 100,000 RSVPs); countFiles (src/progress.ts) counts the time
    // making the pieces as the tables', not the writing's.
    yield [file, csvChunks(table)];
  }
  workbook.done();
  yield ['summary.json', `${JSON.stringify(args.summary, null, 2)}\n`];
  // Added columns change the records (they are the CSV's rows), so the caller's are used only without them.
  const meetingRecs = built && meetings === built.meetings ? built.meetingRecs : tableRecords(meetings);
  const attendeeRecs = built && attendees === built.attendees ? built.attendeeRecs : tableRecords(attendees);
  yield* renderPrintables(meetingRecs, attendeeRecs, config, args.made);
  // Taken (waiting for its worker) only when the writer takes its bytes: the caller may write other files first (process/folder.ts).
  yield ['schedule.xlsx', (function* () {
    yield* workbook.take();
  })()];
}
