// A form timestamp without a zone is read in the event's zone; awg keeps each hour's offset instead of asking
// the time-zone database for every row. The instants must be the ones date-fns-tz gives row by row,
// including on the days the clocks change and in zones that change on the half hour.
import { fromZonedTime } from 'date-fns-tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/normalize/timestamp.js';

const pad = (n: number) => String(n).padStart(2, '0');
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
/** Days the clocks change in these zones (2020 and 2026), and days they do not. */
const DAYS = ['2020-03-08', '2020-11-01', '2026-03-08', '2026-11-01', '2020-04-05', '2020-10-04', '2026-07-14'];

describe('timestamps without a zone', () => {
  it('a Sheets timestamp is the instant date-fns-tz gives, every minute of the days the clocks change', () => {
    for (const zone of ZONES) {
      for (const day of DAYS) {
        const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
        for (let minute = 0; minute < 24 * 60; minute += 7) {
          const h = Math.floor(minute / 60);
          const mi = minute % 60;
          const s = minute % 60;
          const got = parseTimestamp(`${mo}/${d}/${y} ${h}:${pad(mi)}:${pad(s)}`, zone);
          expect(got?.getTime(), `${zone} ${day} ${h}:${mi}:${s}`).toBe(fromZonedTime(`${day}T${pad(h)}:${pad(mi)}:${pad(s)}`, zone).getTime());
        }
      }
    }
  });

  it('in any order of rows, each ISO timestamp without a zone is the instant date-fns-tz gives', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...DAYS), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (zone, day, h, mi, s) => {
      const wall = `${day}T${pad(h)}:${pad(mi)}:${pad(s)}`;
      expect(parseTimestamp(wall, zone)?.getTime()).toBe(fromZonedTime(wall, zone).getTime());
    }), { numRuns: 2000 });
  });
});
