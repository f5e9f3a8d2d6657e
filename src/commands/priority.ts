// `awg priority`: the priority participants by state and district, and the target offices that still
// lack constituents.
import { buildPriority, isGap, type PriorityReport } from '../match/priority.js';
import { districtLabel } from '../normalize/district.js';
import { districtOf, fullName, officeName, officesTable, participantJson, priorityTable } from '../render/people.js';
import { textTable } from '../render/table.js';
import { formatProblems } from '../render/problems.js';
import { hasErrors } from '../problems.js';
import { districtsLine, loadMatched, type Matched } from './inputs.js';
import { writeReport } from './report-out.js';
import { inputList, reportOptionsSchema, type Output } from './shared.js';

export const priorityOptions = reportOptionsSchema;

/**
 * What the report commands say on stderr after the report: which districts were used, and the input
 * problems, as `validate` prints them. Returns the exit code `validate` gives on the same inputs.
 */
export function reportDiagnostics(m: Matched, out: Output): number {
  out.stderr(districtsLine(m));
  if (m.problems.length) out.stderr(formatProblems(m.problems, Boolean(out.color), 50));
  return hasErrors(m.problems) ? 1 : 0;
}

function terminal(report: PriorityReport): string {
  const lines: string[] = [];
  const gaps = report.offices.filter(isGap);
  if (gaps.length) {
    lines.push(`Recruiting gaps: ${gaps.length} target office${gaps.length === 1 ? ' has' : 's have'} no constituents who RSVP'd`);
    for (const g of gaps) lines.push(`  ${officeName(g.office).padEnd(10)} ${g.office.member}${g.office.party ? ` (${g.office.party})` : ''}, tier ${g.office.tier ?? '-'}`);
    lines.push('');
  }
  lines.push('Target offices');
  lines.push(textTable(['office', 'member', 'tier', "RSVP'd", 'can attend', 'district unknown'],
    report.offices.filter((c) => !isGap(c)).map((c) => [officeName(c.office), c.office.member, c.office.tier ?? '-', c.constituents.length, c.available.length, c.possible.length || ''])));
  lines.push('', `Priority participants (${report.participants.length}), by state and district`);
  let state = '';
  let district = '';
  for (const p of report.participants) {
    if (p.location.state !== state) {
      state = p.location.state ?? '';
      district = '';
      lines.push(state);
    }
    const d = p.location.district !== undefined ? districtLabel(state, p.location.district)
      : p.location.candidates ? `district unknown (ZIP ${p.rsvp.zip} spans ${districtOf(p.location)})` : 'district unknown';
    if (d !== district) {
      district = d;
      lines.push(`  ${d}`);
    }
    const offices = p.offices.map((o) => officeName(o) === `${state} Senate` ? `Sen. ${o.member.replace(/^sen(ator)?\.?\s*/i, '')}` : officeName(o)).join(', ');
    lines.push(`    #${p.rank} ${fullName(p.rsvp)}${p.rsvp.organization ? ` (${p.rsvp.organization})` : ''}, row ${p.rsvp.row}${p.rsvp.late ? ', late' : ''}: ${offices}`);
  }
  return lines.join('\n');
}

export function runPriority(raw: unknown, out: Output): number {
  const opts = priorityOptions.parse(raw);
  const m = loadMatched(opts);
  const report = buildPriority(m.rsvps, m.supersededBy, m.offices, m.match);
  const tables = [priorityTable(report, m.slots), officesTable(report)];
  if (opts.json) {
    out.stdout(JSON.stringify({
      offices: report.offices.map((c) => ({
        office: c.office.id, chamber: c.office.chamber, state: c.office.state, district: c.office.district ?? null, member: c.office.member,
        tier: c.office.tier ?? null, constituents: c.constituents.length, available: c.available.length, districtUnknown: c.possible.length, recruitingGap: isGap(c),
        participants: c.available.map((p) => p.rsvp.row),
      })),
      participants: report.participants.map(participantJson),
    }, null, 2));
  } else if (opts.out) {
    const written = writeReport(opts.out, tables, inputList({ ...opts, config: m.configFile }));
    out.stderr(`Wrote ${written.join(' and ')}: ${report.participants.length} priority participants, ${report.offices.length} target offices.`);
  } else out.stdout(terminal(report));
  return reportDiagnostics(m, out);
}
