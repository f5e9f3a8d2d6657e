// Where a meeting of an office is: nowhere (a link) in a virtual event or for an office that meets by
// video; otherwise its room, from offices.csv, the targets workbook or the list of members, in that order.
import type { EventConfig } from '../config/schema.js';
import type { TargetOffice } from '../model.js';
import type { Place } from './model.js';
import { campusOf } from './of-event.js';
import { placeOfOffice } from './place.js';

/** The office meets in person: the event is in person and the office does not say it meets by video. */
export const meetsInPerson = (event: Pick<EventConfig, 'format'>, office: Pick<TargetOffice, 'format'>): boolean =>
  event.format === 'in-person' && office.format !== 'virtual';

export function meetingPlace(event: EventConfig, office: TargetOffice): Place | undefined {
  return meetsInPerson(event, office) ? placeOfOffice(campusOf(event), office) : undefined;
}
