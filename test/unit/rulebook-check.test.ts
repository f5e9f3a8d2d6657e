// `awg check` judges a hand-edited folder by the same hard rules as the solver and a re-run (src/rules/):
// a folder with random violations, written as meetings.csv and attendees.csv rows, gets from check
// exactly the broken (rule, meeting, person) the rulebook's predicates find. check judges the folder as
// written (every row counts, every rule a row breaks is named); the re-run's replay keeps only the
// seats that break nothing. The two verdicts differ only by that, and the test proves it both ways.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule, type CheckContext } from '../../src/check/check.js';
import { attendeeRows, meetingRows } from '../../src/folder/rows.js';
import { rankParticipants, type Participant } from '../../src/match/match.js';
import type { Problem } from '../../src/problems.js';
import { parseDelimitedText } from '../../src/read/table.js';
import { officeLimit } from '../../src/rules/office-limit.js';
import { placedOf, RuleState, violations, type RuleContext } from '../../src/rules/replay.js';
import { canSeat, canStaff, SEAT_RULES, STAFF_RULES, type RuleMeeting } from '../../src/rules/rulebook.js';
import { buildSlots, meetingMinutesFor, toMinutes } from '../../src/event.js';
import { event as baseEvent, office, rsvp } from '../helpers/build.js';
import { meetingPlace } from '../../src/campus/meeting-place.js';
import { campusOf } from '../../src/campus/of-event.js';
import { personArb } from '../helpers/rule-people.js';

// In person, so that walking between meetings is one of the rules: two Senate offices in buildings
// joined by a tunnel, a House office across the way; House meetings leave 10 minutes to the next start.
const offices = [
  office('S-IL-A', { address: '524 Hart Senate Office Building' }), office('S-IL-B', { address: '332 Dirksen Senate Office Building' }),
  office('H-IL-1', { address: '2408 Rayburn House Office Building' }),
];
const event = { ...baseEvent, maxGroup: 3, maxMeetingsPerOffice: 2, maxMeetingsPerDay: 2, format: 'in-person' as const, meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30 };
const slots = buildSlots(event);
const SLOTS = 4;
const STAFF = ['Rae Morgan', 'Sam Lee'];

const folderArb = fc.record({
  people: fc.array(personArb, { minLength: 2, maxLength: 8 }),
  meetings: fc.array(fc.record({
    office: fc.nat(2), slot: fc.nat(SLOTS - 1), who: fc.array(fc.nat(7), { maxLength: 5 }),
    accompanier: fc.option(fc.constantFrom(...STAFF), { nil: undefined }),
  }), { minLength: 1, maxLength: 6 }),
  // The staff list, when there is one: the slots each of STAFF is available.
  staff: fc.option(fc.tuple(fc.subarray([0, 1, 2, 3]), fc.subarray([0, 1, 2, 3])), { nil: undefined }),
});
type Gen = typeof folderArb extends fc.Arbitrary<infer T> ? T : never;

function build(g: Gen) {
  const participants: Participant[] = rankParticipants(g.people.map((p, k) => {
    const [firstName, lastName] = p.name.split(' ') as [string, string];
    const r = rsvp(k + 2, { firstName, lastName, phone: p.phone, phoneValid: true, email: `p${k}@example.org`, state: 'IL',
      availability: { slots: p.free.map((s) => slots[s]!.index), blank: false, cannotJoin: false, unreadable: [] } });
    return { rsvp: r, location: { state: 'IL' }, offices: p.offices.map((o) => offices[o]!), bestTier: 1 };
  }));
  // In the order a re-run keeps them (by day, start, then id), and meetings.csv lists them in.
  const meetings: RuleMeeting[] = g.meetings.map((m, k) => {
    const s = slots[m.slot]!;
    const o = offices[m.office]!;
    return { id: `M${String(k + 1).padStart(3, '0')}`, officeId: o.id, day: s.day, startMin: toMinutes(s.start), endMin: toMinutes(s.start) + meetingMinutesFor(event, o.chamber), slots: [s.index],
      ...(m.accompanier ? { accompanier: m.accompanier.toLowerCase() } : {}), place: meetingPlace(event, o)!,
      rows: [...new Set(m.who.filter((w) => w < g.people.length).map((w) => w + 2))] };
  }).sort((a, b) => a.day.localeCompare(b.day) || a.startMin - b.startMin || a.id.localeCompare(b.id));
  const staff = g.staff?.map((free, k) => ({ name: STAFF[k]!, slots: free.map((s) => slots[s]!.index) }));
  const ruleCtx: RuleContext = {
    event, nS: slots.length,
    people: participants.map((p) => ({ ...p.rsvp, offices: new Set(p.offices.map((o) => o.id)), slots: p.rsvp.availability.slots })),
    ...(staff ? { staff: staff.map((s) => ({ ...s, name: s.name.toLowerCase() })) } : {}),
    campus: campusOf(event),
  };
  return { g, participants, meetings, staff, ruleCtx };
}
type Built = ReturnType<typeof build>;

