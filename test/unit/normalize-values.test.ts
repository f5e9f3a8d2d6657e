import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/normalize/state.js';
import { districtLabel, parseDistrict } from '../../src/normalize/district.js';
import { cleanName, normalizeEmail, normalizePhone, parseZip, splitFullName, zipFitsState } from '../../src/normalize/contact.js';
import { parseTimestamp } from '../../src/normalize/timestamp.js';
import { stateByCode } from '../../src/data/states.js';
import { parseYes, parseTimeZone, cleanNeeds } from '../../src/normalize/flags.js';

describe('parseState', () => {
  it.each([
    ['IL', 'IL'], ['il', 'IL'], ['Illinois', 'IL'], ['  new   york ', 'NY'], ['N.Y.', 'NY'], ['Calif.', 'CA'], ['Ill.', 'IL'],
    ['D.C.', 'DC'], ['Washington DC', 'DC'], ['District of Columbia', 'DC'], ['Puerto Rico', 'PR'], ['GU', 'GU'],
    ['U.S. Virgin Islands', 'VI'], ['american samoa', 'AS'], ['Northern Mariana Islands', 'MP'], ['W. Va.', 'WV'],
  ])('%s → %s', (raw, code) => expect(parseState(raw)?.code).toBe(code));

  it.each(['Nowhereland', 'XX', 'Cal ifornia state', ''])('%s is not a state', (raw) => expect(parseState(raw)).toBeUndefined());

  it('knows that DC and the territories have no senators', () => {
    for (const code of ['DC', 'PR', 'GU', 'VI', 'AS', 'MP']) expect(stateByCode(code)?.hasSenators).toBe(false);
    expect(stateByCode('VT')?.hasSenators).toBe(true);
  });
});

describe('parseDistrict', () => {
  const CA = stateByCode('CA');
  const VT = stateByCode('VT');
  it.each([
    ['CA-12', undefined, 12, 'CA'], ['CA12', undefined, 12, 'CA'], ['CA 12', undefined, 12, 'CA'], ['12', CA, 12, 'CA'],
    ['12th', CA, 12, 'CA'], ['1st', CA, 1, 'CA'], ['District 7', CA, 7, 'CA'], ['At-Large', VT, 0, 'VT'], ['AL', VT, 0, 'VT'],
    ['0', VT, 0, 'VT'], ['00', VT, 0, 'VT'], ['VT-AL', undefined, 0, 'VT'], ['1', VT, 0, 'VT'], ['at large', VT, 0, 'VT'],
  ] as const)('%s → %s', (raw, state, n, code) => {
    const r = parseDistrict(raw, state);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.district).toBe(n);
      expect(r.state?.code).toBe(code);
    }
  });

  it('rejects a district the state does not have', () => {
    const r = parseDistrict('CA-60');
    expect(r).toMatchObject({ ok: false, reason: 'no-such-district' });
    expect(parseDistrict('3', VT)).toMatchObject({ ok: false, reason: 'no-such-district' });
    expect(parseDistrict('AL', CA)).toMatchObject({ ok: false, reason: 'no-such-district' });
  });

  it('reports a district whose state contradicts the row', () => {
    expect(parseDistrict('TX-23', CA)).toMatchObject({ ok: false, reason: 'state-mismatch' });
  });

  it('rejects text that is not a district', () => {
    expect(parseDistrict('the north side', CA)).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('labels districts the way organizers write them', () => {
    expect(districtLabel('IL', 9)).toBe('IL-09');
    expect(districtLabel('VT', 0)).toBe('VT-AL');
  });
});

describe('parseZip', () => {
  it.each([
    ['60614', '60614', undefined], ['60614-1234', '60614', 'zip4'], ['606141234', '60614', 'zip4'], [' 02134 ', '02134', undefined],
    ['2134', '02134', 'leading-zero'], ['501', '00501', 'leading-zero'],
  ])('%s → %s', (raw, zip, repaired) => {
    const r = parseZip(raw);
    expect(r).toMatchObject({ ok: true, zip });
    if (r.ok) expect(r.repaired).toBe(repaired);
  });

  it.each(['1234567', 'abcde', '6061', '12'])('%s is not a ZIP', (raw) => {
    // 6061 would be 06061 (CT): allowed; the others are not.
    if (raw === '6061') expect(parseZip(raw)).toMatchObject({ ok: true, zip: '06061' });
    else expect(parseZip(raw).ok).toBe(false);
  });

  it('knows which state a ZIP prefix belongs to', () => {
    expect(zipFitsState('60614', stateByCode('IL')!)).toBe(true);
    expect(zipFitsState('60614', stateByCode('TX')!)).toBe(false);
    expect(zipFitsState('02134', stateByCode('MA')!)).toBe(true);
    expect(zipFitsState('00901', stateByCode('PR')!)).toBe(true);
  });
});

