import { describe, expect, it } from 'vitest';
import { instant, KNOWN_ZONE_NAMES, longDate, rangeIn, timeRange, whenText, zoneAbbr, zoneName } from '../../src/render/when.js';

const NY = 'America/New_York';
const at = (date: string, hhmm: string, zone = NY) => instant(date, hhmm, zone);

describe('dates and times as US readers write them', () => {
  it('names the day', () => {
    expect(longDate('2020-07-15')).toBe('Wednesday, July 15');
    expect(longDate('2021-01-01')).toBe('Friday, January 1');
    expect(longDate('7/15/2020')).toBe('7/15/2020');
    expect(longDate('2020-02-30')).toBe('2020-02-30');
  });

  it('writes the meridiem once when both ends share it', () => {
    expect(timeRange(at('2020-07-15', '12:30'), at('2020-07-15', '13:00'), NY)).toBe('12:30–1:00 pm');
    expect(timeRange(at('2020-07-15', '10:00'), at('2020-07-15', '10:30'), NY)).toBe('10:00–10:30 am');
  });

  it('writes both meridiems across noon and midnight, with noon as 12 pm and midnight as 12 am', () => {
    expect(timeRange(at('2020-07-15', '11:30'), at('2020-07-15', '12:00'), NY)).toBe('11:30 am–12:00 pm');
    expect(timeRange(at('2020-07-15', '12:00'), at('2020-07-15', '12:30'), NY)).toBe('12:00–12:30 pm');
    expect(timeRange(at('2020-07-15', '23:30'), at('2020-07-16', '00:00'), NY)).toBe('11:30 pm–12:00 am');
    expect(timeRange(at('2020-07-16', '00:00'), at('2020-07-16', '00:30'), NY)).toBe('12:00–12:30 am');
  });

  it('gives each zone its own name', () => {
    expect([NY, 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Anchorage'].map(zoneAbbr)).toEqual(['ET', 'CT', 'MT', 'PT', 'AKT']);
    expect(zoneAbbr('America/Phoenix')).toBe('MST');
    expect(zoneAbbr('Pacific/Honolulu')).toBe('HST');
    expect(zoneName('America/Chicago')).toBe('Central');
    expect(zoneName(NY)).toBe('Eastern');
    expect(zoneName('America/Phoenix')).toBe('Arizona');
  });

  it('puts the reader\'s zone first and the event\'s in parentheses', () => {
    const s = at('2020-07-15', '13:30');
    const e = at('2020-07-15', '14:00');
    expect(whenText(s, e, NY, 'America/Chicago')).toBe('12:30–1:00 pm CT (1:30–2:00 pm ET)');
    expect(whenText(s, e, NY, NY)).toBe('1:30–2:00 pm ET');
    expect(whenText(s, e, NY, 'Not/AZone')).toBe('1:30–2:00 pm ET');
    expect(whenText(s, e, 'America/Chicago', 'America/Chicago')).toBe('12:30–1:00 pm CT');
  });

  it('follows daylight saving time: Arizona and Hawaii keep standard time, the others move', () => {
    // July: Eastern daylight time; Arizona is three hours behind, Hawaii six, Alaska four.
    const julyS = at('2020-07-15', '11:00');
    const julyE = at('2020-07-15', '11:30');
    expect(whenText(julyS, julyE, NY, 'America/Phoenix')).toBe('8:00–8:30 am MST (11:00–11:30 am ET)');
    expect(whenText(julyS, julyE, NY, 'Pacific/Honolulu')).toBe('5:00–5:30 am HST (11:00–11:30 am ET)');
    expect(whenText(julyS, julyE, NY, 'America/Anchorage')).toBe('7:00–7:30 am AKT (11:00–11:30 am ET)');
    // January: Arizona two hours behind Eastern, Hawaii five.
    const janS = at('2021-01-12', '11:00');
    const janE = at('2021-01-12', '11:30');
    expect(whenText(janS, janE, NY, 'America/Phoenix')).toBe('9:00–9:30 am MST (11:00–11:30 am ET)');
    expect(whenText(janS, janE, NY, 'Pacific/Honolulu')).toBe('6:00–6:30 am HST (11:00–11:30 am ET)');
    // The day the clocks change: 10:00 Eastern is 10:00 EST on Saturday and 10:00 EDT on Sunday.
    expect(at('2021-03-14', '10:00') - at('2021-03-13', '10:00')).toBe(23 * 3_600_000);
  });

  it('names the day when, for the reader, the meeting falls on another one', () => {
    const s = at('2020-07-15', '10:00');
    expect(rangeIn(s, s + 1_800_000, 'Pacific/Guam', '2020-07-15')).toMatch(/^12:00–12:30 am .+, Thursday, July 16$/);
  });

  it('reads no instant from a date or time that is not one', () => {
    expect(instant('7/15/2020', '10:00', NY)).toBeNaN();
    expect(instant('2020-07-15', '10am', NY)).toBeNaN();
    expect(instant('2020-07-15', '10:00', 'Mars/Olympus')).toBeNaN();
  });
});

describe('offsets', () => {
  it('gives a zone\'s offset from UTC at an instant, daylight time included', async () => {
    const { offsetMinutes } = await import('../../src/render/when.js');
    expect(offsetMinutes(at('2020-07-15', '11:00'), NY)).toBe(-240);
    expect(offsetMinutes(at('2020-01-15', '11:00'), NY)).toBe(-300);
    expect(offsetMinutes(at('2020-07-15', '11:00'), 'America/Phoenix')).toBe(-420);
    expect(offsetMinutes(at('2020-07-15', '11:00'), 'Asia/Kolkata')).toBe(330);
  });
});

describe('zone names', () => {
  it('names the usual US zones as ICU does, without asking it', () => {
    const icu = (zone: string, style: 'shortGeneric' | 'longGeneric') =>
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: style }).formatToParts(Date.UTC(2020, 0, 15)).find((x) => x.type === 'timeZoneName')?.value;
    for (const [zone, [short, long]] of Object.entries(KNOWN_ZONE_NAMES)) expect([zone, short, long]).toEqual([zone, icu(zone, 'shortGeneric'), icu(zone, 'longGeneric')]);
    expect([zoneAbbr('America/Phoenix'), zoneName('America/Phoenix'), zoneName('Pacific/Honolulu')]).toEqual(['MST', 'Arizona', 'Hawaii-Aleutian Standard']);
    // Any other zone is ICU's.
    expect(zoneAbbr('Europe/Paris')).toBe(icu('Europe/Paris', 'shortGeneric'));
  });
});
