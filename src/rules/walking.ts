// Walking time between meetings in person: two meetings of one person (participant, lead or
// accompanier) on one day, one after the other, leave at least the minutes the campus needs between
// their buildings (campus/walk.ts). A virtual meeting (no place) needs none, and in a virtual event
// (no campus) the rule allows everything without looking at anyone's meetings.
import type { Campus } from '../campus/model.js';
import { walkMinutes } from '../campus/walk.js';
import type { SeatRule, StaffRule, Timed } from './model.js';

const MINUTE = 60_000;

/** Two meetings in a row, and how far apart they are against what the walk between them needs. */
export interface WalkConflict {
  first: Timed;
  second: Timed;
  needs: number;
  has: number;
}

/** The walk from a to b (a ends before b starts) when it does not fit between them; undefined when it does. */
export function walkShort(campus: Campus, a: Timed, b: Timed): WalkConflict | undefined {
  const needs = walkMinutes(campus, a.place, b.place);
  const has = (b.startMs - a.endMs) / MINUTE;
  return has < needs ? { first: a, second: b, needs, has } : undefined;
}

/**
 * The first of `mine` (one person's meetings) that m is too close to, walking; `except` is a meeting
 * they are about to leave. Meetings that overlap m are one-place's rule, not this one's.
 */
export function walkConflict(campus: Campus | undefined, mine: readonly Timed[], m: Timed, except?: Timed): WalkConflict | undefined {
  if (!campus || !m.place) return undefined;
  for (const o of mine) {
    if (o === m || o === except || !o.place || o.day !== m.day) continue;
    const c = o.endMs <= m.startMs ? walkShort(campus, o, m) : m.endMs <= o.startMs ? walkShort(campus, m, o) : undefined;
    if (c) return c;
  }
  return undefined;
}

/** "needs 30 minutes to walk from Rayburn 2157 to Hart 511; has 10". */
export const walkText = (c: WalkConflict): string =>
  `needs ${c.needs} minutes to walk from ${c.first.place!.label || 'a room not yet known'} to ${c.second.place!.label || 'a room not yet known'}; has ${Math.max(0, c.has)}`;

/** " with Rep. Jan Schakowsky at 10:00 and Sen. Tammy Duckworth at 10:30", where the meetings are the plan's own. */
function withWhom(c: WalkConflict): string {
  const name = (t: Timed) => {
    const m = t as Partial<{ office: { member?: string }; start: string }>;
    return m.office?.member && typeof m.start === 'string' ? `${m.office.member} at ${m.start}` : undefined;
  };
  const [a, b] = [name(c.first), name(c.second)];
  return a && b ? ` with ${a} and ${b}` : '';
}

export const walkingTime: SeatRule = {
  code: 'walking-time',
  describe: 'two meetings in a row leave the walking time between their buildings',
  allows: (st, i, m) => !st.campus || !m.place || !walkConflict(st.campus, st.meetingsOf[i]!, m),
  notKept: 'walking-time',
  reason: () => 'too close to another of their meetings to walk between the two',
  explain: (st, i, m) => {
    const c = walkConflict(st.campus, st.meetingsOf[i]!, m);
    return c ? `${walkText(c)} between their meetings${withWhom(c)}` : walkingTime.reason({ member: '', day: m.day, start: '', maxGroup: 0 });
  },
};

export const accompanierWalking: StaffRule = {
  code: 'accompanier-walking-time',
  describe: 'an accompanier\'s meetings in a row leave the walking time between their buildings',
  allows: (st, k, m) => !st.campus || !m.place || !walkConflict(st.campus, st.accMeetings[k]!, m),
  reason: () => 'has another meeting too close to walk between the two',
  explain: (st, k, m) => {
    const c = walkConflict(st.campus, st.accMeetings[k]!, m);
    return c ? `${walkText(c)} between their meetings${withWhom(c)}` : accompanierWalking.reason({ day: m.day, start: '', maxMeetingsPerDay: 0 });
  },
};
