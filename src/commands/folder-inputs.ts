// What `awg check` and `awg update` start from: the folder read back, and the inputs it was made from,
// taken from the folder's own record (awg-folder.json) unless given on the command line. A config or
// input given that differs from the recorded one is a warning naming what differs.
import { z } from 'zod';
import type { Config } from '../config/schema.js';
import { sha256, type InputRecord, type RecordedInputs } from '../folder/description.js';
import { fingerprint, recordedPath, type ScheduleFolder } from '../folder/read.js';
import { asTyped, configDiff, findInput } from './recorded-inputs.js';
import type { Accompanier } from '../model.js';
import { UsageError, type Problem } from '../problems.js';
import { fileExists, readInput } from '../read/files.js';
import { loadConfig } from '../read/inputs.js';
import { loadMatched, loadStaffAndConfirmed, type Matched } from './inputs.js';

const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const folderOptionsSchema = z.object({
  schedule: z.string().min(1),
  rsvps: z.string().optional(),
  rsvpsSheet: z.string().optional(),
  targets: list.pipe(z.array(z.string()).max(2, '--targets takes one workbook or two CSV files')).optional(),
  houseTab: z.string().optional(),
  senateTab: z.string().optional(),
  config: z.string().optional(),
  zipDistricts: z.string().optional(),
  staff: z.string().optional(),
  confirmed: z.string().optional(),
});
export type FolderOptions = z.infer<typeof folderOptionsSchema>;

export interface FolderInputs {
  matched: Matched;
  staff?: Accompanier[];
  /** The input paths used, as `awg schedule` would have been given them. */
  paths: { rsvps: string; rsvpsSheet?: string; targets: string[]; houseTab?: string; senateTab?: string; zipDistricts?: string; staff?: string; confirmed?: string; config?: string };
  /** The inputs' differences from the record, and the staff list's and confirmed file's own problems. */
  problems: Problem[];
}

export function loadFolderInputs(folder: ScheduleFolder, opts: FolderOptions): FolderInputs {
  const rec = folder.description?.inputs;
  const warnings: Problem[] = [];
  const warn = (code: string, message: string, fix: string) => warnings.push({ code, severity: 'warning', message, fix });
  let config: Config;
  if (opts.config) {
    config = loadConfig(opts.config).config;
    const diff = folder.description ? configDiff(folder.description.config, config) : [];
    if (diff.length) warn('config-differs', `--config ${opts.config} is not the config the schedule was made with: ${diff.join('; ')}; awg uses ${opts.config}`, 'Leave out --config to use the one recorded in the folder.');
  } else if (folder.description) {
    config = folder.description.config;
    const recorded = rec?.config;
    const file = recorded ? recordedPath(folder.dir, recorded) : undefined;
    if (recorded && file && fileExists(file) && sha256(readInput(file, 10, 'config')) !== recorded.sha256) {
      const shown = asTyped(file);
      warn('config-changed', `${shown} has changed since the schedule was made; awg uses the config recorded in the folder (${config.event.timeZone}, ${config.event.days.join(', ')})`, `Pass --config ${shown} to use it as it is now.`);
    }
  } else {
    const loaded = loadConfig(undefined);
    config = loaded.config;
    warn('folder-undescribed', `${folder.dir} does not record the event it was made for (it has no awg-folder.json): awg uses ${loaded.file ?? 'the built-in defaults'} (${config.event.timeZone}, ${config.event.days.join(', ')})`, 'Pass --config with the config the schedule was made with.');
  }
  const pick = (what: string, option: string, given: string | undefined, recorded: InputRecord | undefined): string | undefined => {
    const found = findInput(folder, what, option, given, recorded, config.maxInputMB);
    if (found?.standing === 'given-differs') {
      warn('input-differs', `${option} ${given} is not the ${what} file the schedule was made from (${found.recordedFile}, ${recorded!.size} bytes)`, `Leave out ${option} to use the recorded file.`);
    }
    if (found?.standing === 'recorded-changed') {
      warn('input-changed', `the ${what} file ${found.file} has changed since the schedule was made; awg checks against it as it is now`, 'Run awg schedule again (with --previous) to place new RSVPs.');
    }
    return found?.file;
  };
  const rsvps = pick('RSVP', '--rsvps', opts.rsvps, rec?.rsvps);
  const targets = opts.targets?.length ? opts.targets.map((t, i) => pick('targets', '--targets', t, rec?.targets[i])!) : rec?.targets.map((t) => pick('targets', '--targets', undefined, t)!);
  if (!rsvps || !targets?.length) {
    throw new UsageError(`${folder.dir} does not record the inputs it was made from (made by an older awg): awg needs them to check the folder.`, 'Pass --rsvps FILE and --targets FILE (and --zip-districts, --config as for awg schedule).');
  }
  const zipDistricts = pick('ZIP-district', '--zip-districts', opts.zipDistricts, rec?.zipDistricts);
  const staffFile = pick('staff', '--staff', opts.staff, rec?.staff);
  // meetings.csv holds the confirmed meetings now: their file is read for its own problems only, and may be gone.
  const confirmedRec = rec?.confirmed && fileExists(recordedPath(folder.dir, rec.confirmed)) ? rec.confirmed : undefined;
  const confirmedFile = pick('confirmed meetings', '--confirmed', opts.confirmed, confirmedRec);
  const houseTab = opts.houseTab ?? rec?.houseTab;
  const senateTab = opts.senateTab ?? rec?.senateTab;
  const rsvpsSheet = opts.rsvpsSheet ?? rec?.rsvps.sheet;
  const configFile = opts.config ?? (rec?.config && fileExists(recordedPath(folder.dir, rec.config)) ? recordedPath(folder.dir, rec.config) : undefined);
  const paths = {
    rsvps, targets, ...(rsvpsSheet ? { rsvpsSheet } : {}), ...(houseTab ? { houseTab } : {}), ...(senateTab ? { senateTab } : {}),
    ...(zipDistricts ? { zipDistricts } : {}), ...(staffFile ? { staff: staffFile } : {}),
    ...(confirmedFile ? { confirmed: confirmedFile } : {}), ...(configFile ? { config: configFile } : {}),
  };
  const matched = loadMatched({ ...paths, config: undefined }, config, folder);
  // The staff list's and confirmed file's own problems are the organizer's to see, as awg schedule shows them.
  const extra = loadStaffAndConfirmed({ staff: staffFile, confirmed: confirmedFile }, matched);
  return { matched, ...(extra.staff ? { staff: extra.staff } : {}), paths, problems: [...warnings, ...extra.problems] };
}

/** The inputs as a folder records them, their paths relative to `folder` (see folder/description.ts). */
export function recordInputs(paths: FolderInputs['paths'], folder: string, maxMB: number): RecordedInputs {
  const rec = (f: string) => fingerprint(f, folder, maxMB);
  return {
    rsvps: { ...rec(paths.rsvps), ...(paths.rsvpsSheet ? { sheet: paths.rsvpsSheet } : {}) },
    targets: paths.targets.map(rec),
    ...(paths.houseTab ? { houseTab: paths.houseTab } : {}),
    ...(paths.senateTab ? { senateTab: paths.senateTab } : {}),
    ...(paths.zipDistricts ? { zipDistricts: rec(paths.zipDistricts) } : {}),
    ...(paths.staff ? { staff: rec(paths.staff) } : {}),
    ...(paths.confirmed ? { confirmed: rec(paths.confirmed) } : {}),
    ...(paths.config ? { config: rec(paths.config) } : {}),
  };
}
