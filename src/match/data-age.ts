// The bundled data's age, said out loud: an event after the Congress the bundled districts and members
// are for, and people whose district came from the bundled crosswalk in a state that has redrawn since.
import type { EventConfig } from '../config/schema.js';
import { BUNDLED_CONGRESS } from '../data/bundled.js';
import { REDRAWN_SINCE_119 } from '../data/redistricting.js';
import type { Problem } from '../problems.js';
import type { Crosswalk } from './crosswalk.js';
import type { Location } from './locate.js';

const NEWER = 'Pass a crosswalk of the current districts with --zip-districts FILE (the Census ZCTA–district relationship file, or a CSV state_fips,state_abbr,zcta,cd); the README (Bundled data) says where to find one.';

const rowList = (rows: readonly number[]) => (rows.length > 8 ? `${rows.slice(0, 8).join(', ')} …` : rows.join(', '));

const lastDay = (event: EventConfig) => [...event.days].sort().at(-1) ?? '';

/** An event after the Congress the bundled data are for (every command that reads the inputs says it). */
export function eventAgeProblems(event: EventConfig, crosswalk: Crosswalk): Problem[] {
  const last = lastDay(event);
  if (crosswalk.shape !== 'bundled' || last < BUNDLED_CONGRESS.end) return [];
  return [{
    code: 'districts-out-of-date', severity: 'warning', column: 'event.days', value: last,
    message: `the event (${last}) falls after the ${BUNDLED_CONGRESS.label} (${BUNDLED_CONGRESS.start} to ${BUNDLED_CONGRESS.end}): awg's bundled districts and members are that Congress's and may be out of date`,
    fix: `${NEWER} Check each target row's member against the new Congress.`,
  }];
}

/**
 * People whose district came from the bundled crosswalk, in a state that has redrawn since; named at the
 * RSVP export's ZIP column as its header reads.
 */
export function redrawnProblems(event: EventConfig, crosswalk: Crosswalk, locations: ReadonlyMap<number, Location>, at: { file: string; sheet?: string; column: string }): Problem[] {
  if (crosswalk.shape !== 'bundled') return [];
  const last = lastDay(event);
  const problems: Problem[] = [];
  const byState = new Map<string, number[]>();
  for (const [row, loc] of locations) {
    if (loc.districtFrom !== 'zip' || !loc.state) continue;
    const rows = byState.get(loc.state);
    if (rows) rows.push(row);
    else byState.set(loc.state, [row]);
  }
  for (const redraw of REDRAWN_SINCE_119) {
    const rows = byState.get(redraw.state)?.sort((a, b) => a - b);
    if (!rows?.length) continue;
    const who = `the district${rows.length === 1 ? '' : 's'} of ${rows.length} ${rows.length === 1 ? 'person' : 'people'} found from the ZIP (row${rows.length === 1 ? '' : 's'} ${rowList(rows)})`;
    const inForce = last >= redraw.effective;
    problems.push({
      code: 'districts-redrawn', severity: 'warning', ...at, value: redraw.state,
      message: `${redraw.state} has redrawn its districts since the ${BUNDLED_CONGRESS.label}'s (${redraw.what}, in force from ${redraw.effective}): ${who} ${inForce ? 'may be out of date' : `are the ${BUNDLED_CONGRESS.label}'s, which hold until then`}`,
      fix: inForce ? NEWER : `Nothing to do for an event before ${redraw.effective}. For a later one: ${NEWER}`,
    });
  }
  return problems;
}
