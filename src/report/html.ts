// report.html: the results by ask as bar charts (inline SVG), one self-contained page an organizer
// can paste into the coalition's update or print (two Letter pages at most for the usual few asks).
// No scripts, nothing loaded from anywhere; every text from an input is escaped.
import { escapeHtml as e } from '../render/html.js';
import { ANSWERS, ANSWER_LABEL, type Answer } from './form.js';
import type { MeetingReport } from './match.js';
import type { AskTally } from './tally.js';

// Colours that stay apart in grey print too (dark, light, mid, pale); numbers are printed on the bars.
const COLOR: Record<Answer | 'none', { fill: string; ink: string }> = {
  supportive: { fill: '#1b7837', ink: '#fff' }, undecided: { fill: '#f6c141', ink: '#000' },
  opposed: { fill: '#b2182b', ink: '#fff' }, not_discussed: { fill: '#c8c8c8', ink: '#000' }, none: { fill: '#fff', ink: '#000' },
};
const KEYS = [...ANSWERS, 'none'] as const;
const LABEL = { ...ANSWER_LABEL, none: 'No answer' };

const W = 700;
const LEFT = 150;
const RIGHT = 126;
const ROW = 20;
const GAP = 6;

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function bar(t: AskTally, y: number): string {
  const width = W - LEFT - RIGHT;
  const parts: string[] = [`<text x="${LEFT - 6}" y="${y + 14}" text-anchor="end">${e(short(t.group, 24))}</text>`];
  const values: Array<[typeof KEYS[number], number]> = [...ANSWERS.map((a): [Answer, number] => [a, t.counts[a]]), ['none', t.noAnswer]];
  let x = LEFT;
  for (const [key, n] of values) {
    if (!n || !t.reported) continue;
    const w = (n / t.reported) * width;
    parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW}" fill="${COLOR[key].fill}" stroke="#000" stroke-width="0.5"><title>${LABEL[key]}: ${n}</title></rect>`);
    if (w >= 14) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + 14}" text-anchor="middle" fill="${COLOR[key].ink}">${n}</text>`);
    x += w;
  }
  if (!t.reported) parts.push(`<rect x="${LEFT}" y="${y}" width="${width}" height="${ROW}" fill="none" stroke="#999" stroke-dasharray="3 3"/><text x="${LEFT + 6}" y="${y + 14}">no reports yet</text>`);
  parts.push(`<text x="${W - RIGHT + 6}" y="${y + 14}">${t.reported} of ${t.meetings} reported</text>`);
  return parts.join('');
}

function chart(rows: readonly AskTally[]): string {
  const h = rows.length * (ROW + GAP);
  const desc = rows.map((t) => `${t.group}: ${ANSWERS.map((a) => `${t.counts[a]} ${ANSWER_LABEL[a].toLowerCase()}`).join(', ')}, ${t.noAnswer} no answer, ${t.meetings - t.reported} not reported`).join('; ');
  return `<svg role="img" aria-label="${e(desc)}" viewBox="0 0 ${W} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">${rows.map((t, i) => bar(t, i * (ROW + GAP))).join('')}</svg>`;
}

function legend(): string {
  const items = KEYS.map((k, i) => `<rect x="${i * 130}" y="2" width="14" height="14" fill="${COLOR[k].fill}" stroke="#000" stroke-width="0.5"/><text x="${i * 130 + 20}" y="14">${LABEL[k]}</text>`);
  return `<svg role="img" aria-label="Legend: ${KEYS.map((k) => LABEL[k]).join(', ')}" viewBox="0 0 ${W} 18" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">${items.join('')}</svg>`;
}

const CSS = `
@page { size: auto; margin: 12mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.3; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 4mm 0 1mm; }
p { margin: 1mm 0; }
section { break-inside: avoid; page-break-inside: avoid; }
svg { display: block; max-width: 100%; height: auto; margin: 1mm 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2mm 0; font-size: 9pt; }
th, td { border: 1px solid #000; padding: 0.6mm 1.2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e6e6e6; }
td.n, th.n { text-align: right; }
.small { font-size: 9pt; }
`;

export function reportPage(eventName: string, reports: readonly MeetingReport[], tallies: readonly AskTally[], asks: readonly string[]): string {
  const reported = reports.filter((r) => r.report).length;
  const followUps = reports.filter((r) => r.report?.followUp).length;
  const overall = tallies.filter((t) => t.scope === 'all');
  const sections = asks.map((text, i) => `
<section>
<h2>Ask ${i + 1}</h2>
<p>${e(text)}</p>
${chart(tallies.filter((t) => t.ask === i + 1))}
</section>`).join('\n');
  const summary = `<table>
<thead><tr><th scope="col" style="width:16%">Ask</th>${ANSWERS.map((a) => `<th scope="col" class="n">${ANSWER_LABEL[a]}</th>`).join('')}<th scope="col" class="n">No answer</th></tr></thead>
<tbody>
${overall.map((t) => `<tr><th scope="row">Ask ${t.ask}</th>${ANSWERS.map((a) => `<td class="n">${t.counts[a]}</td>`).join('')}<td class="n">${t.noAnswer}</td></tr>`).join('\n')}
</tbody>
</table>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(eventName)}: results by ask</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${e(eventName)}: results by ask</h1>
<p>${reported} of ${reports.length} meeting${reports.length === 1 ? '' : 's'} reported${reports.length - reported ? `; ${reports.length - reported} not reported yet` : ''}. Each bar counts the offices whose meeting was reported (the latest report, when a meeting has two). ${followUps} office${followUps === 1 ? '' : 's'} asked for a follow-up.</p>
${legend()}
${summary}
${sections}
</main>
</body>
</html>
`;
}
