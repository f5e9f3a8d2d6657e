// Option schemas shared by the commands, and the output channels they write to.
import { z } from 'zod';
import type { ProgressDisplay } from '../progress.js';

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
