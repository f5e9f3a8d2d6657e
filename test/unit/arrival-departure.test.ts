import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { buildSlots } from '../../src/event.js';
import { readDayLimit, withinStay } from '../../src/normalize/arrival-departure.js';

// A two-day Hill visit, Tuesday and Wednesday, 9:00–17:00 Eastern, half-hour meetings.
const event = configSchema.parse({ event: { format: 'in-person', days: ['2026-03-10', '2026-03-11'], windowStart: '09:00', windowEnd: '17:00', meetingMinutes: 30 } }).event;
const slots = buildSlots(event);
const at = (text: string, kind: 'arrival' | 'departure') => {
  const r = readDayLimit(text, kind, event);
  return r.limit ? `${r.limit.day} ${r.limit.time}` : r.unreadable ? `unreadable: ${r.unreadable}` : 'no limit';
};

describe('arrival and departure cells, as people write them', () => {
  it.each([
    ['my flight leaves at 4:30', '2026-03-11 16:30'],
    ['leaving at 3pm on the 10th', '2026-03-10 15:00'],
    ['3pm', '2026-03-11 15:00'],
    ['Tue 2pm', '2026-03-10 14:00'],
    ['3/10 by 1:30pm', '2026-03-10 13:30'],
    ['need to leave before noon', '2026-03-11 12:00'],
    ['16:45', '2026-03-11 16:45'],
    ['2pm CT', '2026-03-11 15:00'],
  ])('a departure of "%s" is %s (no day named: the last day)', (text, want) => {
    expect(at(text, 'departure')).toBe(want);
  });

  it.each([
    ['landing 11:30am', '2026-03-10 11:30'],
    ['arriving at 10', '2026-03-10 10:00'],
    ['after 1pm', '2026-03-10 13:00'],
    ['Wednesday 9am', '2026-03-11 09:00'],
  ])('an arrival of "%s" is %s (no day named: the first day)', (text, want) => {
    expect(at(text, 'arrival')).toBe(want);
  });

  it.each(['', 'n/a', 'local', 'I live here', 'any time'])('"%s" limits nothing and is no problem', (text) => {
    expect(at(text, 'departure')).toBe('no limit');
  });

  it.each([
    ['sometime in the evening, not sure', /no time awg reads/],
    ['3pm, maybe later at night', /does not read "maybe later at night"/],
    ['Thursday 3pm', /not a day of the event/],
    ['the 12th', /no time/],
    ['Tuesday', /names a day but no time/],
    ['Tue 3pm or Wed 4pm', /more than one day/],
  ])('"%s" cannot be read, and says why', (text, why) => {
    expect(at(text, 'departure')).toMatch(why);
  });

  it('a meeting must start after arrival and end by departure', () => {
    const all = slots.map((s) => s.index);
    const arrival = readDayLimit('11am', 'arrival', event).limit;
    const departure = readDayLimit('3pm', 'departure', event).limit;
    const kept = withinStay(all, slots, arrival, departure).map((i) => `${slots[i]!.day} ${slots[i]!.start}-${slots[i]!.end}`);
    expect(kept[0]).toBe('2026-03-10 11:00-11:30');
    expect(kept.at(-1)).toBe('2026-03-11 14:30-15:00');
    // Tuesday afternoon and Wednesday morning are untouched.
    expect(kept).toContain('2026-03-10 16:30-17:00');
    expect(kept).toContain('2026-03-11 09:00-09:30');
    expect(kept).not.toContain('2026-03-10 10:30-11:00');
    expect(kept).not.toContain('2026-03-11 15:00-15:30');
  });
});
