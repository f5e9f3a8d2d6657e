// The columns of awg's own schedule files, written by render/ and read back by folder/: their machine
// names (the CSV headers), and the headers for people in workbooks (`Meeting`, `Accompanier email`).
// One mapping, applied when a workbook is built, and its inverse, so a workbook an organizer edited
// can be read back by its machine names.

/**
 * meetings.csv and the workbook's Meetings sheet, in the order awg writes them. `room` (where an
 * in-person meeting is, render/where.ts) is written in in-person events only.
 */
export const MEETING_COLUMNS = ['meeting_id', 'date', 'start', 'end', 'chamber', 'state', 'district', 'member', 'party', 'tier', 'accompanier', 'accompanier_email', 'lead',
  'participant_count', 'office_phone', 'scheduler_email', 'link', 'status', 'cosponsor', 'office_notes', 'meeting_notes', 'office_address', 'room'] as const;
/** attendees.csv and the workbook's Attendees sheet (`room`: in-person events only). */
export const ATTENDEE_COLUMNS = ['meeting_id', 'date', 'start', 'end', 'local_start', 'local_end', 'time_zone', 'member', 'role', 'first_name', 'last_name', 'email', 'phone',
  'organization', 'needs', 'story', 'rsvp_row', 'room'] as const;

/** Machine name → header for people, where the plain "first word capitalized" rule reads badly. */
export const PEOPLE_HEADERS: Readonly<Record<string, string>> = {
  meeting_id: 'Meeting',
  date: 'Date',
  start: 'Start',
  end: 'End',
  local_start: 'Local start',
  local_end: 'Local end',
  time_zone: 'Time zone',
  accompanier_email: 'Accompanier email',
  participant_count: 'Number of participants',
  participants_local_times: "Participants' local times",
  office_phone: 'Office phone',
  scheduler_email: 'Scheduler email',
  link: 'Video link',
  cosponsor: 'Cosponsor',
  office_notes: 'Office notes',
  meeting_notes: 'Meeting notes',
  needs: 'Interpretation or access needs',
  story: 'Will share a story',
  rsvp_row: 'RSVP row',
  zip: 'ZIP',
  fix: 'How to fix',
  superseded_by: 'Superseded by RSVP row',
  late: 'Late RSVP',
  best_tier: 'Best tier',
  meeting_ids: 'Meeting IDs',
  why_no_meeting: 'Why no meeting',
};

const inverse = new Map(Object.entries(PEOPLE_HEADERS).map(([machine, people]) => [people.toLowerCase(), machine]));

/** `reason_code` → `Reason code`; a mapped name → its header. */
export function peopleHeader(machine: string): string {
  const mapped = PEOPLE_HEADERS[machine];
  if (mapped) return mapped;
  const words = machine.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * `Meeting` → `meeting_id`, `Reason code` → `reason_code`, case and spacing as a spreadsheet may leave
 * them; a machine name stays itself, so workbooks written before the mapping read back as well.
 */
export function machineHeader(header: string): string {
  const text = header.trim().replace(/\s+/g, ' ');
  return inverse.get(text.toLowerCase()) ?? text.toLowerCase().replace(/ /g, '_');
}
