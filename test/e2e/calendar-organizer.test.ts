// Calendar files name who organizes the events (RFC 5546 wants an ORGANIZER on a PUBLISH and a CANCEL): a
// participant's calendar app shows who to ask, and some refuse an update or cancellation without one.
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

const inputs = ['--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const o = {} as { root: string; first: string; second: string; plain: string };

const icsFiles = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ics')).map((f) => path.join(dir, f));
const vevents = (file: string) => new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8'))).getAllSubcomponents('vevent');
const organizerOf = (ev: ICAL.Component) => {
  const p = ev.getFirstProperty('organizer');
  return p ? { cn: p.getParameter('cn'), address: String(p.getFirstValue()).toLowerCase() } : undefined;
};
const config = (root: string, name: string, organizer: object) => {
  const file = path.join(root, `${name}.config.json`);
  fs.writeFileSync(file, JSON.stringify({ organizer }));
  return file;
};

beforeAll(() => {
  o.root = tmpDir('awg-organizer-');
  const cfg = config(o.root, 'good', { name: 'Rosa Diaz', email: 'rosa@coalition.example', organization: 'Interfaith Immigration Coalition' });
  const lines = fs.readFileSync(fx('rsvps-google-forms.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const fewer = path.join(o.root, 'fewer.csv');
  // Ana's row gone: her meetings' copies in her calendar are cancelled on the re-run.
  fs.writeFileSync(fewer, `${lines.filter((l) => !l.includes('ana.lopez@example.org')).join('\r\n')}\r\n`);
  o.first = path.join(o.root, 'first');
  o.second = path.join(o.root, 'second');
  o.plain = path.join(o.root, 'plain');
  expectNoStack(awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), ...inputs, '--config', cfg, '--out', o.first]));
  expectNoStack(awg(['schedule', '--rsvps', fewer, ...inputs, '--config', cfg, '--previous', o.first, '--out', o.second]));
  const bad = config(o.root, 'bad', { name: 'Rosa', email: 'rosa at coalition' });
  expectNoStack(awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), ...inputs, '--config', bad, '--out', o.plain]));
});

describe('calendar files carry the organizer', () => {
  it('every published event names the organizer, so a calendar app shows who sent it', () => {
    const files = icsFiles(path.join(o.first, 'calendar'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const events = vevents(file);
      expect(events.length).toBeGreaterThan(0);
      for (const ev of events) expect(organizerOf(ev)).toEqual({ cn: 'Rosa Diaz', address: 'mailto:rosa@coalition.example' });
    }
  });

  it('a cancellation names the organizer too, or a calendar app may refuse to remove the meeting', () => {
    const cancelled = icsFiles(path.join(o.second, 'calendar')).filter((f) => f.endsWith('-cancelled.ics'));
    expect(cancelled.length).toBeGreaterThan(0);
    for (const file of cancelled) {
      const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
      expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
      for (const ev of vevents(file)) {
        expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
        expect(organizerOf(ev)).toEqual({ cn: 'Rosa Diaz', address: 'mailto:rosa@coalition.example' });
      }
    }
  });

  it('an organizer email that is not one leaves the calendars without an ORGANIZER rather than unwritten', () => {
    const files = icsFiles(path.join(o.plain, 'calendar'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) for (const ev of vevents(file)) expect(organizerOf(ev)).toBeUndefined();
  });
});
