import { describe, expect, it } from 'vitest';
import { DEFAULT_ASKS } from '../../src/config/schema.js';
import { InputError } from '../../src/problems.js';
import type { RosterMeeting } from '../../src/render/roster-model.js';
import { parseAnswer, reportFormQuestions, reportFormText } from '../../src/report/form.js';
import { reportPage } from '../../src/report/html.js';
import { matchReports, officeMatches } from '../../src/report/match.js';
import { readResponses } from '../../src/report/responses.js';
import { tallyAsks } from '../../src/report/tally.js';

const ZONE = 'America/New_York';
const ASKS = ['Defund the asylum bans.', 'Restore asylum protections.'];

function meeting(id: string, over: Partial<RosterMeeting> = {}): RosterMeeting {
  return {
    id, date: '2020-07-14', start: '11:00', end: '11:30', startMs: 0, endMs: 0, chamber: 'House', state: 'IL', district: 'IL-09', member: 'Rep. Jan Schakowsky', party: 'D', tier: '1',
    accompanier: 'Rae Morgan', accompanierEmail: 'rae@example.org', lead: 'Olu Adebayo', officePhone: '', schedulerEmail: '', link: '', status: 'proposed',
    cosponsor: '', officeNotes: '', meetingNotes: '', attendees: [], ...over,
  };
}
const MEETINGS = [
  meeting('M001'),
  meeting('M002', { chamber: 'Senate', district: '', member: 'Sen. Richard Dalton', start: '13:00' }),
  meeting('M003', { chamber: 'Senate', district: '', state: 'TX', member: 'Sen. John Cornyn', party: 'R', date: '2020-07-15' }),
];
const HEADER = ['Timestamp', 'Meeting ID', 'Office', 'Your name', 'Ask 1: how did the office respond?', 'Ask 2: how did the office respond?', 'What follow-up did the office ask for?'];

function run(rows: string[][], header = HEADER) {
  const read = readResponses({ name: '', rows: [header, ...rows] }, 'responses.csv', ASKS, ZONE);
  const matched = matchReports(read.responses, MEETINGS, read.columns, { file: 'responses.csv' });
  return { read, matched, problems: [...read.problems, ...matched.problems] };
}

describe('parseAnswer', () => {
  it.each([
    ['Supportive', 'supportive'], ['supportive ', 'supportive'], ['Support', 'supportive'], ['Undecided', 'undecided'], ['Not sure', 'undecided'],
    ['Opposed', 'opposed'], ['against', 'opposed'], ['Not discussed', 'not_discussed'], ['not_discussed', 'not_discussed'], ['N/A', 'not_discussed'],
    ['', undefined], ['They will think about it', null],
  ])('%j is %j', (raw, want) => expect(parseAnswer(raw)).toBe(want));
});

describe('the report-back form', () => {
  it('asks the meeting ID, office, reporter, who attended, each ask with the four answers, the follow-up and notes', () => {
    const text = reportFormText('Test days', ASKS);
    for (const t of ['Meeting ID', 'Office', 'Your name', 'Your email', 'Who attended?', 'Ask 1: how did the office respond?', 'Defund the asylum bans.',
      'Ask 2: how did the office respond?', 'Supportive / Undecided / Opposed / Not discussed', 'What follow-up did the office ask for?', 'Notes']) {
      expect(text).toContain(t);
    }
    expect(text).not.toContain('Ask 3');
  });

  it('is read back by awg report: every question of its own form is a column it uses', () => {
    const header = ['Timestamp', ...reportFormQuestions(DEFAULT_ASKS).map((q) => q.title)];
    const read = readResponses({ name: '', rows: [header, ['2020/07/14 12:00:00 PM EDT', 'M001', 'IL-09', 'Olu', 'olu@example.org', 'Olu and Ana', 'Supportive', 'Opposed', 'Not discussed', 'A one-pager', 'Ana', 'Good']] }, 'r.csv', DEFAULT_ASKS, ZONE);
    expect(read.problems).toEqual([]);
    expect(read.responses[0]).toMatchObject({ meetingId: 'M001', office: 'IL-09', reporter: 'Olu', reporterEmail: 'olu@example.org', attended: 'Olu and Ana', answers: ['supportive', 'opposed', 'not_discussed'], followUp: 'A one-pager', followUpBy: 'Ana', notes: 'Good', day: '2020-07-14' });
  });
});

describe('reading the responses', () => {
  it('finds columns however a form tool words them: lower case, snake_case, a grid of asks by their text', () => {
    const header = ['submitted_at', 'meeting_id', 'which office did you meet?', "The office's response to each ask [Defund the asylum bans.]", "The office's response to each ask [Restore asylum protections.]", 'Follow up requested', 'Favourite colour'];
    const { read } = run([['2020-07-14 12:00:00', 'M001', 'Schakowsky', 'Supportive', 'Undecided', 'Call back', 'blue']], header);
    expect(read.responses[0]).toMatchObject({ meetingId: 'M001', office: 'Schakowsky', answers: ['supportive', 'undecided'], followUp: 'Call back' });
    // A column awg does not read is named, never dropped silently.
    expect(read.problems).toEqual([expect.objectContaining({ code: 'unused-column', severity: 'warning', row: 1, column: 'Favourite colour' })]);
  });

  it('refuses a file with neither a meeting ID nor an office column, naming the headers it saw', () => {
    expect(() => run([['x', 'Supportive']], ['Colour', 'Ask 1'])).toThrow(InputError);
  });

  it('warns when an ask has no column, and flags an unreadable answer by row and column', () => {
    const { read, problems } = run([['2020/07/14 12:00:00 PM EDT', 'M001', '', '', 'maybe later?']], HEADER.slice(0, 5));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'missing-ask-column', row: 1 }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unreadable-answer', row: 2, column: 'Ask 1: how did the office respond?', value: 'maybe later?' }));
    expect(read.responses[0]!.answers).toEqual([undefined, undefined]);
  });
});

