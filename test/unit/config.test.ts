import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';

describe('config', () => {
  it('has the invitation as its defaults', () => {
    expect(DEFAULT_CONFIG.event).toMatchObject({
      days: ['2020-07-14', '2020-07-15', '2020-07-16'], windowStart: '10:00', windowEnd: '16:00', timeZone: 'America/New_York',
      meetingMinutes: 30, deadline: '2020-07-01', maxGroup: 10, minGroup: 1, maxMeetingsPerOffice: 1,
    });
    expect(DEFAULT_CONFIG.event.asks).toHaveLength(3);
  });

  it('fills what a partial file leaves out', () => {
    const { config } = parseConfig('{"event": {"days": ["2021-03-02"], "maxGroup": 6}}', 'awg.config.json');
    expect(config?.event).toMatchObject({ days: ['2021-03-02'], maxGroup: 6, windowStart: '10:00' });
  });

  it.each([
    ['{"event": {"days": ["2020-07-14", "2020-07-32"]}}', 'event.days[1]: "2020-07-32" is not a date'],
    ['{"event": {"windowStart": "9am"}}', 'event.windowStart: "9am" is not a time'],
    ['{"event": {"timeZone": "Eastern"}}', 'event.timeZone: "Eastern" is not a time zone'],
    ['{"event": {"windowStart": "17:00"}}', 'event.windowStart: "17:00" must start before windowEnd'],
    ['{"event": {"maxGroup": 0}}', 'event.maxGroup: 0'],
    ['{"evnt": {}}', 'unknown key "evnt"'],
    ['{"columns": {"emial": "Email"}}', 'columns'],
  ])('%s → %s', (text, message) => {
    const { config, problems } = parseConfig(text, 'awg.config.json');
    expect(config).toBeUndefined();
    expect(problems[0]?.message).toContain(message);
    expect(problems[0]?.file).toBe('awg.config.json');
  });

  it('reports a file that is not JSON', () => {
    expect(parseConfig('{ "event": ', 'c.json').problems[0]?.message).toMatch(/c\.json is not valid JSON/);
  });
});

describe('an in-person event\'s buildings in the config', () => {
  it('a walking-minutes pair naming no building of the campus is an error naming the key, with the nearest name', () => {
    const { config, problems } = parseConfig('{"event": {"format": "in-person", "walkMinutes": {"pairs": {"Rayburn/Hartt": 25}}}}', 'awg.config.json');
    expect(config).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'config-unknown-building', severity: 'error', column: 'event.walkMinutes.pairs.Rayburn/Hartt', value: 'Hartt' });
    expect(problems[0]!.fix).toContain('"Hart"');
  });

  it('a campus of one\'s own is checked against its own buildings, neighbours included', () => {
    const campus = { name: 'State Capitol', buildings: [{ name: 'Capitol', neighbours: ['Annex'] }, { name: 'Annex' }, { name: 'Library', neighbours: ['Archives'] }] };
    const ok = parseConfig(JSON.stringify({ event: { format: 'in-person', campus, walkMinutes: { pairs: { 'Capitol/Library': 12 } } } }), 'awg.config.json');
    expect(ok.problems.map((p) => p.value)).toEqual(['Archives']);
    // The Capitol's own buildings are not this campus's.
    const other = parseConfig(JSON.stringify({ event: { campus: { ...campus, buildings: campus.buildings.slice(0, 2) }, walkMinutes: { pairs: { 'Capitol/Hart': 12 } } } }), 'awg.config.json');
    expect(other.problems.map((p) => p.value)).toEqual(['Hart']);
  });
});

it('a grid of start times closer than the longest meeting is an error, not widened without a word', () => {
  const { config, problems } = parseConfig('{"event": {"meetingMinutes": {"House": 20, "Senate": 30}, "slotMinutes": 25}}', 'awg.config.json');
  expect(config).toBeUndefined();
  expect(problems).toMatchObject([{ code: 'config-slot-too-short', column: 'event.slotMinutes', value: '25' }]);
  expect(problems[0]!.fix).toContain('at least 30');
  expect(parseConfig('{"event": {"meetingMinutes": {"House": 20, "Senate": 30}, "slotMinutes": 30}}', 'awg.config.json').problems).toEqual([]);
});
