// The file in which a schedule folder describes itself: the event it was made for (the whole config:
// zone, days, window, meeting length, group size, asks) and the input files it was made from (path
// relative to the folder, size, SHA-256), and the fingerprints of the files organizers edit, so that
// `awg check` and `awg update` need no options and can tell which file was edited.
import crypto from 'node:crypto';
import { z } from 'zod';
import { configSchema, type Config } from '../config/schema.js';
import { inPieces, type FolderFile } from '../render/table.js';

export const FOLDER_FILE = 'awg-folder.json';
/** The files an organizer may edit; their fingerprints tell edited from as-written. */
export const EDITABLE_FILES = ['meetings.csv', 'attendees.csv', 'schedule.xlsx'] as const;

const inputRecord = z.object({ path: z.string(), size: z.number(), sha256: z.string() });

/**
 * The schedule as awg wrote it (its meetings.csv and attendees.csv cells that say who meets whom, when,
 * with whom): the state the next run's change set is taken against, so a hand edit in the CSV files is
 * told to the people it moved, by `awg update` or by the next re-run, and never lost.
 */
const WRITTEN_MEETING = ['meeting_id', 'date', 'start', 'end', 'chamber', 'state', 'district', 'member', 'accompanier', 'accompanier_email', 'lead', 'link', 'status'] as const;
const WRITTEN_ATTENDEE = ['meeting_id', 'role', 'first_name', 'last_name', 'email', 'phone', 'rsvp_row'] as const;
const writtenSchema = z.object({ meetings: z.array(z.record(z.string(), z.string())), attendees: z.array(z.record(z.string(), z.string())) });
export type WrittenSchedule = z.infer<typeof writtenSchema>;

const pick = (r: Readonly<Record<string, string>>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, r[k] ?? '']));

/** The written state of a schedule, from its meetings.csv and attendees.csv records. */
export function writtenSchedule(meetings: readonly Readonly<Record<string, string>>[], attendees: readonly Readonly<Record<string, string>>[]): WrittenSchedule {
  return { meetings: meetings.map((m) => pick(m, WRITTEN_MEETING)), attendees: attendees.map((a) => pick(a, WRITTEN_ATTENDEE)) };
}
export type InputRecord = z.infer<typeof inputRecord>;

const descriptionSchema = z.object({
  format: z.literal(1),
  config: configSchema,
  inputs: z.object({
    rsvps: inputRecord.extend({ sheet: z.string().optional() }),
    targets: z.array(inputRecord).min(1),
    houseTab: z.string().optional(),
    senateTab: z.string().optional(),
    zipDistricts: inputRecord.optional(),
    staff: inputRecord.optional(),
    confirmed: inputRecord.optional(),
    config: inputRecord.optional(),
  }),
  files: z.record(z.string(), z.string()),
  written: writtenSchema.optional(),
});
export type FolderDescription = z.infer<typeof descriptionSchema>;
export type RecordedInputs = FolderDescription['inputs'];

export const sha256 = (bytes: string | Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export function describeFolder(config: Config, inputs: RecordedInputs, files: Record<string, string>, written?: WrittenSchedule): string {
  const body: FolderDescription = { format: 1, config, inputs, files, ...(written ? { written } : {}) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * The folder's files as they pass to the write stage, then its description, with the editable files'
 * fingerprints. A file given in pieces is fingerprinted piece by piece as the write stage takes them, so
 * its fingerprint is complete once it is written, before the description is made.
 */
export function* withDescription(files: Iterable<FolderFile>, config: Config, inputs: RecordedInputs, written?: WrittenSchedule): Generator<FolderFile> {
  const hashes: Record<string, string> = {};
  for (const [name, data] of files) {
    if (!(EDITABLE_FILES as readonly string[]).includes(name)) yield [name, data];
    else if (!inPieces(data)) {
      hashes[name] = sha256(data);
      yield [name, data];
    } else {
      yield [name, (function* () {
        const hash = crypto.createHash('sha256');
        for (const piece of data) {
          hash.update(piece);
          yield piece;
        }
        hashes[name] = hash.digest('hex');
      })()];
    }
  }
  yield [FOLDER_FILE, describeFolder(config, inputs, hashes, written)];
}

/** The description, or why it cannot be used (the folder is then read without it). */
export function parseDescription(text: string): { description?: FolderDescription; why?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { why: `is not valid JSON (${(err as Error).message})` };
  }
  const r = descriptionSchema.safeParse(json);
  if (!r.success) return { why: `is not one awg can read (${r.error.issues[0]?.path.join('.') ?? ''}: ${r.error.issues[0]?.message ?? ''})` };
  return { description: r.data };
}

/** Where each recorded input sits, relative to the folder (as written) or absolute. */
export function relativeInputs(inputs: RecordedInputs): string[] {
  return [inputs.rsvps, ...inputs.targets, inputs.zipDistricts, inputs.staff, inputs.confirmed, inputs.config].filter((x): x is InputRecord => Boolean(x)).map((x) => x.path);
}