describe('matching responses to meetings', () => {
  it('matches by ID however it is written (m1, M01, M001)', () => {
    const { matched } = run([['', 'm1', '', 'A', 'Supportive', '', ''], ['', ' M02 ', '', 'B', 'Opposed', '', '']]);
    expect(matched.meetings.map((m) => m.report?.reporter)).toEqual(['A', 'B', undefined]);
  });

  it('falls back to the office and the day, with a warning naming the row', () => {
    const { matched, problems } = run([['2020/07/15 4:00:00 PM EDT', '', 'Sen. John Cornyn', 'C', 'Undecided', '', '']]);
    expect(matched.meetings[2]!.report?.reporter).toBe('C');
    expect(problems).toEqual([expect.objectContaining({ code: 'report-matched-by-office', severity: 'warning', row: 2, column: 'Meeting ID' })]);
  });

  it('an unknown ID with no office to fall back on is an error, and the report is listed as unmatched', () => {
    const { matched, problems } = run([['2020/07/14 12:00:00 PM EDT', 'M099', 'Rep. Nobody', 'D', 'Supportive', '', '']]);
    expect(problems).toEqual([expect.objectContaining({ code: 'report-unknown-meeting', severity: 'error', row: 2, column: 'Meeting ID', value: 'M099' })]);
    expect(matched.outcomes).toEqual([expect.objectContaining({ status: 'unmatched', meetingId: '' })]);
    expect(matched.meetings.every((m) => !m.report)).toBe(true);
  });

  it('a report naming an office the meeting did not have is an error on the Office cell', () => {
    const { problems } = run([['', 'M001', 'Sen. John Cornyn', 'E', 'Supportive', '', '']]);
    expect(problems).toEqual([expect.objectContaining({ code: 'report-office-mismatch', severity: 'error', row: 2, column: 'Office' })]);
  });

  it('two reports for one meeting: both kept, the latest submitted counts (not the lower row), the conflict shown', () => {
    const { matched, problems } = run([
      ['2020/07/14 3:00:00 PM EDT', 'M001', 'IL-9', 'Later', 'Opposed', 'Opposed', ''],
      ['2020/07/14 1:00:00 PM EDT', 'M001', 'IL-09', 'Earlier', 'Supportive', 'Opposed', ''],
    ]);
    const m1 = matched.meetings[0]!;
    expect(m1.report?.reporter).toBe('Later');
    expect(m1.superseded.map((r) => r.row)).toEqual([3]);
    expect(m1.conflict).toContain('row 3 (Earlier) said ask 1 Supportive');
    expect(problems).toEqual([expect.objectContaining({ code: 'report-duplicate', severity: 'warning', row: 3 })]);
    expect(matched.outcomes.map((o) => o.status)).toEqual(['counted', 'superseded']);
  });

  it('knows an office by its district or its member\'s last name', () => {
    expect(officeMatches('IL 9', MEETINGS[0]!)).toBe(true);
    expect(officeMatches('IL-10', MEETINGS[0]!)).toBe(false);
    expect(officeMatches('Schakowsky', MEETINGS[0]!)).toBe(true);
    expect(officeMatches('Senator Dalton', MEETINGS[1]!)).toBe(true);
    expect(officeMatches('Sen. Cornyn', MEETINGS[1]!)).toBe(false);
  });
});

describe('tallying and the chart page', () => {
  const { matched } = run([
    ['', 'M001', '', 'A', 'Supportive', 'Not discussed', ''],
    ['', 'M002', '', 'B', 'Supportive', '', ''],
  ]);
  const tallies = tallyAsks(matched.meetings, ASKS);

  it('counts each ask overall, by chamber and by party, with meetings not reported apart', () => {
    const all = tallies.find((t) => t.ask === 1 && t.scope === 'all')!;
    expect(all).toMatchObject({ meetings: 3, reported: 2, counts: { supportive: 2, undecided: 0, opposed: 0, not_discussed: 0 }, noAnswer: 0 });
    const ask2Senate = tallies.find((t) => t.ask === 2 && t.group === 'Senate')!;
    expect(ask2Senate).toMatchObject({ meetings: 2, reported: 1, noAnswer: 1 });
    expect(tallies.filter((t) => t.ask === 1).map((t) => t.group)).toEqual(['All meetings', 'House', 'Senate', 'Democrats', 'Republicans']);
  });

  it('draws inline SVG charts with no script and escapes every input text', () => {
    const html = reportPage('<b>Days</b>', matched.meetings, tallies, ['<script>x</script>', 'Two']);
    expect(html).toContain('<svg');
    expect(html).toContain('&lt;b&gt;Days&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
  });
});
