import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { machineHeader, peopleHeader } from '../../src/columns.js';
import { toWorkbook } from '../../src/render/xlsx.js';

// Every column of every CSV `awg schedule` writes (read from a demo folder's headers).
const COLUMNS = ('accompanier accompanier_email available available_slots best_tier chamber constituents cosponsor date digital_advocacy district ' +
  'district_unknown email end first_name fix last_name late lead link local_end local_start meeting_id meeting_ids meeting_notes meeting_times meetings ' +
  'member name needs office office_notes office_phone organization participant_count participants participants_local_times party phone rank reason ' +
  'reason_code recruiting_gap role rsvp_row scheduler_email start state status story superseded_by target_offices tier time_zone why_no_meeting zip').split(' ');

describe('workbook headers for people', () => {
  it('gives each machine name a header people read, and no two the same', () => {
    expect(peopleHeader('meeting_id')).toBe('Meeting');
    expect(peopleHeader('accompanier_email')).toBe('Accompanier email');
    expect(peopleHeader('reason_code')).toBe('Reason code');
    expect(peopleHeader('rsvp_row')).toBe('RSVP row');
    const headers = COLUMNS.map(peopleHeader);
    expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(COLUMNS.length);
    for (const h of headers) expect(h, h).not.toMatch(/_/);
  });

  it('reads every header back to its machine name, as a spreadsheet may have left it', () => {
    for (const c of COLUMNS) {
      expect(machineHeader(peopleHeader(c))).toBe(c);
      expect(machineHeader(` ${peopleHeader(c).toUpperCase()}  `)).toBe(c);
      expect(machineHeader(c)).toBe(c);
    }
    expect(machineHeader('Accompanier  email')).toBe('accompanier_email');
  });

  it('is applied when the workbook is built, and only there', () => {
    const wb = XLSX.read(toWorkbook([{ name: 'Meetings', columns: ['meeting_id', 'date', 'accompanier_email'], rows: [['M001', '2020-07-14', 'a@b.example']], dateColumns: ['date'] }]));
    const ws = wb.Sheets.Meetings!;
    expect([ws.A1?.v, ws.B1?.v, ws.C1?.v]).toEqual(['Meeting', 'Date', 'Accompanier email']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { raw: true });
    const back = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [machineHeader(k), v])));
    expect(back[0]).toMatchObject({ meeting_id: 'M001', accompanier_email: 'a@b.example' });
  });
});
