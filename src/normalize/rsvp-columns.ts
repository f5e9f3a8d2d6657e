// Which RSVP column holds which field, from the question text of every known export shape
// (Google Forms, Sheets, Action Network, Mobilize, EveryAction, Airtable) or the config's mapping.
import type { RsvpField } from '../config/schema.js';
import { mapColumns, normHeader } from './header.js';

/** Order matters: an earlier field claims a column first ("email address" is email, not address). */
export const RSVP_PATTERNS: ReadonlyArray<readonly [RsvpField, RegExp]> = [
  ['timestamp', /^(timestamp|submitted|submitted at|submitted on|submission date|submission time|date submitted|created|created at|created date|response date|signup date|rsvp date)$/],
  ['email', /\be ?mail\b/],
  // Mobilize and Eventbrite export an attendance status; a row marked cancelled is not scheduled.
  ['status', /^(status|rsvp status|attendee status|attendance status|registration status|order status|cancell?ed)$/],
  ['firstName', /^(first|given name|first name s)$|\bfirst name\b/],
  ['lastName', /^(last|surname|family name)$|\blast name\b/],
  ['timeZone', /\btime ?zone\b/],
  ['organization', /\b(organi[sz]ation|affiliation|congregation|employer|group you represent)\b/],
  ['district', /\bdistrict\b/],
  ['zip', /\b(zip|postal|zcta)\b|\bzip ?code\b/],
  ['state', /^(?!.*united states).*\bstate\b/],
  ['city', /\b(city|town)\b/],
  ['address', /\baddress\b/],
  ['lead', /\b(lead|leader|facilitat\w*)\b/],
  ['story', /\bstor(y|ies)\b/],
  ['needs', /\b(interpret\w*|accessib\w*|accommodat\w*|language|needs)\b/],
  ['note', /\b(can ?not|can t|unable|not able)\b.*\b(join|attend|participate|make)\b|\bnotes?\b|\bcomments?\b|anything else/],
  ['availability', /\b(avail\w*|which days?|what days?|what times?|when can|time slots?|days? and times?|times? that work|schedule)\b/],
  ['phone', /\b(phone|mobile|cell|telephone)\b/],
  ['fullName', /^(name|full name|your name|your full name|participant name|what is your name|first and last name|contact name)$|\bfull name\b/],
];

/** `Question text [Tuesday, July 14]`: a checkbox-grid column, one per row of the grid. */
export function gridLabel(header: string): string | undefined {
  const m = /\[([^\]]+)\]\s*$/.exec(header);
  return m?.[1]?.trim();
}

export function recognizesRsvpHeader(header: string): boolean {
  if (gridLabel(header)) return true;
  const h = normHeader(header);
  return RSVP_PATTERNS.some(([, re]) => re.test(h));
}

export interface RsvpColumns {
  fields: Map<RsvpField, number>;
  /** Checkbox-grid columns: index and the grid row's label. */
  grid: Array<{ index: number; label: string }>;
}

export function mapRsvpColumns(headers: readonly string[], manual: Partial<Record<RsvpField, string>>): RsvpColumns {
  const grid = headers.flatMap((h, index) => {
    const label = gridLabel(h);
    return label ? [{ index, label }] : [];
  });
  const gridIdx = new Set(grid.map((g) => g.index));
  const masked = headers.map((h, i) => (gridIdx.has(i) ? '' : h));
  return { fields: mapColumns(masked, RSVP_PATTERNS, manual), grid };
}
