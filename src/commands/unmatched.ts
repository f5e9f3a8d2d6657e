// `awg unmatched`: every RSVP that will not be in any meeting, each with its reason and the fix; then
// the possible duplicates (one person under two emails) for the organizer to review.
import type { Problem } from '../problems.js';
import { fullName, unmatchedTable } from '../render/people.js';
import type { DataTable } from '../render/table.js';
import { loadMatched } from './inputs.js';
import { reportDiagnostics } from './priority.js';
import { writeReport } from './report-out.js';
import { inputList, reportOptionsSchema, type Output } from './shared.js';

export const unmatchedOptions = reportOptionsSchema;

/** The rows awg kept as they are but an organizer should look at: possible duplicates. */
const isReviewItem = (p: Problem) => p.code === 'same-person-two-emails' && p.row !== undefined;

function reviewTable(items: ReadonlyArray<{ row: number; name: string; email: string; reason: string; fix: string }>): DataTable {
  return { name: 'To review', columns: ['rsvp_row', 'name', 'email', 'reason', 'fix'], rows: items.map((i) => [i.row, i.name, i.email, i.reason, i.fix]) };
}

export function runUnmatched(raw: unknown, out: Output): number {
  const opts = unmatchedOptions.parse(raw);
  const m = loadMatched(opts);
  const list = [...m.match.unmatched].sort((a, b) => a.rsvp.row - b.rsvp.row);
  const byRow = new Map(m.rsvps.map((r) => [r.row, r]));
  const review = m.problems.filter(isReviewItem).map((p) => {
    const r = byRow.get(p.row!);
    return { row: p.row!, name: r ? fullName(r) : '', email: r?.email ?? '', code: 'possible-duplicate', reason: p.message, fix: p.fix ?? '' };
  });
  if (opts.json) {
    out.stdout(JSON.stringify({
      summary: { rsvpRows: m.rsvps.length, matched: m.match.participants.length, unmatched: list.length, toReview: review.length },
      unmatched: list.map((u) => ({ row: u.rsvp.row, name: fullName(u.rsvp), email: u.rsvp.email, code: u.code, reason: u.reason, fix: u.fix,
        supersededBy: u.supersededBy ?? null, digitalAdvocacy: u.digital })),
      review,
    }, null, 2));
  } else if (opts.out) {
    writeReport(opts.out, [unmatchedTable(list), reviewTable(review)], inputList({ ...opts, config: m.configFile }));
    out.stderr(`Wrote ${opts.out}: ${list.length} unmatched RSVPs${review.length ? `, ${review.length} possible duplicates to review (on the "To review" sheet of a workbook)` : ''}.`);
  } else {
    const lines = [`${list.length} of ${m.rsvps.length} RSVPs will not be in a meeting (${m.match.participants.length} matched).`];
    for (const u of list) {
      lines.push(`  row ${String(u.rsvp.row).padEnd(4)} ${fullName(u.rsvp) || '(no name)'}: ${u.reason}`);
      lines.push(`           fix: ${u.fix}`);
    }
    if (review.length) {
      lines.push('', `${review.length} to review: possible duplicates (awg keeps both rows and never merges people):`);
      for (const r of review) {
        lines.push(`  row ${String(r.row).padEnd(4)} ${r.name || '(no name)'}: ${r.reason}`);
        lines.push(`           fix: ${r.fix}`);
      }
    }
    out.stdout(lines.join('\n'));
  }
  return reportDiagnostics(m, out);
}
