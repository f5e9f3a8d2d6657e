// Hand edits as decisions that last. What an organizer changed in meetings.csv / attendees.csv since awg
// last wrote the schedule (a person taken out of a meeting, put in one, made its lead) is recorded in the
// folder's decisions.csv, carried from run to run, and held by every re-run while the rules allow: a person
// taken out of an office's meeting is never put back in one of that office's meetings, a person put in stays,
// a lead chosen stays lead. A decision a re-run cannot keep is a warning naming its row. Pure.
import type { Rec } from '../render/roster-model.js';
import type { DataTable } from '../render/table.js';
import type { Problem } from '../problems.js';
import { officeKey, personKey } from '../identity.js';

export type DecisionKind = 'removed' | 'added' | 'lead';

export interface Decision {
  kind: DecisionKind;
  /** Who, across exports (process/changes.ts personKey). */
  key: string;
  name: string;
  email: string;
  rsvpRow: string;
  meetingId: string;
  /** The office, as meetings.csv names it. */
  chamber: string;
  state: string;
  district: string;
  member: string;
  /** Where it was read from (decisions.csv), for problems. */
  row?: number;
}

export const DECISIONS_FILE = 'decisions.csv';
const COLUMNS = ['decision', 'meeting_id', 'chamber', 'state', 'district', 'member', 'rsvp_row', 'first_name', 'last_name', 'email', 'phone', 'what_it_means'] as const;

const MEANING: Record<DecisionKind, string> = {
  removed: 'taken out by hand: awg never puts this person back in a meeting with this office',
  added: 'put in by hand: awg keeps this person in this meeting while the rules allow',
  lead: 'chosen as lead by hand: awg keeps this person as the lead while they are in the meeting',
};

const fullName = (a: Rec) => `${a.first_name ?? ''} ${a.last_name ?? ''}`.trim();

function decision(kind: DecisionKind, m: Rec, a: Rec): Decision {
  return {
    kind, key: personKey(a.email, a.first_name, a.last_name, a.phone), name: fullName(a), email: a.email ?? '', rsvpRow: a.rsvp_row ?? '',
    meetingId: m.meeting_id ?? '', chamber: m.chamber ?? '', state: m.state ?? '', district: m.district ?? '', member: m.member ?? '',
  };
}

/**
 * The hand edits between the schedule as awg wrote it and as the folder holds it now: each person whose seats
 * with an office differ (taken out, put in), and each meeting whose lead differs.
 */
export function decisionsFromEdits(written: { meetings: readonly Rec[]; attendees: readonly Rec[] }, edited: { meetings: readonly Rec[]; attendees: readonly Rec[] }): Decision[] {
  const seats = (s: typeof written) => {
    const meetings = new Map(s.meetings.map((m) => [m.meeting_id ?? '', m]));
    const out = new Map<string, { m: Rec; a: Rec }>();
    for (const a of s.attendees) {
      const m = meetings.get(a.meeting_id ?? '');
      if (m) out.set(`${personKey(a.email, a.first_name, a.last_name, a.phone)}#${officeKey(m)}`, { m, a });
    }
    return out;
  };
  const before = seats(written);
  const after = seats(edited);
  const out: Decision[] = [];
  for (const [k, { m, a }] of before) if (!after.has(k)) out.push(decision('removed', m, a));
  for (const [k, { m, a }] of after) if (!before.has(k)) out.push(decision('added', m, a));
  // A lead is chosen in meetings.csv's lead cell (attendees.csv's role may still name the earlier one).
  const leadBefore = new Map(written.meetings.map((m) => [m.meeting_id ?? '', (m.lead ?? '').trim().toLowerCase()]));
  const byMeeting = new Map<string, Rec[]>();
  for (const a of edited.attendees) byMeeting.set(a.meeting_id ?? '', [...(byMeeting.get(a.meeting_id ?? '') ?? []), a]);
  for (const m of edited.meetings) {
    const lead = (m.lead ?? '').trim().toLowerCase();
    const was = leadBefore.get(m.meeting_id ?? '');
    const a = lead ? byMeeting.get(m.meeting_id ?? '')?.find((x) => fullName(x).toLowerCase() === lead) : undefined;
    if (a && was !== undefined && was !== lead) out.push(decision('lead', m, a));
  }
  return out;
}

/**
 * The decisions to keep: the earlier ones, then the new ones; a later decision on the same person and office
 * replaces an earlier one (put back in after being taken out, or the other way round), and a new lead of a
 * meeting replaces its earlier lead decision.
 */
