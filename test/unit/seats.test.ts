// Targets by seat, the data's age, and why an office whose constituents' ZIPs span districts is uncovered.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { bundledCrosswalk, currentMembers, type Member } from '../../src/data/bundled.js';
import { eventAgeProblems, redrawnProblems } from '../../src/match/data-age.js';
import { matchConstituents } from '../../src/match/match.js';
import { fillSeats, namesMember, oneChamberProblems } from '../../src/normalize/seats.js';
import type { Problem } from '../../src/problems.js';
import { planEvent } from '../../src/schedule/plan.js';
import { event, office, rsvp, slots } from '../helpers/build.js';

const m = (over: Partial<Member>): Member => ({
  chamber: 'House', state: 'IL', first: 'Mike', last: 'Quigley', name: 'Mike Quigley', party: 'D', phone: '202-225-4061',
  office: '2083 Rayburn House Office Building', contact: 'https://quigley.house.gov', bioguide: 'Q000023', ...over,
});
const MEMBERS: Member[] = [
  m({ district: 5 }),
  m({ chamber: 'Senate', rank: 'senior', first: 'Richard', last: 'Durbin', name: 'Richard J. Durbin', phone: '202-224-2152', office: '711 Hart Senate Office Building' }),
  m({ chamber: 'Senate', rank: 'junior', first: 'Tammy', last: 'Duckworth', name: 'Tammy Duckworth', phone: '202-224-2854', office: '524 Hart Senate Office Building' }),
  m({ state: 'TX', district: 15, first: 'Mónica', last: 'De La Cruz', name: 'Monica De La Cruz', party: 'R' }),
];
const blank = { member: '', party: '', phone: '' };

describe('fillSeats', () => {
  it('fills a House row that names only the seat', () => {
    const problems: Problem[] = [];
    const [o] = fillSeats([office('H-IL-05', blank)], MEMBERS, problems);
    expect(o).toMatchObject({ member: 'Mike Quigley', party: 'D', phone: '(202) 225-4061', address: '2083 Rayburn House Office Building', tier: 1 });
    expect(problems).toEqual([]);
  });

  it('keeps what the organizer wrote, and fills only the blanks', () => {
    const [o] = fillSeats([office('H-IL-05', { member: 'Rep. Quigley', phone: '' })], MEMBERS, []);
    expect(o).toMatchObject({ member: 'Rep. Quigley', phone: '(202) 225-4061' });
  });

  it('warns, naming the holder, when a row names someone else; the row stands as written', () => {
    const problems: Problem[] = [];
    const [o] = fillSeats([office('H-IL-05', { member: 'Rep. Maria Kowalski', row: 7 })], MEMBERS, problems);
    expect(o).toMatchObject({ member: 'Rep. Maria Kowalski', phone: '' });
    expect(problems).toEqual([expect.objectContaining({ code: 'wrong-member', severity: 'warning', row: 7, message: '"Rep. Maria Kowalski" does not hold IL-05: Mike Quigley (D) does, by awg\'s list of current members' })]);
  });

  it('turns a Senators row with no name into both seats, and reads senior and junior', () => {
    const both = fillSeats([office('S-IL-', blank)], MEMBERS, []);
    expect(both.map((o) => [o.id, o.member])).toEqual([['S-IL-DURBIN', 'Richard J. Durbin'], ['S-IL-DUCKWORTH', 'Tammy Duckworth']]);
    expect(fillSeats([office('S-IL-JUNIOR', { member: 'Junior' })], MEMBERS, [])[0]).toMatchObject({ id: 'S-IL-DUCKWORTH', member: 'Tammy Duckworth' });
    const problems: Problem[] = [];
    fillSeats([office('S-IL-DALTON', { member: 'Sen. Richard Dalton' })], MEMBERS, problems);
    expect(problems[0]?.message).toBe('"Sen. Richard Dalton" is not a senator of IL: IL\'s senators are Richard J. Durbin (D) and Tammy Duckworth (D), by awg\'s list of current members');
  });

  it('matches last names as whole words, accents and several words included', () => {
    expect(namesMember('Rep. Monica De La Cruz', MEMBERS[3]!)).toBe(true);
    expect(namesMember('de la cruz', MEMBERS[3]!)).toBe(true);
    expect(namesMember('Sen. Angus Kingsley', m({ last: 'King', name: 'Angus S. King, Jr.' }))).toBe(false);
    expect(namesMember('Sen. Angus King', m({ last: 'King', name: 'Angus S. King, Jr.' }))).toBe(true);
  });

  it('marks a seat no one holds as vacant', () => {
    const problems: Problem[] = [];
    expect(fillSeats([office('H-IL-06', blank)], MEMBERS, problems)[0]?.member).toBe('Vacant (IL-06)');
    expect(problems[0]?.code).toBe('vacant-seat');
  });

  it('keeps a row naming someone in a seat no one holds, and says the seat looks vacant', () => {
    const problems: Problem[] = [];
    expect(fillSeats([office('H-IL-06', { member: 'Rep. Sean Casten' })], MEMBERS, problems)[0]?.member).toBe('Rep. Sean Casten');
    expect(problems.map((p) => [p.code, p.message])).toEqual([['vacant-seat', '"Rep. Sean Casten" is kept as written, but no one holds IL-06 in awg\'s list of current members (a vacant seat?)']]);
  });

  it('warns when only one chamber is targeted', () => {
    expect(oneChamberProblems([office('H-IL-05')], ['house.csv'])[0]?.message).toBe('the targets list no Senators: nobody will be scheduled with a senator');
    expect(oneChamberProblems([office('H-IL-05'), office('S-IL-DURBIN')], ['t.xlsx'])).toEqual([]);
  });
});

