// Which RSVP column holds which field, from the question text of every known export shape (Google
// Forms, Sheets, Action Network, Mobilize, EveryAction, Eventbrite, Jotform, SurveyMonkey, Typeform,
// Airtable) or the config's mapping; and which columns hold availability for one day.
import type { EventConfig, RsvpField } from '../config/schema.js';
import { dayOfHeading, readsAsAvailability } from './availability.js';
import { columnValues, type ColumnUse, columnMap } from './columns.js';
import { filledColumns, mapColumns, normHeader } from './header.js';

/** Order matters: an earlier field claims a column first ("email address" is email, not address). */
export const RSVP_PATTERNS: ReadonlyArray<readonly [RsvpField, RegExp]> = [
  ['timestamp', /^(timestamp|submitted|submitted at|submitted on|submission date|submission time|date submitted|created|created at|created date|response date|signup date|rsvp date|order date|submit date|submit date utc|end date)$/],
  ['email', /\be ?mail\b/],
  // Mobilize and Eventbrite export an attendance status; a row marked cancelled is not scheduled.
  ['status', /^(status|rsvp status|attendee status|attendance status|registration status|order status|cancell?ed)$/],
  // An in-person day's own limits: when they get there, when they must go ("What time do you need to leave?").
  ['arrival', /\barriv\w*|\bwhen do you (get|land)\b|\blanding time\b/],
  ['departure', /\bdepart\w*|\b(need|have|want|plan) to leave\b|\bleaving\b|\bleave (dc|town|the hill|washington)\b|\bflight (home|out|leaves|time)\b/],
  ['firstName', /^(first|given name|first name s)$|\bfirst name\b/],
  ['lastName', /^(last|surname|family name)$|\blast name\b/],
  ['timeZone', /\btime ?zone\b/],
  ['organization', /\b(organi[sz]ation|affiliation|congregation|employer|company|group you represent)\b/],
  // The split-ZIP question's answer: a district or the Representative's name (normalize/representative.ts).
  ['district', /\bdistrict\b|\brepresentative\b|^(your )?rep$|\bwho represents you\b|\bcongress(wo)?man\b|\bmember of congress\b/],
  ['zip', /\b(zip|postal|zcta)\b|\bzip ?code\b/],
  ['state', /^(?!.*united states).*\bstate\b/],
  ['city', /\b(city|town)\b/],
  ['address', /^(?!ip |e ?mail ).*\baddress\b/],
  ['lead', /\b(lead|leader|facilitat\w*)\b/],
  ['story', /\bstor(y|ies)\b/],
  ['needs', /\b(interpret\w*|accessib\w*|accommodat\w*|language|needs)\b/],
  ['note', /\b(can ?not|can t|unable|not able)\b.*\b(join|attend|participate|make)\b|\bnotes?\b|\bcomments?\b|anything else/],
  ['availability', /\b(avail\w*|which (days?|dates?|times?)|what (days?|dates?|times?)|when can|time slots?|days? and times?|times? that work|schedule)\b/],
  ['phone', /\b(phone|mobile|cell|telephone)\b/],
  ['fullName', /^(name|full name|your name|your full name|participant name|what is your name|first and last name|contact name)$|\bfull name\b/],
];

/** `Question text [Tuesday, July 14]`: a checkbox-grid column, one per row of the grid. */
export function gridLabel(header: string): string | undefined {
  const m = /\[([^\]]+)\]\s*$/.exec(header);
  return m?.[1]?.trim();
}

/** Header recognition for finding the header row; with the event, a column headed by a day counts too. */
export function rsvpHeaderRecognizer(event?: EventConfig): (header: string) => boolean {
  return (header) => {
    if (gridLabel(header)) return true;
    const h = normHeader(header);
    return RSVP_PATTERNS.some(([, re]) => re.test(h)) || (event !== undefined && dayOfHeading(header, event) !== undefined);
  };
}

export const recognizesRsvpHeader = rsvpHeaderRecognizer();

/** A column holding availability for one day: a checkbox-grid row, or a column headed by the day. */
export interface DayColumn {
  index: number;
  label: string;
  /** The event day it names; undefined when it names a day outside the event. */
  day?: string;
}

