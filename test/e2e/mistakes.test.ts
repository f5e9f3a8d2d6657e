// The usual mistakes, and what awg says about them: swapped files, responses on another tab, a config
// with a misspelt key, broken JSON or a bad value, and a ZIP whose prefix belongs to a neighbour state.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { awg, expectNoStack, fx, tmpDir } from '../helpers/run.js';

const targets = ['--targets', fx('targets.xlsx')];

describe('the usual mistakes', () => {
  it('says the files look swapped when --rsvps and --targets are the other way round', () => {
    const r = awg(['validate', '--rsvps', fx('targets.xlsx'), '--targets', fx('rsvps-google-forms.csv')]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the files look swapped');
    expect(r.stderr).toContain(`Run again with --rsvps ${fx('rsvps-google-forms.csv')} --targets ${fx('targets.xlsx')}`);
  });

  it('names the tabs, the one that looks like the responses, and --rsvps-sheet', () => {
    const dir = tmpDir();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Instructions: the responses are on the next tab']]), 'Read me');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Timestamp', 'Email Address', 'Full name', 'State', 'ZIP Code'], ['6/22/2020 11:07:29', 'ana@example.org', 'Ana López', 'IL', '60657']]), 'Form Responses 1');
    const file = path.join(dir, 'responses.xlsx');
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = awg(['validate', '--rsvps', file, ...targets]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('its tabs are "Read me", "Form Responses 1", and "Form Responses 1" looks like the responses');
    expect(r.stderr).toContain('Add --rsvps-sheet "Form Responses 1"');
    expect(awg(['validate', '--rsvps', file, ...targets, '--rsvps-sheet', 'Form Responses 1']).stdout).toContain('1 rows read');
  });

  it.each([
    ['{\n  "event": {\n    "timezone": "America/Chicago"\n  }\n}\n', 'event: unknown key "timezone": did you mean "timeZone"?', 'Rename "timezone" to "timeZone".'],
    ['{\n  "event": {\n    "days": ["2020-07-14"]\n    "maxGroup": 5\n  }\n}\n', 'is not valid JSON at line 4, column 5', 'missing comma'],
    ['{ "event": { "maxGroup": "ten" } }', 'event.maxGroup: "ten"', 'Correct the value of event.maxGroup'],
  ])('config %j → %s', (text, message, fix) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'awg.config.json'), text);
    const r = awg(['validate', '--rsvps', fx('rsvps-google-forms.csv'), ...targets], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(fix);
  });

  it('does not flag a ZIP the crosswalk places in the state given, whatever its prefix', () => {
    const dir = tmpDir();
    const rsvps = path.join(dir, 'rsvps.csv');
    // 42223 (Fort Campbell) has a Kentucky prefix and lies in Kentucky and Tennessee.
    fs.writeFileSync(rsvps, 'Email,Name,State,ZIP\nana@example.org,Ana,TN,42223\nben@example.org,Ben,TX,60657\n');
    const r = awg(['validate', '--rsvps', rsvps, ...targets]);
    expect(r.stderr).not.toContain('ZIP 42223');
    expect(r.stderr).toContain('row 3 (ZIP): ZIP 60657 does not belong to TX');
  });
});
