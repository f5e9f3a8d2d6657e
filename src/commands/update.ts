// `awg update` (and its old name `awg roster`): after the meetings or attendees were edited by hand
// (in the CSV files or in schedule.xlsx), brings every derived file of the folder up to date in
// place: the workbook, days, contacts, organizations, the lists, the pages and calendars, the summary.
// Refuses while `awg check` finds a broken rule. The folder as it was is kept beside it, in DIR.previous.
import path from 'node:path';
import { z } from 'zod';
import { withDescription, FOLDER_FILE } from '../folder/description.js';
import { addedColumns, planFromFolder } from '../folder/plan.js';
import { fingerprint, recordedPath } from '../folder/read.js';
import { readCalendarEvents } from '../folder/calendar-events.js';
import { fileExists } from '../read/files.js';
import { buildPriority } from '../match/priority.js';
import { hasErrors } from '../problems.js';
import { toCsv } from '../render/csv.js';
import { formatProblems } from '../render/problems.js';
import { problemsTable } from '../render/problems-table.js';
import { renderScheduleFolder, summarize } from '../render/schedule-files.js';
import { folderChanges, writeFolder } from '../write/files.js';
import { stage } from '../progress.js';
import { checkFolder, plural } from './check.js';
import { folderOptionsSchema, recordInputs } from './folder-inputs.js';
import { claimFolder, inputList, type Output } from './shared.js';

export const updateOptions = folderOptionsSchema.extend({
  out: z.string().optional(),
  force: z.boolean().default(false),
});

/** Where `awg update` keeps the folder as it was before. */
export const previousOf = (dir: string) => `${path.resolve(dir).replace(/[\\/]+$/, '')}.previous`;

// Everything under these is awg's and written again; anything else an organizer put in the folder is kept.
const DERIVED_DIRS = ['days/', 'rosters/', 'meeting-sheets/', 'calendar/', 'itineraries/', 'printables/', 'accompaniers/'];

export function runUpdate(raw: unknown, out: Output): number {
  const opts = updateOptions.parse(raw);
  const target = opts.out ?? opts.schedule;
  const inPlace = path.resolve(target) === path.resolve(opts.schedule);
  // Locked before the folder is read: two updates at once would each keep the other's as "the folder as it was".
  const release = claimFolder(target, 'awg update', out, inPlace);
  try {
    return update(opts, target, inPlace, out);
  } finally {
    release();
  }
}

function update(opts: z.infer<typeof updateOptions>, target: string, inPlace: boolean, out: Output): number {
  const { folder, inputs, result, problems } = checkFolder(opts);
  if (folder.note) out.stderr(folder.note);
  if (hasErrors(problems)) {
    out.stderr(formatProblems(problems, Boolean(out.color)));
    out.stderr(`\nNothing written: ${plural(problems.filter((p) => p.severity === 'error').length, 'broken rule')} to fix first (awg check --schedule ${opts.schedule} lists them).`);
    return 1;
  }
  const m = inputs.matched;
  const plan = planFromFolder({
    meetings: result.meetings, event: m.config.event, offices: m.offices, match: m.match, ...(inputs.staff ? { staff: inputs.staff } : {}),
    lists: folder.lists, coverage: folder.coverage,
  });
  const priority = buildPriority(m.rsvps, m.supersededBy, m.offices, m.match);
  const errorRows = new Set(m.problems.filter((p) => p.severity === 'error' && p.file === m.rsvpFile).map((p) => p.row ?? 0));
  const summary = summarize(plan, m.rsvps, errorRows, m.match.participants, m.offices.length);
  const confirmedRec = folder.description?.inputs.confirmed;
  const confirmed = confirmedRec ? recordedPath(folder.dir, confirmedRec) : undefined;
  const recorded = recordInputs(inputs.paths, target, m.config.maxInputMB);
  // Confirmed meetings are not read again (meetings.csv holds them now); the record of the file stays.
  if (confirmedRec && confirmed) recorded.confirmed = fileExists(confirmed) ? fingerprint(confirmed, target, m.config.maxInputMB) : confirmedRec;
  const allProblems = [...m.problems, ...problems];
  const files = (function* () {
    const meetingsAdded = addedColumns(folder.meetings, (r) => r.meetingId);
    const attendeesAdded = addedColumns(folder.attendees, (r) => `${r.meetingId}|${r.rsvpRowText}`);
    const added = { ...(meetingsAdded ? { meetings: meetingsAdded } : {}), ...(attendeesAdded ? { attendees: attendeesAdded } : {}) };
    // The calendar events written before keep their UIDs; a changed one raises its SEQUENCE, a removed one is cancelled.
    const calendar = { previous: readCalendarEvents(folder.dir, []) };
    yield* renderScheduleFolder({ plan, config: m.config, slots: m.slots, rsvps: m.rsvps, report: priority, summary, added, calendar });
    yield ['problems.csv', toCsv(problemsTable(allProblems))] as [string, string];
  })();
  stage('writing the folder');
  const written = writeFolder(target, withDescription(files, m.config, recorded), inPlace || opts.force, {
    marker: FOLDER_FILE,
    inputs: inputList({ ...inputs.paths, confirmed, schedule: opts.schedule }),
    ...(inPlace ? { previous: previousOf(opts.schedule), keep: (rel: string) => rel !== FOLDER_FILE && !DERIVED_DIRS.some((d) => rel.startsWith(d)) } : {}),
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
    `Read from ${folder.source === 'xlsx' ? 'schedule.xlsx' : 'meetings.csv and attendees.csv'}; wrote ${written} files${inPlace ? `; the folder as it was is in ${previousOf(opts.schedule)}/` : ''}.`,
    ...changes,
  ].join('\n'));
  if (folder.source === 'xlsx' && inPlace) {
    out.stderr(`schedule.xlsx was written again from its Meetings and Attendees sheets; anything else you changed in it is in ${previousOf(opts.schedule)}/schedule.xlsx.`);
  }
  // offices.csv, requests/ and notices/ are awg schedule's (they need the earlier run to say what changed);
  // update keeps them as they were. When the edits changed someone's meetings, they no longer match.
  const kept = ['offices.csv', 'requests.csv', 'notices.csv'].filter((f) => fileExists(path.join(target, f)));
  const someoneMoved = diff && [...diff.changed, ...diff.added, ...diff.removed].some((f) => f.startsWith('calendar/'));
  if (someoneMoved && kept.length) {
    out.stderr(`${kept.join(', ')} (and requests/, notices/) are as awg schedule wrote them: update does not write them again, so they do not show these edits. Tell the people whose meetings you changed yourself (their files in calendar/ are up to date), and correct the request of a meeting you moved before you send it (awg schedule with --previous ${opts.schedule} writes offices.csv and the requests again for the edited schedule).`);
  }
  if (problems.length) out.stderr(formatProblems(problems, Boolean(out.color)));
  return 0;
}
