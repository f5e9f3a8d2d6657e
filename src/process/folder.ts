// The writer's side of the change plan (plan/change-plan.ts): every file of the folder, as [path, content],
// rendered from the plan and deciding nothing: the schedule's own files, then offices.csv, requests/ and
// requests.csv, changes.csv, notices.csv, and the .eml drafts last. The drafts may come from a worker thread
// (drafts.ts), so this is an async generator the write stage drains.
import { fromZonedTime } from 'date-fns-tz';
import type { Config } from '../config/schema.js';
import type { ChangePlan } from '../plan/change-plan.js';
import { DECISIONS_FILE, decisionsTable } from '../plan/decisions.js';
import { slug, uniqueStems } from '../render/file-names.js';
import { csvChunks, toCsv } from '../render/csv.js';
import { renderScheduleFolder } from '../render/schedule-files.js';
import { changesTable } from './changes.js';
import { draftComposer } from './drafts.js';
import type { Draft } from './mail.js';
import { noticesTable, type Notice } from './notices.js';
import { mergeList, mergeTable } from './merge-list.js';
import type { DataTable } from '../render/table.js';
import { remindersTable, type Reminder } from './reminders.js';
import { requestsTable, type MeetingRequest } from './requests.js';
import { officeMessagesTable, type OfficeMessage } from '../plan/office-messages.js';
import type { FolderFile } from '../write/files.js';

/** The draft's Date header: noon, event zone, the day replies are due (a draft's date is replaced when sent). */
export function draftDate(config: Config): Date {
  const first = config.event.days[0] ?? '2020-01-01';
  return new Date(fromZonedTime(`${first}T12:00:00`, config.event.timeZone).getTime() - (config.replyByDays + 14) * 86_400_000);
}

const organizer = (config: Config) => ({ name: config.organizer.name || config.organizer.organization || 'The organizers', address: config.organizer.email });

/** The meeting requests' .eml drafts, as [path, draft]. */
function requestDrafts(requests: readonly MeetingRequest[], config: Config) {
  const date = draftDate(config);
  const from = organizer(config);
  return requests.map((r) => [`requests/${r.meetingId}-${slug(r.member)}.eml`,
    { from, to: r.to ? r.to.split(', ').map((address) => ({ name: `Scheduler, office of ${r.member}`, address })) : [], cc: r.cc ? [{ name: '', address: r.cc }] : [], subject: r.subject, text: r.body, date }] as const);
}

/** The office messages' .eml drafts (updates, cancellations, attendee lists), in office-messages/ beside requests/, as [path, draft]. */
function officeMessageDrafts(messages: readonly OfficeMessage[], config: Config) {
  const date = draftDate(config);
  const from = organizer(config);
  const kind = { update: 'update', cancellation: 'cancellation', 'attendee list': 'attendees' } as const;
  return messages.map((m) => [`office-messages/${m.meetingId}-${kind[m.kind]}-${slug(m.member)}.eml`,
    { from, to: m.to ? m.to.split(', ').map((address) => ({ name: `Scheduler, office of ${m.member}`, address })) : [], cc: m.cc ? [{ name: '', address: m.cc }] : [], subject: m.subject, text: m.body,
      date: m.sendOn ? fromZonedTime(`${m.sendOn}T09:00:00`, config.event.timeZone) : date }] as const);
}

/** offices.csv, the requests, changes.csv and the notices, as the plan has them; the drafts' .eml files last. */
async function* processFiles(cp: ChangePlan, notices: Iterable<Notice> | undefined, emls: AsyncGenerator<[string, Uint8Array]>): AsyncGenerator<FolderFile> {
  if (cp.offices) {
    yield ['offices.csv', toCsv(cp.offices)];
    yield ['requests.csv', toCsv(requestsTable(cp.requests))];
  }
  if (cp.officeMessages.length) yield ['office-messages.csv', toCsv(officeMessagesTable(cp.officeMessages))];
  if (cp.changes) yield ['changes.csv', toCsv(changesTable(cp.changes))];
  if (cp.decisions.length) yield [DECISIONS_FILE, toCsv(decisionsTable(cp.decisions))];
  if (notices) {
    // Beyond maxEmailDrafts the notices can only go by mail merge: notices.csv is its list, notices/templates/ its letters (merge-list.ts).
    const merge = cp.drafts ? undefined : mergeList(notices);
    yield ['notices.csv', merge ? tableCsv(merge.rows, mergeTable) : noticesCsv(notices)];
    if (merge) yield* merge.templates();
    if (cp.reminders.length) yield ['reminders.csv', toCsv(remindersTable(cp.reminders))];
  }
  yield* emls;
}

/**
 * Every .eml draft of the run, in the order they are written: the requests and office messages, then the
 * notices (given held: with drafts there are a few thousand at most) and the reminders.
 */
function allDrafts(cp: ChangePlan, notices: readonly Notice[] | undefined, config: Config): Array<readonly [string, Draft]> {
  const drafts: Array<readonly [string, Draft]> = [...requestDrafts(cp.requests, config), ...officeMessageDrafts(cp.officeMessages, config)];
  if (!notices) return drafts;
  const date = draftDate(config);
  const from = organizer(config);
  noticePaths(notices).forEach((path, i) => drafts.push([path, noticeDraft(notices[i]!, from, date)]));
  if (cp.reminders.length <= config.maxEmailDrafts) drafts.push(...reminderDrafts(cp.reminders, config));
  return drafts;
}

