// `awg unmatched`: every RSVP that will not be in any meeting, each with its reason and the fix.
import { fullName, unmatchedTable } from '../render/people.js';
import { loadMatched } from './inputs.js';
import { reportDiagnostics } from './priority.js';
import { writeReport } from './report-out.js';
import { reportOptionsSchema, type Output } from './shared.js';

export const unmatchedOptions = reportOptionsSchema;

export function runUnmatched(raw: unknown, out: Output): number {
  const opts = unmatchedOptions.parse(raw);
  const m = loadMatched(opts);
  const list = [...m.match.unmatched].sort((a, b) => a.rsvp.row - b.rsvp.row);
  if (opts.json) {
    out.stdout(JSON.stringify({
      summary: { rsvpRows: m.rsvps.length, matched: m.match.participants.length, unmatched: list.length },
      unmatched: list.map((u) => ({ row: u.rsvp.row, name: fullName(u.rsvp), email: u.rsvp.email, code: u.code, reason: u.reason, fix: u.fix,
        supersededBy: u.supersededBy ?? null, digitalAdvocacy: u.digital })),
    }, null, 2));
  } else if (opts.out) {
    writeReport(opts.out, [unmatchedTable(list)]);
    out.stderr(`Wrote ${opts.out}: ${list.length} unmatched RSVPs.`);
  } else {
    const lines = [`${list.length} of ${m.rsvps.length} RSVPs will not be in a meeting (${m.match.participants.length} matched).`];
    for (const u of list) {
      lines.push(`  row ${String(u.rsvp.row).padEnd(4)} ${fullName(u.rsvp) || '(no name)'}: ${u.reason}`);
      lines.push(`           fix: ${u.fix}`);
    }
    out.stdout(lines.join('\n'));
  }
  return reportDiagnostics(m, out);
}
