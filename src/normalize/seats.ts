// Targets by seat: fills in what a target row leaves out (member, party, office phone, DC office) from
// the list of current members, and warns where a row names someone who does not hold that seat.
// A Senators row may name the senator, say `senior` or `junior`, or name no one: then it is both seats.
import type { Member } from '../data/bundled.js';
import type { TargetOffice } from '../model.js';
import type { Problem } from '../problems.js';
import { normalizePhone } from './contact.js';
import { districtLabel } from './district.js';

/** Letters and digits only, accents dropped, lower case: "Rep. Mónica De La Cruz" → "repmonicadelacruz". */
const squash = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Whether the text of a member cell names this member, by last name as organizers write it: whole
 * words only ("Kingsley" is not King), several words or a hyphenated name read as one (De La Cruz).
 */
export function namesMember(text: string, m: Member): boolean {
  const words = text.split(/[^\p{L}\p{N}']+/u).map(squash).filter(Boolean);
  const lastOfName = m.name.replace(/,.*$/, '').trim().split(/\s+/).at(-1) ?? '';
  const lasts = new Set([m.last, lastOfName].map(squash).filter((l) => l.length > 1));
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length; j++) {
      joined += words[j];
      if (lasts.has(joined)) return true;
    }
  }
  return false;
}

const SENATE_RANK = /^(?:sen(?:ator|\.)?\s+)?(senior|junior|sr\.?|jr\.?)(?:\s+sen(?:ator|\.)?)?$/i;

export const seatLabel = (o: Pick<TargetOffice, 'chamber' | 'state' | 'district'>): string =>
  o.chamber === 'House' ? districtLabel(o.state, o.district ?? 0) : `${o.state} Senate`;

const who = (m: Member) => `${m.name} (${m.party})`;
const key = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

/** The office as the member's record fills it: blank cells only; what the organizer wrote stands. */
function filled(o: TargetOffice, m: Member): TargetOffice {
  return {
    ...o,
    // A row that named no one gets the senator's id; a named row keeps its own, stable across runs.
    ...(o.chamber === 'Senate' && !o.member ? { id: `S-${o.state}-${key(m.last)}` } : {}),
    member: o.member || m.name,
    party: o.party || m.party,
    phone: o.phone || normalizePhone(m.phone).phone,
    address: o.address || m.office,
    contact: o.contact || m.contact,
  };
}

/**
 * Every target office with its blanks filled from `members`. Rows naming someone who does not hold
 * the seat are kept as written (the list may be older than the sheet) with a warning naming who does.
 */
export function fillSeats(
  offices: readonly TargetOffice[],
  members: readonly Member[],
  problems: Problem[],
  /** The member column's header on each sheet, by `file|sheet`. */
  memberColumns: ReadonlyMap<string, string> = new Map(),
): TargetOffice[] {
  // A problem points at the member column as the sheet heads it ("Senator", "Member").
  const warn = (o: TargetOffice, code: string, message: string, fix: string): Problem => ({
    code, severity: 'warning', file: o.file, ...(o.sheet ? { sheet: o.sheet } : {}), row: o.row,
    column: memberColumns.get(`${o.file}|${o.sheet}`) ?? 'member', value: o.member, message, fix,
  });
  // The members by seat, once: finding each row's member by a scan of all 535 was most of reading the targets.
  const houseSeat = new Map<string, Member>();
  const senatorsOf = new Map<string, Member[]>();
  for (const m of members) {
    if (m.chamber === 'House') {
      const seat = `${m.state}|${m.district}`;
      if (!houseSeat.has(seat)) houseSeat.set(seat, m);
    } else if (m.chamber === 'Senate') senatorsOf.set(m.state, [...(senatorsOf.get(m.state) ?? []), m]);
  }
  const out: TargetOffice[] = [];
  for (const o of offices) {
    if (o.chamber === 'House') {
      const holder = houseSeat.get(`${o.state}|${o.district}`);
      if (!holder) {
        if (!o.member) problems.push(warn(o, 'vacant-seat', `no one holds ${seatLabel(o)} in awg's list of current members (a vacant seat?)`, 'Fill in the member, or delete the row.'));
        else problems.push(warn(o, 'vacant-seat', `"${o.member}" is kept as written, but no one holds ${seatLabel(o)} in awg's list of current members (a vacant seat?)`, 'Check that the seat is filled; if awg\'s list is out of date, nothing to do.'));
        out.push({ ...o, member: o.member || `Vacant (${seatLabel(o)})` });
      } else if (!o.member || namesMember(o.member, holder)) out.push(filled(o, holder));
      else {
        problems.push(warn(o, 'wrong-member', `"${o.member}" does not hold ${seatLabel(o)}: ${who(holder)} does, by awg's list of current members`,
          `Correct the member (or clear the cell and awg fills in ${holder.name}). If the list is out of date, keep the row: awg uses it as written.`));
        out.push(o);
      }
      continue;
    }
    const senators = senatorsOf.get(o.state) ?? [];
    const rank = SENATE_RANK.exec(o.member)?.[1]?.toLowerCase();
    if (!o.member) {
      // A Senators row with no name is both of the state's seats.
      if (!senators.length) problems.push(warn(o, 'vacant-seat', `no senator of ${o.state} is in awg's list of current members`, 'Fill in the senator, or delete the row.'));
      out.push(...senators.map((m) => filled(o, m)));
      continue;
    }
    if (rank) {
      const m = senators.find((s) => s.rank === (rank.startsWith('s') ? 'senior' : 'junior'));
      if (m) out.push(filled({ ...o, member: '' }, m));
      else {
        problems.push(warn(o, 'vacant-seat', `no ${rank} senator of ${o.state} is in awg's list of current members`, 'Write the senator\'s name instead.'));
        out.push(o);
      }
      continue;
    }
    const m = senators.find((s) => namesMember(o.member, s));
    if (m) out.push(filled(o, m));
    else {
      const theirs = senators.map(who).join(' and ') || 'no one';
      problems.push(warn(o, 'wrong-member', `"${o.member}" is not a senator of ${o.state}: ${o.state}'s senators are ${theirs}, by awg's list of current members`,
        `Correct the name (or write senior, junior, or nothing for both seats). If the list is out of date, keep the row: awg uses it as written.`));
      out.push(o);
    }
  }
  return out;
}

/** A warning when the targets hold offices of one chamber only: the other chamber's people meet no one. */
export function oneChamberProblems(offices: readonly TargetOffice[], files: readonly string[]): Problem[] {
  if (!offices.length) return [];
  const has = (c: TargetOffice['chamber']) => offices.some((o) => o.chamber === c);
  const missing = !has('House') ? 'Representatives' : !has('Senate') ? 'Senators' : undefined;
  if (!missing) return [];
  return [{
    code: 'one-chamber', severity: 'warning', file: files.join(', '),
    message: `the targets list no ${missing}: nobody will be scheduled with a ${missing === 'Senators' ? 'senator' : 'representative'}`,
    fix: missing === 'Senators'
      ? 'If that is intended, nothing to do; otherwise add a Senators tab (or pass the Senators CSV as a second --targets).'
      : 'If that is intended, nothing to do; otherwise add a Representatives tab (or pass the Representatives CSV as a second --targets).',
  }];
}
