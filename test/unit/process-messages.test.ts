// Templates, request alternatives, the .eml drafts and the calendar's identity across runs.
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { rankParticipants } from '../../src/match/match.js';
import { composeEml, composeTree, type Draft } from '../../src/process/mail.js';
import { noticesCsv } from '../../src/process/folder.js';
import { noSchedulerEmail } from '../../src/plan/change-plan.js';
import { noticesTable, type Notice } from '../../src/process/notices.js';
import { toCsv } from '../../src/render/csv.js';
import { alternatives, type MeetingRequest } from '../../src/process/requests.js';
import { defaultTemplate, fillTemplate, parseTemplate } from '../../src/process/templates.js';
import { calendarFilesWithState } from '../../src/render/calendar.js';
import { buildRoster, itineraries } from '../../src/render/roster-model.js';
import { scheduleMeetings } from '../../src/schedule/scheduler.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

const at = (day: string, start: string) => slots.filter((s) => s.day === day && s.start === start).map((s) => s.index);

describe('templates', () => {
  it('reads a Subject line and a body, fills placeholders, and names one it does not know', () => {
    const r = parseTemplate('\uFEFFSubject: Hello {{name}}\r\n\r\nDear {{name}},\r\n{{changes}}\r\n{{bogus}}\r\n', 'noticeChange', 'mine.txt');
    expect(r.problems.map((p) => [p.severity, p.value])).toEqual([['warning', '{{bogus}}']]);
    expect(fillTemplate(r.template!, { name: 'Ana', changes: '- Moved' })).toEqual({ subject: 'Hello Ana', body: 'Dear Ana,\n- Moved\n{{bogus}}\n' });
    expect(parseTemplate('Dear {{name}}', 'notice', 'x.txt').problems[0]).toMatchObject({ severity: 'error', code: 'template-no-subject', file: 'x.txt' });
    expect(defaultTemplate('request').subject).toContain('{{office}}');
  });
});

describe('meeting requests', () => {
  it('offers other times every attendee can make and is not in another meeting at, one the same day and one another day', () => {
    const sen = office('S-IL-A');
    const rep = office('H-IL-05');
    const both = [...at('2020-07-14', '10:00'), ...at('2020-07-14', '11:00'), ...at('2020-07-14', '15:00'), ...at('2020-07-16', '10:30')];
    const people = rankParticipants([
      { rsvp: rsvp(2, { state: 'IL', availability: { slots: both, blank: false, cannotJoin: false, unreadable: [] } }), location: { state: 'IL' }, offices: [sen, rep], bestTier: 1 },
      { rsvp: rsvp(3, { state: 'IL', availability: { slots: [...both, ...at('2020-07-15', '12:00')], blank: false, cannotJoin: false, unreadable: [] } }), location: { state: 'IL' }, offices: [sen], bestTier: 1 },
    ]);
    const r = scheduleMeetings({ event, slots, offices: [sen, rep], participants: people });
    const m = r.meetings.find((x) => x.office.id === sen.id)!;
    const other = r.meetings.find((x) => x.office.id === rep.id);
    const alts = alternatives(m, slots, r.meetings);
    for (const s of alts) {
      expect(s.index).not.toBe(m.slots[0]);
      expect(m.attendees.every((p) => p.rsvp.availability.slots.includes(s.index))).toBe(true);
      if (other) expect(other.slots).not.toContain(s.index);
    }
    expect(alts.length).toBeGreaterThan(0);
    expect(alts.length).toBeLessThanOrEqual(2);
    if (alts.length === 2) expect(alts[0]!.day).not.toBe(alts[1]!.day);
  });
});

describe('requests with no scheduler email', () => {
  const request = (i: number, to = '', officePhone = ''): MeetingRequest => ({ meetingId: `M${i}`, member: `Rep. Member ${i}`, officePhone, to, cc: '', subject: '', body: '' });

  it('names each office with its phone when there are a few', () => {
    const p = noSchedulerEmail([request(1, '', '(202) 225-4835'), request(2, 'sched@house.gov'), request(3)]);
    expect(p?.message).toBe('2 meeting requests have no scheduler email (the "to" is empty): Rep. Member 1, (202) 225-4835; Rep. Member 3 (no phone)');
    expect(noSchedulerEmail([request(1, 'sched@house.gov')])).toBeUndefined();
  });

  it('names the first ten of hundreds, then how many more and where they all are', () => {
    const p = noSchedulerEmail(Array.from({ length: 489 }, (_, i) => request(i + 1)));
    expect(p?.message).toMatch(/^489 meeting requests have no scheduler email \(the "to" is empty\): Rep\. Member 1 \(no phone\); .*; Rep\. Member 10 \(no phone\); … and 479 more: see requests\.csv/);
    expect(p?.message).not.toContain('Member 11 ');
    expect(p?.file).toBe('requests.csv');
  });
});

describe('notices.csv', () => {
  it('made a part at a time is the same file as the whole table at once', () => {
    const notice = (i: number): Notice => ({ key: `k${i}`, name: `N${i}`, rsvpRow: String(i), to: i % 7 ? `p${i}@x.org` : '', subject: i % 5 ? 'Your meetings' : '=HYPERLINK("x")',
      body: `Dear N${i},\n- Wednesday, July 15, 10:30–11:00 am ET, "quoted", ${i % 3 ? 'ok' : ' leading space'}`, calendars: [] });
    const all = Array.from({ length: 4501 }, (_, i) => notice(i));
    const bytes = Buffer.from([...noticesCsv(all)].join(''));
    expect(bytes.toString()).toBe(toCsv(noticesTable(all)));
    expect(bytes.toString().split('\r\n').filter((l) => l.startsWith('p')).length).toBeGreaterThan(3000);
    expect(Buffer.from([...noticesCsv([])].join('')).toString()).toBe(toCsv(noticesTable([])));
  });
});

