#!/usr/bin/env node
// Makes a large, realistic input set for the benchmark: N RSVPs in the Google Forms shape spread over
// every state, all 535 seats of Congress as targets, a ZIP→district crosswalk for them (some ZIPs span
// two districts), and 10 accompaniers. Deterministic: the same N gives the same files.
// Usage: node scripts/make-large.mjs N OUTDIR
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { STATES } from '../dist/data/states.js';
import { ZCTA_BY_PREFIX } from '../dist/data/crosswalk-119.js';

XLSX.set_fs(fs);

export function makeLarge(n, out) {
  fs.mkdirSync(out, { recursive: true });
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const voting = STATES.filter((s) => s.hasSenators);

  // Crosswalk: 8 ZIPs per district, from the state's own prefixes; every 7th ZIP spans two districts.
  const zips = [];
  const xwalk = [['state_fips', 'state_abbr', 'zcta', 'cd']];
  for (const s of voting) {
    const [lo] = s.zipPrefixes[0];
    const seats = Math.max(s.seats, 1);
    for (let d = 1; d <= seats; d++) {
      for (let k = 0; k < 8; k++) {
        const idx = (d - 1) * 8 + k;
        const zip = `${String(lo + Math.floor(idx / 100)).padStart(3, '0')}${String(idx % 100).padStart(2, '0')}`;
        const cd = s.seats <= 1 ? 0 : d;
        zips.push({ zip, state: s.code, cd });
        xwalk.push([s.fips, s.code, zip, cd]);
        if (k === 6 && s.seats > 1) xwalk.push([s.fips, s.code, zip, d === seats ? 1 : d + 1]);
      }
    }
  }
  fs.writeFileSync(path.join(out, 'zip-districts.csv'), xwalk.map((r) => r.join(',')).join('\r\n') + '\r\n');

  // Targets: all 535 seats, tiers 1–3.
  const house = [['State', 'District', 'Member', 'Party', 'Tier']];
  const senate = [['State', 'Senator', 'Party', 'Tier']];
  let m = 0;
  for (const s of voting) {
    const seats = Math.max(s.seats, 1);
    for (let d = 1; d <= seats; d++) house.push([s.code, s.seats <= 1 ? 'AL' : String(d), `Rep. Member ${++m}`, pick(['D', 'R']), String(1 + (m % 3))]);
    senate.push([s.code, `Sen. Ann Senior${s.code}`, pick(['D', 'R']), String(1 + (m % 3))]);
    senate.push([s.code, `Sen. Bob Junior${s.code}`, pick(['D', 'R']), String(1 + ((m + 1) % 3))]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(house), 'Representatives');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(senate), 'Senators');
  XLSX.writeFile(wb, path.join(out, 'targets.xlsx'), { compression: true });

  writeRsvps(n, zips, out, pick, rand);
  writeStaff(out);
  return { rsvps: path.join(out, 'rsvps.csv'), targets: path.join(out, 'targets.xlsx'), zips: path.join(out, 'zip-districts.csv'), staff: path.join(out, 'staff.csv') };
}

