// Option schemas shared by the commands, and the output channels they write to.
import { z } from 'zod';
import type { ProgressDisplay } from '../progress.js';
import { checkOutPath, lockFolder, type Input } from '../write/files.js';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour the diagnostics on stderr: decided once by the entry point (a terminal, no NO_COLOR), never by a command. */
  color?: boolean;
  /** Makes the progress line for a long run: given by the entry point only when stderr is a terminal. */
  progress?: () => Promise<ProgressDisplay>;
}

const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const inputOptionsSchema = z.object({
  rsvps: z.string({ error: 'needs --rsvps FILE (the RSVP export)' }).min(1),
  rsvpsSheet: z.string().optional(),
  targets: list.pipe(z.array(z.string()).min(1, 'needs --targets FILE').max(2, '--targets takes one workbook or two CSV files')),
  houseTab: z.string().optional(),
  senateTab: z.string().optional(),
  config: z.string().optional(),
});

/** Options of the report commands (priority, unmatched): where the data goes. */
export const reportOptionsSchema = inputOptionsSchema.extend({
  zipDistricts: z.string().optional(),
  out: z.string().optional(),
  json: z.boolean().default(false),
});

/** The paths a run reads, by option: the writer never replaces one, nor a folder holding one. */
export interface InputPaths {
  rsvps?: string | undefined;
  targets?: readonly string[] | undefined;
  zipDistricts?: string | undefined;
  staff?: string | undefined;
  confirmed?: string | undefined;
  config?: string | undefined;
  responses?: string | undefined;
  schedule?: string | undefined;
  previous?: string | undefined;
}

const INPUT_NAMES: Record<Exclude<keyof InputPaths, 'targets'>, string> = {
  rsvps: 'the RSVP export (--rsvps)',
  zipDistricts: 'the ZIP-district crosswalk (--zip-districts)',
  staff: 'the staff list (--staff)',
  confirmed: 'the confirmed meetings (--confirmed)',
  config: 'the event configuration',
  responses: 'the report-back responses (--responses)',
  schedule: 'the schedule folder (--schedule)',
  previous: 'the earlier folder (--previous)',
};

export function inputList(paths: InputPaths): Input[] {
  return [
    ...(paths.targets ?? []).map((t): Input => ['the targets file (--targets)', t]),
    ...Object.entries(INPUT_NAMES).map(([key, what]): Input => [what, paths[key as keyof typeof INPUT_NAMES]]),
  ].filter(([, file]) => file);
}

/** Takes the output folder for this run: its path checked, then locked (released by the function returned). */
export function claimFolder(dir: string, command: string, out: Output, keptAside = false): () => void {
  checkOutPath(dir, { keptAside });
  return lockFolder(dir, command, out.stderr);
}
