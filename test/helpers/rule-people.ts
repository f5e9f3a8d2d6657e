// The people of the rulebook's property tests (test/unit/rulebook*.test.ts): constituents of some of three
// offices, free at some of four slots, with names and phones drawn from few enough that possible duplicates occur.
import fc from 'fast-check';

export const personArb = fc.record({
  offices: fc.subarray([0, 1, 2], { minLength: 1 }),
  free: fc.subarray([0, 1, 2, 3]),
  name: fc.constantFrom('Ana Diaz', 'Ben Okafor', 'Cy Park'),
  phone: fc.constantFrom('(312) 555-0101', '(312) 555-0102'),
});
