// Where and how an office meets, as the organizer types it: a Room and Building (read against the
// event's campus, so a room that names no building is said at once) and a Format (virtual for an office
// that meets only by video). Shared by the targets workbook and offices.csv.
import { campusOf } from '../campus/of-event.js';
import { placeOfOffice } from '../campus/place.js';
import type { EventConfig } from '../config/schema.js';
import type { Chamber, TargetOffice } from '../model.js';
import type { Problem, Where } from '../problems.js';

export type OfficeFormat = NonNullable<TargetOffice['format']>;

const VIRTUAL = /\b(virtual|video|zoom|teams|webex|google meet|meet|online|remote|by phone|phone call|call)\b/;
const IN_PERSON = /\b(in ?person|on ?site|face to face|dc office|in the office|hill)\b/;

/** A Format cell: 'virtual', 'in-person', '' for blank, undefined for words awg cannot read. */
export function parseFormat(text: string): OfficeFormat | '' | undefined {
  const t = text.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return '';
  const v = VIRTUAL.test(t);
  const p = IN_PERSON.test(t);
  return v === p ? undefined : v ? 'virtual' : 'in-person';
}

/** The warning for a Format cell awg cannot read: the office meets as the event does. */
export function unreadableFormat(event: Pick<EventConfig, 'format'>, where: Where, value: string, member: string): Problem {
  return {
    code: 'unreadable-format', severity: 'warning', ...where, value,
    message: `"${value}" is not a meeting format awg can read; ${member} is taken as meeting ${event.format === 'in-person' ? 'in person' : 'by video'}, as the event does`,
    fix: 'Write virtual (video only) or in-person.',
  };
}

/** The buildings a room of this chamber may be in, for a message: "Russell, Dirksen or Hart". */
function buildingsOf(event: EventConfig, chamber: Chamber): string {
  const campus = campusOf(event);
  const own = campus.buildings.filter((b) => b.side === chamber);
  const names = (own.length ? own : campus.buildings).map((b) => b.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0] ?? '';
}

/**
 * A room typed for an office that names no building of the campus (a bare Senate "511") is a warning
 * saying which building is missing: awg cannot tell the walk to it, and the pages cannot say where to go.
 */
export function roomProblem(event: EventConfig, office: Pick<TargetOffice, 'chamber' | 'member' | 'room' | 'building' | 'roomFrom' | 'address'>, where: Where): Problem | undefined {
  if (!office.room && !office.building) return undefined;
  const place = placeOfOffice(campusOf(event), office);
  const typed = [office.room, office.building].filter(Boolean).join(' ');
  if (!place.building) {
    const campus = campusOf(event);
    // The list of members' building, where it has one, is the likely one; else the chamber's first.
    const listed = office.address ? placeOfOffice(campus, { chamber: office.chamber, address: office.address }).building : undefined;
    const example = `${listed ?? buildingsOf(event, office.chamber).split(/, | or /)[0]} ${place.room || typed}`;
    return {
      code: 'room-without-building', severity: 'warning', ...where, value: typed,
      message: `"${typed}" names no building of ${campus.name}: ${office.member}'s room needs its building (${buildingsOf(event, office.chamber)}); awg cannot tell the walk to it${listed ? ` (the list of members has ${office.address})` : ''}`,
      fix: `Write the building with the room, e.g. "${example}", or fill in the Building column.`,
    };
  }
  if (!place.room) {
    return {
      code: 'room-without-number', severity: 'warning', ...where, value: typed,
      message: `"${typed}" names ${place.building} but no room number awg can read for ${office.member}; the pages say to confirm the room`,
      fix: 'Write the room number with the building, e.g. "Hart 511".',
    };
  }
  return undefined;
}
