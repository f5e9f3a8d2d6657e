// The files of the process between runs, as [path, content]: offices.csv, requests/ and requests.csv,
// changes.csv, notices/ and notices.csv. The .eml drafts may come from a worker thread (drafts.ts), so
// this is an async generator the write stage drains after the schedule's own files.
import { fromZonedTime } from 'date-fns-tz';
import type { Config } from '../config/schema.js';
import type { Slot } from '../model.js';
import type { TargetOffice } from '../model.js';
import type { Problem } from '../problems.js';
import { slug, type CalendarEventRecord, type CalendarFile } from '../render/calendar.js';
import { csvChunks, toCsv } from '../render/csv.js';
import { tableRecords, type Rec } from '../render/roster-model.js';
import { attendeesTable, digitalTable, meetingsTable, renderScheduleFolder } from '../render/schedule-files.js';
import type { Plan } from '../schedule/plan.js';
import { changesSummary, changesTable, diffSchedules, seatsOf, type PersonChange } from './changes.js';
import { draftComposer, type DraftComposer } from './drafts.js';
import type { Draft } from './mail.js';
import { buildNotices, noticesTable, unaddressedNotices, type Notice } from './notices.js';
import { meetingStatuses, officesStatusTable, type OfficeReply } from './offices.js';
import { buildRequests, requestsTable, type MeetingRequest } from './requests.js';
import type { Template, TemplateName } from './templates.js';
import type { FolderFile } from '../write/files.js';

/** What the earlier folder said, for a re-run. */
export interface EarlierSchedule {
  meetings: Rec[];
  attendees: Rec[];
  /** Earlier meetings whose office has declined since. */
  declinedMeetings: ReadonlySet<string>;
  /** People whose change is their own: new RSVPs and cancellations (person keys, see changes.ts). */
  own: ReadonlySet<string>;
}

export interface ProcessOutput {
  offices: ReturnType<typeof officesStatusTable>;
  requests: MeetingRequest[];
  changes?: PersonChange[];
  problems: Problem[];
  lines: string[];
}

/** The draft's Date header: noon, event zone, the day replies are due (a draft's date is replaced when sent). */
export function draftDate(config: Config): Date {
  const first = config.event.days[0] ?? '2020-01-01';
  return new Date(fromZonedTime(`${first}T12:00:00`, config.event.timeZone).getTime() - (config.replyByDays + 14) * 86_400_000);
}

export function planProcess(args: {
  plan: Plan; config: Config; slots: readonly Slot[]; offices: readonly TargetOffice[]; templates: Record<TemplateName, Template>;
  meetingRecs: readonly Rec[]; attendeeRecs: readonly Rec[]; replies?: readonly OfficeReply[]; earlier?: EarlierSchedule;
}): ProcessOutput {
  const { plan } = args;
  const statuses = meetingStatuses(plan.meetings, args.replies);
  const toRequest = new Set([...statuses].filter(([, s]) => s === 'to request').map(([id]) => id));
  const requests = buildRequests({ meetings: plan.meetings, toRequest, slots: args.slots, config: args.config, template: args.templates.request });
  const problems: Problem[] = [];
  const noEmail = noSchedulerEmail(requests);
  if (noEmail) problems.push(noEmail);
  problems.push(...unaddressedNotices([args.attendeeRecs, args.meetingRecs.filter((m) => m.accompanier && m.accompanier !== 'TBD'), tableRecords(digitalTable(plan))]));
  const lines = [`Meeting requests: ${requests.length} to send (requests/, requests.csv); offices.csv records each office's reply.`];
  let changes: PersonChange[] | undefined;
  if (args.earlier) {
    changes = diffSchedules(seatsOf(args.earlier.meetings, args.earlier.attendees), seatsOf(args.meetingRecs, args.attendeeRecs), args.earlier.declinedMeetings);
    lines.push(changesSummary(changes, args.earlier.own).line);
  }
  return { offices: officesStatusTable({ offices: args.offices, meetings: plan.meetings, uncovered: plan.uncovered, ...(args.replies ? { replies: args.replies } : {}) }), requests, ...(changes ? { changes } : {}), problems, lines };
}

