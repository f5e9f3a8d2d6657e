// How much search the scheduler may spend, as named numbers. "Work" is the size of an event:
// the sum over participants of their target offices, times the number of slots (what one pass of
// slot ranking touches). The values come from `npm run bench`: the quality check (20 small events
// against an exact optimum) and the 1,000 / 10,000 / 100,000-RSVP timings.

/** Above this much work one start is all a run gets: a second start would double a large run's time. */
export const SINGLE_START_ABOVE_WORK = 500_000;
/** At most this many starts: past a few dozen, the quality benchmark found no better plan. */
export const MAX_STARTS = 48;
/** Starts × work stays under this, so small events get many starts and medium ones a few. */
export const STARTS_WORK_BUDGET = 4_000_000;
/** Starts × offices stays under this: every start re-ranks every office's slots. */
export const STARTS_OFFICE_BUDGET = 600;

/** Above this much work (or this many meetings) an event is "big": meetings fill up anyway, so moving them gains little. */
export const BIG_EVENT_WORK = 300_000;
export const BIG_EVENT_MEETINGS = 150;
/** Above this much work the local search is skipped (one quick repair pass only): it would dominate a 100,000-RSVP run. */
export const LOCAL_SEARCH_MAX_WORK = 2_000_000;

/** Repair passes: each seats people left out; three reach a fixed point on the benchmark's events. */
export const REPAIR_PASSES = 3;
/** Passes of "move a meeting to a better slot", and how many slots each move tries for real (small / big events). */
export const IMPROVE_PASSES = { small: 4, big: 1 } as const;
export const IMPROVE_TRIES = { small: 6, big: 2 } as const;
/** Max-flow runs one move may spend on slots where no accompanier is free: each is a full staffing check. */
export const IMPROVE_MAX_FLOWS = { small: 10, big: 1 } as const;
/** Extra max-flow runs a slot ranking may spend beyond the slots it returns (the construction default). */
export const RANK_EXTRA_FLOWS = 4;
/** Office swaps tried (uncovered office for a covered one of the same tier): bounds a pass that is quadratic in offices. */
export const SWAP_OFFICES_BUDGET = 5_000;
/** Load balancing moves at most this many times the number of meetings: each move narrows the load range. */
export const BALANCE_ROUNDS_PER_MEETING = 10;
/** In an in-person event, staffings found by the flow and rejected for too short a walk before the slot is given up. */
export const WALK_STAFFING_TRIES = 4;
