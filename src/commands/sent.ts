// `awg sent --schedule DIR`: after sending the meeting requests drafted in DIR/requests/, marks each of
// those offices "requested" in DIR/offices.csv (process/sent.ts), in one step. Nothing else changes.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONFIG } from '../config/schema.js';
import { draftedRequestIds } from '../folder/offices.js';
import { unneutralize } from '../formula-guard.js';
import { markSent } from '../process/sent.js';
import { UsageError } from '../problems.js';
import { fileExists } from '../read/files.js';
import { readTableFile } from '../read/inputs.js';
import { toCsv } from '../render/csv.js';
import { writeFile } from '../write/files.js';
import { claimFolder, type Output } from './shared.js';

export const sentOptions = z.object({ schedule: z.string().min(1), dryRun: z.boolean().default(false) });

export function runSent(raw: unknown, out: Output): number {
  const opts = sentOptions.parse(raw);
  const file = path.join(opts.schedule, 'offices.csv');
  if (!fileExists(file)) throw new UsageError(`${opts.schedule} has no offices.csv`, 'Give --schedule the folder awg schedule wrote.');
  const release = opts.dryRun ? () => undefined : claimFolder(opts.schedule, 'awg sent', out, true);
  try {
    const sheet = readTableFile(file, DEFAULT_CONFIG, 'offices').sheets[0];
    const rows = (sheet?.rows ?? []).map((r) => r.map(unneutralize));
    const { rows: marked, marked: ids } = markSent(rows, draftedRequestIds(opts.schedule));
    if (!ids.length) {
      out.stdout(`${file}: no office is "to request" with a request drafted in requests/; nothing to mark.`);
      return 0;
    }
    const [header = [], ...body] = marked;
    if (!opts.dryRun) writeFile(file, toCsv({ name: 'Offices', columns: header, rows: body }));
    out.stdout(`${file}: ${ids.length} office${ids.length === 1 ? '' : 's'} ${opts.dryRun ? 'would be marked' : 'marked'} requested (their requests in requests/ taken as sent): ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … and ${ids.length - 10} more` : ''}.`);
    return 0;
  } finally {
    release();
  }
}
