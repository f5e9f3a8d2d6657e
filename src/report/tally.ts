// Counts per ask: how many reported meetings answered supportive, undecided, opposed or not discussed,
// over all meetings, by chamber and by party. Only the counted report of each meeting is tallied.
import { ANSWERS, type Answer } from './form.js';
import type { MeetingReport } from './match.js';

export interface AskTally {
  ask: number;
  text: string;
  scope: 'all' | 'chamber' | 'party';
  group: string;
  meetings: number;
  reported: number;
  counts: Record<Answer, number>;
  /** Reported meetings whose report left this ask blank or unreadable. */
  noAnswer: number;
}

export const partyName = (p: string) => ({ D: 'Democrats', R: 'Republicans', I: 'Independents' } as Record<string, string>)[p.trim().toUpperCase()] ?? (p.trim() || 'Party not given');

function groups(reports: readonly MeetingReport[]): Array<{ scope: AskTally['scope']; group: string; members: MeetingReport[] }> {
  const by = (scope: 'chamber' | 'party', key: (r: MeetingReport) => string) => {
    const map = new Map<string, MeetingReport[]>();
    for (const r of reports) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, members]) => ({ scope, group, members }));
  };
  return [
    { scope: 'all', group: 'All meetings', members: [...reports] },
    ...by('chamber', (r) => r.meeting.chamber || 'Chamber not given'),
    ...by('party', (r) => partyName(r.meeting.party)),
  ];
}

export function tallyAsks(reports: readonly MeetingReport[], asks: readonly string[]): AskTally[] {
  const out: AskTally[] = [];
  asks.forEach((text, i) => {
    for (const g of groups(reports)) {
      const counts = Object.fromEntries(ANSWERS.map((a) => [a, 0])) as Record<Answer, number>;
      let reported = 0;
      let noAnswer = 0;
      for (const r of g.members) {
        if (!r.report) continue;
        reported++;
        const a = r.report.answers[i];
        if (a) counts[a]++;
        else noAnswer++;
      }
      out.push({ ask: i + 1, text, scope: g.scope, group: g.group, meetings: g.members.length, reported, counts, noAnswer });
    }
  });
  return out;
}
