// The status column of an RSVP export (Mobilize, Eventbrite, a column the organizer keeps): whether the
// person is still coming. Words that say they are not ("not coming", "dropped out", "can't make it")
// cancel; words that say they are ("registered", "confirmed") do not; anything else is a warning, never
// silently taken as attending.

export type StatusReading = 'cancelled' | 'attending' | 'unread';

const CANCEL = [
  /^cancell?(ed|ation|led by (the )?(attendee|user|participant))?$/, /^withdrawn?$/, /^refunded$/, /^declined$/, /^no$/, /^removed$/,
  /\bnot (coming|attending|going|able to (come|attend|make it))\b/, /\bdropped( out)?\b/, /\bdrop(ped)? out\b/, /\bcan ?(no|')?t (make it|come|attend|go)\b/,
  /\bcannot (make it|come|attend|go)\b/, /\bunable to (come|attend|make it)\b/, /\bwon ?'?t (make it|come|attend|be there)\b/, /\bbacked out\b/, /\bno longer\b/,
];
const ATTENDING = /^(registered|confirmed|attending|going|coming|yes|y|rsvp'?d|rsvped|active|approved|accepted|checked in|attended|complete|completed|signed up|waitlist(ed)?|maybe|pending|paid|free|new|ok)$/;

/** A status cell, read: '' and the attending words are 'attending'. A column headed "Cancelled" reads yes as cancelled. */
export function readStatus(value: string, header: string): StatusReading {
  const v = value.trim().toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').replace(/[.!]+$/, '');
  if (!v) return 'attending';
  if (/cancel/i.test(header)) return /^(yes|y|true|x|1)$/.test(v) ? 'cancelled' : /^(no|n|false|0)$/.test(v) ? 'attending' : CANCEL.some((re) => re.test(v)) ? 'cancelled' : 'unread';
  if (ATTENDING.test(v)) return 'attending';
  return CANCEL.some((re) => re.test(v)) ? 'cancelled' : 'unread';
}
