// The inputs a schedule folder records (awg-folder.json), found again: for each one, the file the
// command line gives or else the recorded one, and how it stands against the record (a different file,
// the same file changed since, gone). `check`, `update` and `schedule --previous` word what they do with it.
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { sha256, type InputRecord } from '../folder/description.js';
import { recordedPath, type ScheduleFolder } from '../folder/read.js';
import { UsageError, type Problem } from '../problems.js';
import { fileExists, readInput } from '../read/files.js';
import { loadConfig } from '../read/inputs.js';

export type InputStanding =
  /** Given on the command line; the folder records no such input. */
  | 'given'
  /** Given, and the same bytes as the recorded one. */
  | 'given-as-recorded'
  /** Given, and not the file the folder was made from. */
  | 'given-differs'
  /** Not given: the recorded file, unchanged. */
  | 'recorded'
  /** Not given: the recorded file, changed since the folder was made. */
  | 'recorded-changed';

export interface FoundInput {
  file: string;
  standing: InputStanding;
  /** The recorded file, as the organizer would type it. */
  recordedFile?: string;
  recorded?: InputRecord;
}

/**
 * A recorded input's path as the organizer would type it where awg runs: relative when it lies below the
 * working folder, else absolute (not `../../work/…`, a path nobody typed).
 */
export function asTyped(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(file);
}

/**
 * The file for one input: the one given, else the one the folder records. A recorded file that is not
 * there any more is a usage error naming it and the option to pass: a re-run never goes on without it.
 */
export function findInput(folder: ScheduleFolder, what: string, option: string, given: string | undefined, recorded: InputRecord | undefined, maxMB: number): FoundInput | undefined {
  const bytesOf = (file: string) => sha256(readInput(file, maxMB, what));
  if (given) {
    if (!recorded) return { file: given, standing: 'given' };
    const recordedFile = asTyped(recordedPath(folder.dir, recorded));
    const same = fileExists(given) && bytesOf(given) === recorded.sha256;
    return { file: given, standing: same ? 'given-as-recorded' : 'given-differs', recordedFile, recorded };
  }
  if (!recorded) return undefined;
  const file = asTyped(recordedPath(folder.dir, recorded));
  if (!fileExists(file)) throw new UsageError(`the schedule in ${folder.dir} was made from the ${what} file ${file}, which is not there any more.`, `Pass ${option} FILE.`);
  return { file, standing: bytesOf(file) === recorded.sha256 ? 'recorded' : 'recorded-changed', recordedFile: file, recorded };
}

/** The input options of `awg schedule`, any of which a re-run may leave out. */
export interface ScheduleInputs {
  rsvps?: string | undefined;
  rsvpsSheet?: string | undefined;
  targets?: string[] | undefined;
  houseTab?: string | undefined;
  senateTab?: string | undefined;
  config?: string | undefined;
  zipDistricts?: string | undefined;
  staff?: string | undefined;
  confirmed?: string | undefined;
}

export interface RerunInputs {
  paths: ScheduleInputs & { rsvps: string; targets: string[] };
  /**
   * The config to use, read once here: the file's (paths.config) or, when none is given or found, the one the
   * folder records. Absent only for a folder without a record, whose --config is read as a first run's.
   */
  config?: Config;
  /** What was taken from the record, and which recorded file changed since: one line each. */
  lines: string[];
  problems: Problem[];
}

const OPTIONAL_FILES = [
  ['zipDistricts', 'ZIP-district', '--zip-districts'],
  ['staff', 'staff', '--staff'],
  ['confirmed', 'confirmed meetings', '--confirmed'],
] as const;

/**
 * `awg schedule --previous DIR`: every input the command line leaves out is the one DIR was made from
 * (awg-folder.json), so a re-run that forgets --staff, or runs from another folder, schedules the same
 * event with the same people. A given input that is another file than the recorded one is a warning.
 */
