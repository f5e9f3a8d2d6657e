// The conversation with participants (issue 21): every first message is a first message, whenever it
// comes; changes and reminders in US conventions; the split-ZIP people are asked and placed once they
// answer; a status that says they are not coming cancels; file names stay when rows shift. Every
// message is read back with an independent mail parser (postal-mime).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import PostalMime, { type Email } from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
const mails = async (dir: string): Promise<Map<string, Email>> =>
  new Map(await Promise.all(walk(dir).filter((f) => f.endsWith('.eml')).map(async (f) => [path.relative(dir, f), await PostalMime.parse(fs.readFileSync(f))] as const)));

const ASKS = 'Refugee Protection Act';
const TOOLKIT = 'https://coalition.example/toolkit';
const o = {} as { root: string; first: string; again: string; firstRun: string; againRun: string };

// The re-run's export: two new RSVPs at the top (every later row shifts by two), the split-ZIP answer
// "Brad Schneider" in the district column (with a time they can make it), and a status column where one person has dropped out.
function nextExport(file: string): string {
  const [header, ...rows] = fs.readFileSync(fx('rsvps-google-forms.csv'), 'utf8').trimEnd().split(/\r?\n/);
  const width = header!.split(',').length - 1;
  const pad = (cells: string[]) => [...cells, ...Array<string>(width + 1 - cells.length).fill('')].join(',');
  const edited = rows.map((r) => {
    // The answer, and Wednesday afternoon added: the meeting with Rep. Schneider is set for then.
    if (r.includes('chen.wei@example.org')) return `${r.replace(',60091,,10am-12pm ET;12pm-2pm ET;2pm-4pm ET,,', ',60091,Brad Schneider,10am-12pm ET;12pm-2pm ET;2pm-4pm ET,2pm-4pm ET,')},`;
    if (r.includes('eve.adams@example.org')) return `${r},dropped out`;
    if (r.includes('leo.ramirez@example.org')) return `${r},maybe next year?`;
    return `${r},`;
  });
  const all = '10am-12pm ET;12pm-2pm ET;2pm-4pm ET';
  const fresh = [
    pad(['2020/06/23 9:00:00 AM EDT', 'nina.new@example.org', 'Nina', 'Newcomb', '(312) 555-0190', '', 'Evanston', 'IL', '60201', '', all, all, all]),
    pad(['2020/06/23 9:05:00 AM EDT', 'walt.wy@example.org', 'Walt', 'Wyman', '(307) 555-0191', '', 'Cheyenne', 'WY', '82001', '', '10am-12pm ET']),
  ];
  fs.writeFileSync(file, [`${header},Status`, ...fresh, ...edited].join('\n') + '\n');
  return file;
}

beforeAll(() => {
  o.root = tmpDir('awg-people-');
  const config = path.join(o.root, 'awg.config.json');
  fs.writeFileSync(config, JSON.stringify({
    organizer: { name: 'Rosa Diaz', email: 'rosa@coalition.example', organization: 'Interfaith Immigration Coalition', phone: '(312) 555-0199', toolkit: TOOLKIT },
    event: { training: { date: '2020-07-10', start: '19:00', minutes: 60, link: 'https://meet.example/training' } },
  }));
  o.first = path.join(o.root, 'first');
  const r = awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'),
    '--confirmed', fx('confirmed.csv'), '--config', config, '--out', o.first]);
  expectNoStack(r);
  o.firstRun = r.stdout;
  o.again = path.join(o.root, 'again');
  const again = awg(['schedule', '--previous', o.first, '--rsvps', nextExport(path.join(o.root, 'next.csv')), '--out', o.again]);
  expectNoStack(again);
  o.againRun = again.stdout;
}, 120_000);

describe('first messages', () => {
  it('a new RSVP placed at a re-run gets the whole first notice: their meetings, the asks, the training and what to do if they cannot make it', async () => {
    const nina = (await mails(path.join(o.again, 'notices'))).get(path.join('participants', 'nina-newcomb.eml'))!;
    expect(nina, 'a notice for the new RSVP').toBeDefined();
    expect(nina.subject).toBe('Your Virtual Advocacy Days meetings');
    expect(nina.text).toContain(ASKS);
    expect(nina.text).toContain('If you cannot make a meeting');
    expect(nina.text).toContain('https://meet.example/training');
    expect(nina.text).not.toContain('New:');
    expect(nina.attachments.some((a) => a.mimeType.startsWith('text/calendar'))).toBe(true);
  });

  it('a new RSVP sent to digital advocacy at a re-run gets the toolkit, with the reason as an organizer would say it', async () => {
    const walt = (await mails(path.join(o.again, 'notices'))).get(path.join('participants', 'walt-wyman.eml'))!;
    expect(walt, 'a notice for the new digital advocate').toBeDefined();
    expect(walt.text).toContain(TOOLKIT);
    expect(walt.text).toContain(ASKS);
    expect(walt.text).not.toMatch(/WY-AL|are not targets|not-constituent/);
  });

  it('no notice or reminder body, first run or re-run, holds an ISO date, a 24-hour time or a scheduler\'s reason', async () => {
    for (const dir of [o.first, o.again]) {
      for (const [file, mail] of [...await mails(path.join(dir, 'notices')), ...await mails(path.join(dir, 'reminders'))]) {
        expect(mail.text, file).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
        expect(mail.text, file).not.toMatch(/\b(0\d|1[3-9]|2[0-3]):[0-5]\d\b/);
        expect(mail.text, file).not.toMatch(/not free when their offices meet|are not targets/);
      }
    }
  });

  it('someone who dropped out is told their meetings are off, in US dates and times', async () => {
    const eve = (await mails(path.join(o.again, 'notices'))).get(path.join('participants', 'eve-adams.eml'))!;
    expect(eve, 'a notice for the person who dropped out').toBeDefined();
    expect(eve.text).toMatch(/No longer on your schedule: \w+day, July \d+, \d+:\d\d/);
    expect(readCsv(path.join(o.again, 'unmatched.csv')).find((u) => u.email === 'eve.adams@example.org')?.reason_code).toBe('cancelled');
  });

  it('a status awg cannot read is a warning naming it, not silence', () => {
    const problems = readCsv(path.join(o.again, 'problems.csv'));
    expect(problems.find((p) => p.code === 'unread-status')?.value).toBe('maybe next year?');
  });
});

