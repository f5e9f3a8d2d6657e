// What every command starts from: the config, the event's slots, the RSVPs and the targets, read and
// normalized, with every problem found on the way.
import { buildSlots } from '../event.js';
import type { Accompanier, ConfirmedMeeting, Rsvp, Slot, TargetOffice } from '../model.js';
import { normalizeConfirmed } from '../normalize/confirmed.js';
import { normalizeStaff } from '../normalize/staff.js';
import type { Config } from '../config/schema.js';
import { findDuplicates } from '../normalize/duplicates.js';
import { normalizeRsvps, type RsvpSheetResult } from '../normalize/rsvps.js';
import { normalizeTargets, type TargetColumns } from '../normalize/targets.js';
import { oneChamberProblems } from '../normalize/seats.js';
import { checkInputShapes } from '../normalize/input-shape.js';
import type { Problem } from '../problems.js';
import { loadConfig, pickRsvpSheet, readTableFile } from '../read/inputs.js';
import { pickTargetSheets } from '../normalize/target-sheets.js';
import { readTextInput } from '../read/files.js';
import { parseCrosswalk, type Crosswalk } from '../match/crosswalk.js';
import { matchConstituents, type MatchResult } from '../match/match.js';
import { eventAgeProblems, redrawnProblems } from '../match/data-age.js';
import { BUNDLED_CROSSWALK_LABEL, bundledCrosswalk } from '../data/bundled.js';
import { stage } from '../progress.js';
import type { FolderRow } from '../folder/rows.js';
import { noRoomProblems, withTypedRooms } from '../process/office-rooms.js';

export interface InputOptions {
  rsvps: string;
  rsvpsSheet?: string | undefined;
  targets: string[];
  houseTab?: string | undefined;
  senateTab?: string | undefined;
  config?: string | undefined;
  /** A crosswalk that replaces the bundled one. */
  zipDistricts?: string | undefined;
}

/** What an earlier folder says of the offices (its offices.csv rows): the rooms and formats typed there. */
export interface EarlierOffices {
  offices: readonly FolderRow[];
}

export interface Inputs {
  config: Config;
  /** The crosswalk given with --zip-districts, else the bundled one. */
  crosswalk: Crosswalk;
  configFile?: string;
  slots: Slot[];
  rsvpFile: string;
  rsvpSheet: RsvpSheetResult;
  rsvps: Rsvp[];
  supersededBy: Map<number, number>;
  offices: TargetOffice[];
  /** What each column of each target tab was taken for. */
  targetColumns: TargetColumns[];
  problems: Problem[];
}

/** `given`: a config already read (awg check and update take the one the folder records). */
export function loadInputs(opts: InputOptions, given?: Config, earlier?: EarlierOffices): Inputs {
  stage('reading the inputs');
  const { config, file: configFile } = given ? { config: given, file: opts.config } : loadConfig(opts.config);
  const slots = buildSlots(config.event);
  const rsvpTable = readTableFile(opts.rsvps, config, 'RSVP');
  const targetTables = opts.targets.map((t) => readTableFile(t, config, 'targets'));
  stage('normalizing');
  checkInputShapes(rsvpTable, targetTables, opts.rsvpsSheet);
  const sheet = pickRsvpSheet(rsvpTable, opts.rsvpsSheet);
  const rsvpSheet = normalizeRsvps(sheet, opts.rsvps, config, slots);
  const targets = normalizeTargets(pickTargetSheets(targetTables, opts.houseTab, opts.senateTab), undefined, config.event);
  targets.problems.push(...oneChamberProblems(targets.offices, opts.targets));
  // Rooms typed in the earlier offices.csv are laid over before anything is matched or placed (process/office-rooms.ts).
  const typed = withTypedRooms(targets.offices, earlier?.offices ?? [], config.event);
  targets.offices = typed.offices;
  targets.problems.push(...typed.problems, ...noRoomProblems(typed.offices, config.event));
  const dups = findDuplicates(rsvpSheet.rsvps, opts.rsvps, rsvpSheet.columns.email, sheet.name || undefined);
  const crosswalk = opts.zipDistricts ? parseCrosswalk(readTextInput(opts.zipDistricts, config.maxInputMB, 'ZIP-district'), opts.zipDistricts) : bundledCrosswalk();
  return {
    config,
    crosswalk,
    ...(configFile ? { configFile } : {}),
    slots,
    rsvpFile: opts.rsvps,
    rsvpSheet,
    rsvps: rsvpSheet.rsvps,
    supersededBy: dups.supersededBy,
    offices: targets.offices,
    targetColumns: targets.columnMaps,
    problems: [...withoutCrosswalkedZips(rsvpSheet.problems, rsvpSheet.rsvps, crosswalk), ...dups.problems, ...targets.problems, ...eventAgeProblems(config.event, crosswalk)],
  };
}