const key = (rule: string, meetingId: string, who = '') => `${rule}|${meetingId}|${who}`;
// A meeting's size and its office's count are verdicts on the meeting (check says them on its row).
const ON_MEETING = new Set(['over-capacity', officeLimit.code]);

/** The rulebook's replay, as a re-run keeps the folder: a seat breaking a rule is reported and left out. */
function byReplay(b: Built): string[] {
  return [...new Set(violations(b.meetings, b.ruleCtx).map((v) =>
    key(v.rule, v.meetingId, ON_MEETING.has(v.rule) ? '' : v.row !== undefined ? String(v.row) : v.accompanier)))].sort();
}

/**
 * The same predicates asked of the folder as written: every rule each seat and accompanier breaks, and
 * every row counted where later rows are judged (an organizer sends out every row, broken or not).
 */
function asWritten(b: Built): string[] {
  const out = new Set<string>();
  const names = b.ruleCtx.staff ? b.ruleCtx.staff.map((s) => s.name) : STAFF.map((s) => s.toLowerCase());
  const st = new RuleState(b.ruleCtx, names.length);
  const byRow = new Map(b.ruleCtx.people.map((p, i) => [p.row, i]));
  const perOffice = new Map<string, number>();
  for (const m of b.meetings) {
    const has = perOffice.get(m.officeId) ?? 0;
    perOffice.set(m.officeId, has + 1);
    if (!officeLimit.allows(has, event)) out.add(key(officeLimit.code, m.id));
    const placed = placedOf(m);
    if (m.accompanier) {
      const k = names.indexOf(m.accompanier);
      for (const r of STAFF_RULES) if (!r.allows(st, k, placed)) out.add(key(r.code, m.id, m.accompanier));
      // The solver's test (the rules written out) says the same as the list.
      expect(canStaff(st, k, placed)).toBe(STAFF_RULES.every((r) => r.allows(st, k, placed)));
      st.staff(k, placed);
    }
    for (const row of m.rows) {
      const i = byRow.get(row)!;
      for (const r of SEAT_RULES) if (!r.allows(st, i, placed)) out.add(key(r.code, m.id, ON_MEETING.has(r.code) ? '' : String(row)));
      expect(canSeat(st, i, placed)).toBe(SEAT_RULES.every((r) => r.allows(st, i, placed)));
      st.seat(placed, i);
    }
  }
  return [...out].sort();
}

const member = (id: string) => offices.find((o) => o.id === id)!;
const officeCells = (id: string) => {
  const o = member(id);
  return `${o.chamber},${o.state},${o.district === undefined ? '' : `${o.state}-${String(o.district).padStart(2, '0')}`},${o.member}`;
};

/** The folder's meetings.csv and attendees.csv for the schedule, as awg writes them; check's verdict by rule. */
function byCheck(b: Built, meetings: readonly RuleMeeting[] = b.meetings): { found: string[]; problems: Problem[] } {
  const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  const nameOf = (row: number) => b.participants.find((p) => p.rsvp.row === row)!.rsvp;
  const M = ['meeting_id,date,start,end,chamber,state,district,member,accompanier,lead',
    ...meetings.map((m) => `${m.id},${m.day},${hhmm(m.startMin)},${hhmm(m.endMin)},${officeCells(m.officeId)},${STAFF.find((s) => s.toLowerCase() === m.accompanier) ?? ''},`)];
  const A = ['meeting_id,date,start,end,member,role,first_name,last_name,email,rsvp_row',
    ...meetings.flatMap((m) => m.rows.map((row) => {
      const r = nameOf(row);
      return `${m.id},${m.day},${hhmm(m.startMin)},${hhmm(m.endMin)},${member(m.officeId).member},participant,${r.firstName},${r.lastName},${r.email},${row}`;
    }))];
  const sheet = (lines: string[], file: string) => parseDelimitedText(`${lines.join('\r\n')}\r\n`, file).sheets[0]!;
  const read: Problem[] = [];
  const folder = {
    meetings: meetingRows(sheet(M, 'meetings.csv'), { file: 'meetings.csv' }, event.days, read),
    attendees: attendeeRows(sheet(A, 'attendees.csv'), { file: 'attendees.csv' }, event.days, read),
    lists: [],
  };
  const ctx: CheckContext = {
    event, rsvpFile: 'rsvps.csv', slots, offices, rsvps: b.participants.map((p) => p.rsvp), participants: b.participants, unmatched: [],
    ...(b.staff ? { staff: b.staff.map((s) => ({ name: s.name, slots: s.slots })) } : {}),
  } as CheckContext;
  const { problems } = checkSchedule(folder, ctx);
  const meetingAt = new Map(folder.meetings.map((r) => [r.row, r]));
  const attendeeAt = new Map(folder.attendees.map((r) => [r.row, r]));
  const found = new Set<string>();
  for (const p of problems) {
    if (p.file === 'meetings.csv') {
      const r = meetingAt.get(p.row!)!;
      found.add(key(p.code, r.meetingId, p.column === 'accompanier' ? r.accompanier.toLowerCase() : ''));
    } else {
      const r = attendeeAt.get(p.row!)!;
      found.add(key(p.code, r.meetingId, String(r.rsvpRow)));
    }
  }
  // Not rules of the rulebook: a meeting nobody is in, or fewer than minGroup (warnings of check's own).
  const notRules = new Set(['empty-meeting', 'under-capacity']);
  return { found: [...found].filter((k) => !notRules.has(k.split('|')[0]!)).sort(), problems: [...read, ...problems] };
}

