// `awg init`: writes a starting awg.config.json with the defaults from the invitation; with --targets
// FILE, a starting targets workbook with every seat of the chosen states; with --report-form, the
// report-back form's questions; with --rsvp-form, the RSVP form's.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONFIG } from '../config/schema.js';
import { currentMembers } from '../data/bundled.js';
import { UsageError } from '../problems.js';
import { loadConfig } from '../read/inputs.js';
import { reportFormText } from '../report/form.js';
import { rsvpFormText } from '../render/rsvp-form.js';
import { parseState } from '../normalize/state.js';
import { targetsTemplate, templateStates } from '../render/targets-template.js';
import { toWorkbook } from '../render/xlsx.js';
import { writeNewFile } from '../write/files.js';
import { inputList, type Output } from './shared.js';

export const initOptions = z.object({
  out: z.string().optional(),
  targets: z.string().optional(),
  states: z.string().optional(),
  force: z.boolean().default(false),
  reportForm: z.boolean().default(false),
  rsvpForm: z.boolean().default(false),
  config: z.string().optional(),
  inPerson: z.boolean().default(false),
});

/** A Hill day's starting keys: rooms and walking, House meetings shorter than the Senate's, a 30-minute grid. */
const IN_PERSON_EVENT = {
  name: 'Advocacy Day on the Hill', format: 'in-person', windowStart: '09:00', windowEnd: '17:00',
  meetingMinutes: { House: 20, Senate: 30 }, slotMinutes: 30,
} as const;

function stateCodes(list: string | undefined): string[] | undefined {
  if (!list) return undefined;
  return list.split(/[,;]/).map((s) => s.trim()).filter(Boolean).map((s) => {
    const st = parseState(s);
    if (!st) throw new UsageError(`--states: "${s}" is not a US state or territory.`, 'List two-letter codes separated by commas, e.g. --states IL,CA.');
    return st.code;
  });
}

function initTargets(file: string, states: string | undefined, force: boolean, out: Output): number {
  if (path.extname(file).toLowerCase() !== '.xlsx') throw new UsageError(`--targets ${file}: awg init writes the targets workbook as .xlsx.`, 'Name it e.g. targets.xlsx.');
  const tables = targetsTemplate(templateStates(stateCodes(states)), currentMembers());
  if (!writeNewFile(file, toWorkbook(tables), force, [], '--targets')) {
    throw new UsageError(`${file} already exists; awg init does not overwrite it.`, 'Use --force to replace it.');
  }
  const [house, senate] = tables;
  out.stderr(`Wrote ${file}: ${house?.rows.length ?? 0} Representatives and ${senate?.rows.length ?? 0} Senators, with the current members. Delete the rows you do not target and fill in the Tier column (1 is the top tier).`);
  return 0;
}

export function runInit(raw: unknown, out: Output): number {
  const opts = initOptions.parse(raw);
  if (opts.reportForm && opts.rsvpForm) throw new UsageError('--report-form and --rsvp-form write one form each: give one.');
  if (opts.reportForm) return writeReportForm(opts, out);
  if (opts.rsvpForm) return writeRsvpForm(opts, out);
  if (opts.targets) return initTargets(opts.targets, opts.states, opts.force, out);
  if (opts.states) throw new UsageError('--states goes with --targets FILE.');
  if (opts.inPerson && (opts.reportForm || opts.rsvpForm)) throw new UsageError('--in-person writes a starting config; the forms take theirs from --config.', 'Run awg init --in-person first, then awg init --rsvp-form --config awg.config.json.');
  const file = opts.out ?? 'awg.config.json';
  // The organizer's keys are there to fill in: requests and notices are signed and sent with them.
  const { organizer, replyByDays, maxEmailDrafts, maxInputMB } = DEFAULT_CONFIG;
  // slotMinutes beside meetingMinutes, where the organizer reads them together.
  const event = opts.inPerson
    ? Object.fromEntries(Object.entries({ ...DEFAULT_CONFIG.event, ...IN_PERSON_EVENT }).flatMap(([k, v]) =>
      k === 'slotMinutes' ? [] : k === 'meetingMinutes' ? [[k, v], ['slotMinutes', IN_PERSON_EVENT.slotMinutes]] : [[k, v]]))
    : DEFAULT_CONFIG.event;
  const text = `${JSON.stringify({ event, organizer, columns: {}, replyByDays, maxEmailDrafts, maxInputMB }, null, 2)}\n`;
  if (!writeNewFile(file, text, opts.force)) {
    throw new UsageError(`${file} already exists; awg init does not overwrite it.`, 'Use --force to replace it.');
  }
  out.stderr(`Wrote ${file}. Edit the event's days, hours and asks, and the organizer who signs the requests and notices; the README explains every key${opts.inPerson ? ' (In-person Hill days: rooms, walking minutes, meeting lengths)' : ''}.`);
  return 0;
}

/** The RSVP form's questions (street address and Representative among them), with the days and hours of the config. */
function writeRsvpForm(opts: { out?: string; force?: boolean; config?: string }, out: Output): number {
  const { config, file: configFile } = loadConfig(opts.config);
  const file = opts.out ?? 'rsvp-form.txt';
  const text = rsvpFormText(config);
  if (!writeNewFile(file, text, Boolean(opts.force), inputList({ config: configFile }))) {
    throw new UsageError(`${file} already exists; awg init does not overwrite it.`, 'Use --force to replace it, or --out to write elsewhere.');
  }
  out.stdout(text.trimEnd());
  out.stderr(`Wrote ${file}: make a form with these questions and send its link with the invitation.`);
  return 0;
}

/** The report-back form's questions, on stdout and in a text file, with the asks of the config. */
function writeReportForm(opts: { out?: string; force?: boolean; config?: string }, out: Output): number {
  const { config, file: configFile } = loadConfig(opts.config);
  const file = opts.out ?? 'report-form.txt';
  const text = reportFormText(config.event.name, config.event.asks);
  if (!writeNewFile(file, text, Boolean(opts.force), inputList({ config: configFile }))) {
    throw new UsageError(`${file} already exists; awg init does not overwrite it.`, 'Use --force to replace it, or --out to write elsewhere.');
  }
  out.stdout(text.trimEnd());
  out.stderr(`Wrote ${file}: make a form with these questions and send its link to every meeting lead.`);
  return 0;
}