/** Offices named in the no-scheduler-email warning; requests.csv lists them all (its empty "to" cells). */
const NAMED_OFFICES = 10;

/** The warning for requests with no scheduler email: the first offices by name and phone, then how many more. */
export function noSchedulerEmail(requests: readonly MeetingRequest[]): Problem | undefined {
  const noEmail = requests.filter((r) => !r.to);
  if (!noEmail.length) return undefined;
  const named = noEmail.slice(0, NAMED_OFFICES).map((r) => (r.officePhone ? `${r.member}, ${r.officePhone}` : `${r.member} (no phone)`)).join('; ');
  const more = noEmail.length - NAMED_OFFICES;
  return {
    code: 'no-scheduler-email', severity: 'warning', file: 'requests.csv',
    message: `${noEmail.length} meeting request${noEmail.length === 1 ? ' has' : 's have'} no scheduler email (the "to" is empty): ${named}${more > 0 ? `; … and ${more} more: see requests.csv (the rows with an empty "to")` : ''}`,
    fix: 'Call these offices for their scheduler\'s email, add it to the targets, and run again; or send the request from requests.csv by hand.',
  };
}

const organizer = (config: Config) => ({ name: config.organizer.name || config.organizer.organization || 'The organizers', address: config.organizer.email });

/** The meeting requests' .eml drafts, as [path, draft]. */
function requestDrafts(p: ProcessOutput, config: Config) {
  const date = draftDate(config);
  const from = organizer(config);
  return p.requests.map((r) => [`requests/${r.meetingId}-${slug(r.member)}.eml`,
    { from, to: r.to ? r.to.split(', ').map((address) => ({ name: `Scheduler, office of ${r.member}`, address })) : [], cc: r.cc ? [{ name: '', address: r.cc }] : [], subject: r.subject, text: r.body, date }] as const);
}

export async function* processFiles(p: ProcessOutput, args: {
  config: Config; meetingRecs: readonly Rec[]; attendeeRecs: readonly Rec[]; digitalRecs: readonly Rec[]; calendars: readonly CalendarFile[]; templates: Record<TemplateName, Template>;
  /** The composer of the drafts, and the request drafts it was given (scheduleFolderFiles starts them early). */
  composer: DraftComposer; requestEmls: AsyncGenerator<[string, Uint8Array]>;
}): AsyncGenerator<FolderFile> {
  const { config, composer, requestEmls } = args;
  const date = draftDate(config);
  const from = organizer(config);
  yield ['offices.csv', toCsv(p.offices)];
  yield ['requests.csv', toCsv(requestsTable(p.requests))];
  const made = buildNotices({ meetings: args.meetingRecs, attendees: args.attendeeRecs, digital: args.digitalRecs, config, calendars: args.calendars, templates: args.templates, ...(p.changes ? { changes: p.changes } : {}) });
  const drafts = made.count <= config.maxEmailDrafts;
  p.lines.push(`Notices: ${made.count} to send (notices.csv${drafts ? ', notices/' : ''}).${drafts ? '' : ` No .eml drafts: there are more than maxEmailDrafts (${config.maxEmailDrafts}); send them by mail merge, or raise it in the config.`}`);
  // The notices' drafts are composed (on a worker, when there are many) as soon as there are notices, while
  // notices.csv is made here; the .eml files come last.
  if (p.changes) yield ['changes.csv', toCsv(changesTable(p.changes))];
  // With drafts (a few thousand at most) the notices are made once for both; without, they are made one
  // at a time into notices.csv and never all held.
  const notices = drafts ? [...made] : made;
  const used = new Set<string>();
  const noticeEmls = drafts ? composer.compose((notices as Notice[]).map((n) => [uniquePath(noticePath(n), used), noticeDraft(n, from, date)] as const)) : undefined;
  yield ['notices.csv', noticesCsv(notices)];
  yield* requestEmls;
  if (noticeEmls) yield* noticeEmls;
}

