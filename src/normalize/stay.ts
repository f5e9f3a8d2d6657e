// A row's arrival and departure cells (arrival-departure.ts) applied to its availability: the slots
// before arrival and those ending after departure are taken away, and every cell awg cannot read, or a
// stay that leaves no meeting time, is a warning on that cell.
import type { EventConfig, RsvpField } from '../config/schema.js';
import type { Availability, Rsvp, Slot } from '../model.js';
import { readDayLimit, withinStay, type DayLimit, type LimitKind } from './arrival-departure.js';

type Warn = (field: RsvpField, code: string, value: string, message: string, fix: string) => void;

const when = (l: DayLimit) => `${l.day} ${l.time}`;

export function readStay(arrivalText: string, departureText: string, event: EventConfig, slots: readonly Slot[], availability: Availability, warn: Warn): Pick<Rsvp, 'arrival' | 'departure'> {
  const read = (kind: LimitKind, text: string): DayLimit | undefined => {
    const r = readDayLimit(text, kind, event);
    if (r.unreadable) {
      warn(kind, `unreadable-${kind}`, text,
        `"${text}" is not ${kind === 'arrival' ? 'an arrival' : 'a departure'} time awg can read (${r.unreadable}); awg took it as no limit, so they may be placed at any time their availability gives`,
        kind === 'arrival' ? 'Write when they arrive, e.g. "11am" or "Tue 11:30am".' : 'Write when they must leave, e.g. "3pm" or "Wed 4:30pm" (a departure without a day is on the last day).');
    }
    return r.limit;
  };
  const arrival = read('arrival', arrivalText);
  const departure = read('departure', departureText);
  if (!arrival && !departure) return {};
  const had = availability.slots.length;
  availability.slots = withinStay(availability.slots, slots, arrival, departure);
  // Nothing ticked meant every time: with a stay, it is every time of the stay.
  if (availability.blank && availability.slots.length < had) availability.blank = false;
  if (had && !availability.slots.length && !availability.cannotJoin) {
    const both = arrival && departure;
    warn(departure ? 'departure' : 'arrival', 'no-time-in-stay', departure ? departureText : arrivalText,
      `${arrival ? `arrives ${when(arrival)}` : ''}${both ? ' and ' : ''}${departure ? `leaves ${when(departure)}` : ''}: none of the meeting times they gave is left, so they are in no meeting`,
      'Check the times with the person; a meeting must start after they arrive and end before they leave.');
  }
  return { ...(arrival ? { arrival: { day: arrival.day, time: arrival.time } } : {}), ...(departure ? { departure: { day: departure.day, time: departure.time } } : {}) };
}
