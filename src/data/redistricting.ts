// States that have redrawn their congressional districts since the bundled crosswalk's (the 119th
// Congress's) were drawn. Kept by hand, with the sources, in README.md beside this file: update both.

export interface Redraw {
  state: string;
  /** What was redrawn and when, for the 2026 elections, in a few words an organizer can read. */
  what: string;
  /** The first day the new districts are represented in Congress. */
  effective: string;
}

export const REDRAWN_SINCE_119: readonly Redraw[] = [
  { state: 'CA', what: 'Proposition 50, November 2025', effective: '2027-01-03' },
  { state: 'MO', what: 'a new map passed in September 2025', effective: '2027-01-03' },
  { state: 'NC', what: 'a map amended in October 2025', effective: '2027-01-03' },
  { state: 'OH', what: 'a new map adopted in October 2025', effective: '2027-01-03' },
  { state: 'TX', what: 'a new map passed in August 2025', effective: '2027-01-03' },
  { state: 'UT', what: 'a court-ordered map, November 2025', effective: '2027-01-03' },
];

export const redrawOf = (state: string): Redraw | undefined => REDRAWN_SINCE_119.find((r) => r.state === state);
