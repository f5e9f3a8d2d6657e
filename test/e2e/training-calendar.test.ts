// The training (config event.training) is an event of its own in every participant's and accompanier's
// calendar once it is set: set later, or moved, it updates the same event (one UID per person), and taken
// out it is cancelled, so nobody goes to a training that moved or no longer is.
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import PostalMime from 'postal-mime';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'), '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv')];
const runs = ['none', 'set', 'moved', 'again', 'dropped'] as const;
const out = {} as Record<(typeof runs)[number], string>;

const calendars = (dir: string): string[] => fs.readdirSync(path.join(dir, 'calendar'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ics') && !f.endsWith('-cancelled.ics')).map((f) => path.join(dir, 'calendar', f)).sort();
const events = (file: string) => new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
const notices = (dir: string) => (parse(fs.readFileSync(path.join(dir, 'notices.csv')), { columns: true, bom: true }) as Array<Record<string, string>>);
const emls = (dir: string): string[] => fs.readdirSync(path.join(dir, 'notices'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml')).map((f) => path.join(dir, 'notices', f));
const trainings = (file: string) => events(file).filter((e) => e.uid.startsWith('training-'));

beforeAll(() => {
  const root = tmpDir('awg-training-cal-');
  const training = { set: { date: '2020-07-10', start: '19:00', minutes: 60, link: 'https://meet.example/training' }, moved: { date: '2020-07-11', start: '18:30', minutes: 90, link: 'https://meet.example/training' } };
  let previous: string[] = [];
  for (const run of runs) {
    const config = path.join(root, `${run}.config.json`);
    const t = run === 'set' ? training.set : run === 'moved' || run === 'again' ? training.moved : undefined;
    fs.writeFileSync(config, JSON.stringify({ event: { timeZone: 'America/New_York', ...(t ? { training: t } : {}) } }));
    out[run] = path.join(root, run);
    expectNoStack(awg(['schedule', ...inputs, '--config', config, ...previous, '--out', out[run]]));
    previous = ['--previous', out[run]];
  }
});

describe('the training in the calendars', () => {
  it('is in nobody\'s calendar before its date is set', () => {
    expect(calendars(out.none).length).toBeGreaterThan(2);
    for (const file of calendars(out.none)) expect(trainings(file)).toEqual([]);
  });

  it('once set, every participant and accompanier has it as its own event, at its time, with its link', () => {
    const files = calendars(out.set);
    expect(files.some((f) => f.includes('/accompaniers/'))).toBe(true);
    expect(files.some((f) => f.includes('/participants/'))).toBe(true);
    const uids = new Set<string>();
    for (const file of files) {
      const [t, ...more] = trainings(file);
      expect(more).toEqual([]);
      expect(t!.startDate.toJSDate().toISOString()).toBe('2020-07-10T23:00:00.000Z');
      expect(t!.endDate.toJSDate().toISOString()).toBe('2020-07-11T00:00:00.000Z');
      expect(t!.location).toBe('https://meet.example/training');
      expect(t!.description).toContain('https://meet.example/training');
      uids.add(t!.uid);
      // The meetings are still there beside it.
      expect(events(file).length).toBeGreaterThan(1);
    }
    expect(uids.size).toBe(files.length);
  });

  it('moved, it updates the same event in each calendar (same UID, higher SEQUENCE, new time)', () => {
    const before = new Map(calendars(out.set).map((f) => [path.relative(out.set, f), trainings(f)[0]!]));
    for (const file of calendars(out.moved)) {
      const t = trainings(file)[0]!;
      const was = before.get(path.relative(out.moved, file))!;
      expect(t.uid).toBe(was.uid);
      expect(t.sequence).toBeGreaterThan(was.sequence);
      expect(t.startDate.toJSDate().toISOString()).toBe('2020-07-11T22:30:00.000Z');
    }
  });

  it('taken out of the config, it is cancelled in each calendar it was in', () => {
    const was = calendars(out.moved).map((f) => trainings(f)[0]!.uid);
    const cancelled = fs.readdirSync(path.join(out.dropped, 'calendar'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('-cancelled.ics'))
      .flatMap((f) => events(path.join(out.dropped, 'calendar', f)));
    for (const uid of was) expect(cancelled.find((e) => e.uid === uid)?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    for (const file of calendars(out.dropped)) expect(trainings(file)).toEqual([]);
  });
});

describe('everyone scheduled is told when the training is set or moved', () => {
  const about = (dir: string, word: string) => notices(dir).filter((n) => n.subject!.endsWith(`the training is ${word}`));

  it('set on a re-run, each participant and accompanier with a calendar gets a notice with its date and link, and the calendar holding it', async () => {
    const told = about(out.set, 'set');
    expect(told.length).toBe(calendars(out.set).length);
    for (const n of told) expect(n.body).toContain('Training link: https://meet.example/training');
    const drafts = await Promise.all(emls(out.set).map(async (f) => PostalMime.parse(fs.readFileSync(f))));
    const training = drafts.filter((d) => d.subject?.endsWith('the training is set'));
    expect(training.length).toBe(told.length);
    for (const d of training) {
      const ics = d.attachments.find((a) => a.mimeType === 'text/calendar');
      expect(ics).toBeDefined();
      const text = typeof ics!.content === 'string' ? ics!.content : new TextDecoder().decode(ics!.content);
      expect(text).toMatch(/UID:training-/);
    }
  });

  it('moved, they are told it moved; unchanged, or taken out, nobody is told of it again', () => {
    const moved = about(out.moved, 'moved');
    expect(moved.length).toBe(calendars(out.moved).length);
    for (const n of moved) expect(n.body).toMatch(/has moved/);
    expect(notices(out.again).filter((n) => /the training is/.test(n.subject!))).toEqual([]);
    expect(notices(out.dropped).filter((n) => /the training is/.test(n.subject!))).toEqual([]);
  });
});
