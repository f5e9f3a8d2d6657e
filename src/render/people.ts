// The tables about people and offices that several outputs share: priority, unmatched, coverage.
import type { Location, Participant, Rsvp, Slot, TargetOffice } from '../model.js';
import type { Unmatched } from '../match/match.js';
import { isGap, type PriorityReport } from '../match/priority.js';
import { districtLabel } from '../normalize/district.js';
import { lazyTable, wholeTable, type CellValue, type DataTable, type LazyTable } from './table.js';

export const fullName = (r: Rsvp) => `${r.firstName} ${r.lastName}`.trim();
export const officeName = (o: TargetOffice) => (o.chamber === 'Senate' ? `${o.state} Senate` : districtLabel(o.state, o.district ?? 0));
export const districtOf = (loc: Location | undefined): string =>
  loc?.state === undefined ? '' : loc.district !== undefined ? districtLabel(loc.state, loc.district) : loc.candidates ? loc.candidates.map((c) => districtLabel(loc.state!, c.district)).join(' or ') : '';
export const tierText = (o: TargetOffice) => (o.tier === undefined ? o.tierRaw : o.tier);

/**
 * A readable list in one cell: the first 100 names, then how many more (priority.csv has them all). Only
 * those 100 are made: an office can have thousands available with 100,000 RSVPs.
 */
function listNames<T>(items: readonly T[], name: (item: T) => string, max = 100): string {
  const names = items.slice(0, max).map(name).join('; ');
  return items.length <= max ? names : `${names}; … and ${items.length - max} more (see the priority list)`;
}

/** The priority list, a row per participant, made as it is written (render/table.ts: LazyTable). */
export function priorityRows(report: PriorityReport, slots: readonly Slot[]): LazyTable {
  return lazyTable({
    name: 'Priority participants',
    columns: ['rank', 'state', 'district', 'first_name', 'last_name', 'email', 'phone', 'organization', 'target_offices', 'best_tier', 'available_slots', 'lead', 'story', 'late', 'rsvp_row'],
  }, report.participants, (p) => [
    p.rank, p.location.state, districtOf(p.location), p.rsvp.firstName, p.rsvp.lastName, p.rsvp.email, p.rsvp.phone, p.rsvp.organization,
    p.offices.map((o) => `${officeName(o)} (${o.member})`).join('; '), Number.isFinite(p.bestTier) ? p.bestTier : '',
    p.rsvp.availability.slots.length === slots.length ? 'all' : p.rsvp.availability.slots.length, p.rsvp.lead, p.rsvp.story, p.rsvp.late, p.rsvp.row,
  ] as CellValue[]);
}

export const priorityTable = (report: PriorityReport, slots: readonly Slot[]): DataTable => wholeTable(priorityRows(report, slots));

export function officesTable(report: PriorityReport, extra?: (o: TargetOffice) => CellValue[], extraColumns: string[] = []): DataTable {
  return {
    name: 'Target offices',
    columns: ['office', 'chamber', 'state', 'district', 'member', 'party', 'tier', 'constituents', 'available', 'district_unknown', 'recruiting_gap', 'participants', ...extraColumns],
    rows: report.offices.map((c) => [
      c.office.id, c.office.chamber, c.office.state, c.office.chamber === 'House' ? districtLabel(c.office.state, c.office.district ?? 0) : '',
      c.office.member, c.office.party, tierText(c.office), c.constituents.length, c.available.length, c.possible.length, isGap(c) ? 'yes' : '',
      listNames(c.available, (p) => `${fullName(p.rsvp)} (#${p.rank}, row ${p.rsvp.row})`), ...(extra ? extra(c.office) : []),
    ]),
  };
}

export function unmatchedTable(unmatched: readonly Unmatched[]): DataTable {
  return {
    name: 'Unmatched',
    columns: ['rsvp_row', 'first_name', 'last_name', 'email', 'phone', 'organization', 'state', 'zip', 'district', 'reason_code', 'reason', 'fix', 'superseded_by', 'digital_advocacy'],
    rows: [...unmatched].sort((a, b) => a.rsvp.row - b.rsvp.row).map((u) => [
      u.rsvp.row, u.rsvp.firstName, u.rsvp.lastName, u.rsvp.email, u.rsvp.phone, u.rsvp.organization, u.rsvp.state ?? u.rsvp.stateRaw, u.rsvp.zip ?? '',
      districtOf(u.location), u.code, u.reason, u.fix, u.supersededBy ?? '', u.digital,
    ]),
  };
}

export function participantJson(p: Participant) {
  return {
    rank: p.rank, row: p.rsvp.row, name: fullName(p.rsvp), email: p.rsvp.email, state: p.location.state, district: p.location.district ?? null,
    candidates: p.location.candidates?.map((c) => ({ district: c.district, share: c.share ?? null })) ?? null,
    offices: p.offices.map((o) => o.id), bestTier: Number.isFinite(p.bestTier) ? p.bestTier : null, late: p.rsvp.late,
  };
}