/** Notices made into CSV this many at a time. */
const CSV_ROWS_AT_ONCE = 2000;

/**
 * notices.csv in parts, made as the write stage takes them: at 100,000 RSVPs it is 80 MB, which as one
 * string of the whole table (two bytes a character: the times have en dashes), with the notices it was made
 * from, took several times that at once. The header, then each chunk's rows as csvChunks makes them (the
 * same bytes as toCsv of the whole table).
 */
export function* noticesCsv(notices: Iterable<Notice>): Generator<string> {
  yield* csvChunks(noticesTable([]));
  let chunk: Notice[] = [];
  for (const n of notices) {
    if (chunk.push(n) < CSV_ROWS_AT_ONCE) continue;
    yield* csvRows(chunk);
    chunk = [];
  }
  yield* csvRows(chunk);
}

/** The rows of these notices as csvChunks makes them, without the header. */
function* csvRows(notices: Notice[]): Generator<string> {
  const pieces = csvChunks(noticesTable(notices));
  pieces.next();
  yield* pieces;
}

function noticePath(n: Notice): string {
  const kind = n.key.startsWith('accompanier:') ? 'accompaniers' : 'participants';
  return `notices/${kind}/${n.rsvpRow ? `row-${n.rsvpRow}-` : ''}${slug(n.name)}.eml`;
}

function uniquePath(base: string, used: Set<string>): string {
  let p = base;
  for (let i = 2; used.has(p); i++) p = base.replace(/\.eml$/, `-${i}.eml`);
  used.add(p);
  return p;
}

function noticeDraft(n: Notice, from: Draft['from'], date: Date): Draft {
  return {
    from, to: n.to ? [{ name: n.name, address: n.to }] : [], subject: n.subject, text: n.body, date,
    attachments: n.calendars.map((c) => ({ filename: c.path.split('/').pop()!, content: c.text, contentType: `text/calendar; charset=utf-8; method=${/METHOD:CANCEL/.test(c.text) ? 'CANCEL' : 'PUBLISH'}` })),
  };
}

/**
 * The whole output folder of `awg schedule`: the schedule's own files (render/schedule-files.ts), then
 * offices, requests, changes and notices, which need the calendar files the first part made.
 */
export async function* scheduleFolderFiles(args: Parameters<typeof renderScheduleFolder>[0] & {
  offices: readonly TargetOffice[]; templates: Record<TemplateName, Template>; replies?: readonly OfficeReply[]; earlier?: EarlierSchedule;
  previousEvents?: readonly CalendarEventRecord[]; onPlanned: (p: ProcessOutput) => void;
  /** Wraps the schedule's own files (awg-folder.json records their fingerprints). */
  describe?: (files: Iterable<FolderFile>) => Iterable<FolderFile>;
}): AsyncGenerator<FolderFile> {
  const zone = args.config.event.timeZone;
  const meetings = meetingsTable(args.plan);
  const attendees = attendeesTable(args.plan, zone);
  const meetingRecs = tableRecords(meetings);
  const attendeeRecs = tableRecords(attendees);
  const p = planProcess({ ...args, meetingRecs, attendeeRecs });
  args.onPlanned(p);
  let calendars: CalendarFile[] = [];
  // About as many drafts as requests and people (the notices are counted once the calendars are made).
  const composer = draftComposer(p.requests.length + attendeeRecs.length);
  try {
    // The requests' drafts are composed (on the worker, when there are many) while the schedule's own files are made.
    const requestEmls = composer.compose(requestDrafts(p, args.config));
    const own = renderScheduleFolder({ ...args, built: { meetings, attendees, meetingRecs, attendeeRecs }, calendar: { ...(args.previousEvents ? { previous: args.previousEvents } : {}), made: (f) => (calendars = f) } });
    yield* args.describe ? args.describe(own) : own;
    yield* processFiles(p, { config: args.config, meetingRecs, attendeeRecs, digitalRecs: tableRecords(digitalTable(args.plan)), calendars, templates: args.templates, composer, requestEmls });
  } finally {
    composer.close();
  }
}
