// `awg roster`: the old name of `awg update`, kept so scripts and habits keep working. It used to
// print the pages again under DIR/printables/; now every derived file is brought up to date in place.
import type { Output } from './shared.js';
import { runUpdate } from './update.js';

export function runRoster(raw: unknown, out: Output): Promise<number> {
  out.stderr('awg roster is now awg update: it brings every file of the folder up to date (the pages, calendars, workbook and lists), in place.');
  return runUpdate(raw, out);
}
