// What changed, as a notice says it to the person: the meeting's day and time in US conventions, in
// the reader's zone and the event's ("Wednesday, July 15, 11:00–11:30 am MT (2:00–2:30 pm ET)"), and
// the office by name; never the change set's YYYY-MM-DD and 24-hour times (changes.csv keeps those).
import type { Rec } from '../render/roster-model.js';
import { instant } from '../render/when.js';
import type { PersonChange } from './changes.js';
import { meetingWhen } from './requests.js';

interface Described { id: string; date: string; start: string; member: string }

/** changes.ts writes a seat as "M052 2020-07-16 12:30 Ruben Gallego". */
function parseSeat(text: string): Described | undefined {
  const m = /^(\S+) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) (.*)$/.exec(text);
  return m ? { id: m[1]!, date: m[2]!, start: m[3]!, member: m[4]! } : undefined;
}

export interface ChangeContext {
  eventZone: string;
  readerZone?: string;
  meetingMinutes: number;
  /** The meetings of the earlier schedule and of this one, by id (for their end times). */
  before: ReadonlyMap<string, Rec>;
  after: ReadonlyMap<string, Rec>;
}

function seatText(text: string, ctx: ChangeContext, recs: ReadonlyMap<string, Rec>): string {
  const s = parseSeat(text);
  if (!s) return text;
  const rec = recs.get(s.id);
  const start = instant(s.date, s.start, ctx.eventZone);
  const end = rec && rec.date === s.date && rec.start === s.start && rec.end ? instant(s.date, rec.end, ctx.eventZone) : start + ctx.meetingMinutes * 60_000;
  if (Number.isNaN(start) || Number.isNaN(end)) return text;
  return `${meetingWhen(start, end, ctx.eventZone, ctx.readerZone)}, with ${s.member} (meeting ${s.id})`;
}

export function changeLine(c: PersonChange, ctx: ChangeContext): string {
  const before = () => seatText(c.before, ctx, ctx.before);
  const after = () => seatText(c.after, ctx, ctx.after);
  switch (c.change) {
    case 'added': return `- New: ${after()}`;
    case 'moved': return `- Moved: your meeting ${before()} is now ${after()}`;
    case 'removed': return `- No longer on your schedule: ${before()}`;
    case 'office declined': return `- The office declined the meeting ${before()}`;
    case 'accompanier changed': return `- Meeting ${c.meetingId}: your accompanier is now ${c.after} (was ${c.before})`;
    case 'lead changed': return `- Meeting ${c.meetingId}: the meeting lead is now ${c.after === '(none)' ? 'your accompanier' : c.after} (was ${c.before === '(none)' ? 'your accompanier' : c.before})`;
    case 'link changed': return `- Meeting ${c.meetingId}: ${c.after ? `the video link is now ${c.after}` : 'the video link will be sent again'}`;
  }
}