describe('email, phone and names', () => {
  it('trims and lower-cases emails, and flags invalid ones', () => {
    expect(normalizeEmail('  Ana.Lopez@Example.ORG ')).toEqual({ email: 'ana.lopez@example.org', valid: true });
    expect(normalizeEmail('quinn at example.org').valid).toBe(false);
    expect(normalizeEmail('a@b').valid).toBe(false);
  });

  it.each([
    ['(202) 555-0143', '(202) 555-0143'], ['202-555-0143', '(202) 555-0143'], ['202.555.0143', '(202) 555-0143'],
    ['2025550143', '(202) 555-0143'], ['+1 202 555 0143', '(202) 555-0143'], ['1-202-555-0143', '(202) 555-0143'],
    ['312.555.0118 ext. 4', '(312) 555-0118 ext. 4'],
  ])('phone %s → %s', (raw, shown) => expect(normalizePhone(raw)).toEqual({ phone: shown, valid: true }));

  it('keeps an unreadable phone as typed and flags it', () => {
    expect(normalizePhone('call me')).toEqual({ phone: 'call me', valid: false });
    expect(normalizePhone('555-01')).toEqual({ phone: '555-01', valid: false });
  });

  it('keeps accents, emoji and other scripts while collapsing spaces', () => {
    expect(cleanName('  Ana   María\tLópez ')).toBe('Ana María López');
    expect(cleanName('陈 伟')).toBe('陈 伟');
    expect(cleanName('Sunny 🌞  Day')).toBe('Sunny 🌞 Day');
    expect(splitFullName('Ana María López')).toEqual({ first: 'Ana María', last: 'López' });
    expect(splitFullName('López, Ana')).toEqual({ first: 'Ana', last: 'López' });
  });
});

describe('parseTimestamp', () => {
  const NY = 'America/New_York';
  it.each([
    ['2020/06/22 11:07:29 AM EDT', '2020-06-22T15:07:29.000Z'],
    ['2020/06/22 11:07:29 PM EDT', '2020-06-23T03:07:29.000Z'],
    ['2020/06/22 8:07:29 AM PDT', '2020-06-22T15:07:29.000Z'],
    ['2020/06/22 11:07:29 PM GMT+9', '2020-06-22T14:07:29.000Z'],
    ['6/22/2020 11:07:29', '2020-06-22T15:07:29.000Z'],
    ['6/22/2020 11:07', '2020-06-22T15:07:00.000Z'],
    ['2020-06-22T11:07:29', '2020-06-22T15:07:29.000Z'],
    ['2020-06-22T15:07:29Z', '2020-06-22T15:07:29.000Z'],
    ['2020-06-22 15:07:29 UTC', '2020-06-22T15:07:29.000Z'],
    ['2020-06-22T11:07:29-04:00', '2020-06-22T15:07:29.000Z'],
    ['2020-06-22', '2020-06-22T04:00:00.000Z'],
  ])('%s', (raw, iso) => expect(parseTimestamp(raw, NY)?.toISOString()).toBe(iso));

  it.each(['yesterday', '13/45/2020 10:00', '2020-02-30 10:00'])('%s is not a timestamp', (raw) => {
    expect(parseTimestamp(raw, NY)).toBeUndefined();
  });
});

describe('yes/no, needs and time-zone answers', () => {
  it.each([['Yes', true], ['yes, happy to', true], ['Y', true], ['TRUE', true], ['No', false], ['Maybe', false], ['', false], ['Not this time', false]])(
    '%s → %s', (raw, v) => expect(parseYes(raw)).toBe(v));
  it('treats None and N/A as no needs', () => {
    expect(cleanNeeds('N/A')).toBe('');
    expect(cleanNeeds('None.')).toBe('');
    expect(cleanNeeds('ASL interpreter')).toBe('ASL interpreter');
  });
  it.each([['Pacific', 'America/Los_Angeles'], ['Central Time (CT)', 'America/Chicago'], ['EST', 'America/New_York'], ['America/Denver', 'America/Denver'], ['Mars', undefined]])(
    '%s → %s', (raw, tz) => expect(parseTimeZone(raw)).toBe(tz));
});
