// The offices' side of the change set: an office that was asked for a meeting (requested) or agreed to
// one (confirmed) is told of every change to it: moved, people added or removed, replaced by another
// meeting with the office (its ID then changes, and the message quotes the ID it was asked under), or
// dropped (a cancellation). A confirmed office also gets the final attendee list, to send a few days
// before the meeting (config attendeeListDaysBefore). Pure: the earlier and the new schedule as
// meetings.csv / attendees.csv records, and the replies the organizer recorded.
import { fromZonedTime } from 'date-fns-tz';
import type { Config } from '../config/schema.js';
import { personKey } from '../identity.js';
import { addressList, oneAddress } from '../process/cells.js';
import type { OfficeReply } from '../process/offices.js';
import { meetingWhen, organizerValues } from '../process/requests.js';
import type { Rec } from '../render/roster-model.js';
import type { DataTable } from '../render/table.js';

export type OfficeMessageKind = 'update' | 'cancellation' | 'attendee list';

export interface OfficeMessage {
  kind: OfficeMessageKind;
  /** The meeting ID the office was asked under (the one it knows). */
  meetingId: string;
  /** The meeting's ID in this schedule ('' for a cancellation). */
  nowId: string;
  member: string;
  /** What the office had said: requested or confirmed. */
  status: 'requested' | 'confirmed';
  /** What changed, in a few words (office-messages.csv). */
  why: string;
  /** The day to send it on (YYYY-MM-DD, event zone): now for an update or cancellation, before the day for an attendee list. */
  sendOn: string;
  to: string;
  cc: string;
  subject: string;
  body: string;
}

const officeKey = (m: Rec) => [m.chamber, m.state, m.district, m.member].map((s) => (s ?? '').trim().toLowerCase()).join('|');
const name = (a: Rec) => `${a.first_name ?? ''} ${a.last_name ?? ''}`.trim();

function peopleOf(attendees: readonly Rec[]): Map<string, Rec[]> {
  const out = new Map<string, Rec[]>();
  for (const a of attendees) out.set(a.meeting_id ?? '', [...(out.get(a.meeting_id ?? '') ?? []), a]);
  return out;
}

/** In person (meetings.csv has a room): the office's own room; by video: the link or who sends it. */
function whereLine(m: Rec): string {
  const room = (m.room ?? '').trim();
  if (room === 'not known yet') return ' We will come to your office in person: please tell us the room number.';
  if (room) return ` We will come to your office in person (${room}); please tell us if the room has changed.`;
  return m.link ? ` Video link: ${m.link}` : ' The video link comes from the organizers (us), before the day.';
}

function when(m: Rec, zone: string): string {
  if (!m.date || !m.start) return `${m.date ?? ''} ${m.start ?? ''}`.trim();
  const startMs = fromZonedTime(`${m.date}T${m.start}:00`, zone).getTime();
  const endMs = m.end ? fromZonedTime(`${m.date}T${m.end}:00`, zone).getTime() : startMs;
  return Number.isNaN(startMs) ? `${m.date} ${m.start}` : meetingWhen(startMs, endMs, zone);
}

const list = (people: readonly Rec[]) => [...people].sort((a, b) => name(a).localeCompare(name(b))).map((a) => `- ${name(a)}${a.organization ? ` (${a.organization})` : ''}`).join('\n') || '- (no one)';

/** The status each earlier meeting's office gave: by the meeting ID the reply names, else by its office. */
function statusOf(m: Rec, replies: readonly OfficeReply[]): 'requested' | 'confirmed' | undefined {
  const r = replies.find((x) => x.meetingId === m.meeting_id) ?? replies.find((x) => !x.meetingId && officeKey({ chamber: x.office.chamber, state: x.office.state, district: m.district ?? '', member: x.office.member }) === officeKey(m));
  if (r?.status === 'declined') return undefined;
  if (r?.status === 'confirmed' || (!r && m.status === 'confirmed')) return 'confirmed';
  return r?.status === 'requested' ? 'requested' : undefined;
}