describe('.eml drafts', () => {
  it('are byte-identical for the same message, and parse back with an independent parser', async () => {
    const d = { from: { name: 'Rosa Díaz', address: 'rosa@x.org' }, to: [{ name: 'Ana López', address: 'ana@x.org' }], subject: 'Votre réunion — 10:00', text: 'Bonjour Ana,\nà bientôt.\n', date: new Date('2020-06-16T16:00:00Z'),
      attachments: [{ filename: 'ana.ics', content: 'BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] };
    const a = await composeEml(d);
    expect(a.equals(await composeEml(d))).toBe(true);
    const mail = await PostalMime.parse(a);
    expect([mail.from?.name, mail.to?.[0]?.address, mail.subject, mail.text?.trimEnd(), mail.date]).toEqual(['Rosa Díaz', 'ana@x.org', 'Votre réunion — 10:00', 'Bonjour Ana,\nà bientôt.', '2020-06-16T16:00:00.000Z']);
    expect(new TextDecoder().decode(mail.attachments[0]!.content as ArrayBuffer)).toContain('METHOD:PUBLISH');
    expect(a.toString()).toMatch(/^X-Unsent: 1/m);
  });

  it('are exactly the bytes nodemailer\'s own streams write, whatever the text and attachments hold', async () => {
    const base: Draft = { from: { name: 'Org', address: 'org@x.org' }, to: [{ name: 'Ana', address: 'ana@x.org' }], subject: 'Your meetings', text: 'Hello Ana,\nsee you.\n', date: new Date('2020-06-16T16:00:00Z') };
    const ics = (n: number) => `BEGIN:VCALENDAR\r\n${'DESCRIPTION:Meeting with Rep. Núñez about the ask\r\n'.repeat(n)}END:VCALENDAR\r\n`;
    const drafts: Draft[] = [
      base,
      { ...base, text: '' },
      { ...base, to: [], from: { name: '', address: '' }, text: 'plain ascii only' },
      { ...base, cc: [{ name: '', address: 'cc@x.org' }], text: `${'a long line without a break '.repeat(10)}\n` },
      { ...base, subject: 'Réunion — 10:00 ✓', text: 'Ελληνικά κείμενα και 日本語のテキスト\n'.repeat(40) },
      { ...base, text: 'ends with a CR\r', attachments: [{ filename: 'a.ics', content: ics(1), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] },
      { ...base, text: 'Bonjour à tous   \ntrailing spaces  ', attachments: [
        { filename: 'Ana López.ics', content: ics(200), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
        { filename: 'ana-cancelled.ics', content: ics(3), contentType: 'text/calendar; charset=utf-8; method=CANCEL' }] },
      // Text pasted from elsewhere can hold half a character (a lone surrogate) at either end of a part.
      { ...base, text: '\udc00 starts and ends with half a character \ud83d', attachments: [{ filename: 'b.ics', content: `\udc00${ics(1)}\ud83d`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] },
      { ...base, text: 'plain ascii \ud83d', subject: 'ascii' },
    ];
    for (const d of drafts) expect((await composeEml(d)).equals(await composeTree(d).build())).toBe(true);
  });
});

describe('calendar identity across runs', () => {
  const rec = (date: string, start: string, end: string, accompanier = 'Rae Morgan') => ({
    meeting_id: 'M001', date, start, end, chamber: 'Senate', state: 'IL', member: 'Sen. A', accompanier, accompanier_email: 'rae@x.org', link: '', status: 'proposed',
  });
  const ana = { meeting_id: 'M001', first_name: 'Ana', last_name: 'López', email: 'ana@x.org', role: 'lead', rsvp_row: '2', time_zone: 'America/Chicago' };
  const files = (ms: Array<Record<string, string>>, as: Array<Record<string, string>>, previous = [] as Parameters<typeof calendarFilesWithState>[4]) => {
    const roster = buildRoster(ms, as, 'America/New_York');
    return calendarFilesWithState(roster, itineraries(roster), 'Days', 'America/New_York', previous);
  };

  it('keeps the UID when the meeting moves, raises SEQUENCE only when the event changed, and cancels what is gone', () => {
    const first = files([rec('2020-07-14', '10:00', '10:30')], [ana]);
    const same = files([rec('2020-07-14', '10:00', '10:30')], [ana], first.events);
    expect(same.events.map((e) => e.sequence)).toEqual(first.events.map((e) => e.sequence));
    const moved = files([rec('2020-07-15', '13:00', '13:30')], [ana], first.events);
    expect(moved.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    expect(moved.events.every((e) => e.sequence === 1)).toBe(true);
    expect(moved.files[0]!.text).toContain('SEQUENCE:1');
    const gone = files([], [], moved.events);
    const cancel = gone.files.find((f) => f.path === 'calendar/participants/ana-lopez-cancelled.ics')!;
    expect(cancel.text).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
    expect(cancel.text).toContain(`UID:${first.events[0]!.uid}`);
    expect(cancel.text).toContain('SEQUENCE:2');
    expect(cancel.owner).toMatchObject({ kind: 'participant', email: 'ana@x.org' });
  });
});
