// Video links as organizers paste them, from each file one is typed in (confirmed.csv, offices.csv,
// meetings.csv): none may cost the run. The link stays the organizer's, verbatim, in meetings.csv and the
// participant's itinerary; the calendar carries it as text (no URL property it cannot hold), and says so.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir, type Run } from '../helpers/run.js';
import { slug } from '../../src/render/file-names.js';

type Rec = Record<string, string>;
const readCsv = (file: string): Rec[] => parse(fs.readFileSync(file), { columns: true, bom: true, relax_column_count: true }) as Rec[];
const writeCsv = (file: string, rows: Rec[]) => fs.writeFileSync(file, `\uFEFF${stringify(rows, { header: true, columns: Object.keys(rows[0]!) })}`);

const LINKS = ['https://Zoom.us/j/1', 'https://zoom.us/j/123 passcode 9876', 'Https://zoom.us/j/5', 'https://my_host.zoom.us/j/1', 'https://host:8/x', 'https://[2001:db8::1]/x'];
const base = ['--targets', fx('targets.xlsx'), '--staff', fx('staff.csv')];
const rsvps = ['--rsvps', fx('rsvps-google-forms.csv')];

interface Case { run: Run; out: string; file: string; column: string; rows: Map<string, number> }
const cases = {} as Record<'confirmed.csv' | 'offices.csv' | 'meetings.csv', Case> & { check: Run };

beforeAll(() => {
  const root = tmpDir('awg-links-');
  const first = path.join(root, 'first');
  expectNoStack(awg(['schedule', ...rsvps, ...base, '--confirmed', fx('confirmed.csv'), '--out', first]));
  const proposed = readCsv(path.join(first, 'offices.csv')).filter((o) => o.status === 'to request' && o.meeting_id);

  // confirmed.csv: the fixture's two meetings and four more, at the times the first run proposed, one link each.
  const confirmed = [...readCsv(fx('confirmed.csv')), ...proposed.slice(0, 4).map((o) => ({ Office: o.member!, Date: o.date!, Start: o.start!, 'Video link': '', Notes: '' }))]
    .map((r, i) => ({ ...r, 'Video link': LINKS[i]! }));
  const confirmedFile = path.join(root, 'confirmed.csv');
  writeCsv(confirmedFile, confirmed);
  const confirmedOut = path.join(root, 'from-confirmed');
  cases['confirmed.csv'] = { run: awg(['schedule', ...rsvps, ...base, '--confirmed', confirmedFile, '--out', confirmedOut]), out: confirmedOut, file: confirmedFile, column: 'Video link',
    rows: new Map(LINKS.map((l, i) => [l, i + 2])) };

  // offices.csv: six offices confirm the proposed time, each with a link; re-run with --previous.
  const earlier = path.join(root, 'offices');
  fs.cpSync(first, earlier, { recursive: true });
  const offices = readCsv(path.join(earlier, 'offices.csv'));
  const rows = new Map<string, number>();
  let k = 0;
  const edited = offices.map((o, i) => {
    if (o.status !== 'to request' || !o.meeting_id || k >= LINKS.length) return o;
    rows.set(LINKS[k]!, i + 2);
    return { ...o, status: 'confirmed', link: LINKS[k++]! };
  });
  writeCsv(path.join(earlier, 'offices.csv'), edited);
  const officesOut = path.join(root, 'from-offices');
  cases['offices.csv'] = { run: awg(['schedule', ...rsvps, ...base, '--confirmed', fx('confirmed.csv'), '--previous', earlier, '--out', officesOut]), out: officesOut, file: path.join(earlier, 'offices.csv'), column: 'link', rows };

  // meetings.csv edited by hand: check, then update.
  const folder = path.join(root, 'meetings');
  fs.cpSync(first, folder, { recursive: true });
  const meetings = readCsv(path.join(folder, 'meetings.csv'));
  const meetingRows = new Map(LINKS.map((l, i) => [l, i + 2]));
  writeCsv(path.join(folder, 'meetings.csv'), meetings.map((m, i) => (i < LINKS.length ? { ...m, link: LINKS[i]! } : m)));
  cases.check = awg(['check', '--schedule', folder, '--json']);
  cases['meetings.csv'] = { run: awg(['update', '--schedule', folder]), out: folder, file: path.join(folder, 'meetings.csv'), column: 'link', rows: meetingRows };
}, 90_000);

/** The events of one participant's calendar file, as a calendar app reads them. */
function calendarEvents(file: string) {
  const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  return comp.getAllSubcomponents('vevent');
}

describe.each(['confirmed.csv', 'offices.csv', 'meetings.csv'] as const)('a video link typed in %s', (source) => {
  it('costs nothing: the run ends with the folder written, not with the bug message', () => {
    const { run, out } = cases[source];
    expectNoStack(run);
    expect(run.stderr).not.toMatch(/bug in awg|unexpected failure/);
    expect([0, 1]).toContain(run.code);
    expect(fs.existsSync(path.join(out, 'calendar', 'events.csv'))).toBe(true);
  });

  it.each(LINKS)('%s stays as typed in meetings.csv and the itinerary, and is the calendar event\'s text', (link) => {
    const { out } = cases[source];
    const meeting = readCsv(path.join(out, 'meetings.csv')).find((m) => m.link === link);
    expect(meeting, `meetings.csv has ${link}`).toBeDefined();
    const people = readCsv(path.join(out, 'attendees.csv')).filter((a) => a.meeting_id === meeting!.meeting_id);
    expect(people.length).toBeGreaterThan(0);
    const prefix = `${slug(`${people[0]!.first_name} ${people[0]!.last_name}`)}`;
    const page = fs.readdirSync(path.join(out, 'itineraries')).find((f) => f.startsWith(prefix))!;
    expect(fs.readFileSync(path.join(out, 'itineraries', page), 'utf8')).toContain(link);
    const ics = fs.readdirSync(path.join(out, 'calendar', 'participants')).find((f) => f.startsWith(prefix) && !f.endsWith('-cancelled.ics'))!;
    const event = calendarEvents(path.join(out, 'calendar', 'participants', ics)).find((v) => String(v.getFirstPropertyValue('uid')).startsWith(`${meeting!.meeting_id}-`))!;
    expect(event, `${ics} has ${meeting!.meeting_id}`).toBeDefined();
    expect(String(event.getFirstPropertyValue('description'))).toContain(`Video link: ${link}`);
    expect(event.getFirstPropertyValue('location')).toBe(link);
    expect(event.getFirstProperty('url')).toBeNull();
  });

  it('is a warning naming the file, row and column where it was typed, once per link', () => {
    const { out, file, column, rows } = cases[source];
    const warned = readCsv(path.join(out, 'problems.csv')).filter((p) => p.code === 'link-not-in-calendar');
    expect(warned.map((p) => [p.value, p.file, Number(p.row), p.column]).sort()).toEqual(LINKS.map((l) => [l, file, rows.get(l), column]).sort());
  });
});

it('check says every rule holds for meetings.csv with these links, and names each in a warning', () => {
  expectNoStack(cases.check);
  expect(cases.check.code).toBe(0);
  const report = JSON.parse(cases.check.stdout) as { errors: number; problems: Rec[] };
  expect(report.errors).toBe(0);
  expect(report.problems.filter((p) => p.code === 'link-not-in-calendar').map((p) => p.value).sort()).toEqual([...LINKS].sort());
});
