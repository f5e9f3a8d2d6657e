// The change plan: everything a run decides, made before a single file is written (Terraform's plan:
// the last state, the change set as data, one summary, then apply). The schedule's tables, the offices'
// statuses and the requests, who must be told and why, the calendar events (kept, SEQUENCE raised,
// cancelled), the notices and every problem. The writer (process/folder.ts) only renders it, and
// `--dry-run` prints it and writes nothing. Pure.
import type { Config } from '../config/schema.js';
import { writtenSchedule, type WrittenSchedule } from '../folder/description.js';
import { DECISIONS_FILE, decisionsFromEdits, mergeDecisions, unkeptDecisions, type Decision } from './decisions.js';
import type { Slot, TargetOffice } from '../model.js';
import type { Problem } from '../problems.js';
import { changesSummary, diffSchedules, seatsOf, type PersonChange } from '../process/changes.js';
import { buildNotices, digitalRecs, unaddressedNotices, type Notices } from '../process/notices.js';
import { meetingStatuses, officesStatusTable, type OfficeReply } from '../process/offices.js';
import { buildRequests, type MeetingRequest } from '../process/requests.js';
import { buildOfficeMessages, officeMessagesLine, type OfficeMessage } from './office-messages.js';
import type { Template, TemplateName } from '../process/templates.js';
import type { CalendarEventRecord } from '../render/calendar.js';
import { planCalendars, type CalendarPlan } from '../render/printables.js';
import { buildRoster, itineraries, tableRecords, type Rec, type RosterMeeting } from '../render/roster-model.js';
import { attendeesTable, meetingsTable, type Summary } from '../render/schedule-files.js';
import type { DataTable } from '../render/table.js';
import { accompanierKey, personKey } from '../identity.js';
import type { CalendarFile } from '../render/calendar.js';
import type { TrainingSetting } from '../render/calendar-training.js';
import { oneAddress } from '../process/cells.js';
import type { Notice } from '../process/notices.js';
import { organizerValues } from '../process/requests.js';
import { trainingInstants, trainingText } from '../process/training.js';
import { buildReminders, type Reminder } from '../process/reminders.js';
import { splitZipPeople, splitZipQuestions } from '../process/split-zip.js';
import type { Plan } from '../schedule/plan.js';

/** What the earlier folder said, for a re-run. */
export interface EarlierSchedule {
  meetings: Rec[];
  attendees: Rec[];
  /** Earlier meetings whose office has declined since. */
  declinedMeetings: ReadonlySet<string>;
  /** People whose change is their own: new RSVPs and cancellations (person keys, see changes.ts). */
  own: ReadonlySet<string>;
  /** People on the earlier unmatched list, who had no message then (person keys). */
  unplaced?: ReadonlySet<string>;
  /** The training the earlier folder's config had (null: none); absent where the folder does not record its config. */
  training?: TrainingSetting | null;
}

export interface ChangePlan {
  schedule: Plan;
  summary: Summary;
  /** meetings.csv and attendees.csv as tables and as records (what pages, calendars and notices are made from). */
  tables: { meetings: DataTable; attendees: DataTable; meetingRecs: Rec[]; attendeeRecs: Rec[] };
  roster: RosterMeeting[];
  calendar: CalendarPlan;
  /** offices.csv and the meeting requests: awg schedule's; absent for awg update, which leaves the replies as typed. */
  offices?: DataTable;
  requests: MeetingRequest[];
  /** What each office asked or confirmed is told: updates, cancellations, attendee lists (plan/office-messages.ts); awg schedule's. */
  officeMessages: OfficeMessage[];
  /** Against the earlier schedule (a re-run, or an update after hand edits): who must be told, and why. */
  changes?: PersonChange[];
  /** The messages to send; absent where awg cannot tell who must be told (awg update on a folder that does not record what awg wrote). */
  notices?: Notices;
  /** The hand edits held from run to run (decisions.csv), and the warnings for those this schedule does not hold. */
  decisions: Decision[];
  /** The schedule as this run writes it: the next run's change set is taken against it (awg-folder.json). */
  written: WrittenSchedule;
  /** The reminders for each day of meetings (reminders.csv, reminders/): made from the schedule as it stands. */
  reminders: Reminder[];
  /** Whether notices/ holds .eml drafts: at most maxEmailDrafts notices (notices.csv has them all). */
  drafts: boolean;
  problems: Problem[];
  /** The summary's lines: requests, changes, notices. */
  lines: string[];
}

