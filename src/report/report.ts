// `awg report`'s core: responses and the schedule's meetings in; the report folder's files, the
// problems and a one-paragraph summary out. Pure: the command reads and writes.
import type { Config } from '../config/schema.js';
import type { Problem } from '../problems.js';
import type { Sheet } from '../read/table.js';
import { toCsv } from '../render/csv.js';
import type { RosterMeeting } from '../render/roster-model.js';
import { toWorkbook } from '../render/xlsx.js';
import { ANSWERS, ANSWER_LABEL } from './form.js';
import { reportPage } from './html.js';
import { matchReports } from './match.js';
import { readResponses } from './responses.js';
import { asksTable, followUpsTable, missingTable, reportTable, responsesTable } from './tables.js';
import { tallyAsks } from './tally.js';

export interface ReportResult {
  files: Array<[string, string | Uint8Array]>;
  problems: Problem[];
  summary: string;
}

export function buildReport(sheet: Sheet, file: string, meetings: readonly RosterMeeting[], config: Config): ReportResult {
  const asks = config.event.asks;
  const read = readResponses(sheet, file, asks, config.event.timeZone, config.reportColumns);
  const where = { file, ...(sheet.name ? { sheet: sheet.name } : {}) };
  const matched = matchReports(read.responses, meetings, read.columns, where);
  const tallies = tallyAsks(matched.meetings, asks);
  const tables = {
    report: reportTable(matched.meetings, asks),
    asks: asksTable(tallies),
    'follow-ups': followUpsTable(matched.meetings),
    'missing-reports': missingTable(matched.meetings),
    responses: responsesTable(matched.outcomes),
  };
  const files: Array<[string, string | Uint8Array]> = Object.entries(tables).map(([name, t]) => [`${name}.csv`, toCsv(t)]);
  files.push(['report.xlsx', toWorkbook(Object.values(tables))]);
  files.push(['report.html', reportPage(config.event.name, matched.meetings, tallies, asks)]);

  const count = (s: string) => matched.outcomes.filter((o) => o.status === s).length;
  const reported = matched.meetings.filter((m) => m.report).length;
  const lines = [
    `${meetings.length} meetings: ${reported} reported, ${meetings.length - reported} not reported yet${meetings.length - reported ? ' (missing-reports.csv)' : ''}.`,
    `${read.responses.length} responses: ${count('counted')} counted, ${count('superseded')} superseded by a later report for the same meeting, ${count('unmatched')} not matched to a meeting.`,
    ...tallies.filter((t) => t.scope === 'all').map((t) => `Ask ${t.ask}: ${ANSWERS.map((a) => `${t.counts[a]} ${ANSWER_LABEL[a].toLowerCase()}`).join(', ')}${t.noAnswer ? `, ${t.noAnswer} no answer` : ''}.`),
    `${tables['follow-ups'].rows.length} follow-ups owed (follow-ups.csv).`,
  ];
  // Problems in the order of the spreadsheet's rows, so an organizer can fix them top to bottom.
  const problems = [...read.problems, ...matched.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { files, problems, summary: lines.join('\n') };
}
