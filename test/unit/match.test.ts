import { describe, expect, it } from 'vitest';
import { crosswalkStats, parseCrosswalk } from '../../src/match/crosswalk.js';
import { locate } from '../../src/match/locate.js';
import { matchConstituents, rankParticipants } from '../../src/match/match.js';
import { buildPriority } from '../../src/match/priority.js';
import { event, office, rsvp } from '../helpers/build.js';

const CSV = 'state_fips,state_abbr,zcta,cd\r\n17,IL,60614,5\r\n17,IL,60062,9\r\n17,IL,60062,10\r\n50,VT,05401,0\r\n11,DC,20002,0\r\n';
const CENSUS = '\uFEFF' + [
  'OID_CD119_20|GEOID_CD119_20|NAMELSAD_CD119_20|AREALAND_CD119_20|AREAWATER_CD119_20|MTFCC_CD119_20|FUNCSTAT_CD119_20|OID_ZCTA5_20|GEOID_ZCTA5_20|NAMELSAD_ZCTA5_20|AREALAND_ZCTA5_20|AREAWATER_ZCTA5_20|MTFCC_ZCTA5_20|FUNCSTAT_ZCTA5_20|AREALAND_PART|AREAWATER_PART|AREA_PART',
  '1|1705|CD 5|1|1|G5200|N|1|60614|ZCTA5 60614|1|1|G6350|S|500|0|500',
  '2|1709|CD 9|1|1|G5200|N|2|60062|ZCTA5 60062|1|1|G6350|S|600|0|600',
  '3|1710|CD 10|1|1|G5200|N|2|60062|ZCTA5 60062|1|1|G6350|S|400|0|400',
  '4|5000|CD AL|1|1|G5200|N|3|05401|ZCTA5 05401|1|1|G6350|S|100|0|100',
  '5|1198|Delegate|1|1|G5200|N|4|20002|ZCTA5 20002|1|1|G6350|S|100|0|100',
  '6|17ZZ|undefined|1|1|G5200|N|||||||0|0|0',
  '7|1709|CD 9|1|1|G5200|N||||||||0|50|50',
].join('\r\n') + '\r\n';

describe('parseCrosswalk', () => {
  it('reads the CSV shape', () => {
    const cw = parseCrosswalk(CSV, 'zccd.csv');
    expect(cw.shape).toBe('csv');
    expect(cw.zips.get('60062')).toEqual([{ state: 'IL', district: 9 }, { state: 'IL', district: 10 }]);
    expect(crosswalkStats(cw)).toMatchObject({ zips: 4, spanning: 1 });
  });

  it('reads the Census relationship file with land shares, skipping rows without a ZCTA', () => {
    const cw = parseCrosswalk(CENSUS, 'tab20_cd119_zcta520.txt');
    expect(cw.shape).toBe('census');
    expect(cw.zips.get('60062')).toEqual([{ state: 'IL', district: 9, share: 0.6 }, { state: 'IL', district: 10, share: 0.4 }]);
    expect(cw.zips.get('05401')).toEqual([{ state: 'VT', district: 0, share: 1 }]);
    expect(cw.zips.get('20002')).toEqual([{ state: 'DC', district: 0, share: 1 }]);
    expect(cw.skipped).toBe(2);
  });

  it('both shapes agree on districts', () => {
    const a = parseCrosswalk(CSV, 'a.csv');
    const b = parseCrosswalk(CENSUS, 'b.txt');
    for (const zip of a.zips.keys()) expect(b.zips.get(zip)?.map((z) => [z.state, z.district])).toEqual(a.zips.get(zip)?.map((z) => [z.state, z.district]));
  });

  it('refuses a file of another shape, listing its headers', () => {
    expect(() => parseCrosswalk('zip,county\n60614,Cook\n', 'x.csv')).toThrow(/not a ZIP→district crosswalk.*"zip", "county"/);
  });
});

describe('locate', () => {
  const cw = parseCrosswalk(CENSUS, 'cw.txt');
  it('takes the district column first', () => {
    expect(locate(rsvp(2, { state: 'IL', zip: '60062', district: 10 }), cw)).toMatchObject({ state: 'IL', district: 10, districtFrom: 'column' });
  });
  it('uses the at-large rule next', () => {
    expect(locate(rsvp(2, { state: 'VT' }))).toMatchObject({ state: 'VT', district: 0, districtFrom: 'at-large' });
  });
  it('then a ZIP that lies in one district', () => {
    expect(locate(rsvp(2, { state: 'IL', zip: '60614' }), cw)).toMatchObject({ district: 5, districtFrom: 'zip' });
  });
  it('leaves the district unknown for a ZIP that spans districts, with the candidates', () => {
    const loc = locate(rsvp(2, { state: 'IL', zip: '60062' }), cw);
    expect(loc.district).toBeUndefined();
    expect(loc.candidates).toEqual([{ state: 'IL', district: 9, share: 0.6 }, { state: 'IL', district: 10, share: 0.4 }]);
  });
  it('finds the state from the ZIP when the column is blank', () => {
    expect(locate(rsvp(2, { zip: '60614' }), cw)).toMatchObject({ state: 'IL', stateFrom: 'zip', district: 5 });
    expect(locate(rsvp(2, { zip: '85004' }))).toMatchObject({ state: 'AZ', stateFrom: 'zip', zipUnknown: true });
  });
  it('flags a state that contradicts the ZIP', () => {
    expect(locate(rsvp(2, { state: 'TX', zip: '60614' }), cw)).toMatchObject({ stateProblem: 'zip-conflict', zipStates: ['IL'] });
  });
  it('without a crosswalk, a multi-district state leaves the district unknown', () => {
    expect(locate(rsvp(2, { state: 'IL', zip: '60614' }))).toMatchObject({ state: 'IL', zipUnknown: true });
  });
});

