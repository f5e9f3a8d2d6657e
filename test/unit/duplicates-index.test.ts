// awg validate's "possible duplicate" warnings: one person under two emails (same name and phone, or same
// name and ZIP). An event with a common name (many John Smiths) must be warned about exactly the rows a
// row-by-row comparison names: the later row of each pair, pointing at the first row of that name and phone (or ZIP).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rsvp } from '../../src/model.js';
import { findDuplicates } from '../../src/normalize/duplicates.js';

type Person = Pick<Rsvp, 'row' | 'firstName' | 'lastName' | 'email' | 'phone' | 'phoneValid' | 'zip'>;

/** The warnings as the rule says them, by comparing every row with every earlier one. */
function expected(people: Person[], superseded: ReadonlySet<number>): string[] {
  const out: string[] = [];
  const flagged = new Set<number>();
  const name = (p: Person) => `${p.firstName} ${p.lastName}`.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const rules: Array<[string, (p: Person) => string | undefined]> = [['phone', (p) => (p.phoneValid && p.phone ? p.phone : undefined)], ['ZIP', (p) => p.zip]];
  for (const [what, key] of rules) {
    const live = people.filter((p) => !superseded.has(p.row) && name(p) && key(p));
    live.forEach((p, i) => {
      const earlier = live.slice(0, i).find((e) => name(e) === name(p) && key(e) === key(p));
      if (!earlier || earlier.email === p.email || flagged.has(p.row)) return;
      flagged.add(p.row);
      out.push(`${p.row}<${earlier.row} ${what}`);
    });
  }
  return out;
}

const person = fc.record({
  firstName: fc.constantFrom('John', 'Ana', 'john ', 'Li'),
  lastName: fc.constantFrom('Smith', 'SMITH', 'Ng', ''),
  email: fc.constantFrom('a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', ''),
  phone: fc.constantFrom('+12025550101', '+12025550102', ''),
  phoneValid: fc.boolean(),
  zip: fc.constantFrom('20001', '20002', undefined),
});

describe('possible duplicates among many rows of one name', () => {
  it('warns of exactly the rows a row-by-row comparison finds, pointing at the same earlier row', () => {
    fc.assert(fc.property(fc.array(person, { maxLength: 40 }), (ps) => {
      const people = ps.map((p, i) => ({ ...p, row: i + 2, ...(p.zip ? { zip: p.zip } : {}) })) as unknown as Rsvp[];
      const { supersededBy, problems } = findDuplicates(people, 'rsvps.csv');
      const got = problems.filter((p) => p.code === 'same-person-two-emails').map((p) => {
        const m = /possible duplicate of row (\d+): same name and (\w+)/.exec(p.message)!;
        return `${p.row}<${m[1]} ${m[2]}`;
      });
      expect(got).toEqual(expected(people, new Set(supersededBy.keys())));
    }), { numRuns: 500 });
  });

  it('2,000 rows of one name, each with its own phone and ZIP but one, warn of that one only', () => {
    const people = Array.from({ length: 2000 }, (_, i) => ({ row: i + 2, firstName: 'John', lastName: 'Smith', email: `j${i}@x.org`,
      phone: `+1202555${String(i).padStart(4, '0')}`, phoneValid: true, zip: String(10000 + i) })) as unknown as Rsvp[];
    people.push({ ...people[7]!, row: 2002, email: 'other@x.org' });
    const warned = findDuplicates(people, 'rsvps.csv').problems.filter((p) => p.code === 'same-person-two-emails');
    expect(warned.map((p) => [p.row, p.message])).toEqual([[2002, 'possible duplicate of row 9: same name and phone, a different email; both are kept']]);
  });
});
