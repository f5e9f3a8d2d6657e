// Which meeting each report-back response is about: by its meeting ID, failing that by its office and
// day (with a warning). Two reports for one meeting are both kept; the latest counts and the
// difference is shown. Pure: responses and meetings in, outcomes and problems out.
import { parseDistrict } from '../normalize/district.js';
import type { Problem, Where } from '../problems.js';
import type { RosterMeeting } from '../render/roster-model.js';
import { ANSWER_LABEL } from './form.js';
import type { ReportResponse, ResponseColumns } from './responses.js';

export interface MeetingReport {
  meeting: RosterMeeting;
  /** The response that counts: the latest one for this meeting. */
  report?: ReportResponse;
  /** Earlier reports for the same meeting, kept and shown, not counted. */
  superseded: ReportResponse[];
  conflict: string;
}

export interface ResponseOutcome {
  response: ReportResponse;
  meetingId: string;
  status: 'counted' | 'superseded' | 'unmatched';
  note: string;
}

const idKey = (s: string) => {
  const t = s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = /^M?0*(\d+)$/.exec(t);
  return m ? `M#${m[1]}` : t;
};

const words = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ')
  .replace(/\b(rep|representative|sen|senator|congressman|congresswoman|congressmember|the|hon|honorable|office|of|mr|mrs|ms|dr)\b/g, ' ')
  .split(' ').filter(Boolean);

/** Does the office a report names fit the meeting: its member's last name, or its district (IL-09, IL 9)? */
export function officeMatches(text: string, m: RosterMeeting): boolean {
  if (!text.trim()) return true;
  if (m.chamber === 'House') {
    const named = parseDistrict(text);
    const ours = parseDistrict(m.district);
    if (named.ok && ours.ok && named.state) return named.state.code === ours.state?.code && named.district === ours.district;
  }
  const last = words(m.member).at(-1);
  return last !== undefined && words(text).includes(last);
}

const answersText = (r: ReportResponse, asks: number) =>
  Array.from({ length: asks }, (_, i) => `ask ${i + 1} ${r.answers[i] ? ANSWER_LABEL[r.answers[i]!] : 'no answer'}`).join(', ');

export function matchReports(responses: readonly ReportResponse[], meetings: readonly RosterMeeting[], cols: ResponseColumns, where: Where): { meetings: MeetingReport[]; outcomes: ResponseOutcome[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map(meetings.map((m) => [idKey(m.id), m]));
  const found = new Map<string, ReportResponse[]>();
  const unmatched: ResponseOutcome[] = [];
  const notes = new Map<ReportResponse, string>();
  const idCol = cols.header('meetingId');
  const officeCol = cols.header('office');
  for (const r of responses) {
    const at = { ...where, row: r.row };
    let meeting = r.meetingId ? byId.get(idKey(r.meetingId)) : undefined;
    if (meeting && !officeMatches(r.office, meeting)) {
      notes.set(r, `names "${r.office}", not ${meeting.member}`);
      problems.push({ code: 'report-office-mismatch', severity: 'error', ...at, column: officeCol, value: r.office, message: `names "${r.office}", but meeting ${meeting.id} is with ${meeting.member}; the report is counted for ${meeting.id}.`, fix: `Check with ${r.reporter || 'the reporter'}: correct the Meeting ID or the Office cell.` });
    }
    if (!meeting) {
      const candidates = r.office ? meetings.filter((m) => officeMatches(r.office, m) && (!r.day || m.date === r.day)) : [];
      const said = r.meetingId ? `meeting ID "${r.meetingId}" is not in the schedule` : 'no meeting ID';
      if (candidates.length === 1) {
        meeting = candidates[0]!;
        notes.set(r, `${said}; matched by office and day`);
        problems.push({ code: 'report-matched-by-office', severity: 'warning', ...at, column: idCol, value: r.meetingId, message: `${said}; matched by office and day to ${meeting.id} (${meeting.member}, ${meeting.date}).`, fix: `Write ${meeting.id} in the Meeting ID cell if that is right.` });
      } else {
        const why = candidates.length > 1 ? `"${r.office}" fits ${candidates.length} meetings (${candidates.map((m) => m.id).join(', ')})` : `no meeting with "${r.office || '(no office)'}"${r.day ? ` on ${r.day}` : ''} either`;
        problems.push({ code: 'report-unknown-meeting', severity: 'error', ...at, column: idCol, value: r.meetingId, message: `${said}, and ${why}; this report is not counted.`, fix: 'Write the meeting ID from the schedule (meetings.csv) in the Meeting ID cell.' });
        unmatched.push({ response: r, meetingId: '', status: 'unmatched', note: `${said}; ${why}` });
        continue;
      }
    }
    found.set(meeting.id, [...(found.get(meeting.id) ?? []), r]);
  }
  const outcomes: ResponseOutcome[] = [...unmatched];
  const results = meetings.map((meeting): MeetingReport => {
    // The latest submission counts; without timestamps, the lower row (filled in later).
    const list = [...(found.get(meeting.id) ?? [])].sort((a, b) => (a.submitted ?? -Infinity) - (b.submitted ?? -Infinity) || a.row - b.row);
    const report = list.at(-1);
    const superseded = list.slice(0, -1);
    const noteOf = (r: ReportResponse, extra: string) => [notes.get(r), extra].filter(Boolean).join('; ');
    if (report) outcomes.push({ response: report, meetingId: meeting.id, status: 'counted', note: noteOf(report, superseded.length ? `latest of ${list.length} reports` : '') });
    const n = report?.answers.length ?? 0;
    const conflicts = superseded.map((s) => {
      const differs = s.answers.some((a, i) => a !== report!.answers[i]) || s.followUp !== report!.followUp;
      outcomes.push({ response: s, meetingId: meeting.id, status: 'superseded', note: noteOf(s, `superseded by row ${report!.row}`) });
      problems.push({ code: 'report-duplicate', severity: 'warning', ...where, row: s.row, column: idCol, value: s.meetingId, message: `a second report for ${meeting.id} (${meeting.member}); row ${report!.row}, the later one, counts${differs ? `. This row said ${answersText(s, n)}; row ${report!.row} says ${answersText(report!, n)}` : ', and says the same'}.`, fix: 'Delete the row that is wrong, or leave it: the later row counts.' });
      return `row ${s.row} (${s.reporter || 'unnamed'}) said ${answersText(s, n)}${differs ? '' : ' (the same)'}`;
    });
    return { meeting, ...(report ? { report } : {}), superseded, conflict: conflicts.join('; ') };
  });
  outcomes.sort((a, b) => a.response.row - b.response.row);
  return { meetings: results, outcomes, problems };
}