export function planChanges(args: {
  schedule: Plan; summary: Summary; config: Config; slots: readonly Slot[]; offices: readonly TargetOffice[]; templates: Record<TemplateName, Template>;
  replies?: readonly OfficeReply[]; earlier?: EarlierSchedule; previousEvents?: readonly CalendarEventRecord[];
  /** False for awg update: no offices.csv and no requests (offices.csv holds the organizer's record of replies). */
  requests?: boolean;
  /** False where nobody can be told what changed (no earlier state to take the change set against). */
  tell?: boolean;
  decisions?: readonly Decision[];
  /** awg update: the schedule as awg last wrote it; the differences of this one from it are hand edits, held as decisions. */
  editsSince?: WrittenSchedule;
}): ChangePlan {
  const { schedule, config } = args;
  const zone = config.event.timeZone;
  const meetings = meetingsTable(schedule, config.event);
  const attendees = attendeesTable(schedule, zone, config.event);
  const tables = { meetings, attendees, meetingRecs: tableRecords(meetings), attendeeRecs: tableRecords(attendees) };
  const problems: Problem[] = [];
  const lines: string[] = [];
  let requests: MeetingRequest[] = [];
  let offices: DataTable | undefined;
  // awg update has no requests, but an office whose meeting a hand edit moved is told too (its replies given).
  const statuses = meetingStatuses(schedule.meetings, args.replies);
  const officeMessages = args.requests !== false || args.replies ? buildOfficeMessages({
    earlier: args.earlier, replies: args.replies ?? [], meetings: tables.meetingRecs, attendees: tables.attendeeRecs, config,
    confirmed: new Set([...statuses].filter(([, s]) => s === 'confirmed').map(([id]) => id)),
  }) : [];
  if (officeMessages.length) lines.push(officeMessagesLine(officeMessages));
  if (args.requests !== false) {
    const toRequest = new Set([...statuses].filter(([, s]) => s === 'to request').map(([id]) => id));
    requests = buildRequests({ meetings: schedule.meetings, toRequest, slots: args.slots, config, template: args.templates.request });
    const noEmail = noSchedulerEmail(requests);
    if (noEmail) problems.push(noEmail);
    lines.push(`Meeting requests: ${requests.length} to send (requests/, requests.csv); offices.csv records each office's reply.`);
    offices = officesStatusTable({ event: config.event, offices: args.offices, meetings: schedule.meetings, uncovered: schedule.uncovered, ...(args.replies ? { replies: args.replies } : {}) });
  }
  let changes: PersonChange[] | undefined;
  if (args.earlier) {
    changes = diffSchedules(seatsOf(args.earlier.meetings, args.earlier.attendees), seatsOf(tables.meetingRecs, tables.attendeeRecs), args.earlier.declinedMeetings);
    lines.push(changesSummary(changes, args.earlier.own).line);
  }
  const roster = buildRoster(tables.meetingRecs, tables.attendeeRecs, zone);
  const calendar = planCalendars(roster, config, args.previousEvents);
  const people = peopleMessages({ schedule, offices: args.offices, config, roster, ...(args.earlier ? { earlier: args.earlier } : {}) });
  const training = args.tell === false ? [] : trainingNotices({ roster, config, calendars: calendar.files, told: new Set(changes?.map((c) => c.key)), ...(args.earlier ? { earlier: args.earlier } : {}) });
  if (training.length) lines.push(`Training: ${training.length} ${training.length === 1 ? 'person is' : 'people are'} told it is ${args.earlier?.training ? 'moved' : 'set'}, with their calendar (notices/).`);
  const notices = args.tell === false ? undefined : buildNotices({
    meetings: tables.meetingRecs, attendees: tables.attendeeRecs, digital: schedule.digital, config, calendars: calendar.files,
    templates: args.templates, ...(changes ? { changes } : {}), ...people.notices, extra: [...people.notices.extra, ...training],
  });
  lines.push(...people.lines);
  // A notice without an address that validates is listed for the organizer to reach by phone.
  if (notices) problems.push(...unaddressedNotices([tables.attendeeRecs, tables.meetingRecs.filter((m) => m.accompanier && m.accompanier !== 'TBD'), digitalRecs(schedule.digital)]));
  const drafts = (notices?.count ?? 0) <= config.maxEmailDrafts;
  if (notices) lines.push(`Notices: ${notices.count} to send (notices.csv${drafts ? ', notices/' : ', notices/templates/'}).${drafts ? '' : ` No .eml drafts: there are more than maxEmailDrafts (${config.maxEmailDrafts}), so notices.csv is a mail-merge list (one row a person: their fields and which letter) and notices/templates/ has one template a letter; send them by mail merge, or raise maxEmailDrafts in the config for drafts and whole letters.`}`);
  const written = writtenSchedule(tables.meetingRecs, tables.attendeeRecs);
  const decisions = mergeDecisions(args.decisions ?? [], args.editsSince ? decisionsFromEdits(args.editsSince, { meetings: tables.meetingRecs, attendees: tables.attendeeRecs }) : []);
  problems.push(...unkeptDecisions(decisions, { meetings: tables.meetingRecs, attendees: tables.attendeeRecs }, DECISIONS_FILE));
  if (decisions.length) lines.push(`Hand edits held: ${decisions.length} (${DECISIONS_FILE}).`);
  return {
    schedule, summary: args.summary, tables, roster, calendar, ...(offices ? { offices } : {}), requests, officeMessages, ...(changes ? { changes } : {}),
    ...(notices ? { notices } : {}), reminders: people.reminders, decisions, written, drafts, problems, lines,
  };
}