export interface RsvpColumns {
  fields: Map<RsvpField, number>;
  days: DayColumn[];
  /** Further columns whose question asks for availability ("Any other availability?" beside a checkbox question). */
  moreAvailability: number[];
  /** The availability column was found by its answers, not its question. */
  availabilityByAnswers: boolean;
  /** Mapped columns with no answer on any row (SurveyMonkey's recipient names beside its contact question). */
  empty: number[];
}

export interface Body {
  rows: readonly string[][];
  start: number;
}

export function mapRsvpColumns(headers: readonly string[], manual: Partial<Record<RsvpField, string>>, event: EventConfig, body?: Body): RsvpColumns {
  const days: DayColumn[] = [];
  const manualHeaders = new Set(Object.values(manual).map((h) => normHeader(h)));
  headers.forEach((h, index) => {
    if (manualHeaders.has(normHeader(h))) return;
    const label = gridLabel(h);
    const heading = label ? undefined : dayOfHeading(h, event);
    if (label) days.push({ index, label, ...(dayOfHeading(label, event)?.day ? { day: dayOfHeading(label, event)!.day! } : {}) });
    else if (heading) days.push({ index, label: h, ...(heading.day ? { day: heading.day } : {}) });
  });
  const dayIdx = new Set(days.map((g) => g.index));
  const masked = headers.map((h, i) => (dayIdx.has(i) ? '' : h));
  const filled = body ? filledColumns(body.rows, body.start) : undefined;
  const fields = mapColumns(masked, RSVP_PATTERNS, manual, filled);
  let availabilityByAnswers = false;
  // No availability question by its words: a column whose answers read as times is the availability.
  if (body && !fields.has('availability') && !days.length) {
    const taken = new Set(fields.values());
    const found = masked.findIndex((h, i) => h.trim() !== '' && !taken.has(i) &&
      columnValues(body.rows, body.start, i).filter((v) => v.trim()).length >= 2 &&
      columnValues(body.rows, body.start, i).filter((v) => v.trim()).every((v) => readsAsAvailability(v, event)));
    if (found >= 0) {
      fields.set('availability', found);
      availabilityByAnswers = true;
    }
  }
  const taken = new Set(fields.values());
  const availabilityWords = RSVP_PATTERNS.find(([f]) => f === 'availability')![1];
  const moreAvailability = masked.flatMap((h, i) => (h.trim() && !taken.has(i) && availabilityWords.test(normHeader(h)) ? [i] : []));
  const empty = filled ? [...fields.values()].filter((i) => !filled(i)) : [];
  return { fields, days, moreAvailability, availabilityByAnswers, empty };
}

const FIELD_WORDS: Record<RsvpField, string> = {
  timestamp: 'submission time', firstName: 'first name', lastName: 'last name', fullName: 'full name', email: 'email', phone: 'phone',
  organization: 'organization', address: 'street address', city: 'city', state: 'state', zip: 'ZIP code', district: 'congressional district',
  availability: 'availability', note: 'note (cannot join)', lead: 'willing to lead', story: 'willing to share a story', needs: 'interpretation or access needs',
  timeZone: 'time zone', status: 'status (cancelled)', arrival: 'arrival (first day)', departure: 'departure (last day)',
};

/** What each column was taken for, in the organizer's words. */
export function rsvpColumnUses(columns: RsvpColumns): Map<number, string> {
  const uses = new Map<number, string>();
  for (const [f, i] of columns.fields) uses.set(i, f === 'availability' && columns.availabilityByAnswers ? 'availability (read from its answers)' : FIELD_WORDS[f]);
  for (const d of columns.days) if (d.day) uses.set(d.index, `availability on ${d.day}`);
  for (const i of columns.moreAvailability) uses.set(i, 'availability');
  for (const i of columns.empty) uses.set(i, `${uses.get(i) ?? ''} (no answers in this column)`);
  return uses;
}

export function rsvpColumnMap(headers: readonly string[], columns: RsvpColumns): ColumnUse[] {
  return columnMap(headers, rsvpColumnUses(columns));
}
