// `awg init`: writes a starting awg.config.json with the defaults from the invitation; with
// --report-form, the report-back form's questions instead.
import { DEFAULT_CONFIG } from '../config/schema.js';
import { UsageError } from '../problems.js';
import { loadConfig } from '../read/inputs.js';
import { reportFormText } from '../report/form.js';
import { writeNewFile } from '../write/files.js';
import type { Output } from './shared.js';

export function runInit(opts: { out?: string; force?: boolean; reportForm?: boolean; config?: string }, out: Output): number {
  if (opts.reportForm) return writeReportForm(opts, out);
  const file = opts.out ?? 'awg.config.json';
  const text = `${JSON.stringify({ event: DEFAULT_CONFIG.event, columns: {}, maxInputMB: DEFAULT_CONFIG.maxInputMB }, null, 2)}\n`;
  if (!writeNewFile(file, text, Boolean(opts.force))) {
    throw new UsageError(`${file} already exists; awg init does not overwrite it.`, 'Use --force to replace it.');
  }
  out.stderr(`Wrote ${file}. Edit the event's days, hours and asks; the README explains every key.`);
  return 0;
}

/** The report-back form's questions, on stdout and in a text file, with the asks of the config. */
function writeReportForm(opts: { out?: string; force?: boolean; config?: string }, out: Output): number {
  const { config } = loadConfig(opts.config);
  const file = opts.out ?? 'report-form.txt';
  const text = reportFormText(config.event.name, config.event.asks);
  if (!writeNewFile(file, text, Boolean(opts.force))) {
    throw new UsageError(`${file} already exists; awg init does not overwrite it.`, 'Use --force to replace it, or --out to write elsewhere.');
  }
  out.stdout(text.trimEnd());
  out.stderr(`Wrote ${file}: make a form with these questions and send its link to every meeting lead.`);
  return 0;
}