/**
 * The people's side of the messages beyond the notices' own (process/split-zip.ts, reminders.ts): who is new
 * since the earlier run (their first message is a first message), the split-ZIP questions (on a re-run only
 * to people new since it: the others were asked by the earlier run), and the reminders of each day.
 */
function peopleMessages(args: { schedule: Plan; offices: readonly TargetOffice[]; config: Config; roster: readonly RosterMeeting[]; earlier?: EarlierSchedule }) {
  const { earlier } = args;
  const split = splitZipPeople(args.schedule).filter((p) => !earlier || earlier.own.has(personKey(p.rsvp.email, p.rsvp.firstName, p.rsvp.lastName, p.rsvp.phone)));
  const questions = splitZipQuestions(split, args.offices, args.config);
  const phones = new Map(args.schedule.meetings.flatMap((m) => (m.accompanier?.phone ? [[m.id, { name: m.accompanier.name, phone: m.accompanier.phone }] as const] : [])));
  const reminders = buildReminders(args.roster, args.config, phones);
  const lines = [
    ...(questions.length ? [`Split-ZIP questions: ${questions.length} ${questions.length === 1 ? 'person is' : 'people are'} asked who their Representative is (notices/questions/); write their answer in the RSVP export's district column and run again.`] : []),
    ...(reminders.length ? [`Reminders: ${reminders.length} to send, ${args.config.reminders === 'morning-of' ? 'the morning of' : 'the day before'} each day of meetings (reminders.csv, reminders/).`] : []),
  ];
  return {
    notices: { ...(earlier ? { newPeople: new Set([...earlier.own, ...(earlier.unplaced ?? [])]), earlierMeetings: earlier.meetings } : {}), extra: questions },
    reminders, lines,
  };
}

const sameTraining = (a: TrainingSetting | null | undefined, b: TrainingSetting | undefined) =>
  (a ?? undefined) === b || (!!a && !!b && a.date === b.date && a.start === b.start && a.minutes === b.minutes && a.link === b.link);

/**
 * On a re-run where the training is set since the earlier folder, or moved: everyone scheduled is told, with
 * their calendar (which holds it as its own event, render/calendar-training.ts). Those the change set tells
 * already have that calendar attached to their change notice, and one notice a person keeps one draft a person.
 */
function trainingNotices(args: { roster: readonly RosterMeeting[]; config: Config; calendars: readonly CalendarFile[]; told: ReadonlySet<string>; earlier?: EarlierSchedule }): Notice[] {
  const { config, earlier } = args;
  const now = config.event.training;
  if (!earlier || earlier.training === undefined || !now || !trainingInstants(config) || sameTraining(earlier.training, now)) return [];
  const moved = Boolean(earlier.training);
  const files = new Map(args.calendars.filter((f) => f.owner && !f.path.endsWith('-cancelled.ics')).map((f) => [`${f.owner!.kind}|${f.owner!.rsvpRow || f.owner!.name}`, f]));
  const o = organizerValues(config);
  const signature = [o.organizer_name, o.organizer_organization, [o.organizer_email, o.organizer_phone].filter(Boolean).join('  ')].filter(Boolean).join('\n');
  const message = (key: string, name: string, email: string, rsvpRow: string, file: CalendarFile | undefined, zone?: string): Notice => ({
    key, name, rsvpRow, to: oneAddress(email), calendars: file ? [file] : [],
    subject: `${config.event.name}: the training is ${moved ? 'moved' : 'set'}`,
    body: [`Hello ${name || 'friend'},`, '', `${moved ? 'The training has moved.' : 'The training now has its date.'} ${trainingText(config, zone)}`, '',
      'The calendar attached has it beside your meetings.', '', signature].join('\n'),
  });
  const out: Notice[] = [];
  for (const it of itineraries(args.roster)) {
    const a = it.meetings[0]?.attendee;
    const key = personKey(it.email, a?.firstName, a?.lastName, a?.phone);
    if (!args.told.has(key)) out.push(message(key, it.name, it.email, it.rsvpRow, files.get(`participant|${it.rsvpRow || it.name}`), it.timeZone || undefined));
  }
  const seen = new Set<string>();
  for (const m of args.roster) {
    if (!m.accompanier || m.accompanier === 'TBD') continue;
    const key = accompanierKey(m.accompanier, m.accompanierEmail);
    if (seen.has(key) || args.told.has(key)) continue;
    seen.add(key);
    out.push(message(key, m.accompanier, m.accompanierEmail, '', files.get(`accompanier|${m.accompanier}`)));
  }
  return out;
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