describe('the bundled data', () => {
  it('holds every seat of the 119th Congress and the crosswalk', () => {
    const members = currentMembers();
    expect(members.filter((x) => x.chamber === 'Senate')).toHaveLength(100);
    expect(members.find((x) => x.state === 'IL' && x.district === 9)).toMatchObject({ name: 'Janice D. Schakowsky', party: 'D' });
    expect(members.find((x) => x.state === 'IL' && x.rank === 'senior')).toMatchObject({ name: 'Richard J. Durbin', senateClass: 2, office: '711 Hart Senate Office Building' });
    expect(bundledCrosswalk().zips.get('60091')?.map((z) => `${z.state}-${z.district}`).sort()).toEqual(['IL-10', 'IL-9']);
    expect(bundledCrosswalk().zips.get('05401')).toEqual([{ state: 'VT', district: 0 }]);
  });

  it('warns about an event after the 119th Congress, and about states redrawn since', () => {
    const later = { ...DEFAULT_CONFIG.event, days: ['2027-02-02'] };
    const match = matchConstituents([rsvp(2, { state: 'TX', zip: '78229' }), rsvp(3, { state: 'IL', zip: '60657' })], new Map(), [], later, bundledCrosswalk());
    const problems = [...eventAgeProblems(later, bundledCrosswalk()), ...redrawnProblems(later, bundledCrosswalk(), match.locations, { file: 'rsvps.csv', column: 'Zip' })];
    expect(problems.map((p) => p.code)).toEqual(['districts-out-of-date', 'districts-redrawn']);
    expect(problems[1]).toMatchObject({ file: 'rsvps.csv', column: 'Zip' });
    expect(problems[1]?.message).toMatch(/^TX has redrawn its districts .*the district of 1 person found from the ZIP \(row 2\) may be out of date$/);
    const given = { ...bundledCrosswalk(), shape: 'csv' as const };
    expect([...eventAgeProblems(later, given), ...redrawnProblems(later, given, match.locations, { file: 'rsvps.csv', column: 'Zip' })]).toEqual([]);
  });
});

describe('an office whose constituents\' ZIPs span districts', () => {
  it('is uncovered with the candidate districts named', () => {
    const match = matchConstituents([], new Map(), [office('H-IL-09')], event);
    const plan = planEvent({
      config: DEFAULT_CONFIG, slots, offices: [office('H-IL-09')], match,
      districtUnknown: new Map([['H-IL-09', { people: 2, candidates: ['IL-09', 'IL-10'] }]]),
    });
    expect(plan.uncovered.get('H-IL-09')).toBe('no constituent with a known district: 2 RSVPs in the state live in ZIPs that span IL-09 and IL-10 (ask them which district they vote in, and fill in the district column)');
    expect(plan.uncovered.get('H-IL-09')).not.toContain('--zip-districts');
  });
});