export function rerunInputs(folder: ScheduleFolder, given: ScheduleInputs, cwd = process.cwd()): RerunInputs {
  const d = folder.description;
  if (!d) {
    if (!given.rsvps || !given.targets?.length) throw new UsageError(`${folder.dir} does not record the inputs it was made from (made by an older awg).`, 'Pass --rsvps FILE and --targets FILE (and --staff, --confirmed, --config as for the first run).');
    return { paths: { ...given, rsvps: given.rsvps, targets: given.targets }, lines: [], problems: [] };
  }
  const rec = d.inputs;
  const maxMB = d.config.maxInputMB;
  const problems: Problem[] = [];
  const taken: string[] = [];
  const lines: string[] = [];
  const find = (what: string, option: string, file: string | undefined, recorded: InputRecord | undefined, newExportExpected = false) => {
    const found = findInput(folder, what, option, file, recorded, maxMB);
    if (found?.standing === 'recorded') taken.push(`${option} ${found.file}`);
    if (found?.standing === 'recorded-changed') {
      taken.push(`${option} ${found.file}`);
      if (!newExportExpected) lines.push(`The ${what} file ${found.file} has changed since the earlier run; awg uses it as it is now.`);
    }
    if (found?.standing === 'given-differs' && !newExportExpected && path.resolve(found.file) !== path.resolve(found.recordedFile!)) {
      problems.push({ code: 'input-differs', severity: 'warning', message: `${option} ${found.file} is not the ${what} file the earlier schedule was made from (${found.recordedFile}); awg uses ${found.file}`, fix: `Leave out ${option} to use the recorded file.` });
    }
    return found?.file;
  };
  const rsvps = find('RSVP', '--rsvps', given.rsvps, rec.rsvps, true)!;
  const targets = given.targets?.length ? given.targets.map((t, i) => find('targets', '--targets', t, rec.targets[i])!) : rec.targets.map((t) => find('targets', '--targets', undefined, t)!);
  const paths: RerunInputs['paths'] = { rsvps, targets };
  for (const [key, what, option] of OPTIONAL_FILES) {
    const file = find(what, option, given[key], rec[key]);
    if (file) paths[key] = file;
  }
  const rsvpsSheet = given.rsvpsSheet ?? rec.rsvps.sheet;
  const houseTab = given.houseTab ?? rec.houseTab;
  const senateTab = given.senateTab ?? rec.senateTab;
  if (rsvpsSheet) paths.rsvpsSheet = rsvpsSheet;
  if (houseTab) paths.houseTab = houseTab;
  if (senateTab) paths.senateTab = senateTab;
  // The config: the one given, else the recorded file as it is now, else ./awg.config.json, else the
  // config the folder records (the one the earlier run used), never the built-in defaults by accident.
  let config: Config | undefined;
  const recordedConfig = rec.config ? asTyped(recordedPath(folder.dir, rec.config)) : undefined;
  if (given.config) paths.config = given.config;
  else if (recordedConfig && fileExists(recordedConfig)) {
    paths.config = recordedConfig;
    taken.push(`--config ${recordedConfig}`);
  } else if (fileExists(path.join(cwd, 'awg.config.json'))) paths.config = path.join(cwd, 'awg.config.json');
  else {
    config = d.config;
    taken.push(`the event config recorded in ${path.join(folder.dir, 'awg-folder.json')}`);
    if (recordedConfig) problems.push({ code: 'config-gone', severity: 'warning', message: `the config file ${recordedConfig} the earlier schedule was made with is not there any more; awg uses the config recorded in ${folder.dir}`, fix: `Pass --config FILE to use another.` });
  }
  if (paths.config) {
    config = loadConfig(paths.config, cwd).config;
    const diff = configDiff(d.config, config);
    if (diff.length) lines.push(`The config (${paths.config}) differs from the earlier run's: ${diff.join('; ')}; awg uses ${paths.config}.`);
  }
  if (taken.length) lines.unshift(`Re-run of ${folder.dir}: taken from its record: ${taken.join(', ')}.`);
  return { paths, ...(config ? { config } : {}), lines, problems };
}

/** The keys where two configs differ, with both values: `event.timeZone ("A" in the folder, "B" here)`. */
export function configDiff(recorded: unknown, given: unknown, at = ''): string[] {
  if (JSON.stringify(recorded) === JSON.stringify(given)) return [];
  if (recorded && given && typeof recorded === 'object' && typeof given === 'object' && !Array.isArray(recorded) && !Array.isArray(given)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(given)])].sort();
    return keys.flatMap((k) => configDiff((recorded as Record<string, unknown>)[k], (given as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return [`${at} (${JSON.stringify(recorded)} in the folder, ${JSON.stringify(given)} here)`];
}
