// Rows that answered alike share one reading of their answers (normalize/rsvps.ts, by-value.ts): what one
// row's other cells change (a note beside blank times) must stay that row's, never the next person's.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { buildSlots } from '../../src/event.js';
import { normalizeRsvps } from '../../src/normalize/rsvps.js';

const SLOTS = buildSlots(DEFAULT_CONFIG.event);
const HEAD = ['Email', 'First name', 'Last name', 'State', 'ZIP', 'Which times can you join?', 'If you cannot join any meeting time, please tell us'];
const read = (rows: string[][]) => normalizeRsvps({ name: '', rows: [HEAD, ...rows] }, 'r.csv', DEFAULT_CONFIG, SLOTS);

describe('rows that answered alike', () => {
  it('a note beside blank times makes that person unable to join, and the next person with blank times is still free at every time', () => {
    const { rsvps } = read([
      ['a@example.org', 'Ana', 'Ruiz', 'IL', '60614', '', 'I am away that week'],
      ['b@example.org', 'Ben', 'Ode', 'IL', '60614', '', ''],
      ['c@example.org', 'Cy', 'Lam', 'IL', '60614', '', 'I am away that week'],
    ]);
    expect(rsvps.map((r) => [r.availability.cannotJoin, r.availability.blank, r.availability.slots.length])).toEqual([
      [true, false, 0], [false, true, SLOTS.length], [true, false, 0],
    ]);
  });

  it('the same times read for two people stay each one\'s: the first one\'s list cannot be changed in place under the second', () => {
    const { rsvps } = read([
      ['a@example.org', 'Ana', 'Ruiz', 'IL', '60614', 'Tue 10am-12pm', ''],
      ['b@example.org', 'Ben', 'Ode', 'IL', '60614', 'Tue 10am-12pm', ''],
    ]);
    const [a, b] = rsvps;
    expect(a!.availability.slots.length).toBeGreaterThan(0);
    expect(b!.availability.slots).toEqual(a!.availability.slots);
    expect(() => a!.availability.slots.push(99)).toThrow(TypeError);
    expect(b!.availability.slots).not.toContain(99);
  });

  it('each row keeps its own row number, state and ZIP when the values repeat', () => {
    const { rsvps, problems } = read([
      ['a@example.org', 'Ana', 'Ruiz', 'Illinois', '2119', '', ''],
      ['b@example.org', 'Ben', 'Ode', 'Illinois', '2119', '', ''],
    ]);
    expect(rsvps.map((r) => [r.row, r.state, r.stateRaw, r.zip])).toEqual([[2, 'IL', 'Illinois', undefined], [3, 'IL', 'Illinois', undefined]]);
    // A ZIP that lost its zero and cannot be Illinois' is an error on each row that has it, not only the first.
    expect(problems.filter((p) => p.code === 'invalid-zip').map((p) => p.row)).toEqual([2, 3]);
  });
});