/** The reminders' drafts, reminders/<day>/<participants|accompaniers>/<name>.eml, dated when they go out (event zone). */
function reminderDrafts(reminders: readonly Reminder[], config: Config) {
  const from = organizer(config);
  const at = config.reminders === 'morning-of' ? '07:00' : '17:00';
  const stems = uniqueStems(reminders.map((r) => ({ base: `reminders/${r.day}/${r.folder}/${slug(r.name)}`, identity: r.key.replace(/^accompanier:/, '') })));
  // One date a day of sending (a thousand reminders go out on two or three days; the zone's offset takes a while to find).
  const dates = new Map<string, Date>();
  const dateOf = (sendOn: string) => dates.get(sendOn) ?? dates.set(sendOn, fromZonedTime(`${sendOn}T${at}:00`, config.event.timeZone)).get(sendOn)!;
  return reminders.map((r, i) => [`${stems[i]!}.eml`, {
    from, to: r.to ? [{ name: r.name, address: r.to }] : [], subject: r.subject, text: r.body, date: dateOf(r.sendOn),
  }] as const);
}

/** Notices made into CSV this many at a time. */
const CSV_ROWS_AT_ONCE = 2000;

/**
 * notices.csv in parts, made as the write stage takes them: at 100,000 RSVPs it is 80 MB, which as one
 * string of the whole table (two bytes a character: the times have en dashes), with the notices it was made
 * from, took several times that at once. The header, then each chunk's rows as csvChunks makes them (the
 * same bytes as toCsv of the whole table).
 */
export const noticesCsv = (notices: Iterable<Notice>): Generator<string> => tableCsv(notices, (chunk) => noticesTable(chunk));

/** A table's CSV made from its rows a chunk at a time, never all held. */
function* tableCsv<R>(rows: Iterable<R>, table: (chunk: R[]) => DataTable): Generator<string> {
  yield* csvChunks(table([]));
  let chunk: R[] = [];
  for (const r of rows) {
    if (chunk.push(r) < CSV_ROWS_AT_ONCE) continue;
    yield* csvRows(table(chunk));
    chunk = [];
  }
  yield* csvRows(table(chunk));
}

/** The rows of a table as csvChunks makes them, without the header. */
function* csvRows(table: DataTable): Generator<string> {
  const pieces = csvChunks(table);
  pieces.next();
  yield* pieces;
}

/** One .eml a person, whoever else's name makes the same file name (render/file-names.ts); the key is who they are. */
function noticePaths(notices: readonly Notice[]): string[] {
  return uniqueStems(notices.map((n) => {
    const kind = n.folder ?? (n.key.startsWith('accompanier:') ? 'accompaniers' : 'participants');
    return { base: `notices/${kind}/${slug(n.name)}`, identity: n.key.replace(/^accompanier:/, '') };
  })).map((stem) => `${stem}.eml`);
}

function noticeDraft(n: Notice, from: Draft['from'], date: Date): Draft {
  return {
    from, to: n.to ? [{ name: n.name, address: n.to }] : [], subject: n.subject, text: n.body, date,
    attachments: n.calendars.map((c) => ({ filename: c.path.split('/').pop()!, content: c.text, contentType: `text/calendar; charset=utf-8; method=${/METHOD:CANCEL/.test(c.text) ? 'CANCEL' : 'PUBLISH'}` })),
  };
}

/**
 * The whole output folder, rendered from the change plan: the schedule's own files (render/schedule-files.ts),
 * then offices, requests, changes and notices.
 */
export async function* changePlanFiles(cp: ChangePlan, args: Omit<Parameters<typeof renderScheduleFolder>[0], 'plan' | 'summary' | 'built' | 'made'> & {
  /** Wraps the schedule's own files (awg-folder.json records their fingerprints). */
  describe?: (files: Iterable<FolderFile>) => Iterable<FolderFile>;
}): AsyncGenerator<FolderFile> {
  // All the drafts go to the worker (when there are many) as the folder stage starts: it composes them while
  // this thread makes the schedule's own files and the CSVs, and this thread takes only what is left then.
  // With drafts the notices are made once for both them and notices.csv; without, one at a time into notices.csv and never all held.
  const held = cp.notices && cp.drafts ? [...cp.notices] : undefined;
  const drafts = allDrafts(cp, held, args.config);
  const composer = draftComposer(drafts.length);
  try {
    const emls = composer.compose(drafts);
    const own = renderScheduleFolder({ ...args, plan: cp.schedule, summary: cp.summary, built: cp.tables, made: { roster: cp.roster, calendar: cp.calendar } });
    // Offices, requests and notices are made and written while the workbook's worker finishes it: the schedule's
    // own files stop at the workbook and go on after them (the files after it, awg-folder.json with the
    // workbook's fingerprint among them, are made once it is written).
    const files = (args.describe ? args.describe(own) : own)[Symbol.iterator]();
    let next = files.next();
    for (; !next.done && next.value[0] !== 'schedule.xlsx'; next = files.next()) yield next.value;
    yield* processFiles(cp, held ?? cp.notices, emls);
    for (; !next.done; next = files.next()) yield next.value;
  } finally {
    composer.close();
  }
}
