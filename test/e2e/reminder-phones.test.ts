// The reminder is what a participant has open on the day: when the video link fails, they call the
// accompanier, whose phone is on the staff list (meetings.csv has no phone column).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

type Rec = Record<string, string>;
const readCsv = (file: string) => parse(fs.readFileSync(file), { columns: true, bom: true }) as Rec[];
let out = '';

beforeAll(() => {
  out = path.join(tmpDir('awg-reminder-phones-'), 'out');
  expectNoStack(awg(['schedule', '--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx'), '--zip-districts', fx('zip-districts.csv'),
    '--staff', fx('staff.csv'), '--confirmed', fx('confirmed.csv'), '--out', out]));
});

describe('reminders give the accompanier\'s phone', () => {
  it('each participant\'s reminder names each meeting\'s accompanier with the phone the staff list gives them', () => {
    const phones = new Map(readCsv(fx('staff.csv')).map((s) => [s.Name!, s.Phone!]));
    const meetings = readCsv(path.join(out, 'meetings.csv')).filter((m) => m.accompanier && m.accompanier !== 'TBD');
    expect(meetings.length).toBeGreaterThan(0);
    const attendees = readCsv(path.join(out, 'attendees.csv'));
    const reminders = readCsv(path.join(out, 'reminders.csv'));
    let checked = 0;
    for (const m of meetings) {
      const phone = phones.get(m.accompanier!);
      expect(phone, m.accompanier).toBeTruthy();
      for (const a of attendees.filter((x) => x.meeting_id === m.meeting_id && /^[^@\s]+@[^@\s]+\.\w+$/.test(x.email ?? ''))) {
        const r = reminders.find((x) => x.to === a.email && x.day === m.date);
        expect(r, a.email).toBeDefined();
        const block = r!.body!.split('\n- ').find((b) => b.includes(`meeting ${m.meeting_id} `))!;
        expect(block).toContain(`Accompanier: ${m.accompanier}, ${phone}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
