// Where a meeting of an office is: nowhere (a link) in a virtual event or for an office that meets by
// video; otherwise its room, from offices.csv, the targets workbook or the list of members, in that order.
import type { EventConfig } from '../config/schema.js';
import type { TargetOffice } from '../model.js';
import type { Place } from './model.js';
import { campusOf } from './of-event.js';
import { placeOfOffice, readPlace } from './place.js';

/** The office meets in person: the event is in person and the office does not say it meets by video. */
export const meetsInPerson = (event: Pick<EventConfig, 'format'>, office: Pick<TargetOffice, 'format'>): boolean =>
  event.format === 'in-person' && office.format !== 'virtual';

export function meetingPlace(event: EventConfig, office: TargetOffice): Place | undefined {
  return meetsInPerson(event, office) ? placeOfOffice(campusOf(event), office) : undefined;
}

/** What meetings.csv's `room` cell says when awg knows no room (render/where.ts writes it). */
export const ROOM_NOT_KNOWN = 'not known yet';

/**
 * Where a meeting of a folder is: a room typed in its meetings.csv `room` cell (a hand edit, kept), else its
 * office's. A cell that names the office's own room, or says awg knows none, is the office's place, so
 * a room from the list of members keeps saying it is to be confirmed. `awg check` and `awg update` read
 * the cell alike, so a room the check accepted is the one update writes back.
 */
export function placeOfCell(event: EventConfig, office: TargetOffice, cell: string | undefined): Place | undefined {
  const own = meetingPlace(event, office);
  const typed = (cell ?? '').trim();
  if (!own || !typed || typed.toLowerCase() === ROOM_NOT_KNOWN) return own;
  const place = readPlace(campusOf(event), typed, 'offices', office.chamber);
  return place.label === own.label ? own : place;
}
