// `awg init`: writes a starting awg.config.json with the defaults from the invitation.
import { DEFAULT_CONFIG } from '../config/schema.js';
import { UsageError } from '../problems.js';
import { writeNewFile } from '../write/files.js';
import type { Output } from './shared.js';

export function runInit(opts: { out?: string; force?: boolean }, out: Output): number {
  const file = opts.out ?? 'awg.config.json';
  const text = `${JSON.stringify({ event: DEFAULT_CONFIG.event, columns: {}, maxInputMB: DEFAULT_CONFIG.maxInputMB }, null, 2)}\n`;
  if (!writeNewFile(file, text, Boolean(opts.force))) {
    throw new UsageError(`${file} already exists; awg init does not overwrite it.`, 'Use --force to replace it.');
  }
  out.stderr(`Wrote ${file}. Edit the event's days, hours and asks; the README explains every key.`);
  return 0;
}
