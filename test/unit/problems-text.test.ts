import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/problems.js';
import { formatProblems } from '../../src/render/problems.js';

const zip = (row: number): Problem => ({ code: 'zip-leading-zero', severity: 'warning', file: '/x/rsvps.csv', row, column: 'ZIP Code', value: '2134',
  message: `"2134" lost its leading zero; read as 02134`, fix: 'Format the ZIP column as text so Excel keeps leading zeros.' });

describe('formatProblems', () => {
  it('folds a repeated warning into one line with its count and rows; a few stay one by one', () => {
    const rows = [18, 66, 86, 90, 101, 120, 130, 140, 150, 160, 170, 180, 190, 200];
    const text = formatProblems([...rows.map(zip), { ...zip(5), code: 'invalid-phone', column: 'Phone', message: 'bad phone', fix: 'Write a phone.' }], false);
    expect(text).toContain('Warnings (15)');
    expect(text).toContain('1. rsvps.csv (ZIP Code): 14 ZIPs lost their leading zero: rows 18, 66, 86, 90, 101, 120, 130, 140, 150, 160, 170, 180, … (each one in --json)');
    expect(text).toContain('2. rsvps.csv row 5 (Phone): bad phone');
    expect(text.match(/fix: Format the ZIP column/g)).toHaveLength(1);
    expect(formatProblems([zip(2), zip(3), zip(4)], false).match(/lost its leading zero/g)).toHaveLength(3);
  });

  it('tells a fold of a kind it has no name for by its first message, whole and last, with no doubled quotes', () => {
    const wrong = (row: number): Problem => ({ code: 'wrong-member', severity: 'warning', file: '/x/targets.xlsx', sheet: 'Reps', row, column: 'Member', value: 'Rep. X',
      message: `"Rep. X${row}" does not hold IL-05: Mike Quigley (D) does`, fix: 'Correct the member.' });
    const text = formatProblems([4, 5, 6, 7].map(wrong), false);
    expect(text).toContain('1. targets.xlsx [Reps] (Member): 4 warnings in rows 4, 5, 6, 7 (each one in --json), like row 4\'s: "Rep. X4" does not hold IL-05: Mike Quigley (D) does\n');
    expect(text).not.toContain('""');
  });

  it('never folds errors', () => {
    const errs = [2, 3, 4, 5, 6].map((row): Problem => ({ ...zip(row), severity: 'error', code: 'invalid-zip' }));
    expect(formatProblems(errs, false).match(/row \d/g)).toHaveLength(5);
  });
});
