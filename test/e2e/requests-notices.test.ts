// The first run's meeting requests and notices, read back with an independent mail parser (postal-mime).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import PostalMime, { type Email } from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
const o = {} as { dir: string; again: string; stderr: string; config: string; tpl: string };
const mails = async (dir: string): Promise<Map<string, Email>> =>
  new Map(await Promise.all(fs.readdirSync(dir).map(async (f) => [f, await PostalMime.parse(fs.readFileSync(path.join(dir, f)))] as const)));

beforeAll(() => {
  const root = tmpDir('awg-mail-');
  o.tpl = path.join(root, 'digital.txt');
  fs.writeFileSync(o.tpl, 'Subject: Act online for {{event_name}}\n\nHi {{name}}, here is the toolkit: {{toolkit}} ({{reason}}). {{unknown_thing}}\n');
  o.config = path.join(root, 'awg.config.json');
  fs.writeFileSync(o.config, JSON.stringify({
    organizer: { name: 'Rosa Diaz', email: 'rosa@coalition.example', organization: 'Interfaith Immigration Coalition', phone: '(312) 555-0199', toolkit: 'https://coalition.example/toolkit' },
    templates: { noticeDigital: o.tpl },
  }));
  const args = ['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv'), '--config', o.config];
  o.dir = path.join(root, 'out');
  const r = awg([...args, '--out', o.dir]);
  expectNoStack(r);
  o.stderr = r.stderr;
  o.again = path.join(root, 'again');
  awg([...args, '--out', o.again]);
}, 60_000);

describe('meeting requests', () => {
  it('goes to each office with a proposed meeting, one request per office, none for an office that confirmed already', () => {
    const offices = readCsv(path.join(o.dir, 'offices.csv'));
    const requests = readCsv(path.join(o.dir, 'requests.csv'));
    expect(Object.keys(requests[0]!)).toEqual(['to', 'cc', 'subject', 'body']);
    const toRequest = offices.filter((x) => x.status === 'to request');
    expect(requests).toHaveLength(toRequest.length);
    expect(offices.filter((x) => x.status === 'confirmed').map((x) => x.member).sort()).toEqual(['Rep. Lateefah Simon', 'Sen. Richard Dalton']);
    expect(fs.readdirSync(path.join(o.dir, 'requests'))).toHaveLength(toRequest.length);
  });

  it('names the scheduler, the organizer, the proposed time, the constituents with city and organization, the asks and a reply-by date', async () => {
    const parsed = await mails(path.join(o.dir, 'requests'));
    const [, mail] = [...parsed].find(([f]) => f.includes('jan-schakowsky'))!;
    expect(mail.to?.[0]?.address).toBe('lee.park@mail.house.example');
    expect(mail.from?.address).toBe('rosa@coalition.example');
    expect(mail.subject).toBe('Meeting request: constituents of IL-09 (Rep. Jan Schakowsky) for Virtual Advocacy Days');
    const attendees = readCsv(path.join(o.dir, 'attendees.csv'));
    const meeting = readCsv(path.join(o.dir, 'meetings.csv')).find((m) => m.member === 'Rep. Jan Schakowsky')!;
    for (const a of attendees.filter((x) => x.meeting_id === meeting.meeting_id)) expect(mail.text).toContain(`- ${a.first_name} ${a.last_name}, Evanston`);
    expect(mail.text).toContain('(CRLN)');
    expect(mail.text).toContain('We propose Tuesday, July 14, 11:30 am–12:00 pm ET');
    expect(mail.text).toContain('Refugee Protection Act');
    expect(mail.text).toContain('by Tuesday, June 30, 2020');
    expect(mail.text).toContain('Rosa Diaz');
  });

  it('keeps an office without a scheduler email in requests.csv with an empty "to", and lists it with its phone', () => {
    const requests = readCsv(path.join(o.dir, 'requests.csv'));
    const noEmail = requests.filter((r) => !r.to);
    expect(noEmail.length).toBeGreaterThan(0);
    expect(o.stderr).toMatch(/meeting requests have no scheduler email.*Rep\. Brad Schneider, \(202\) 225-4835(;|$)/m);
  });

  it('writes byte-identical drafts on a second run', () => {
    for (const f of ['requests.csv', 'notices.csv', `requests/${fs.readdirSync(path.join(o.dir, 'requests'))[0]}`]) {
      expect(fs.readFileSync(path.join(o.again, f)).equals(fs.readFileSync(path.join(o.dir, f))), f).toBe(true);
    }
  });
});