describe('the split-ZIP question', () => {
  it('asks every person whose ZIP spans districts, naming each candidate district with its Representative', async () => {
    const split = [...readCsv(path.join(o.first, 'unmatched.csv')).filter((u) => u.reason_code === 'district-unknown' && / or /.test(u.district ?? '')),
      ...readCsv(path.join(o.first, 'attendees.csv')).filter((a) => a.email === 'chen.wei@example.org').slice(0, 1)];
    expect(split.length).toBeGreaterThan(1);
    const questions = [...(await mails(path.join(o.first, 'notices', 'questions'))).values()];
    expect(questions).toHaveLength(split.length);
    const chen = questions.find((q) => q.to?.[0]?.address === 'chen.wei@example.org')!;
    expect((chen.text ?? '').replace(/\s+/g, ' ')).toContain('Your ZIP 60091 is split between IL-09, Jan Schakowsky, and IL-10, Brad Schneider: who represents you?');
    expect(chen.text).toContain('https://www.house.gov/representatives/find-your-representative');
    const ravi = questions.find((q) => q.to?.[0]?.address === 'ravi.kumar@example.org')!;
    expect((ravi.text ?? '').replace(/\s+/g, ' ')).toContain('MA-07, Ayanna Pressley, and MA-08, Stephen F. Lynch');
  });

  it('places a person who answered with their Representative\'s name in a meeting with that Representative', () => {
    const meetings = readCsv(path.join(o.again, 'meetings.csv'));
    const chen = readCsv(path.join(o.again, 'attendees.csv')).filter((a) => a.email === 'chen.wei@example.org');
    expect(chen.map((a) => meetings.find((m) => m.meeting_id === a.meeting_id)?.member)).toContain('Rep. Brad Schneider');
  });
});

describe('reminders', () => {
  it('has one for each person on each day they meet, to go out the day before, with the link, the lead and the accompanier', async () => {
    const attendees = readCsv(path.join(o.first, 'attendees.csv'));
    const reminders = readCsv(path.join(o.first, 'reminders.csv'));
    const days = [...new Set(attendees.map((a) => a.date ?? ''))].sort();
    expect([...new Set(reminders.map((r) => r.day))].sort()).toEqual(days);
    for (const day of days) {
      const people = new Set(attendees.filter((a) => a.date === day).map((a) => a.email ?? ''));
      expect(reminders.filter((r) => r.day === day && people.has(r.to ?? '')).length, day).toBe([...people].filter((e) => /@/.test(e) && !/ at /.test(e)).length);
      expect(reminders.filter((r) => r.day === day).every((r) => (r.send_on ?? '') < day)).toBe(true);
    }
    const ana = [...(await mails(path.join(o.first, 'reminders', '2020-07-14', 'participants'))).values()].find((m) => m.to?.[0]?.address === 'ana.lopez@example.org')!;
    expect(ana.subject).toBe('Tomorrow: your Virtual Advocacy Days meetings');
    expect(ana.text).toMatch(/Video link: https:\/\//);
    expect(ana.text).toMatch(/Accompanier: \S+ \S+, \(\d{3}\) \d{3}-\d{4} <[^>]+@/);
  });
});

describe('stable file names', () => {
  it('keeps each person\'s itinerary and calendar file name when a re-run\'s export shifts every row', () => {
    const names = (dir: string, sub: string) => new Set(fs.readdirSync(path.join(dir, sub)).filter((f) => !f.endsWith('-cancelled.ics')));
    for (const sub of ['itineraries', path.join('calendar', 'participants')]) {
      const before = names(o.first, sub);
      const after = names(o.again, sub);
      const kept = [...before].filter((f) => after.has(f));
      // Everyone but the person who dropped out keeps their file.
      expect(kept.length, sub).toBe(before.size - 1);
      expect([...before].find((f) => !after.has(f)), sub).toMatch(/^eve-adams\./);
    }
  });
});