describe('matchConstituents', () => {
  const cw = parseCrosswalk(CENSUS, 'cw.txt');
  const offices = [office('H-IL-05'), office('H-IL-09', { tier: 2 }), office('S-IL-DALTON'), office('H-VT-AL', { tier: 3 })];
  const none = { slots: [], blank: false, cannotJoin: false, unreadable: [] };
  const people = [
    rsvp(2, { state: 'IL', zip: '60614' }),
    rsvp(3, { state: 'IL', zip: '60062' }),
    rsvp(4, { state: 'MA', zip: '02134' }),
    rsvp(5, { state: 'DC', zip: '20002' }),
    rsvp(6, { email: '', emailValid: false, state: 'IL' }),
    rsvp(7, { state: 'IL', zip: '60614', availability: { ...none, cannotJoin: true }, note: 'away' }),
    rsvp(8, { state: 'IL', zip: '60614', availability: { ...none, unreadable: ['when I can'] } }),
    rsvp(9, { state: 'TX', zip: '60614' }),
    rsvp(10, { stateRaw: 'Nowhere' }),
    rsvp(11, { state: 'IL', zip: '60614' }),
    rsvp(12, { state: 'VT' }),
  ];
  const result = matchConstituents(people, new Map([[11, 2]]), offices, event, cw);
  const fate = (row: number) => result.participants.find((p) => p.rsvp.row === row)?.offices.map((o) => o.id) ?? result.unmatched.find((u) => u.rsvp.row === row)?.code;

  it.each([
    [2, ['H-IL-05', 'S-IL-DALTON']],
    [3, ['S-IL-DALTON']],
    [4, 'not-constituent'],
    [5, 'territory'],
    [6, 'unreachable'],
    [7, 'cannot-join'],
    [8, 'availability-unreadable'],
    [9, 'state-zip-conflict'],
    [10, 'no-state'],
    [11, 'duplicate'],
    [12, ['H-VT-AL']],
  ])('row %i → %j', (row, expected) => expect(fate(row)).toEqual(expected));

  it('accounts for every row exactly once', () => {
    const rows = [...result.participants.map((p) => p.rsvp.row), ...result.unmatched.map((u) => u.rsvp.row)].sort((a, b) => a - b);
    expect(rows).toEqual(people.map((p) => p.row));
  });

  it('says which district a spanning ZIP could be when that decides the match', () => {
    const r = matchConstituents([rsvp(2, { state: 'IL', zip: '60062' })], new Map(), [office('H-IL-09')], event, cw);
    expect(r.unmatched[0]).toMatchObject({ code: 'district-unknown', reason: 'district unknown: ZIP 60062 lies in IL-09 (60%) and IL-10 (40%)' });
  });

  it('names the superseding row of a duplicate', () => {
    expect(result.unmatched.find((u) => u.rsvp.row === 11)).toMatchObject({ supersededBy: 2, reason: 'superseded by row 2 (same email, later submission)' });
  });

  it('can leave late RSVPs out when the config says so', () => {
    const r = matchConstituents([rsvp(2, { state: 'VT', late: true })], new Map(), offices, { ...event, lateRsvps: 'exclude' });
    expect(r.unmatched[0]?.code).toBe('late-excluded');
  });

  it('counts people left without a district for want of a crosswalk', () => {
    expect(matchConstituents([rsvp(2, { state: 'IL', zip: '60614' })], new Map(), offices, event).withoutDistrict).toBe(1);
  });
});

describe('ranking and priority', () => {
  it('ranks by best tier, then by how many target offices', () => {
    const o1 = office('H-IL-05', { tier: 1 });
    const s = office('S-IL-A', { tier: 2 });
    const s2 = office('S-IL-B', { tier: 2 });
    const base = { location: { state: 'IL' } };
    const ranked = rankParticipants([
      { ...base, rsvp: rsvp(2), offices: [s], bestTier: 2 },
      { ...base, rsvp: rsvp(3), offices: [o1, s], bestTier: 1 },
      { ...base, rsvp: rsvp(4), offices: [s, s2], bestTier: 2 },
      { ...base, rsvp: rsvp(5), offices: [o1], bestTier: 1 },
    ]);
    expect(ranked.map((p) => [p.rsvp.row, p.rank])).toEqual([[3, 1], [5, 2], [4, 3], [2, 4]]);
  });

  it('lists offices with no constituents first, as recruiting gaps', () => {
    const offices = [office('H-IL-05'), office('S-ME-COLLINS')];
    const people = [rsvp(2, { state: 'IL', district: 5 })];
    const m = matchConstituents(people, new Map(), offices, event);
    const report = buildPriority(people, new Map(), offices, m);
    expect(report.offices.map((c) => [c.office.id, c.constituents.length, c.available.length])).toEqual([['S-ME-COLLINS', 0, 0], ['H-IL-05', 1, 1]]);
    const unknown = buildPriority([rsvp(3, { state: 'IL' })], new Map(), offices, matchConstituents([rsvp(3, { state: 'IL' })], new Map(), offices, event));
    expect(unknown.offices.find((c) => c.office.id === 'H-IL-05')).toMatchObject({ constituents: [], possible: [expect.objectContaining({ row: 3 })] });
  });
});
