// offices.csv's room and format columns (an in-person event): awg pre-fills them with what it knows, the
// organizer types over them, and the next run (schedule --previous, update, check) takes what was typed
// as the office's room or format, over the targets workbook's and the list of members'. Pure.
import { campusOf } from '../campus/of-event.js';
import { meetsInPerson } from '../campus/meeting-place.js';
import { placeOfOffice, readPlace } from '../campus/place.js';
import type { EventConfig } from '../config/schema.js';
import type { FolderRow } from '../folder/rows.js';
import type { TargetOffice } from '../model.js';
import { resolveOffice } from '../normalize/confirmed.js';
import { parseFormat, roomProblem, unreadableFormat } from '../normalize/office-place.js';
import type { Problem } from '../problems.js';
import { seatLabel } from '../normalize/seats.js';

/** The room cell as awg writes it: what the organizer typed in offices.csv stays as typed; else "Rayburn 2157". */
export function roomCell(event: EventConfig, office: TargetOffice): string {
  if (office.roomFrom === 'offices') return [office.room, office.building].filter(Boolean).join(' ');
  return placeOfOffice(campusOf(event), office).label;
}

export const formatCell = (event: EventConfig, office: TargetOffice): string => (meetsInPerson(event, office) ? 'in-person' : 'virtual');

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The offices with the rooms and formats typed in an earlier offices.csv laid over them. A cell that says
 * what awg wrote (or the same room in other words) changes nothing, so a room fixed later in the targets
 * workbook still reaches the pages; a blank cell is no word either. Only an in-person event has the columns.
 */
export function withTypedRooms(offices: readonly TargetOffice[], rows: readonly FolderRow[], event: EventConfig): { offices: TargetOffice[]; problems: Problem[] } {
  if (event.format !== 'in-person' || !rows.some((r) => 'room' in r.cells || 'format' in r.cells)) return { offices: [...offices], problems: [] };
  const campus = campusOf(event);
  const problems: Problem[] = [];
  const typed = new Map<string, Partial<TargetOffice>>();
  for (const r of rows) {
    const get = (c: string) => r.cells[c] ?? '';
    const { office } = resolveOffice(get('member'), get('state'), get('district'), get('chamber'), offices);
    // A row naming no target office is readOfficeReplies' to report.
    if (!office) continue;
    const at = { file: r.file, ...(r.sheet ? { sheet: r.sheet } : {}), row: r.row };
    const over = typed.get(office.id) ?? {};
    const room = get('room').replace(/\s+/g, ' ').trim();
    const known = placeOfOffice(campus, office);
    const same = squash(room) === squash(roomCell(event, office)) || squash(readPlace(campus, room, 'offices', office.chamber).label) === squash(known.label);
    if (room && !same && over.room === undefined) {
      Object.assign(over, { room, roomFrom: 'offices' as const });
      const p = roomProblem(event, { ...office, room, roomFrom: 'offices' }, { ...at, column: 'room' });
      if (p) problems.push(p);
    }
    const formatText = get('format');
    const format = parseFormat(formatText);
    if (format === undefined) problems.push(unreadableFormat(event, { ...at, column: 'format' }, formatText, office.member));
    else if (format && format !== formatCell(event, office) && over.format === undefined) over.format = format;
    if (Object.keys(over).length) typed.set(office.id, over);
  }
  return {
    // The typed room is the whole room: a Building typed in the targets does not add to it.
    offices: offices.map((o) => {
      const over = typed.get(o.id);
      if (!over) return o;
      const { building: _b, ...rest } = o;
      return over.room !== undefined ? { ...rest, ...over } : { ...o, ...over };
    }),
    problems,
  };
}

/** One warning per office that meets in person and has no room yet (none in the list of members, none typed). */
export function noRoomProblems(offices: readonly TargetOffice[], event: EventConfig): Problem[] {
  if (event.format !== 'in-person') return [];
  const campus = campusOf(event);
  return offices.filter((o) => meetsInPerson(event, o) && placeOfOffice(campus, o).from === 'none').map((o) => ({
    code: 'no-room', severity: 'warning' as const, file: o.file, ...(o.sheet ? { sheet: o.sheet } : {}), row: o.row, column: 'Room', value: '',
    message: `awg knows no room for ${o.member} (${seatLabel(o)}): a member sworn in recently, or an office the list of members does not have; the pages say to confirm the room`,
    fix: 'Type the room (e.g. "Cannon 123") in the room column of offices.csv, or in a Room column of the targets workbook, and run again.',
  }));
}
