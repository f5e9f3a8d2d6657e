import { describe, expect, it } from 'vitest';
import { CAPITOL_CAMPUS } from '../../src/campus/capitol.js';
import { placeOfOffice, readPlace } from '../../src/campus/place.js';
import { walkBetween } from '../../src/campus/walk.js';
import { MEMBERS_BY_STATE } from '../../src/data/members-119.js';

const place = (text: string, chamber?: 'House' | 'Senate') => readPlace(CAPITOL_CAMPUS, text, 'targets', chamber);

describe('rooms as organizers and offices write them', () => {
  it.each([
    ['2157 Rayburn House Office Building', 'House', 'Rayburn', '2157', '1st floor'],
    ['1035 Longworth House Office Building', 'House', 'Longworth', '1035', 'ground floor'],
    ['153 Cannon House Office Building', 'House', 'Cannon', '153', '1st floor'],
    ['2157', 'House', 'Rayburn', '2157', '1st floor'],
    ['Room 404', 'House', 'Cannon', '404', '4th floor'],
    ['1107 LHOB', 'House', 'Longworth', '1107', '1st floor'],
    ['SH-511', 'Senate', 'Hart', '511', '5th floor'],
    ['SD-G12', 'Senate', 'Dirksen', 'G12', 'ground floor'],
    ['Hart 522', 'Senate', 'Hart', '522', '5th floor'],
    ['455 Russell Senate Office Building', 'Senate', 'Russell', '455', '4th floor'],
  ] as const)('"%s" is %s', (text, chamber, building, room, floor) => {
    const p = place(text, chamber);
    expect({ building: p.building, room: p.room, floor: p.floor }).toEqual({ building, room, floor });
    expect(p.address).toMatch(/Washington, DC 205\d\d$/);
  });

  it('a bare Senate number names no building, and says so by having none', () => {
    const p = place('511', 'Senate');
    expect(p.building).toBeUndefined();
    expect(p.room).toBe('511');
  });

  it('every current member with a DC office is placed in one of the six office buildings or the Capitol', () => {
    const unplaced: string[] = [];
    for (const rows of Object.values(MEMBERS_BY_STATE)) {
      for (const r of rows) {
        if (!r[7]) continue;
        const p = placeOfOffice(CAPITOL_CAMPUS, { chamber: r[0] === 'H' ? 'House' : 'Senate', address: r[7] });
        if (!p.building || !p.room) unplaced.push(`${r[4]}: ${r[7]}`);
      }
    }
    expect(unplaced).toEqual([]);
  });
});

describe('walking minutes between two meetings in a row', () => {
  const m = (a: string, b: string) => walkBetween(CAPITOL_CAMPUS, place(a, 'House'), place(b, 'Senate')).minutes;
  it('is 5 in one building or to a tunnel neighbour, 15 on one side, 30 across with security', () => {
    expect(m('2157 Rayburn', '2100 Rayburn')).toBe(5);
    expect(m('2157 Rayburn', '1107 Longworth')).toBe(5);
    expect(m('2157 Rayburn', '153 Cannon')).toBe(15);
    const across = walkBetween(CAPITOL_CAMPUS, place('2157', 'House'), place('SH-511', 'Senate'));
    expect(across).toEqual({ minutes: 30, security: 10, crossing: true });
  });
  it('is nothing when either meeting is virtual', () => {
    expect(walkBetween(CAPITOL_CAMPUS, undefined, place('SH-511')).minutes).toBe(0);
  });
});

describe('rooms awg cannot place', () => {
  const none = readPlace(CAPITOL_CAMPUS, '', 'none', 'House');
  const notKnown = readPlace(CAPITOL_CAMPUS, 'not known yet', 'offices', 'House');
  const bare = readPlace(CAPITOL_CAMPUS, '511', 'targets', 'Senate');
  it('two offices with no known room are not taken as one building: the walk is the longest, across sides', () => {
    expect(walkBetween(CAPITOL_CAMPUS, none, none)).toEqual({ minutes: 30, security: 10, crossing: true });
    expect(walkBetween(CAPITOL_CAMPUS, notKnown, notKnown).minutes).toBe(30);
    expect(walkBetween(CAPITOL_CAMPUS, none, place('2157', 'House')).minutes).toBe(30);
  });
  it('the same typed room in no known building is one place; another room there is across sides', () => {
    expect(walkBetween(CAPITOL_CAMPUS, bare, bare).minutes).toBe(5);
    expect(walkBetween(CAPITOL_CAMPUS, bare, readPlace(CAPITOL_CAMPUS, '512', 'targets', 'Senate')).minutes).toBe(30);
  });
});