/** RSVPs, Google Forms shape: grid availability, some free text, some blank. */
function writeRsvps(n, zips, out, pick, rand) {
  const blocks = ['10am-12pm ET', '12pm-2pm ET', '2pm-4pm ET'];
  const days = ['Tuesday, July 14', 'Wednesday, July 15', 'Thursday, July 16'];
  const free = ['', '', 'after 2pm ET', 'Tue mornings', 'Wednesday and Thursday', '9am-12pm PT', 'any time'];
  const header = ['Timestamp', 'Email Address', 'First Name', 'Last Name', 'Phone Number', 'Organization / Affiliation', 'State', 'ZIP Code',
    ...days.map((d) => `Which times can you join? [${d}]`), 'Any other availability?', 'Are you willing to lead the meeting?'];
  const lines = [header.map((h) => (h.includes(',') ? `"${h}"` : h)).join(',')];
  const orgs = ['CRLN', 'Interfaith Immigration Coalition', 'Church World Service', 'Texas Interfaith', ''];
  for (let i = 0; i < n; i++) {
    const z = pick(zips);
    const minute = Math.floor(rand() * 60 * 24 * 9);
    const t = new Date(Date.UTC(2020, 5, 22, 13, 0, 0) + minute * 60_000 - 4 * 3600_000);
    const h = t.getUTCHours();
    const stamp = `2020/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${String(t.getUTCDate()).padStart(2, '0')} ${h % 12 || 12}:${String(t.getUTCMinutes()).padStart(2, '0')}:00 ${h < 12 ? 'AM' : 'PM'} EDT`;
    const grid = rand() < 0.6 ? days.map(() => blocks.filter(() => rand() < 0.45).join(';')) : ['', '', ''];
    const row = [stamp, `person${i}@example.org`, `First${i}`, `Last${i}`, `(${200 + (i % 700)}) 555-${String(i % 10000).padStart(4, '0')}`, pick(orgs), z.state, z.zip,
      ...grid, grid.every((g) => !g) ? pick(free) : '', rand() < 0.15 ? 'Yes' : 'No'];
    lines.push(row.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  }
  fs.writeFileSync(path.join(out, 'rsvps.csv'), lines.join('\r\n') + '\r\n');

}

/** Ten accompaniers, each free two days. */
function writeStaff(out) {
  const staff = [['Name', 'Email', 'Availability']];
  for (let k = 0; k < 10; k++) staff.push([`Staffer ${k + 1}`, `staff${k + 1}@awg.example`, ['Tue, Wed', 'Wed, Thu', 'Tue, Thu'][k % 3]]);
  fs.writeFileSync(path.join(out, 'staff.csv'), staff.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n');
}

const EVERYDAY_RSVPS = 620;

/**
 * The everyday event: 620 RSVPs from five Midwest states with real ZIP codes (placed by the bundled
 * crosswalk: no --zip-districts), 65 target offices (their 55 House seats and 10 senators), the staff list.
 */
export function makeEveryday(out) {
  fs.mkdirSync(out, { recursive: true });
  let seed = 4242;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const states = ['IL', 'WI', 'MN', 'MI', 'IN'];
  const zips = [];
  for (const [prefix, records] of Object.entries(ZCTA_BY_PREFIX)) {
    for (let i = 0; i + 7 <= records.length; i += 7) {
      const state = records.slice(i + 3, i + 5);
      if (states.includes(state)) zips.push({ zip: `${prefix}${records.slice(i, i + 3)}`, state });
    }
  }
  const house = [['State', 'District', 'Member', 'Party', 'Tier']];
  const senate = [['State', 'Senator', 'Party', 'Tier']];
  let m = 0;
  for (const code of states) {
    const s = STATES.find((x) => x.code === code);
    for (let d = 1; d <= s.seats; d++) house.push([code, String(d), `Rep. Member ${++m}`, pick(['D', 'R']), String(1 + (m % 3))]);
    senate.push([code, `Sen. Ann Senior${code}`, pick(['D', 'R']), '1'], [code, `Sen. Bob Junior${code}`, pick(['D', 'R']), '2']);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(house), 'Representatives');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(senate), 'Senators');
  XLSX.writeFile(wb, path.join(out, 'targets.xlsx'), { compression: true });
  writeRsvps(EVERYDAY_RSVPS, zips, out, pick, rand);
  writeStaff(out);
  return { rsvps: path.join(out, 'rsvps.csv'), targets: path.join(out, 'targets.xlsx'), staff: path.join(out, 'staff.csv'), offices: house.length + senate.length - 2, rows: EVERYDAY_RSVPS };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const out = process.argv[3] ?? `bench-out/${n}`;
  console.log(makeLarge(n, out));
}