describe('awg check and the rulebook: one verdict on every hard rule', () => {
  it('a folder breaking rules at random gets from check every (rule, meeting, person) the rulebook finds, and a re-run keeps what check would pass', () => {
    let differ = 0;
    let same = 0;
    const seen = new Set<string>();
    fc.assert(fc.property(folderArb, (g) => {
      const b = build(g);
      const { found, problems } = byCheck(b);
      // The folder itself is sound: only the rules are broken (no row check cannot read or place).
      expect(problems.filter((p) => ['unknown-office', 'unreadable-time', 'not-an-rsvp', 'rsvp-row-mismatch', 'files-disagree', 'unknown-accompanier'].includes(p.code))).toEqual([]);
      // check says exactly what the rulebook's predicates say of the folder as written.
      expect(found).toEqual(asWritten(b));
      // Whatever the re-run's replay reports broken, check reports broken, by the same rule.
      const replay = byReplay(b);
      expect(found).toEqual(expect.arrayContaining(replay));
      for (const k of found) seen.add(k.split('|')[0]!);
      if (found.length === replay.length) same++;
      else differ++;
      // What check reports beyond it is only what the rows the replay leaves out cause: the folder as a
      // re-run keeps it (those seats, meetings and accompaniers taken out) passes check, and the replay.
      const raw = violations(b.meetings, b.ruleCtx);
      const leftOut = new Set(raw.map((v) => `${v.meetingId}|${v.row ?? v.accompanier ?? ''}`));
      const kept = b.meetings.filter((m) => !leftOut.has(`${m.id}|`)).map((m) => {
        const { accompanier, ...rest } = m;
        return { ...rest, ...(accompanier && !leftOut.has(`${m.id}|${accompanier}`) ? { accompanier } : {}), rows: m.rows.filter((row) => !leftOut.has(`${m.id}|${row}`)) };
      });
      expect(byCheck(b, kept).found).toEqual([]);
    }), { numRuns: 300, seed: 20 });
    // Both kinds of folder are generated: ones where check and the replay say the same, ones where check says more.
    expect(same).toBeGreaterThan(30);
    expect(differ).toBeGreaterThan(30);
    // And every hard rule a seat, a meeting or an accompanier can break is broken in some of them.
    expect([...seen].sort()).toEqual([...SEAT_RULES.map((r) => r.code), ...STAFF_RULES.map((r) => r.code), officeLimit.code].sort());
  });

  it('without a staff list, an accompanier given more meetings in a day than maxMeetingsPerDay is told, as the rulebook holds them', () => {
    const people = (['Ana Diaz', 'Ben Okafor', 'Cy Park'] as const).map((name) => ({ offices: [0, 1, 2], free: [0, 1, 2, 3], name, phone: '(312) 555-0101' as const }));
    const b = build({ people, staff: undefined, meetings: [0, 1, 2].map((k) => ({ office: k, slot: k, who: [k], accompanier: 'Rae Morgan' })) });
    const { problems } = byCheck(b);
    expect(problems.filter((p) => p.code === 'accompanier-overloaded').map((p) => [p.file, p.row, p.message])).toEqual([
      ['meetings.csv', 4, 'Rae Morgan has 3 meetings on 2020-07-14; the limit is 2'],
    ]);
  });
});
