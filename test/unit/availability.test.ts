import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { buildSlots } from '../../src/event.js';
import { dayOfLabel, parseAvailability } from '../../src/normalize/availability.js';

const event = DEFAULT_CONFIG.event;
const slots = buildSlots(event);
const label = (i: number) => `${slots[i]?.day.slice(5)} ${slots[i]?.start}`;
const read = (text: string, day?: string) => {
  const a = parseAvailability([day ? { text, day } : { text }], event, slots);
  return { ...a, labels: a.slots.map(label) };
};
/** Slots from day d (0-based) between two HH:MM in Eastern time. */
const span = (d: number, from: string, to: string) =>
  slots.filter((s) => s.day === event.days[d] && s.start >= from && s.end <= to).map((s) => label(s.index));

describe('buildSlots', () => {
  it('makes 12 half-hour slots a day from 10:00 to 16:00 Eastern', () => {
    expect(slots).toHaveLength(36);
    expect(slots[0]).toMatchObject({ day: '2020-07-14', start: '10:00', end: '10:30' });
    expect(new Date(slots[0]!.startMs).toISOString()).toBe('2020-07-14T14:00:00.000Z');
    expect(slots[35]).toMatchObject({ day: '2020-07-16', start: '15:30', end: '16:00' });
  });
});

describe('parseAvailability', () => {
  it('reads a blank answer as every slot', () => {
    const a = parseAvailability([{ text: '' }, { text: '  ', day: '2020-07-14' }], event, slots);
    expect(a.blank).toBe(true);
    expect(a.slots).toHaveLength(36);
  });

  it.each([
    ['Tue 10am-12pm', [...span(0, '10:00', '12:00')]],
    ['Tuesday, July 14: 10am-12pm ET and 12pm-2pm ET', span(0, '10:00', '14:00')],
    ['Tuesday, July 14: 10am-12pm ET; Wednesday, July 15: 2pm-4pm ET', [...span(0, '10:00', '12:00'), ...span(1, '14:00', '16:00')]],
    ['Tuesday, July 14 10am-12pm ET, Wednesday, July 15 2pm-4pm ET', [...span(0, '10:00', '12:00'), ...span(1, '14:00', '16:00')]],
    ['July 15', span(1, '10:00', '16:00')],
    ['7/16', span(2, '10:00', '16:00')],
    ['Tue 7/14', span(0, '10:00', '16:00')],
    ['7/16 1-3', span(2, '13:00', '15:00')],
    ['10-12', [...span(0, '10:00', '12:00'), ...span(1, '10:00', '12:00'), ...span(2, '10:00', '12:00')]],
    ['Thu 14:00–16:00', span(2, '14:00', '16:00')],
    ['Wed after 2pm', span(1, '14:00', '16:00')],
    ['after 2pm ET any day', [...span(0, '14:00', '16:00'), ...span(1, '14:00', '16:00'), ...span(2, '14:00', '16:00')]],
    ['Thursday before noon', span(2, '10:00', '12:00')],
    ['Wednesday and Thursday mornings', [...span(1, '10:00', '12:00'), ...span(2, '10:00', '12:00')]],
    ['mornings on Tuesday', span(0, '10:00', '12:00')],
    ['Tue 9am-12pm PT', span(0, '12:00', '15:00')],
    ['Tuesday 8-11 CT', span(0, '10:00', '12:00')],
    ['Wed 7am-9am HT', span(1, '13:00', '15:00')],
    ['Tue 11am', span(0, '11:00', '11:30')],
    ['Tuesday or Thursday', [...span(0, '10:00', '16:00'), ...span(2, '10:00', '16:00')]],
    ['any time', slots.map((s) => label(s.index))],
    ['All of the above', slots.map((s) => label(s.index))],
    ['any day but not Wednesday', [...span(0, '10:00', '16:00'), ...span(2, '10:00', '16:00')]],
    ['not available Tuesday', [...span(1, '10:00', '16:00'), ...span(2, '10:00', '16:00')]],
  ])('%s', (text, expected) => {
    const a = read(text);
    expect(a.unreadable).toEqual([]);
    expect(a.labels).toEqual(expected);
  });

  it('reads a grid cell for its own day', () => {
    expect(read('10am-12pm ET;2pm-4pm ET', '2020-07-15').labels).toEqual([...span(1, '10:00', '12:00'), ...span(1, '14:00', '16:00')]);
    expect(read('Available', '2020-07-15').labels).toEqual(span(1, '10:00', '16:00'));
    expect(read('Not available', '2020-07-15').labels).toEqual([]);
  });

  it('combines grid cells, one per day', () => {
    const a = parseAvailability([{ text: '10am-12pm ET', day: '2020-07-14' }, { text: '', day: '2020-07-15' }, { text: '2pm-4pm ET', day: '2020-07-16' }], event, slots);
    expect(a.slots.map(label)).toEqual([...span(0, '10:00', '12:00'), ...span(2, '14:00', '16:00')]);
  });

  it('marks "cannot join" written in words', () => {
    const a = read("I can't make any of these times");
    expect(a.cannotJoin).toBe(true);
    expect(a.slots).toEqual([]);
    expect(read('Unable to attend at any time').cannotJoin).toBe(true);
  });

  it('flags text it cannot read instead of guessing', () => {
    const a = read('depends on my chemo schedule');
    expect(a.slots).toEqual([]);
    expect(a.unreadable).toEqual(['depends on my chemo schedule']);
    const partly = read('Tue 10am-12pm, or whenever my sister can drive me');
    expect(partly.unreadable.join(' ')).toContain('sister');
  });

  it('flags a date that is not an event day', () => {
    const a = read('July 20');
    expect(a.slots).toEqual([]);
    expect(a.unreadable[0]).toContain('not a day of the event');
  });

  it('finds the day a grid header names', () => {
    expect(dayOfLabel('Tuesday, July 14', event)).toBe('2020-07-14');
    expect(dayOfLabel('Wed 7/15', event)).toBe('2020-07-15');
    expect(dayOfLabel('Thursday', event)).toBe('2020-07-16');
    expect(dayOfLabel('Friday, July 17', event)).toBeUndefined();
  });
});