export function buildOfficeMessages(args: {
  earlier: { meetings: readonly Rec[]; attendees: readonly Rec[] } | undefined;
  replies: readonly OfficeReply[];
  meetings: readonly Rec[];
  attendees: readonly Rec[];
  /** The meetings whose office has confirmed in this schedule (by ID): each gets its attendee list. */
  confirmed: ReadonlySet<string>;
  config: Config;
}): OfficeMessage[] {
  const { config } = args;
  const zone = config.event.timeZone;
  const org = organizerValues(config);
  const sign = [org.organizer_name || (org.organizer_organization ? '' : 'The organizers'), org.organizer_organization, org.organizer_email, org.organizer_phone].filter(Boolean).join('\n');
  const now = peopleOf(args.attendees);
  const before = peopleOf(args.earlier?.attendees ?? []);
  const earlierIds = new Set((args.earlier?.meetings ?? []).map((m) => m.meeting_id));
  const out: OfficeMessage[] = [];
  const lead = (people: readonly Rec[]) => oneAddress(people.find((a) => a.role === 'lead')?.email ?? '');
  const message = (kind: OfficeMessageKind, was: Rec, status: OfficeMessage['status'], nowM: Rec | undefined, why: string, lines: string[], sendOn: string): OfficeMessage => {
    const dear = `Dear Scheduler,`;
    const ref = `our meeting request ${was.meeting_id} (${config.event.name})`;
    const subject = kind === 'cancellation' ? `Cancelled: ${config.event.name} meeting ${was.meeting_id} with ${was.member}`
      : kind === 'attendee list' ? `Attendee list: ${config.event.name} meeting ${nowM?.meeting_id} with ${was.member}, ${when(nowM!, zone)}`
        : `Update: ${config.event.name} meeting ${was.meeting_id} with ${was.member}`;
    const body = [dear, '', ...(kind === 'attendee list' ? [`Thank you for confirming ${ref}. Here is who will attend.`] : [`A change to ${ref}, which your office ${status === 'confirmed' ? 'confirmed' : 'has in hand'}:`]), '', ...lines, '', 'Thank you,', sign].join('\n');
    const people = nowM ? (now.get(nowM.meeting_id ?? '') ?? []) : (before.get(was.meeting_id ?? '') ?? []);
    return { kind, meetingId: was.meeting_id ?? '', nowId: nowM?.meeting_id ?? '', member: was.member ?? '', status, why, sendOn, to: addressList((nowM ?? was).scheduler_email ?? ''), cc: lead(people), subject, body };
  };
  const taken = new Set<string>();
  for (const was of args.earlier?.meetings ?? []) {
    const status = statusOf(was, args.replies);
    if (!status) continue;
    // The same meeting, else the office's meeting this schedule made in its place (an ID the earlier one did not have).
    const nowM = args.meetings.find((m) => m.meeting_id === was.meeting_id && officeKey(m) === officeKey(was)) ?? args.meetings.find((m) => !earlierIds.has(m.meeting_id) && !taken.has(m.meeting_id ?? '') && officeKey(m) === officeKey(was));
    if (!nowM) {
      out.push(message('cancellation', was, status, undefined, 'the meeting is dropped: none of its people can attend', [
        `We are sorry to cancel the meeting on ${when(was, zone)}: none of our constituents can attend it now. Please release the time.`,
      ], ''));
      continue;
    }
    taken.add(nowM.meeting_id ?? '');
    const b = before.get(was.meeting_id ?? '') ?? [];
    const a = now.get(nowM.meeting_id ?? '') ?? [];
    // The same person by email, then name and phone (identity.ts): a re-typed name is not someone new.
    const key = (x: Rec) => personKey(x.email, x.first_name, x.last_name, x.phone);
    const removed = b.filter((x) => !a.some((y) => key(y) === key(x)));
    const added = a.filter((x) => !b.some((y) => key(y) === key(x)));
    const moved = `${was.date} ${was.start}` !== `${nowM.date} ${nowM.start}`;
    const renamed = nowM.meeting_id !== was.meeting_id;
    if (!moved && !removed.length && !added.length && !renamed) continue;
    const why = [moved ? `moved to ${nowM.date} ${nowM.start}` : '', renamed ? `replaced by ${nowM.meeting_id}` : '', added.length ? `${added.length} added` : '', removed.length ? `${removed.length} removed` : ''].filter(Boolean).join(', ');
    out.push(message('update', was, status, nowM, why, [
      ...(moved ? [`The meeting is now on ${when(nowM, zone)} (it was ${when(was, zone)}).${status === 'confirmed' ? ' Please let us know if this time does not work for your office.' : ''}`] : [`The meeting stays on ${when(nowM, zone)}.`]),
      ...(renamed ? [`We now file it as ${nowM.meeting_id} (it was ${was.meeting_id}).`] : []),
      ...(added.length ? [`Joining: ${added.map(name).join(', ')}.`] : []),
      ...(removed.length ? [`No longer attending: ${removed.map(name).join(', ')}.`] : []),
      '', 'Who will attend:', list(a),
    ], ''));
  }
  for (const m of args.meetings) {
    if (!args.confirmed.has(m.meeting_id ?? '') || !m.date) continue;
    const days = config.attendeeListDaysBefore;
    const sendOn = new Date(Date.parse(`${m.date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    out.push(message('attendee list', m, 'confirmed', m, `final attendee list, to send on ${sendOn}`, [
      `The meeting: ${when(m, zone)}.${whereLine(m)}`,
      '', 'Who will attend:', list(now.get(m.meeting_id ?? '') ?? []),
    ], sendOn));
  }
  return out;
}

export function officeMessagesTable(messages: readonly OfficeMessage[]): DataTable {
  return {
    name: 'Office messages',
    columns: ['meeting_id', 'now_meeting_id', 'member', 'kind', 'office_status', 'what_changed', 'send_on', 'to', 'cc', 'subject', 'body'],
    rows: messages.map((m) => [m.meetingId, m.nowId, m.member, m.kind, m.status, m.why, m.sendOn, m.to, m.cc, m.subject, m.body]),
  };
}

/** The summary line: how many messages to which offices. */
export function officeMessagesLine(messages: readonly OfficeMessage[]): string {
  const n = (k: OfficeMessageKind) => messages.filter((m) => m.kind === k).length;
  return `Office messages: ${n('update')} update${n('update') === 1 ? '' : 's'}, ${n('cancellation')} cancellation${n('cancellation') === 1 ? '' : 's'}, ${n('attendee list')} attendee list${n('attendee list') === 1 ? '' : 's'} (office-messages.csv, office-messages/).`;
}
