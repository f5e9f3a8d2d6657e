// The starting targets workbook `awg init --targets` writes: a Representatives tab and a Senators tab
// with every seat of the chosen states, the sitting member filled in and the tier left for the organizer.
import type { Member } from '../data/bundled.js';
import { STATES, type StateInfo } from '../data/states.js';
import { districtLabel } from '../normalize/district.js';
import { normalizePhone } from '../normalize/contact.js';
import type { DataTable } from './table.js';

const phone = (m?: Member) => (m ? normalizePhone(m.phone).phone : '');

/** The states asked for, or the 50 states; DC and the territories (a delegate each) only when named. */
export function templateStates(codes?: readonly string[]): StateInfo[] {
  return codes?.length ? STATES.filter((s) => codes.includes(s.code)) : STATES.filter((s) => s.hasSenators);
}

export function targetsTemplate(states: readonly StateInfo[], members: readonly Member[]): DataTable[] {
  const house: DataTable = {
    name: 'Representatives',
    columns: ['State', 'District', 'Member', 'Party', 'Tier', 'DC Office Phone', 'DC Office', 'Scheduler', 'Scheduler Email', 'Notes'],
    rows: [],
  };
  const senate: DataTable = {
    name: 'Senators',
    columns: ['State', 'Senator', 'Party', 'Tier', 'DC Office Phone', 'DC Office', 'Scheduler', 'Scheduler Email', 'Notes'],
    rows: [],
  };
  for (const s of states) {
    const districts = s.seats <= 1 ? [0] : Array.from({ length: s.seats }, (_, i) => i + 1);
    for (const d of districts) {
      const m = members.find((x) => x.chamber === 'House' && x.state === s.code && x.district === d);
      house.rows.push([s.code, districtLabel(s.code, d), m?.name ?? '', m?.party ?? '', '', phone(m), m?.office ?? '', '', '', m ? (s.seats ? '' : 'delegate (non-voting)') : 'vacant in awg\'s list of members']);
    }
    if (!s.hasSenators) continue;
    for (const m of members.filter((x) => x.chamber === 'Senate' && x.state === s.code)) {
      senate.rows.push([s.code, m.name, m.party, '', phone(m), m.office, '', '', `${m.rank ?? 'senior'} senator${m.senateClass ? `, class ${m.senateClass}` : ''}`]);
    }
  }
  return [house, senate];
}
