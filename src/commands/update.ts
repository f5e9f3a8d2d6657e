// `awg update` (and its old name `awg roster`): after the meetings or attendees were edited by hand
// (in the CSV files or in schedule.xlsx), brings every derived file of the folder up to date in
// place: the workbook, days, contacts, organizations, the lists, the pages and calendars, the summary.
// Refuses while `awg check` finds a broken rule. The folder as it was is kept beside it, in DIR.previous.
import path from 'node:path';
import { z } from 'zod';
import { withDescription, FOLDER_FILE } from '../folder/description.js';
import { addedColumns, planFromFolder } from '../plan/from-folder.js';
import { readCalendarEvents } from '../folder/calendar-events.js';
import { fileExists } from '../read/files.js';
import { buildPriority } from '../match/priority.js';
import { hasErrors, type Problem } from '../problems.js';
import { toCsv } from '../render/csv.js';
import { formatProblems } from '../render/problems.js';
import { problemsTable } from '../render/problems-table.js';
import { summarize } from '../render/schedule-files.js';
import { planChanges } from '../plan/change-plan.js';
import { readOfficeReplies } from '../process/offices.js';
import { readDecisions } from '../folder/decisions.js';
import { changePlanFiles } from '../process/folder.js';
import { countFiles, stage } from '../progress.js';
import { loadTemplates } from './templates.js';
import { dryRun } from './dry-run.js';
import { folderChanges, writeFolderAsync } from '../write/files.js';
import { problemCount } from '../check/check.js';
import { checkFolder, plural } from './check.js';
import { folderOptionsSchema, recordInputs } from './folder-inputs.js';
import { claimFolder, inputList, type Output } from './shared.js';

