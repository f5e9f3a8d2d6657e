// The Capitol complex: the three House office buildings on Independence Avenue (south), the three
// Senate ones on Constitution Avenue (north), the Capitol between. Minutes are the guides' rules of
// thumb: 5 within a building or to a tunnel-linked neighbour, 15 to another building on one side,
// 30 across (20 of walking and 10 for security at the door), 20 to or from the Capitol.
import { pairKey, type Building, type Campus } from './model.js';

const house = (name: string, address: string, x: number, neighbours: string[], aliases: string[]): Building => ({
  name, fullName: `${name} House Office Building`, address: `${address}, Washington, DC 20515`, side: 'House', neighbours, aliases, x, y: 250,
});
const senate = (name: string, address: string, x: number, neighbours: string[], aliases: string[]): Building => ({
  name, fullName: `${name} Senate Office Building`, address: `${address}, Washington, DC 20510`, side: 'Senate', neighbours, aliases, x, y: 50,
});

export const CAPITOL_CAMPUS: Campus = {
  name: 'Capitol Hill',
  buildings: [
    // West to east along each avenue, as they stand.
    house('Rayburn', '45 Independence Ave SW', 70, ['Longworth'], ['RHOB', 'Rayburn HOB']),
    house('Longworth', '15 Independence Ave SE', 160, ['Rayburn', 'Cannon'], ['LHOB', 'Longworth HOB']),
    house('Cannon', '27 Independence Ave SE', 250, ['Longworth'], ['CHOB', 'Cannon HOB']),
    senate('Russell', '2 Constitution Ave NE', 200, ['Dirksen'], ['SR', 'SROB', 'Russell SOB']),
    senate('Dirksen', '50 Constitution Ave NE', 280, ['Russell', 'Hart'], ['SD', 'SDOB', 'Dirksen SOB']),
    senate('Hart', '120 Constitution Ave NE', 350, ['Dirksen'], ['SH', 'SHOB', 'Hart SOB']),
    {
      name: 'Capitol', fullName: 'U.S. Capitol', address: 'First St SE, Washington, DC 20004', side: 'Capitol',
      neighbours: [], aliases: ['US Capitol', 'U.S. Capitol', 'The Capitol', 'H', 'S'], x: 150, y: 150,
    },
  ],
  walk: {
    sameBuilding: 5, neighbours: 5, sameSide: 15, acrossSides: 30, securityMinutes: 10,
    pairs: Object.fromEntries(['Rayburn', 'Longworth', 'Cannon', 'Russell', 'Dirksen', 'Hart'].map((b) => [pairKey('Capitol', b), 20])),
  },
};
