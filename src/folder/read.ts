// The one reader of awg's own output folder, for `check`, `update` (and `roster`) and `schedule
// --previous`: the folder's self-description, its meetings and attendees (from meetings.csv and
// attendees.csv, or from schedule.xlsx when that is the one edited since awg wrote it), the people
// lists, and offices.csv when there is one. Every row carries its file, sheet and spreadsheet row.
import path from 'node:path';
import { DEFAULT_CONFIG } from '../config/schema.js';
import { InputError, UsageError, type Problem } from '../problems.js';
import { fileExists, readInput } from '../read/files.js';
import { firstSheetRows, parseTable, type Sheet } from '../read/table.js';
import { FOLDER_FILE, parseDescription, sha256, type FolderDescription, type InputRecord } from './description.js';
import { officeRows } from './offices.js';
import { attendeeRows, listRows, meetingRows, scheduleKey, tableRows, type AttendeeRow, type FolderRow, type ListRow, type MeetingRow } from './rows.js';

export type { AttendeeRow, FolderRow, ListRow, MeetingRow } from './rows.js';
export type { FolderDescription } from './description.js';

export interface ScheduleFolder {
  dir: string;
  /** What the folder says of itself (awg-folder.json); absent in folders made before it existed. */
  description?: FolderDescription;
  /** Where the meetings and attendees were read from. */
  source: 'csv' | 'xlsx';
  /** One line for the organizer on which files were read, when it is not the plain CSV pair. */
  note?: string;
  meetings: MeetingRow[];
  attendees: AttendeeRow[];
  /** digital-advocacy.csv and unmatched.csv, as they are in the folder (they may be stale). */
  lists: ListRow[];
  /** offices.csv, when the folder has one (the offices' statuses). */
  offices: FolderRow[];
  /** coverage.csv: why each office without a meeting has none, as the scheduler said. */
  coverage: FolderRow[];
  problems: Problem[];
}

/** Size and SHA-256 of an input, with its path as seen from the folder (relative when it can be). */
export function fingerprint(file: string, folder: string, maxMB: number): InputRecord {
  const bytes = readInput(file, maxMB, 'input');
  const rel = path.relative(path.resolve(folder), path.resolve(file)).split(path.sep).join('/');
  return { path: rel, size: bytes.length, sha256: sha256(bytes) };
}

/** Where a recorded input is now, resolved from the folder. */
export function recordedPath(dir: string, rec: InputRecord): string {
  return path.isAbsolute(rec.path) ? rec.path : path.join(dir, rec.path);
}

export function readScheduleFolder(dir: string): ScheduleFolder {
  const file = (name: string) => path.join(dir, name);
  if (!fileExists(file('meetings.csv')) || !fileExists(file('attendees.csv'))) {
    throw new UsageError(`${dir} has no meetings.csv and attendees.csv; is it a folder awg schedule wrote?`);
  }
  const problems: Problem[] = [];
  let description: FolderDescription | undefined;
  if (fileExists(file(FOLDER_FILE))) {
    const parsed = parseDescription(new TextDecoder().decode(readInput(file(FOLDER_FILE), 10, 'folder description')));
    if (parsed.description) description = parsed.description;
    else problems.push({ code: 'folder-description', severity: 'warning', file: file(FOLDER_FILE), message: `${parsed.why}; the folder is read without it`, fix: 'Run awg schedule again to write a new folder.' });
  }
  const maxMB = description?.config.maxInputMB ?? DEFAULT_CONFIG.maxInputMB;
  const days = description?.config.event.days ?? [];
  const bytes = (name: string) => readInput(file(name), maxMB, name);
  const sheetOf = (name: string) => parseTable(bytes(name), file(name), { maxMB }).sheets[0] ?? { name: '', rows: [] };
  // Row by row: 100,000 meetings' attendees as rows of text (460 MB) are never held beside their rows.
  const rowsOf = (name: string) => firstSheetRows(bytes(name), file(name), { maxMB });

  const fromCsv = (probs: Problem[]) => ({
    meetings: meetingRows(rowsOf('meetings.csv'), { file: file('meetings.csv') }, days, probs),
    attendees: attendeeRows(rowsOf('attendees.csv'), { file: file('attendees.csv') }, days, probs),
  });
  const fromXlsx = (probs: Problem[]) => {
    const sheets = parseTable(bytes('schedule.xlsx'), file('schedule.xlsx'), { maxMB }).sheets;
    const find = (name: string): Sheet => {
      const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new UsageError(`${file('schedule.xlsx')} has no ${name} sheet any more; awg cannot read the edits made in it.`, 'Restore the sheet, or edit meetings.csv and attendees.csv instead.');
      return s;
    };
    const at = (sheet: string) => ({ file: file('schedule.xlsx'), sheet });
    return { meetings: meetingRows(find('Meetings'), at('Meetings'), days, probs), attendees: attendeeRows(find('Attendees'), at('Attendees'), days, probs) };
  };

  // Which was edited since awg wrote the folder: the fingerprints it recorded tell.
  const changed = (name: string) => description?.files[name] !== undefined && fileExists(file(name)) && sha256(bytes(name)) !== description.files[name];
  const csvEdited = changed('meetings.csv') || changed('attendees.csv');
  const xlsxEdited = changed('schedule.xlsx');
  let source: 'csv' | 'xlsx' = 'csv';
  let note: string | undefined;
  let rows: ReturnType<typeof fromCsv>;
  if (xlsxEdited && !csvEdited) {
    source = 'xlsx';
    note = 'Read the meetings and attendees from schedule.xlsx: it was saved after awg wrote the folder, meetings.csv and attendees.csv were not.';
    rows = fromXlsx(problems);
  } else if (xlsxEdited && csvEdited) {
    const csvProblems: Problem[] = [];
    rows = fromCsv(csvProblems);
    const other = fromXlsx([]);
    const a = scheduleKey(rows.meetings, rows.attendees);
    const b = scheduleKey(other.meetings, other.attendees);
    if (a.join('\n') !== b.join('\n')) {
      throw new InputError([{
        code: 'two-edits', severity: 'error', file: file('schedule.xlsx'),
        message: `both ${file('meetings.csv')}/${file('attendees.csv')} and ${file('schedule.xlsx')} (Meetings and Attendees sheets) were edited since awg wrote them, and they differ; awg will not guess which is right`,
        fix: 'Make the edits in one of them and put the other back as it was (copy it from the previous folder, or delete it: awg update writes it again).',
      }]);
    }
    problems.push(...csvProblems);
    note = 'meetings.csv, attendees.csv and schedule.xlsx were all edited, the same way; read the CSV files.';
  } else {
    rows = fromCsv(problems);
  }
  const lists = (['digital-advocacy', 'unmatched'] as const)
    .filter((n) => fileExists(file(`${n}.csv`)))
    .flatMap((n) => listRows(rowsOf(`${n}.csv`), { file: file(`${n}.csv`) }, `${n}.csv`, problems));
  const offices = fileExists(file('offices.csv')) ? officeRows(sheetOf('offices.csv'), { file: file('offices.csv') }, problems) : [];
  const coverage = fileExists(file('coverage.csv')) ? tableRows(rowsOf('coverage.csv'), { file: file('coverage.csv') }, ['office'], undefined, problems) : [];
  return { dir, ...(description ? { description } : {}), source, ...(note ? { note } : {}), ...rows, lists, offices, coverage, problems };
}