export function mergeDecisions(earlier: readonly Decision[], later: readonly Decision[]): Decision[] {
  const slot = (d: Decision) => (d.kind === 'lead' ? `lead#${d.meetingId}` : `${d.key}#${officeKey(d)}`);
  const out = new Map<string, Decision>();
  for (const d of [...earlier, ...later]) {
    out.delete(slot(d));
    out.set(slot(d), d);
  }
  return [...out.values()];
}

export function decisionsTable(decisions: readonly Decision[]): DataTable {
  return {
    name: 'Decisions',
    columns: [...COLUMNS],
    rows: decisions.map((d) => {
      const [first, ...rest] = d.name.split(' ');
      return [d.kind, d.meetingId, d.chamber, d.state, d.district, d.member, d.rsvpRow ? Number(d.rsvpRow) : '', first ?? '', rest.join(' '), d.email, '', MEANING[d.kind]];
    }),
  };
}

/** decisions.csv read back: each row a decision (an organizer may delete rows to undo them). */
export function parseDecisions(rows: ReadonlyArray<{ cells: Readonly<Record<string, string>>; row: number }>, file: string, problems: Problem[]): Decision[] {
  const out: Decision[] = [];
  for (const { cells: c, row } of rows) {
    const kind = (c.decision ?? '').trim().toLowerCase();
    if (kind !== 'removed' && kind !== 'added' && kind !== 'lead') {
      problems.push({ code: 'unknown-decision', severity: 'warning', file, row, column: 'decision', value: c.decision ?? '', message: `"${c.decision ?? ''}" is not a decision awg knows; the row is not used`, fix: 'Write removed, added or lead, or delete the row.' });
      continue;
    }
    const name = `${c.first_name ?? ''} ${c.last_name ?? ''}`.trim();
    out.push({
      kind, key: personKey(c.email, c.first_name, c.last_name, c.phone), name, email: c.email ?? '', rsvpRow: c.rsvp_row ?? '', meetingId: c.meeting_id ?? '',
      chamber: c.chamber ?? '', state: c.state ?? '', district: c.district ?? '', member: c.member ?? '', row,
    });
  }
  return out;
}

/** Per person key, the offices they were taken out of by hand, resolved to the targets' office ids. */
export function keptOut(decisions: readonly Decision[], resolve: (d: Decision) => string | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of decisions) {
    if (d.kind !== 'removed') continue;
    const id = resolve(d);
    if (id) out.set(d.key, (out.get(d.key) ?? new Set()).add(id));
  }
  return out;
}

/**
 * The decisions a schedule does not hold (a person put in by hand who is in no meeting of that office now,
 * a lead chosen by hand who does not lead it), each a warning naming its decisions.csv row: a re-run that
 * cannot keep one says so.
 */
export function unkeptDecisions(decisions: readonly Decision[], now: { meetings: readonly Rec[]; attendees: readonly Rec[] }, file: string): Problem[] {
  const meetings = new Map(now.meetings.map((m) => [m.meeting_id ?? '', m]));
  const seats = new Set<string>();
  const leads = new Set<string>();
  for (const a of now.attendees) {
    const m = meetings.get(a.meeting_id ?? '');
    if (!m) continue;
    const key = personKey(a.email, a.first_name, a.last_name, a.phone);
    seats.add(`${key}#${officeKey(m)}`);
    if ((m.lead ?? '').trim().toLowerCase() === fullName(a).toLowerCase()) leads.add(`${key}#${m.meeting_id ?? ''}`);
  }
  const problems: Problem[] = [];
  // The rows of the decisions.csv this run writes: one a decision, in this order, below the header.
  const at = (i: number, d: Decision) => ({ file, row: i + 2, column: 'decision', value: d.kind });
  for (const [i, d] of decisions.entries()) {
    if (d.kind === 'added' && !seats.has(`${d.key}#${officeKey(d)}`)) {
      problems.push({ code: 'decision-not-kept', severity: 'warning', ...at(i, d), message: `${d.name} was put in ${d.meetingId} (${d.member}) by hand, but is in no meeting with that office now: the rules no longer allow it (see the other warnings)`, fix: 'Check the person\'s availability and the meeting; put them back by hand if it is right, or delete the row.' });
    }
    if (d.kind === 'lead' && !leads.has(`${d.key}#${d.meetingId}`)) {
      problems.push({ code: 'decision-not-kept', severity: 'warning', ...at(i, d), message: `${d.name} was chosen by hand to lead ${d.meetingId} (${d.member}), but does not lead it now`, fix: 'Choose the lead again in meetings.csv, or delete the row.' });
    }
  }
  return problems;
}
