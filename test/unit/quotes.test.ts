import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../src/read/table.js';

const HEAD = 'Timestamp,Email,First Name,Last Name,State,ZIP,Note';
const row = (n: number, note = '') => `2020/06/22 9:0${n}:00 AM EDT,p${n}@example.org,P${n},Person,IL,60614,${note}`;

describe('a stray quote in a CSV', () => {
  it('does not swallow the rows after it, and names the row where it opens and the rows it swallowed', () => {
    const text = [HEAD, row(1), row(2, '"Sunny day'), row(3), row(4), ''].join('\r\n');
    const t = parseDelimitedText(text, 'r.csv');
    const sheet = t.sheets[0]!;
    expect(sheet.rows.slice(0, 5).map((r) => r[1])).toEqual(['Email', 'p1@example.org', 'p2@example.org', 'p3@example.org', 'p4@example.org']);
    expect(sheet.rows[2]![6]).toBe('"Sunny day');
    expect(sheet.problems).toHaveLength(1);
    expect(sheet.problems![0]).toMatchObject({ code: 'stray-quote', severity: 'error', row: 3 });
    expect(sheet.problems![0]!.message).toContain('rows 4 to 5');
  });

  it('keeps a genuine multi-line answer as one cell of one row, and the rows after it numbered as a spreadsheet shows them', () => {
    const text = [HEAD, row(1, '"Only mornings.\nI teach, in the afternoons."'), row(2), ''].join('\n');
    const sheet = parseDelimitedText(text, 'r.csv').sheets[0]!;
    expect(sheet.problems).toBeUndefined();
    expect(sheet.rows[1]![6]).toBe('Only mornings.\nI teach, in the afternoons.');
    expect(sheet.rows[2]![1]).toBe('p2@example.org');
  });

  it('names a quote left open at the end of the file', () => {
    const text = [HEAD, row(1), row(2, '"no end'), ''].join('\n');
    const sheet = parseDelimitedText(text, 'r.csv').sheets[0]!;
    expect(sheet.rows[2]![6]).toBe('"no end');
    expect(sheet.problems![0]).toMatchObject({ code: 'unclosed-quote', row: 3 });
  });

  it('a quote that closes later in the file, after swallowing whole records, is also caught', () => {
    const text = [HEAD, row(1, '"oops'), row(2), row(3, 'ends here"'), row(4), ''].join('\n');
    const sheet = parseDelimitedText(text, 'r.csv').sheets[0]!;
    expect(sheet.rows.slice(1, 5).map((r) => r[1])).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org', 'p4@example.org']);
    expect(sheet.problems![0]).toMatchObject({ code: 'stray-quote', row: 2 });
    expect(sheet.problems![0]!.message).toContain('rows 3 to 4');
  });
});