export const updateOptions = folderOptionsSchema.extend({
  out: z.string().optional(),
  force: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

/** Where `awg update` keeps the folder as it was before. */
export const previousOf = (dir: string) => `${path.resolve(dir).replace(/[\\/]+$/, '')}.previous`;

// Everything under these is awg's and written again; anything else an organizer put in the folder is kept.
const DERIVED_DIRS = ['days/', 'rosters/', 'meeting-sheets/', 'calendar/', 'itineraries/', 'printables/', 'accompaniers/', 'check-in/'];

export async function runUpdate(raw: unknown, out: Output): Promise<number> {
  const opts = updateOptions.parse(raw);
  const target = opts.out ?? opts.schedule;
  const inPlace = path.resolve(target) === path.resolve(opts.schedule);
  // Locked before the folder is read: two updates at once would each keep the other's as "the folder as it was".
  // A dry run writes nothing and takes no lock.
  if (opts.dryRun) return update(opts, target, inPlace, out);
  const release = claimFolder(target, 'awg update', out, inPlace);
  try {
    return await update(opts, target, inPlace, out);
  } finally {
    release();
  }
}

async function update(opts: z.infer<typeof updateOptions>, target: string, inPlace: boolean, out: Output): Promise<number> {
  const { folder, inputs, result, problems } = checkFolder(opts);
  if (folder.note) out.stderr(folder.note);
  if (hasErrors(problems)) {
    out.stderr(formatProblems(problems, Boolean(out.color)));
    out.stderr(`\nNothing written: ${plural(problemCount(problems, 'error'), 'broken rule')} to fix first (awg check --schedule ${opts.schedule} lists them).`);
    return 1;
  }
  const m = inputs.matched;
  const tpl = loadTemplates(m.config);
  problems.push(...tpl.problems);
  const plan = planFromFolder({
    meetings: result.meetings, event: m.config.event, offices: m.offices, match: m.match, ...(inputs.staff ? { staff: inputs.staff } : {}),
    lists: folder.lists, coverage: folder.coverage,
  });
  const priority = buildPriority(m.rsvps, m.supersededBy, m.offices, m.match);
  const errorRows = new Set(m.problems.filter((p) => p.severity === 'error' && p.file === m.rsvpFile).map((p) => p.row ?? 0));
  const summary = summarize(plan, m.rsvps, errorRows, m.match.participants, m.offices.length);
  // The change set of the hand edits: against the schedule as awg last wrote it (awg-folder.json), exactly as a
  // re-run takes it; a folder that does not record it (made by an older awg) tells nobody, and says so.
  const written = folder.description?.written;
  stage('planning the changes');
  // A row of events.csv awg cannot use costs only its event's update, so it is a warning here.
  const eventProblems: Problem[] = [];
  const cp = planChanges({
    // The hand edits since awg last wrote the folder become decisions every later re-run holds (plan/decisions.ts).
    decisions: readDecisions(folder.dir, problems), ...(written ? { editsSince: written } : {}),
    schedule: plan, summary, config: m.config, slots: m.slots, offices: m.offices, templates: tpl.templates, requests: false, tell: Boolean(written),
    // The offices' replies as recorded: an office asked for a meeting a hand edit moved is told (its problems are awg schedule's to report).
    replies: readOfficeReplies(folder.offices, m.config.event, m.offices).replies,
    // The calendar events written before keep their UIDs; a changed one raises its SEQUENCE, a removed one is cancelled.
    previousEvents: readCalendarEvents(folder.dir, eventProblems),
    ...(written ? { earlier: { meetings: written.meetings, attendees: written.attendees, declinedMeetings: new Set<string>(), own: new Set<string>() } } : {}),
  });
  problems.push(...eventProblems.map((p) => ({ ...p, severity: 'warning' as const })), ...cp.problems);
  if (opts.dryRun) return dryRun(cp, problems, `${target}: ${plural(plan.meetings.length, 'meeting')}, ${summary.scheduledParticipants} people in meetings, ${summary.digitalAdvocacy} on digital advocacy, ${summary.unmatched} unmatched.\n${cp.lines.join('\n')}`, { out: target, json: false }, out);
  const recorded = recordInputs(inputs.paths, target, m.config.maxInputMB);
  // meetings.csv holds the confirmed meetings now: the record of a confirmed file that is gone stays.
  const confirmedRec = folder.description?.inputs.confirmed;
  if (confirmedRec && !recorded.confirmed) recorded.confirmed = confirmedRec;
  const allProblems = [...m.problems, ...problems];
  const meetingsAdded = addedColumns(folder.meetings, (r) => r.meetingId);
  const attendeesAdded = addedColumns(folder.attendees, (r) => `${r.meetingId}|${r.rsvpRowText}`);
  const added = { ...(meetingsAdded ? { meetings: meetingsAdded } : {}), ...(attendeesAdded ? { attendees: attendeesAdded } : {}) };
  const files = changePlanFiles(cp, {
    config: m.config, slots: m.slots, rsvps: m.rsvps, report: priority, added,
    describe: (own) => withDescription((function* () {
      yield* own;
      yield ['problems.csv', toCsv(problemsTable(allProblems))] as [string, string];
    })(), m.config, recorded, cp.written),
  });
  stage('writing the folder');
  // Kept: files the organizer put in the folder, offices.csv and the requests (update does not write them),
  // and the cancellations an earlier run wrote, whose notices may not be sent yet, until a run supersedes them.
  const keep = (rel: string) => rel !== FOLDER_FILE && ((!DERIVED_DIRS.some((d) => rel.startsWith(d)) && !(cp.notices && rel.startsWith('notices/')))
    || (rel.startsWith('calendar/') && rel.endsWith('-cancelled.ics')));
  const count = await writeFolderAsync(target, countFiles(files), inPlace || opts.force, {
    marker: FOLDER_FILE, inputs: inputList({ ...inputs.paths, schedule: opts.schedule }), ...(inPlace ? { previous: previousOf(opts.schedule), keep } : {}),
  });
  // Top-level files first (the ones organizers open), then the pages and calendars.
  const order = (a: string, b: string) => a.split('/').length - b.split('/').length || a.localeCompare(b);
  const list = (files: string[]) => `${[...files].sort(order).slice(0, 8).join(', ')}${files.length > 8 ? `, and ${files.length - 8} more` : ''}`;
  const diff = inPlace ? folderChanges(previousOf(opts.schedule), target) : undefined;
  if (diff) diff.changed = diff.changed.filter((f) => f !== FOLDER_FILE);
  const changes = diff
    ? [
      `Changed ${plural(diff.changed.length, 'file')}${diff.changed.length ? `: ${list(diff.changed)}` : ''}.`,
      ...(diff.added.length ? [`New: ${list(diff.added)}.`] : []),
      ...(diff.removed.length ? [`Gone (still in ${path.basename(previousOf(opts.schedule))}/): ${list(diff.removed)}.`] : []),
    ]
    : [];
  out.stdout([
    `${target}: ${plural(plan.meetings.length, 'meeting')}, ${summary.scheduledParticipants} people in meetings, ${summary.digitalAdvocacy} on digital advocacy, ${summary.unmatched} unmatched.`,
    ...cp.lines,
    `Read from ${folder.source === 'xlsx' ? 'schedule.xlsx' : 'meetings.csv and attendees.csv'}; wrote ${count} files${inPlace ? `; the folder as it was is in ${previousOf(opts.schedule)}/` : ''}.`,
    ...changes,
  ].join('\n'));
  if (folder.source === 'xlsx' && inPlace) {
    out.stderr(`schedule.xlsx was written again from its Meetings and Attendees sheets; anything else you changed in it is in ${previousOf(opts.schedule)}/schedule.xlsx.`);
  }
  if (!written) {
    out.stderr(`${opts.schedule} was made by an older awg and does not record the schedule as awg wrote it, so update cannot tell whom your edits moved: notices/ and changes.csv are as they were. Tell the people you moved yourself (their files in calendar/ are up to date); the next awg schedule --previous records it.`);
  } else if (cp.changes?.length) {
    const before = inPlace && fileExists(path.join(previousOf(opts.schedule), 'notices.csv')) ? ` The notices of the run before are in ${previousOf(opts.schedule)}/notices/: send those first if you had not.` : '';
    const told = cp.officeMessages.some((o) => o.kind !== 'attendee list') ? ' office-messages/ tells each office asked for or confirming a meeting you changed.' : '';
    const offices = told || (fileExists(path.join(target, 'offices.csv')) ? ' offices.csv and requests/ are as awg schedule wrote them: tell the office of a requested or confirmed meeting you moved (awg schedule --previous writes the requests again).' : '');
    out.stderr(`changes.csv and notices/ now tell the people your edits moved.${before}${offices}`);
  }
  if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color)));
  return 0;
}