/**
 * The ZIP-prefix check flags a ZIP whose prefix belongs to a neighbouring state; where the crosswalk
 * places that ZIP in the row's state too (42223 lies in KY and TN), the ZIP is right and the flag goes.
 */
function withoutCrosswalkedZips(problems: readonly Problem[], rsvps: readonly Rsvp[], crosswalk: Crosswalk): Problem[] {
  // Most exports have no such flag: the rows are indexed only when one is there (100,000 RSVPs: ~30 ms).
  if (!problems.some((p) => p.code === 'zip-state-mismatch')) return [...problems];
  const byRow = new Map(rsvps.map((r) => [r.row, r]));
  return problems.filter((p) => {
    if (p.code !== 'zip-state-mismatch') return true;
    const r = byRow.get(p.row ?? -1);
    return !(r?.zip && r.state && crosswalk.zips.get(r.zip)?.some((z) => z.state === r.state));
  });
}

export type MatchOptions = InputOptions;

export interface Matched extends Inputs {
  match: MatchResult;
}

export function loadMatched(opts: MatchOptions, given?: Config, earlier?: EarlierOffices): Matched {
  const inputs = loadInputs(opts, given, earlier);
  stage('matching');
  const { crosswalk } = inputs;
  const match = matchConstituents(inputs.rsvps, inputs.supersededBy, inputs.offices, inputs.config.event, crosswalk);
  const { rsvpSheet } = inputs;
  const age = redrawnProblems(inputs.config.event, crosswalk, match.locations, { file: opts.rsvps, ...(rsvpSheet.sheet ? { sheet: rsvpSheet.sheet } : {}), column: rsvpSheet.columns.zip ?? 'ZIP' });
  return { ...inputs, problems: [...inputs.problems, ...age], crosswalk, match };
}

/** Which districts awg used, for the summaries: `districts: ZIP→119th Congress, bundled`. */
export function districtsLine(m: Pick<Matched, 'crosswalk'>): string {
  return `districts: ${m.crosswalk.shape === 'bundled' ? BUNDLED_CROSSWALK_LABEL : `ZIP→district from ${m.crosswalk.file}`}`;
}

/** The staff list and the confirmed meetings, when given, read and normalized (awg schedule, check, update). */
export function loadStaffAndConfirmed(files: { staff?: string | undefined; confirmed?: string | undefined }, m: Pick<Matched, 'config' | 'slots' | 'offices'>): {
  staff?: Accompanier[]; confirmed?: ConfirmedMeeting[]; problems: Problem[];
} {
  const problems: Problem[] = [];
  let staff: Accompanier[] | undefined;
  if (files.staff) {
    const r = normalizeStaff(pickRsvpSheet(readTableFile(files.staff, m.config, 'staff')), files.staff, m.config, m.slots);
    staff = r.staff;
    problems.push(...r.problems);
  }
  let confirmed: ConfirmedMeeting[] | undefined;
  if (files.confirmed) {
    const r = normalizeConfirmed(pickRsvpSheet(readTableFile(files.confirmed, m.config, 'confirmed meetings')), files.confirmed, m.config.event, m.offices, staff ?? []);
    confirmed = r.confirmed;
    problems.push(...r.problems);
  }
  return { ...(staff ? { staff } : {}), ...(confirmed ? { confirmed } : {}), problems };
}
