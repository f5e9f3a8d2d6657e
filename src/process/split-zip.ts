// The split-ZIP question: each person whose ZIP lies in several districts (and who gave no district) is
// asked who their Representative is, naming the candidates ("Your ZIP 60614 is split between IL-05,
// Mike Quigley, and IL-07, Danny Davis"). Their answer, a district or a name in the RSVP export's
// district column (normalize/representative.ts), places them with their Representative on the next run.
import type { Config } from '../config/schema.js';
import { MEMBERS_BY_STATE } from '../data/members-119.js';
import type { Location, Rsvp, TargetOffice } from '../model.js';
import type { Plan } from '../schedule/plan.js';
import { districtLabel } from '../normalize/district.js';
import { personKey } from '../identity.js';
import { oneAddress } from './cells.js';
import type { Notice } from './notices.js';
import { organizerValues } from './requests.js';
import { builtInTemplate, fillTemplate } from './templates.js';

export interface SplitZipPerson { rsvp: Rsvp; location: Location }

/** Everyone the schedule could not give a district to because their ZIP spans districts, by RSVP row. */
export function splitZipPeople(plan: Plan): SplitZipPerson[] {
  const out = new Map<number, SplitZipPerson>();
  const add = (rsvp: Rsvp, location: Location | undefined) => {
    if (location?.candidates?.length && location.district === undefined && location.state && !out.has(rsvp.row)) out.set(rsvp.row, { rsvp, location });
  };
  for (const u of plan.unmatched) if (u.code === 'district-unknown') add(u.rsvp, u.location);
  for (const m of plan.meetings) for (const p of m.attendees) add(p.rsvp, p.location);
  return [...out.values()].sort((a, b) => a.rsvp.row - b.rsvp.row);
}

/** The Representative of a district: the target workbook's name, else the bundled list of members. */
function representative(state: string, district: number, offices: readonly TargetOffice[]): string {
  const target = offices.find((o) => o.chamber === 'House' && o.state === state && o.district === district);
  if (target) return target.member.replace(/^(Rep|Sen)\.\s+/, '');
  const member = (MEMBERS_BY_STATE[state] ?? []).find((m) => m[0] === 'H' && Number(m[1]) === district);
  return member?.[4] ?? '';
}

/** "IL-05, Mike Quigley, and IL-07, Danny Davis" (a serial list, each district with its member). */
export function candidatesText(location: Location, offices: readonly TargetOffice[]): string {
  const each = (location.candidates ?? []).map((c) => {
    const name = representative(c.state, c.district, offices);
    return `${districtLabel(c.state, c.district)}${name ? `, ${name}` : ''}`;
  });
  if (each.length <= 2) return each.join(', and ');
  return `${each.slice(0, -1).join('; ')}; and ${each.at(-1)!}`;
}

export function splitZipQuestions(people: readonly SplitZipPerson[], offices: readonly TargetOffice[], config: Config): Notice[] {
  const template = builtInTemplate('question');
  return people.map(({ rsvp, location }) => {
    const name = `${rsvp.firstName} ${rsvp.lastName}`.trim();
    const first = location.candidates![0]!;
    const split = `your ZIP ${rsvp.zip ?? ''} is split between ${candidatesText(location, offices)}`;
    const t = fillTemplate(template, { ...organizerValues(config), name: name || 'friend', split: split.charAt(0).toUpperCase() + split.slice(1), example: districtLabel(first.state, first.district) });
    return { key: personKey(rsvp.email, rsvp.firstName, rsvp.lastName, rsvp.phone), name, rsvpRow: String(rsvp.row), to: oneAddress(rsvp.email), subject: t.subject, body: t.body, calendars: [], folder: 'questions' };
  });
}
