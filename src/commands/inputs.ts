// What every command starts from: the config, the event's slots, the RSVPs and the targets, read and
// normalized, with every problem found on the way.
import { buildSlots } from '../event.js';
import type { Rsvp, Slot, TargetOffice } from '../model.js';
import type { Config } from '../config/schema.js';
import { findDuplicates } from '../normalize/duplicates.js';
import { normalizeRsvps, type RsvpSheetResult } from '../normalize/rsvps.js';
import { normalizeTargets } from '../normalize/targets.js';
import type { Problem } from '../problems.js';
import { loadConfig, pickRsvpSheet, pickTargetSheets, readTableFile } from '../read/inputs.js';
import { readTextInput } from '../read/files.js';
import { parseCrosswalk, type Crosswalk } from '../match/crosswalk.js';
import { matchConstituents, type MatchResult } from '../match/match.js';

export interface InputOptions {
  rsvps: string;
  rsvpsSheet?: string | undefined;
  targets: string[];
  houseTab?: string | undefined;
  senateTab?: string | undefined;
  config?: string | undefined;
}

export interface Inputs {
  config: Config;
  configFile?: string;
  slots: Slot[];
  rsvpFile: string;
  rsvpSheet: RsvpSheetResult;
  rsvps: Rsvp[];
  supersededBy: Map<number, number>;
  offices: TargetOffice[];
  problems: Problem[];
}

/** `given`: a config already read (awg check and update take the one the folder records). */
export function loadInputs(opts: InputOptions, given?: Config): Inputs {
  const { config, file: configFile } = given ? { config: given, file: opts.config } : loadConfig(opts.config);
  const slots = buildSlots(config.event);
  const rsvpTable = readTableFile(opts.rsvps, config, 'RSVP');
  const sheet = pickRsvpSheet(rsvpTable, opts.rsvpsSheet);
  const targetTables = opts.targets.map((t) => readTableFile(t, config, 'targets'));
  const rsvpSheet = normalizeRsvps(sheet, opts.rsvps, config, slots);
  const targets = normalizeTargets(pickTargetSheets(targetTables, opts.houseTab, opts.senateTab));
  const dups = findDuplicates(rsvpSheet.rsvps, opts.rsvps, rsvpSheet.columns.email, sheet.name || undefined);
  return {
    config,
    ...(configFile ? { configFile } : {}),
    slots,
    rsvpFile: opts.rsvps,
    rsvpSheet,
    rsvps: rsvpSheet.rsvps,
    supersededBy: dups.supersededBy,
    offices: targets.offices,
    problems: [...rsvpSheet.problems, ...dups.problems, ...targets.problems],
  };
}

export interface MatchOptions extends InputOptions {
  zipDistricts?: string | undefined;
}

export interface Matched extends Inputs {
  crosswalk?: Crosswalk;
  match: MatchResult;
}

export function loadMatched(opts: MatchOptions, given?: Config): Matched {
  const inputs = loadInputs(opts, given);
  const crosswalk = opts.zipDistricts ? parseCrosswalk(readTextInput(opts.zipDistricts, inputs.config.maxInputMB, 'ZIP-district'), opts.zipDistricts) : undefined;
  const match = matchConstituents(inputs.rsvps, inputs.supersededBy, inputs.offices, inputs.config.event, crosswalk);
  return { ...inputs, ...(crosswalk ? { crosswalk } : {}), match };
}