describe('notices on a first run', () => {
  it('go to everyone in a meeting, every accompanier and everyone on digital advocacy', async () => {
    const attendees = readCsv(path.join(o.dir, 'attendees.csv'));
    const digital = readCsv(path.join(o.dir, 'digital-advocacy.csv'));
    const notices = readCsv(path.join(o.dir, 'notices.csv'));
    const to = new Set(notices.map((n) => n.to));
    // An email cell that is not one address ("quinn at example.org") gives a notice with no "to" (issue 23).
    const oneAddress = (e: string) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(e);
    for (const a of [...attendees, ...digital]) if (a.email) expect(to, a.email).toContain(oneAddress(a.email) ? a.email : '');
    expect(fs.readdirSync(path.join(o.dir, 'notices', 'accompaniers')).length).toBe(new Set(readCsv(path.join(o.dir, 'meetings.csv')).map((m) => m.accompanier).filter((x) => x !== 'TBD')).size);
  });

  it('give a participant their meetings in their zone and Eastern, lead, accompanier and link, with their calendar file attached', async () => {
    const parsed = await mails(path.join(o.dir, 'notices', 'participants'));
    const attendees = readCsv(path.join(o.dir, 'attendees.csv'));
    const a = attendees.find((x) => x.time_zone === 'America/Chicago')!;
    const [, mail] = [...parsed].find(([, m]) => m.to?.[0]?.address === a.email)!;
    const meeting = readCsv(path.join(o.dir, 'meetings.csv')).find((m) => m.meeting_id === a.meeting_id)!;
    expect(mail.subject).toBe('Your Virtual Advocacy Days meetings');
    expect(mail.text).toContain(`Dear ${a.first_name} ${a.last_name}`);
    expect(mail.text).toContain(meeting.member);
    expect(mail.text).toContain(`Accompanier: ${meeting.accompanier}`);
    // The reader's own zone first, the event's in parentheses, as on the printed pages.
    expect(mail.text).toMatch(/\d{1,2}:\d{2}(–| [ap]m–)\d{1,2}:\d{2} [ap]m CT \(\d{1,2}:\d{2}(–| [ap]m–)\d{1,2}:\d{2} [ap]m ET\)/);
    expect(mail.text).toContain('If you cannot make a meeting');
    const ics = mail.attachments.filter((x) => x.mimeType === 'text/calendar');
    expect(ics).toHaveLength(1);
    const text = new TextDecoder().decode(ics[0]!.content as ArrayBuffer);
    expect(text).toContain(`UID:${a.meeting_id}-`);
    expect(text).toContain('SEQUENCE:0');
  });

  it('give people on digital advocacy the toolkit, in the organizer\'s own wording, and warn of a placeholder it does not know', async () => {
    const parsed = await mails(path.join(o.dir, 'notices', 'participants'));
    const ivy = [...parsed.values()].find((m) => m.to?.[0]?.address === 'ivy.nguyen@example.org')!;
    expect(ivy.subject).toBe('Act online for Virtual Advocacy Days');
    expect(ivy.text).toContain('Hi Ivy Nguyen, here is the toolkit: https://coalition.example/toolkit (you told us you could not join any of the meeting times)');
    expect(ivy.attachments).toHaveLength(0);
    expect(o.stderr).toContain('{{unknown_thing}} is not a placeholder of the noticeDigital template');
  });
});

describe('the organizer who signs the requests and notices', () => {
  it('has its keys in the config awg init writes, and a run without one says the drafts are signed by no one', () => {
    const dir = tmpDir('awg-org-');
    expect(awg(['init'], { cwd: dir }).code).toBe(0);
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'awg.config.json'), 'utf8')) as { organizer?: Record<string, string> };
    expect(Object.keys(written.organizer ?? {})).toEqual(['name', 'email', 'organization', 'phone', 'toolkit']);
    const args = ['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--out', path.join(dir, 'out')];
    const r = awg(args, { cwd: dir });
    expectNoStack(r);
    expect(r.stderr).toContain('the config names no organizer (organizer.name, organizer.email): meeting requests and notices are signed by no one');
    // The run above, with organizer.name and .email set, is not warned.
    expect(o.stderr).not.toContain('names no organizer');
  });
});
