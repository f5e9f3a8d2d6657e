// The report-back results as tables: report.csv, asks.csv, follow-ups.csv, missing-reports.csv and
// responses.csv (what became of every response row), and the workbook sheets made from them.
import type { RosterMeeting } from '../render/roster-model.js';
import type { DataTable } from '../render/table.js';
import { ANSWER_LABEL } from './form.js';
import type { MeetingReport, ResponseOutcome } from './match.js';
import type { AskTally } from './tally.js';

const office = (m: RosterMeeting) => (m.chamber === 'House' ? m.district : `${m.state} Senate`);
const lead = (m: RosterMeeting) => m.attendees.find((a) => a.role === 'lead');
const TIMES = { dateColumns: ['date'], timeColumns: ['start'] };

export function reportTable(reports: readonly MeetingReport[], asks: readonly string[]): DataTable {
  return {
    name: 'Report',
    columns: ['meeting_id', 'date', 'start', 'office', 'member', 'party', 'tier', 'chamber', 'status', ...asks.map((_, i) => `ask_${i + 1}`),
      'follow_up', 'follow_up_by', 'reported_by', 'reporter_email', 'attended', 'notes', 'response_row', 'other_reports'],
    rows: reports.map(({ meeting: m, report: r, superseded, conflict }) => [
      m.id, m.date, m.start, office(m), m.member, m.party, m.tier, m.chamber,
      !r ? 'no report' : superseded.length ? `reported ${superseded.length + 1} times` : 'reported',
      ...asks.map((_, i) => (r?.answers[i] ? ANSWER_LABEL[r.answers[i]!] : r ? 'no answer' : '')),
      r?.followUp, r ? r.followUpBy || r.reporter : '', r?.reporter, r?.reporterEmail, r?.attended, r?.notes, r?.row, conflict,
    ]),
    ...TIMES,
  };
}

export function asksTable(tallies: readonly AskTally[]): DataTable {
  return {
    name: 'Asks',
    columns: ['ask', 'ask_text', 'scope', 'group', 'meetings', 'reported', 'supportive', 'undecided', 'opposed', 'not_discussed', 'no_answer', 'not_reported'],
    rows: tallies.map((t) => [t.ask, t.text, t.scope, t.group, t.meetings, t.reported, t.counts.supportive, t.counts.undecided, t.counts.opposed,
      t.counts.not_discussed, t.noAnswer, t.meetings - t.reported]),
  };
}

export function followUpsTable(reports: readonly MeetingReport[]): DataTable {
  return {
    name: 'Follow-ups',
    columns: ['meeting_id', 'date', 'office', 'member', 'follow_up', 'owed_by', 'reporter_email', 'accompanier', 'accompanier_email', 'scheduler_email', 'response_row'],
    rows: reports.filter((r) => r.report?.followUp).map(({ meeting: m, report: r }) => [
      m.id, m.date, office(m), m.member, r!.followUp, r!.followUpBy || r!.reporter, r!.reporterEmail, m.accompanier, m.accompanierEmail, m.schedulerEmail, r!.row,
    ]),
    dateColumns: ['date'],
  };
}

export function missingTable(reports: readonly MeetingReport[]): DataTable {
  return {
    name: 'Missing reports',
    columns: ['meeting_id', 'date', 'start', 'office', 'member', 'lead', 'lead_email', 'lead_phone', 'accompanier', 'accompanier_email'],
    rows: reports.filter((r) => !r.report).map(({ meeting: m }) => {
      const l = lead(m);
      return [m.id, m.date, m.start, office(m), m.member, l ? `${l.firstName} ${l.lastName}`.trim() : m.lead, l?.email, l?.phone, m.accompanier, m.accompanierEmail];
    }),
    ...TIMES,
  };
}

export function responsesTable(outcomes: readonly ResponseOutcome[]): DataTable {
  return {
    name: 'Responses',
    columns: ['response_row', 'meeting_id_written', 'office_written', 'reported_by', 'meeting_id', 'status', 'note'],
    rows: outcomes.map((o) => [o.response.row, o.response.meetingId, o.response.office, o.response.reporter, o.meetingId, o.status, o.note]),
  };
}
