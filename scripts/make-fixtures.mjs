#!/usr/bin/env node
// Writes the fixtures in fixtures/: one roster of ~40 people exported in every RSVP shape awg reads,
// the target workbook (and the same targets as two CSVs), crosswalks in both shapes, staff and
// confirmed meetings. Each messy case is one person, named in the `case` field below.
// Usage: node scripts/make-fixtures.mjs [outDir]
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';

XLSX.set_fs(fs);
const OUT = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures');
fs.mkdirSync(OUT, { recursive: true });

const DAYS = [
  ['2020-07-14', 'Tuesday, July 14'],
  ['2020-07-15', 'Wednesday, July 15'],
  ['2020-07-16', 'Thursday, July 16'],
];
const BLOCKS = ['10am-12pm ET', '12pm-2pm ET', '2pm-4pm ET'];

// avail: undefined = left blank; { grid: { dayIndex: [blockIndex…] } }; { text: '…' } free text.
// ts: minutes after 2020-06-22 09:00 EDT.
export const PEOPLE = [
  { case: 'accents, volunteers to lead, blank availability', first: 'Ana María', last: 'López', email: 'ana.lopez@example.org', phone: '(312) 555-0101', org: 'CRLN', city: 'Chicago', state: 'IL', zip: '60657', lead: 'Yes', story: 'Yes', ts: 0 },
  { case: 'state in lower case, grid availability', first: 'Ben', last: 'Okafor', email: 'ben.okafor@example.org', phone: '312-555-0102', org: 'CRLN', city: 'Evanston', state: 'illinois', zip: '60201', lead: 'No', avail: { grid: { 0: [0], 1: [0, 1] } }, ts: 15 },
  { case: 'non-Latin name, ZIP spans IL-09 and IL-10', first: '伟', last: '陈', email: 'chen.wei@example.org', phone: '3125550103', org: 'Interfaith Immigration Coalition', city: 'Glenview', state: 'IL', zip: '60091', avail: { grid: { 0: [0, 1, 2], 2: [2] } }, ts: 30 },
  { case: 'old-style state abbreviation, free-text time after 2pm', first: 'Dana', last: 'Smith', email: 'dana.smith@example.org', phone: '+1 312 555 0104', org: '', city: 'Highland Park', state: 'Ill.', zip: '60035', avail: { text: 'after 2pm ET any day' }, ts: 45 },
  { case: 'ZIP lost its leading zero in Excel', first: 'Eve', last: 'Adams', email: 'eve.adams@example.org', phone: '617 555 0105', org: 'Boston Sanctuary Network', city: 'Jamaica Plain', state: 'MA', zip: '2119', lead: 'Yes', avail: { grid: { 0: [0, 1], 1: [0, 1] } }, ts: 60 },
  { case: 'duplicate: first submission, superseded by the later row', first: 'Frank', last: 'Moreau', email: 'FRANK.MOREAU@example.org ', phone: '(617) 555-0106', org: '', city: 'Cambridge', state: 'MA', zip: '02141', avail: { grid: { 0: [0] } }, ts: 75 },
  { case: 'late RSVP (after the July 1 deadline)', first: 'Grace', last: 'Kim', email: 'grace.kim@example.org', phone: '(415) 555-0107', org: 'CRLN', city: 'Oakland', state: 'CA', zip: '94612', avail: { grid: { 1: [1, 2] } }, ts: 60 * 24 * 11 + 120 },
  { case: 'ZIP+4, free text in Pacific time', first: 'Hiro', last: 'Tanaka', email: 'hiro.tanaka@example.org', phone: '510.555.0108', org: 'Asian Americans Advancing Justice', city: 'Oakland', state: 'CA', zip: '94612-1234', story: 'Yes', tz: 'Pacific', avail: { text: 'Tue 7/14 9am-12pm PT' }, ts: 90 },
  { case: 'ticked no time, wrote a note: digital advocacy', first: 'Ivy', last: 'Nguyen', email: 'ivy.nguyen@example.org', phone: '(312) 555-0109', org: 'CRLN', city: 'Chicago', state: 'IL', zip: '60657', note: "I can't make any of these times, but I'm happy to help online.", ts: 105 },
  { case: 'state column contradicts the ZIP', first: 'Jon', last: 'Baker', email: 'jon.baker@example.org', phone: '(512) 555-0110', org: '', city: 'Chicago', state: 'TX', zip: '60657', avail: { grid: { 1: [0, 1, 2] } }, ts: 120 },
  { case: 'no state, ZIP only', first: 'Kay', last: 'Begay', email: 'kay.begay@example.org', phone: '(602) 555-0111', org: 'Arizona Faith Network', city: 'Phoenix', state: '', zip: '85004', lead: 'Yes', avail: { grid: { 0: [1, 2], 1: [1, 2], 2: [1, 2] } }, ts: 135 },
  { case: 'district column written AZ-7', first: 'Leo', last: 'Ramírez', email: 'leo.ramirez@example.org', phone: '(520) 555-0112', org: 'Arizona Faith Network', city: 'Tucson', state: 'AZ', zip: '85701', district: 'AZ-7', avail: { grid: { 0: [1, 2] } }, ts: 150 },
  { case: 'at-large state, district At-Large', first: 'Mia', last: 'Johnson', email: 'mia.johnson@example.org', phone: '(802) 555-0113', org: 'Vermont Interfaith Action', city: 'Burlington', state: 'Vermont', zip: '05401', district: 'At-Large', lead: 'Yes', avail: { grid: { 2: [0, 1, 2] } }, ts: 165 },
  { case: 'lives in DC: no senators, delegate not a target', first: 'Nia', last: 'Washington', email: 'nia.washington@example.org', phone: '(202) 555-0114', org: 'Church World Service', city: 'Washington', state: 'DC', zip: '20002', ts: 180 },
  { case: 'not a constituent of any target office', first: 'Omar', last: 'Haddad', email: 'omar.haddad@example.org', phone: '(503) 555-0115', org: '', city: 'Portland', state: 'OR', zip: '97201', ts: 195 },
  { case: 'no email and no phone: cannot be reached', first: 'Pat', last: 'Doe', email: '', phone: '', org: '', city: 'Chicago', state: 'IL', zip: '60657', ts: 210 },
  { case: 'invalid email but a phone number', first: 'Quinn', last: 'Rivers', email: 'quinn at example.org', phone: '(312) 555-0117', org: 'CRLN', city: 'Evanston', state: 'IL', zip: '60201', avail: { grid: { 0: [0, 1, 2] } }, ts: 225 },
  { case: 'phone with dots and extension', first: 'Rosa', last: 'Parra', email: 'rosa.parra@example.org', phone: '312.555.0118 ext. 4', org: 'CRLN', city: 'Chicago', state: 'IL', zip: '60657', avail: { text: 'Wednesday and Thursday mornings' }, ts: 240 },
  { case: 'district that does not exist (CA-60)', first: 'Sam', last: 'Lee', email: 'sam.lee@example.org', phone: '(415) 555-0119', org: '', city: 'Oakland', state: 'CA', zip: '94612', district: 'CA-60', avail: { grid: { 0: [0] } }, ts: 255 },
  { case: 'availability text awg cannot read', first: 'Tara', last: 'Singh', email: 'tara.singh@example.org', phone: '(312) 555-0120', org: '', city: 'Chicago', state: 'IL', zip: '60657', avail: { text: 'depends on my chemo schedule' }, ts: 270 },
  { case: 'state with periods, needs interpretation', first: 'Uma', last: 'Reyes', email: 'uma.reyes@example.org', phone: '(718) 555-0121', org: 'New Sanctuary Coalition', city: 'Queens', state: 'N.Y.', zip: '11369', needs: 'Spanish interpretation', avail: { grid: { 0: [1], 1: [1] } }, ts: 285 },
  { case: 'a district with no target office, state without target senators', first: 'Victor', last: 'Chen', email: 'victor.chen@example.org', phone: '(212) 555-0122', org: '', city: 'New York', state: 'new york', zip: '10026', ts: 300 },
  { case: 'shares a story, Central time zone answer', first: 'Wen', last: 'García', email: 'wen.garcia@example.org', phone: '(830) 555-0123', org: 'Texas Interfaith', city: 'Uvalde', state: 'TX', zip: '78802', story: 'Yes', lead: 'Yes', tz: 'Central', avail: { grid: { 0: [0, 1, 2], 1: [0, 1, 2] } }, ts: 315 },
  { case: 'district not a target but a target senator', first: 'Xena', last: 'Ortiz', email: 'xena.ortiz@example.org', phone: '(210) 555-0124', org: 'Texas Interfaith', city: 'San Antonio', state: 'TX', zip: '78229', avail: { grid: { 0: [2], 1: [2] } }, ts: 330 },
  { case: 'GA: target House seat is elsewhere, no target senators', first: 'Yusuf', last: 'Ali', email: 'yusuf.ali@example.org', phone: '(404) 555-0125', org: '', city: 'Atlanta', state: 'GA', zip: '30308', ts: 345 },
  { case: 'markup in the name must print as text', first: '<script>alert(1)</script>', last: 'Tester', email: 'zoe.tester@example.org', phone: '(312) 555-0126', org: 'CRLN', city: 'Chicago', state: 'IL', zip: '60657', avail: { grid: { 2: [0] } }, ts: 360 },
  { case: 'formula in the organization must not run', first: 'Abe', last: 'Formula', email: 'abe.formula@example.org', phone: '(312) 555-0127', org: '=HYPERLINK("http://evil.example","click")', city: 'Chicago', state: 'IL', zip: '60657', ts: 375 },
  { case: 'emoji in the name', first: 'Sunny 🌞', last: 'Day', email: 'sunny.day@example.org', phone: '(602) 555-0128', org: 'Arizona Faith Network', city: 'Phoenix', state: 'Arizona', zip: '85004', avail: { text: 'all of the above' }, ts: 390 },
  { case: 'time range without am/pm, date written 7/16', first: 'Carla', last: 'Méndez', email: 'carla.mendez@example.org', phone: '(520) 555-0129', org: '', city: 'Tucson', state: 'AZ', zip: '85701', avail: { text: '7/16 1-3' }, ts: 405 },
  { case: 'duplicate: the later submission that stands', first: 'Frank', last: 'Moreau', email: 'frank.moreau@example.org', phone: '(617) 555-0106', org: 'Boston Sanctuary Network', city: 'Cambridge', state: 'MA', zip: '02141', avail: { grid: { 0: [0, 1], 2: [0] } }, ts: 420 },
  { case: 'note beside ticked times goes to review', first: 'Hana', last: 'Sato', email: 'hana.sato@example.org', phone: '(602) 555-0130', org: '', city: 'Phoenix', state: 'AZ', zip: '85004', note: 'I may need to leave early on Tuesday.', avail: { grid: { 0: [0, 1] } }, ts: 435 },
  { case: 'unknown state name', first: 'Ike', last: 'Nowhere', email: 'ike.nowhere@example.org', phone: '(312) 555-0131', org: '', city: 'Springfield', state: 'Nowhereland', zip: '', ts: 450 },
  { case: 'quoted note with a line break', first: 'Jada', last: 'Brooks', email: 'jada.brooks@example.org', phone: '(312) 555-0132', org: 'CRLN', city: 'Chicago', state: 'IL', zip: '60657', note: 'Only mornings work for me.\nI teach in the afternoons.', avail: { grid: { 0: [0], 1: [0], 2: [0] } }, ts: 465 },
  { case: 'Eastern weekday names only', first: 'Kofi', last: 'Mensah', email: 'kofi.mensah@example.org', phone: '(718) 555-0133', org: 'New Sanctuary Coalition', city: 'Queens', state: 'NY', zip: '11369', lead: 'Yes', avail: { text: 'Tuesday or Thursday' }, ts: 480 },
  { case: 'same name and phone as Ben Okafor, different email', first: 'Ben', last: 'Okafor', email: 'bokafor@example.net', phone: '(312) 555-0102', org: 'CRLN', city: 'Evanston', state: 'IL', zip: '60201', avail: { grid: { 1: [2] } }, ts: 495 },
  { case: 'invalid ZIP', first: 'Lena', last: 'Petrova', email: 'lena.petrova@example.org', phone: '(602) 555-0135', org: '', city: 'Phoenix', state: 'AZ', zip: '8500', avail: { grid: { 2: [1] } }, ts: 510 },
  { case: 'CA constituent, volunteers to lead', first: 'Mateo', last: 'Silva', email: 'mateo.silva@example.org', phone: '(510) 555-0136', org: 'Asian Americans Advancing Justice', city: 'Oakland', state: 'CA', zip: '94612', lead: 'Yes', avail: { grid: { 0: [1, 2], 1: [1, 2] } }, ts: 525 },
  { case: 'Vermonter with a 14:00–16:00 range', first: 'Nell', last: 'Fournier', email: 'nell.fournier@example.org', phone: '(802) 555-0137', org: 'Vermont Interfaith Action', city: 'Burlington', state: 'VT', zip: '05401', avail: { text: 'Thu 14:00–16:00' }, ts: 540 },
  { case: 'IL-09 from a district column written 9th', first: 'Olu', last: 'Adebayo', email: 'olu.adebayo@example.org', phone: '(847) 555-0138', org: 'Interfaith Immigration Coalition', city: 'Evanston', state: 'IL', zip: '60201', district: '9th', lead: 'Yes', avail: { grid: { 0: [0, 1], 1: [0] } }, ts: 555 },
  { case: 'ZIP spans MA-07 and MA-08, and MA senators are not targets: ask for the district', first: 'Ravi', last: 'Kumar', email: 'ravi.kumar@example.org', phone: '(617) 555-0140', org: 'Boston Sanctuary Network', city: 'Brighton', state: 'MA', zip: '02135', avail: { grid: { 1: [0, 1] } }, ts: 585 },
  { case: 'Massachusetts in full, wants afternoons', first: 'Priya', last: 'Shah', email: 'priya.shah@example.org', phone: '(617) 555-0139', org: 'Boston Sanctuary Network', city: 'Jamaica Plain', state: 'Massachusetts', zip: '02119', avail: { text: 'afternoons' }, ts: 570 },
];

const pad = (n) => String(n).padStart(2, '0');
function when(p) {
  // 2020-06-22 09:00 EDT is 13:00 UTC.
  const utc = new Date(Date.UTC(2020, 5, 22, 13, 0, 0) + p.ts * 60_000 + 7_000);
  const et = new Date(utc.getTime() - 4 * 3600_000); // EDT wall clock
  const y = et.getUTCFullYear(), mo = et.getUTCMonth() + 1, d = et.getUTCDate(), h = et.getUTCHours(), mi = et.getUTCMinutes(), s = et.getUTCSeconds();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return {
    forms: `${y}/${pad(mo)}/${pad(d)} ${h12}:${pad(mi)}:${pad(s)} ${h < 12 ? 'AM' : 'PM'} EDT`,
    sheets: `${mo}/${d}/${y} ${h}:${pad(mi)}:${pad(s)}`,
    excel: (Date.UTC(y, mo - 1, d, h, mi, s) - Date.UTC(1899, 11, 30)) / 86_400_000,
    an: utc.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
  };
}
const gridCell = (p, day, sep) => (p.avail?.grid?.[day] ?? []).map((b) => BLOCKS[b]).join(sep);
const gridText = (p) => Object.entries(p.avail?.grid ?? {}).map(([d, blocks]) => `${DAYS[Number(d)][1]}: ${blocks.map((b) => BLOCKS[b]).join(' and ')}`).join('; ');
const freeText = (p) => p.avail?.text ?? '';

const Q = {
  grid: (label) => `Which times can you join? [${label}]`,
  other: 'Any other availability? (e.g. Tue after 2pm)',
  note: 'If you cannot join any meeting time, please tell us',
  lead: 'Are you willing to lead the meeting?',
  story: 'Would you be willing to share a personal story?',
  needs: 'Do you need interpretation or accessibility accommodations?',
  tz: 'What time zone are you in?',
};

function formsRows(sep, stamp) {
  const header = ['Timestamp', 'Email Address', 'First Name', 'Last Name', 'Phone Number', 'Organization / Affiliation', 'City', 'State', 'ZIP Code', 'Congressional District (if known)',
    ...DAYS.map(([, label]) => Q.grid(label)), Q.other, Q.note, Q.lead, Q.story, Q.needs, Q.tz];
  const rows = PEOPLE.map((p) => [stamp(p), p.email, p.first, p.last, p.phone, p.org, p.city, p.state, p.zip, p.district ?? '',
    ...DAYS.map((_, i) => gridCell(p, i, sep)), freeText(p), p.note ?? '', p.lead ?? '', p.story ?? '', p.needs ?? '', p.tz ?? '']);
  return [header, ...rows];
}

function csv(rows, eol = '\r\n', delim = ',') {
  const cell = (v) => {
    const s = String(v);
    return /[",\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(delim)).join(eol) + eol;
}

function write(name, data) {
  fs.writeFileSync(path.join(OUT, name), data);
}

// 1. Google Forms "Download responses (.csv)": CRLF, `;` between checkbox answers, zone in the stamp.
write('rsvps-google-forms.csv', csv(formsRows(';', (p) => when(p).forms)));
// 2. The linked Sheet exported as CSV: `, ` between answers, no zone, a BOM, LF, trailing blank rows.
write('rsvps-google-sheets.csv', '\uFEFF' + csv(formsRows(', ', (p) => when(p).sheets), '\n') + ',,,\n\n');
// 3. The linked Sheet downloaded as .xlsx: the timestamp is a real date cell, ZIPs typed as numbers.
{
  const rows = formsRows(', ', (p) => when(p).excel);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  for (let r = 1; r < rows.length; r++) {
    const ts = ws[XLSX.utils.encode_cell({ r, c: 0 })];
    ts.t = 'n';
    ts.z = 'm/d/yyyy h:mm:ss';
    const zip = ws[XLSX.utils.encode_cell({ r, c: 8 })];
    if (zip && /^\d+$/.test(zip.v)) Object.assign(zip, { t: 'n', v: Number(zip.v) });
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Form Responses 1');
  XLSX.writeFile(wb, path.join(OUT, 'rsvps-google-sheets.xlsx'), { compression: true });
}
// 4. Action Network: snake_case headers, availability as one free-text answer.
{
  const header = ['first_name', 'last_name', 'email', 'zip_code', 'can2_phone', 'can2_user_city', 'can2_state_abbreviated', 'created_date',
    'organization', 'congressional_district', 'availability', 'cannot_attend_note', 'willing_to_lead', 'share_story', 'interpretation_accessibility_needs', 'time_zone'];
  const rows = PEOPLE.map((p) => [p.first, p.last, p.email, p.zip, p.phone, p.city, p.state, when(p).an, p.org, p.district ?? '',
    [gridText(p), freeText(p)].filter(Boolean).join('; '), p.note ?? '', p.lead ?? '', p.story ?? '', p.needs ?? '', p.tz ?? '']);
  write('rsvps-action-network.csv', csv([header, ...rows], '\n'));
}
// 5. Excel "Unicode text": UTF-16LE with BOM, tab-separated.
{
  const text = csv(formsRows(';', (p) => when(p).forms), '\r\n', '\t');
  write('rsvps-excel-unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}


// Other form tools, read with no config: the same people as the Google Forms export, under each tool's
// own headers. Each test reads them back and compares names, emails, states, ZIPs and availability.
const STATE_NAMES = { IL: 'Illinois', MA: 'Massachusetts', CA: 'California', TX: 'Texas', AZ: 'Arizona', VT: 'Vermont', DC: 'District of Columbia',
  OR: 'Oregon', NY: 'New York', GA: 'Georgia', 'ILL.': 'Illinois', 'N.Y.': 'New York', ILLINOIS: 'Illinois', 'NEW YORK': 'New York' };
const fullState = (s) => STATE_NAMES[s.toUpperCase()] ?? s;
const slotText = (p) => [gridText(p), freeText(p)].filter(Boolean).join('; ');
const EXTRA_Q = [Q.note, Q.lead, Q.story, Q.needs, Q.tz];
const extras = (p) => [p.note ?? '', p.lead ?? '', p.story ?? '', p.needs ?? '', p.tz ?? ''];
const isoUtc = (p) => new Date(Date.UTC(2020, 5, 22, 13, 0, 7) + p.ts * 60_000).toISOString().slice(0, 19).replace('T', ' ');
{
  // Eventbrite "Attendee Summary" report: order columns, home address, then custom questions.
  const header = ['Order #', 'Order Date', 'First Name', 'Last Name', 'Email', 'Quantity', 'Ticket Type', 'Attendee #', 'Group', 'Order Type',
    'Total Paid', 'Attendee Status', 'Home Address 1', 'Home Address 2', 'Home City', 'Home State', 'Home Zip', 'Home Country', 'Cell Phone', 'Company',
    'Congressional District (if known)', 'Which days and times are you available?', ...EXTRA_Q];
  const rows = PEOPLE.map((p, i) => [String(1187650000 + i * 7), when(p).sheets, p.first, p.last, p.email, '1', 'Constituent', String(1500002000 + i), '', 'Free Order',
    '0', 'Attending', '', '', p.city, p.state, p.zip, 'US', p.phone, p.org, p.district ?? '', slotText(p), ...extras(p)]);
  write('rsvps-eventbrite.csv', csv([header, ...rows]));
}
{
  // Jotform submissions: one full-name column, the state written out, checkbox answers on separate lines.
  const header = ['Submission Date', 'Name', 'E-mail', 'Phone Number', 'Organization', 'Street Address', 'City', 'State / Province', 'Postal / Zip Code',
    'Congressional District (if known)', 'Which days and times can you meet?', Q.other, ...EXTRA_Q, 'Submission ID'];
  const options = (p) => Object.entries(p.avail?.grid ?? {}).flatMap(([d, blocks]) => blocks.map((b) => `${DAYS[Number(d)][1]}, ${BLOCKS[b]}`)).join('\n');
  const rows = PEOPLE.map((p, i) => [when(p).sheets, `${p.first} ${p.last}`, p.email, p.phone, p.org, '', p.city, fullState(p.state), p.zip,
    p.district ?? '', options(p), freeText(p), ...extras(p), String(4700000000000000000n + BigInt(i))]);
  write('rsvps-jotform.csv', csv([header, ...rows]));
}
{
  // SurveyMonkey "All responses data", expanded: questions in row 1, sub-fields in row 2.
  const contact = ['Name', 'Company', 'Address', 'Address 2', 'City/Town', 'State/Province', 'ZIP/Postal Code', 'Country', 'Email Address', 'Phone Number'];
  const row1 = ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1',
    'Contact information', ...contact.slice(1).map(() => ''), 'Which times can you join?', '', '', Q.other, 'Congressional District (if known)', ...EXTRA_Q];
  const row2 = ['', '', '', '', '', '', '', '', '', ...contact, ...DAYS.map(([, label]) => label), 'Open-Ended Response', 'Open-Ended Response',
    'Open-Ended Response', 'Response', 'Response', 'Open-Ended Response', 'Response'];
  const stamp = (p) => { const s = when(p).sheets.split(' '); const [h, mi, sec] = s[1].split(':').map(Number); return `${s[0]} ${h % 12 || 12}:${pad(mi)}:${pad(sec)} ${h < 12 ? 'AM' : 'PM'}`; };
  const rows = PEOPLE.map((p, i) => [String(11894700000 + i * 13), '427453234', stamp(p), stamp(p), `73.12.4.${i + 1}`, '', '', '', '',
    `${p.first} ${p.last}`, p.org, '', '', p.city, p.state, p.zip, 'United States', p.email, p.phone, ...DAYS.map((_, d) => gridCell(p, d, ', ')),
    freeText(p), p.district ?? '', ...extras(p)]);
  write('rsvps-surveymonkey.csv', csv([row1, row2, ...rows]));
}
{
  // Typeform: a multiple-choice question becomes one column per choice, holding the choice when ticked.
  const choices = DAYS.flatMap(([, label], d) => BLOCKS.map((b, k) => ({ d, k, label: `${label}, ${b}` })));
  const header = ['#', 'First name', 'Last name', 'Email', 'Phone number', 'What organization are you with?', 'What state are you registered to vote in?',
    'ZIP code', 'City', 'Congressional District (if known)', ...choices.map((c) => c.label), Q.other, ...EXTRA_Q, 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'];
  const rows = PEOPLE.map((p, i) => [`r${(0x5f3a1 + i).toString(16)}x`, p.first, p.last, p.email, p.phone, p.org, fullState(p.state), p.zip, p.city,
    p.district ?? '', ...choices.map((c) => ((p.avail?.grid?.[c.d] ?? []).includes(c.k) ? c.label : '')), freeText(p), ...extras(p),
    isoUtc({ ts: p.ts - 3 }), isoUtc(p), `${(0xa1b2c3 + i * 977).toString(16)}`]);
  write('rsvps-typeform.csv', csv([header, ...rows]));
}
{
  // Mobilize's attendee export, as in Mobilize's help center "Exporting event attendees" (lower-case
  // headers, one row per person here: a virtual event with one timeslot, so no timeslot columns);
  // custom signup questions follow as columns headed by their text.
  const header = ['id', 'first name', 'last name', 'email', 'phone', 'zip', 'state', 'city', 'event id', 'event name', 'created date', 'status', 'attended',
    'referrer', 'utm source', 'organization', 'congressional district', 'What times are you available?', ...EXTRA_Q];
  const rows = PEOPLE.map((p, i) => [String(4012345 + i * 31), p.first, p.last, p.email, p.phone, p.zip, p.state, p.city, '318455', 'Advocacy Days: July 14–16',
    when(p).an, 'CONFIRMED', '', 'https://www.mobilize.us/', '', p.org, p.district ?? '', slotText(p), ...extras(p)]);
  write('rsvps-mobilize.csv', csv([header, ...rows], '\n'));
}
{
  // EveryAction (NGP VAN) online-form submissions export, headers as observed in its "Export Form
  // Submissions" CSV: VAN ID, name parts, address, both phones, employer, then the form's own questions.
  const header = ['VAN ID', 'Prefix', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Address Line 1', 'Address Line 2', 'City', 'State/Province',
    'Postal Code', 'Country', 'Email', 'Home Phone', 'Mobile Phone', 'Employer', 'Occupation', 'Date Submitted', 'Form Name', 'Source Code',
    'Congressional District', 'When are you available to meet?', ...EXTRA_Q];
  const rows = PEOPLE.map((p, i) => [String(101234567 + i), '', p.first, '', p.last, '', '', '', p.city, p.state, p.zip, 'US', p.email, '', p.phone,
    p.org, '', when(p).sheets, 'Advocacy Days RSVP', '', p.district ?? '', slotText(p), ...extras(p)]);
  write('rsvps-everyaction.csv', csv([header, ...rows]));
}

// The four ways a file was once misread without a word. Each is a test that must stay green.
// 1. Availability headed by the day alone, in three ways of writing a day, and a day outside the event.
{
  const header = ['Timestamp', 'Email Address', 'First Name', 'Last Name', 'Phone Number', 'State', 'ZIP Code', 'Tuesday, July 14', 'Wed 7/15', '7/16/2020', 'Friday, July 17', Q.other, Q.note];
  const rows = PEOPLE.map((p) => [when(p).forms, p.email, p.first, p.last, p.phone, p.state, p.zip, ...DAYS.map((_, d) => gridCell(p, d, ';')), '', freeText(p), p.note ?? '']);
  write('rsvps-day-columns.csv', csv([header, ...rows]));
}
// 2. The availability question worded "Which times can you meet?", answered in free text.
{
  const header = ['Timestamp', 'Email Address', 'First Name', 'Last Name', 'Phone Number', 'State', 'ZIP Code', 'Which times can you meet?', Q.note];
  const rows = PEOPLE.map((p) => [when(p).forms, p.email, p.first, p.last, p.phone, p.state, p.zip, slotText(p), p.note ?? '']);
  write('rsvps-which-times.csv', csv([header, ...rows]));
}
// 3. A stray quote typed at the start of Dana Smith's city (row 5): it must not swallow Eve Adams (row 6) or
//    shift the rows after it. Jada Brooks's note (row 34) is a genuine two-line answer and stays one cell.
{
  const text = csv(formsRows(';', (p) => when(p).forms)).replace(',Highland Park,', ',"Highland Park,');
  write('rsvps-stray-quote.csv', text);
}
// 4. Possible duplicates: one person under a work and a personal address. Row 5 repeats row 2's name
//    and phone; row 6 repeats row 4's name and ZIP with another phone; row 7 shares only a phone with row 3.
{
  const header = ['Timestamp', 'Email Address', 'First Name', 'Last Name', 'Phone Number', 'State', 'ZIP Code', 'Which times can you join?'];
  write('rsvps-duplicates.csv', csv([header,
    ['2020/06/22 9:00:07 AM EDT', 'ana.lopez@example.org', 'Ana María', 'López', '(312) 555-0101', 'IL', '60614', 'Tue 10am-12pm'],
    ['2020/06/22 9:15:07 AM EDT', 'ben.okafor@example.org', 'Ben', 'Okafor', '(312) 555-0102', 'IL', '60201', ''],
    ['2020/06/22 9:30:07 AM EDT', 'quinn.rivers@example.org', 'Quinn', 'Rivers', '(312) 555-0117', 'IL', '60201', ''],
    ['2020/06/23 8:00:07 PM EDT', 'alopez@work.example', 'ana maría', 'López', '312.555.0101', 'IL', '60614', 'Tue 10am-12pm'],
    ['2020/06/24 10:00:07 AM EDT', 'q.rivers@example.net', 'Quinn', 'Rivers', '(847) 555-0199', 'IL', '60201', ''],
    ['2020/06/24 11:00:07 AM EDT', 'ben.okafor@work.example', 'Benjamin', 'Okafor', '(312) 555-0102', 'IL', '60201', ''],
  ]));
}
// The staff list as a coordinator types it: one column per day, headed by the day.
write('staff-by-day.csv', csv([
  ['Name', 'Email', 'Phone', 'Organization', 'Tuesday, July 14', 'Wednesday, July 15', 'Thursday, July 16'],
  ['Aubrey Grant', 'aubrey.grant@awg.example', '(202) 555-0190', 'AWG', 'yes', 'no', 'no'],
  ['Claudia Lucero', 'claudia.lucero@crln.example', '(312) 555-0191', 'CRLN', 'no', '10am-4pm', 'no'],
  ['Dev Patel', 'dev.patel@iic.example', '(202) 555-0192', 'IIC', 'n/a', 'n/a', 'all day'],
  ['Rae Morgan', 'rae.morgan@iic.example', '(202) 555-0193', 'IIC', 'mornings', '', 'no'],
]));

// Targets: the real members of the 119th Congress (as awg's bundled list has them), written as organizers
// write them; districts and tiers chosen so every rule has a case. Two rows name someone who does not hold
// the seat, on purpose: Rep. Maria Kowalski (IL-05 is Mike Quigley's) and Sen. Richard Dalton (not a senator
// of IL). TX-23 is vacant in awg's list; its row names Tony Gonzales, elected to it in 2024.
const HOUSE = [
  ['IL', 'IL-5', 'Rep. Maria Kowalski', 'D', 'Tier 1', '(202) 225-4061', 'Jamie Fox', 'jamie.fox@mail.house.example', 'Yes', ''],
  ['IL', '9', 'Rep. Jan Schakowsky', 'D', '1', '(202) 225-2111', 'Lee Park', 'lee.park@mail.house.example', 'Yes', 'Met with us in 2019'],
  ['IL', 'IL 10', 'Rep. Brad Schneider', 'D', '2', '(202) 225-4835', '', '', 'No', ''],
  ['CA', '12', 'Rep. Lateefah Simon', 'D', '1', '(202) 225-2661', 'Robin Cho', 'robin.cho@mail.house.example', 'Yes', ''],
  ['TX', '23rd', 'Rep. Tony Gonzales', 'R', '1', '(202) 225-4511', 'Casey Hill', 'casey.hill@mail.house.example', 'No', 'Border district'],
  ['AZ', '3', 'Rep. Yassamin Ansari', 'D', '2', '(202) 225-4065', '', '', 'Yes', ''],
  ['AZ', 'AZ-07', 'Rep. Adelita Grijalva', 'D', '2', '(202) 225-2435', '', '', 'Yes', ''],
  ['VT', 'At-Large', 'Rep. Becca Balint', 'D', '3', '(202) 225-4115', '', '', 'Yes', ''],
  ['NY', '14', 'Rep. Alexandria Ocasio-Cortez', 'D', '2', '(202) 225-3965', '', '', 'Yes', ''],
  ['MA', '7', 'Rep. Ayanna Pressley', 'D', '1', '(202) 225-5111', 'Sam Ellis', 'sam.ellis@mail.house.example', 'Yes', ''],
  ['GA', '6', 'Rep. Lucy McBath', 'D', '1', '(202) 225-4501', '', '', 'No', 'No constituents yet: recruit'],
];
const SENATE = [
  ['IL', 'Sen. Richard Dalton', 'D', '1', '(202) 224-2152', 'Morgan Reed', 'morgan.reed@senate.example', 'Yes', ''],
  ['IL', 'Sen. Tammy Duckworth', 'D', '1', '(202) 224-2854', '', '', 'Yes', ''],
  ['AZ', 'Sen. Mark Kelly', 'D', '1', '(202) 224-2235', '', '', 'No', ''],
  ['AZ', 'Sen. Ruben Gallego', 'D', '1', '(202) 224-4521', '', '', 'No', 'Swing vote'],
  ['TX', 'Sen. John Cornyn', 'R', '2', '(202) 224-2934', '', '', 'No', ''],
  ['CA', 'Sen. Alex Padilla', 'D', '2', '(202) 224-3553', '', '', 'Yes', ''],
  ['ME', 'Sen. Susan Collins', 'R', '1', '(202) 224-2523', '', '', 'No', 'No constituents yet: recruit'],
  ['Maine', 'Sen. Angus King', 'I', '2', '(202) 224-5344', '', '', 'Yes', ''],
];
const houseHeader = ['State', 'District', 'Member', 'Party', 'Priority Tier', 'DC Office Phone', 'Scheduler', 'Scheduler Email', 'Cosponsor H.R. 5210?', 'Notes'];
const senateHeader = ['State', 'Senator', 'Party', 'Priority Tier', 'DC Office Phone', 'Scheduler', 'Scheduler Email', 'Cosponsor S. 2936?', 'Notes'];
{
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Read me: the two tabs after this one list our targets.']]), 'Instructions');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['AWG / IIC Advocacy Days, July 14–16: target Representatives'], [], houseHeader, ...HOUSE]), 'Target Representatives');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([senateHeader, ...SENATE]), 'Target Senators');
  XLSX.writeFile(wb, path.join(OUT, 'targets.xlsx'), { compression: true });
  write('targets-house.csv', csv([['AWG target Representatives'], houseHeader, ...HOUSE]));
  write('targets-senate.csv', csv([senateHeader, ...SENATE]));
}

// ZIP → district crosswalks in both shapes, agreeing with the bundled 119th-Congress crosswalk on every
// ZIP above (the land shares are made up). 60091 spans IL-09 and IL-10 on purpose.
const XWALK = [
  ['17', 'IL', '60657', 5, 1], ['17', 'IL', '60201', 9, 1], ['17', 'IL', '60091', 9, 0.62], ['17', 'IL', '60091', 10, 0.38],
  ['17', 'IL', '60035', 10, 1], ['25', 'MA', '02119', 7, 1], ['25', 'MA', '02141', 7, 1], ['25', 'MA', '02135', 7, 0.7], ['25', 'MA', '02135', 8, 0.3], ['06', 'CA', '94612', 12, 1],
  ['48', 'TX', '78802', 23, 1], ['48', 'TX', '78229', 20, 1], ['04', 'AZ', '85004', 3, 1], ['04', 'AZ', '85701', 7, 1],
  ['50', 'VT', '05401', 0, 1], ['11', 'DC', '20002', 98, 1], ['41', 'OR', '97201', 1, 1], ['36', 'NY', '11369', 14, 1],
  ['36', 'NY', '10026', 13, 1], ['13', 'GA', '30308', 5, 1], ['23', 'ME', '04101', 1, 1],
];
write('zip-districts.csv', csv([['state_fips', 'state_abbr', 'zcta', 'cd'], ...XWALK.map(([f, s, z, cd]) => [f, s, z, cd === 98 ? 0 : cd])]));
{
  const cols = ['OID_CD119_20', 'GEOID_CD119_20', 'NAMELSAD_CD119_20', 'AREALAND_CD119_20', 'AREAWATER_CD119_20', 'MTFCC_CD119_20', 'FUNCSTAT_CD119_20',
    'OID_ZCTA5_20', 'GEOID_ZCTA5_20', 'NAMELSAD_ZCTA5_20', 'AREALAND_ZCTA5_20', 'AREAWATER_ZCTA5_20', 'MTFCC_ZCTA5_20', 'FUNCSTAT_ZCTA5_20',
    'AREALAND_PART', 'AREAWATER_PART', 'AREA_PART'];
  const lines = [cols.join('|')];
  XWALK.forEach(([f, , z, cd, share], i) => {
    const geoid = `${f}${String(cd).padStart(2, '0')}`;
    lines.push([i + 1, geoid, `Congressional District ${cd}`, 1e9, 1e6, 'G5200', 'N', 5000 + i, z, `ZCTA5 ${z}`, 1e7, 1e5, 'G6350', 'S', Math.round(share * 1e7), 0, Math.round(share * 1e7)].join('|'));
  });
  lines.push(['99', 'ZZ', 'Congressional Districts not defined', 0, 0, 'G5200', 'N', '', '', '', '', '', '', '', 0, 0, 0].join('|'));
  write('zip-districts-census.txt', '\uFEFF' + lines.join('\r\n') + '\r\n');
}

// Staff accompaniers and meetings offices have already confirmed.
write('staff.csv', csv([
  ['Name', 'Email', 'Phone', 'Organization', 'Availability'],
  ['Aubrey Grant', 'aubrey.grant@awg.example', '(202) 555-0190', 'AWG', ''],
  ['Claudia Lucero', 'claudia.lucero@crln.example', '(312) 555-0191', 'CRLN', 'Tue, Wed'],
  ['Dev Patel', 'dev.patel@iic.example', '(202) 555-0192', 'IIC', 'Wed 12pm-4pm; Thu'],
  ['Rae Morgan', 'rae.morgan@iic.example', '(202) 555-0193', 'IIC', 'mornings'],
]));
write('confirmed.csv', csv([
  ['Office', 'Date', 'Start', 'Video link', 'Notes'],
  ['Sen. Richard Dalton', '2020-07-14', '11:00', 'https://meet.example/dalton', 'Scheduler confirmed by email'],
  ['CA-12', '7/15/2020', '2:00 PM', 'https://meet.example/simon', ''],
]));
// An in-person Hill day (fixtures/in-person/ and rsvps-hill-day.csv): two days in March 2026, real members
// of the 119th Congress as awg's bundled list has them. Each messy case is one row, named in its `case`:
// the targets' Room column moves Schakowsky (2408 Rayburn in the list) to 1034 Longworth, Format makes
// Beyer's office meet by Zoom, Gallagher (sworn in 2025) has no room in the list, Van Hollen's room is
// typed without its building, Ivey's format cannot be read.
const HILL_HOUSE = [
  // [state, district, member, party, tier, room, format, scheduler email, notes, case]
  ['IL', 'IL-05', 'Rep. Mike Quigley', 'D', '1', '', '', 'scheduler.quigley@mail.house.example', '', 'the list of members gives the room (2083 Rayburn)'],
  ['IL', 'IL-09', 'Rep. Jan Schakowsky', 'D', '1', '1034 Longworth', '', '', 'Moved offices in January', 'Room column overrides the list of members'],
  ['IL', 'IL-07', 'Rep. Danny Davis', 'D', '2', '', 'In person', '', '', 'format written in words'],
  ['VA', 'VA-08', 'Rep. Don Beyer', 'D', '1', '', 'Zoom only', 'scheduler.beyer@mail.house.example', 'Meets constituents by video', 'Format makes the office virtual'],
  ['VA', 'VA-11', 'Rep. James Walkinshaw', 'D', '2', '', '', '', '', 'plain'],
  ['MD', 'MD-04', 'Rep. Glenn Ivey', 'D', '2', '', 'TBD', '', '', 'a Format awg cannot read'],
  ['CA', 'CA-01', 'Rep. James Gallagher', 'R', '3', '', '', '', 'Sworn in 2025', 'no room known (none in the list, none typed)'],
];
const HILL_SENATE = [
  // [state, senator, party, tier, room, format, case]
  ['IL', 'Sen. Dick Durbin', 'D', '1', '', '', 'the list gives 711 Hart'],
  ['IL', 'Sen. Tammy Duckworth', 'D', '1', '', '', 'the list gives 524 Hart'],
  ['VA', 'Sen. Mark Warner', 'D', '2', '', '', 'plain'],
  ['VA', 'Sen. Tim Kaine', 'D', '2', 'SR-231', '', 'a Senate room typed the way offices write it'],
  ['MD', 'Sen. Chris Van Hollen', 'D', '2', '730', '', 'a Senate room typed without its building'],
  ['MD', 'Sen. Angela Alsobrooks', 'D', '2', '', '', 'plain'],
];
{
  const dir = path.join(OUT, 'in-person');
  fs.mkdirSync(dir, { recursive: true });
  const houseHead = ['State', 'District', 'Member', 'Party', 'Tier', 'Room', 'Format', 'Scheduler Email', 'Notes'];
  const senateHead = ['State', 'Senator', 'Party', 'Tier', 'Room', 'Format'];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Immigration Hill Day, March 10–11, 2026: House offices'], [], houseHead, ...HILL_HOUSE.map((r) => r.slice(0, 9))]), 'House');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([senateHead, ...HILL_SENATE.map((r) => r.slice(0, 6))]), 'Senate');
  XLSX.writeFile(wb, path.join(dir, 'targets.xlsx'), { compression: true });
}
// The Hill day's RSVPs: free-text availability, and when each person arrives and must leave.
const HILL_RSVPS = [
  // [first, last, email, phone, org, city, state, zip, availability, arrival, departure, lead, case]
  ['Ana', 'López', 'ana.lopez@example.org', '(312) 555-0101', 'CRLN', 'Chicago', 'IL', '60657', '', '', '', 'Yes', 'no limits'],
  ['Ben', 'Okafor', 'ben.okafor@example.org', '(847) 555-0102', 'CRLN', 'Evanston', 'IL', '60201', '', 'landing 11:30am', 'n/a', 'Yes', 'arrives late morning on the first day'],
  ['Chloe', 'Davis', 'chloe.davis@example.org', '(708) 555-0103', 'IIC', 'Oak Park', 'IL', '60301', '', '', 'my flight leaves at 4:30', 'Yes', 'departure with no day: the last day, 4:30pm'],
  ['Dev', 'Shah', 'dev.shah@example.org', '(703) 555-0104', 'CASA', 'Arlington', 'VA', '22201', '', 'local', 'local', 'Yes', 'lives nearby: no limit'],
  ['Eli', 'Brooks', 'eli.brooks@example.org', '(703) 555-0105', 'CASA', 'Reston', 'VA', '20190', '', '', 'leaving at 3pm on the 10th', 'Yes', 'leaves on the first day at 3pm'],
  ['Fatima', 'Noor', 'fatima.noor@example.org', '(301) 555-0106', 'CASA', 'Mount Rainier', 'MD', '20712', '', 'Wed 9am', '', 'Yes', 'arrives on the second day'],
  ['Gus', 'Ortega', 'gus.ortega@example.org', '(530) 555-0107', 'NorCal Faith', 'Robbins', 'CA', '95676', '', '', '', 'Yes', 'constituent of the office with no room'],
  ['Hana', 'Kim', 'hana.kim@example.org', '(847) 555-0108', 'CRLN', 'Evanston', 'IL', '60201', '', '', 'sometime in the evening, not sure', '', 'a departure awg cannot read'],
  ['Ivan', 'Petrov', 'ivan.petrov@example.org', '(312) 555-0109', 'CRLN', 'Chicago', 'IL', '60657', '', 'Thursday', '', '', 'an arrival on a day that is not the event'],
  ['Jo', 'Wells', 'jo.wells@example.org', '(708) 555-0110', 'IIC', 'Oak Park', 'IL', '60301', 'Wed only', '', 'Wed 9:15am', '', 'leaves before any meeting of theirs can end'],
  ['Kim', 'Lee', 'kim.lee@example.org', '(703) 555-0111', 'CASA', 'Herndon', 'VA', '20171', '', '', '16:45', '', 'a 24-hour departure time'],
  ['Lou', 'Grant', 'lou.grant@example.org', '(301) 555-0112', 'CASA', 'Laurel', 'MD', '20707', 'Tue', '', '', 'Yes', 'plain'],
  ['Mae', 'Chu', 'mae.chu@example.org', '(847) 555-0113', 'CRLN', 'Morton Grove', 'IL', '60053', 'Tue after 1pm', '', '', '', 'plain'],
  ['Nate', 'Silva', 'nate.silva@example.org', '(530) 555-0114', 'NorCal Faith', 'Robbins', 'CA', '95676', 'any time', 'arriving at 10', 'Wednesday 2pm', '', 'arrival without am/pm, departure with a weekday'],
];
write('rsvps-hill-day.csv', csv([
  ['Timestamp', 'Email Address', 'First Name', 'Last Name', 'Phone Number', 'Organization', 'City', 'State', 'ZIP Code',
    'Which times can you join?', 'When do you arrive in DC?', 'What time do you need to leave?', 'Are you willing to lead the meeting?'],
  ...HILL_RSVPS.map((r, i) => [`2026/02/${String(10 + i).padStart(2, '0')} 9:00:00 AM EST`, r[2], r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]]),
]));

// Report-back: the demo schedule (awg schedule on the fixtures above, so dist/ must be built) and the
// report-back form's responses to it, as Google Forms' CSV and the linked Sheet's .xlsx. Each messy case
// is one row: an ID in lower case without zeros, no ID but the office and day, an office the meeting did
// not have, an unknown ID, two reports for one meeting, an unreadable answer, a formula in a follow-up;
// and the last meeting has no report.
async function reportFixtures() {
  const { spawnSync } = await import('node:child_process');
  const { parse } = await import('csv-parse/sync');
  const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
  if (!fs.existsSync(path.join(root, 'dist', 'awg.mjs'))) throw new Error('the report-back fixtures need the built awg: run `npm run build` first.');
  const { tmpdir } = await import('node:os');
  const tmp = fs.mkdtempSync(path.join(tmpdir(), 'awg-fixtures-'));
  const f = (n) => path.join(OUT, n);
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'awg'), 'schedule', '--rsvps', f('rsvps-google-forms.csv'), '--targets', f('targets.xlsx'),
    '--zip-districts', f('zip-districts.csv'), '--staff', f('staff.csv'), '--confirmed', f('confirmed.csv'), '--out', path.join(tmp, 's')], { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`awg schedule failed:\n${run.stderr}`);
  fs.mkdirSync(f('report-schedule'), { recursive: true });
  for (const n of ['meetings.csv', 'attendees.csv']) fs.copyFileSync(path.join(tmp, 's', n), f(`report-schedule/${n}`));
  fs.rmSync(tmp, { recursive: true, force: true });
  const meetings = parse(fs.readFileSync(f('report-schedule/meetings.csv')), { columns: true, bom: true });
  const office = (m) => (m.chamber === 'House' ? m.district : m.member);
  const ANS = ['Supportive', 'Supportive', 'Undecided', 'Opposed', 'Not discussed'];
  const stamp = (m, late) => {
    const [y, mo, d] = m.date.split('-').map(Number);
    const [h, mi] = m.end.split(':').map(Number);
    const t = h * 60 + mi + 20 + late;
    return { y, mo, d, h: Math.floor(t / 60), mi: t % 60 };
  };
  const forms = ({ y, mo, d, h, mi }) => `${y}/${pad(mo)}/${pad(d)} ${h % 12 === 0 ? 12 : h % 12}:${pad(mi)}:07 ${h < 12 ? 'AM' : 'PM'} EDT`;
  const serial = ({ y, mo, d, h, mi }) => (Date.UTC(y, mo - 1, d, h, mi, 7) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const header = ['Timestamp', 'Meeting ID', 'Office', 'Your name', 'Your email', 'Who attended?', 'Ask 1: how did the office respond?', 'Ask 2: how did the office respond?',
    'Ask 3: how did the office respond?', 'What follow-up did the office ask for?', 'Who will send the follow-up?', 'Notes'];
  const rows = [];
  const reported = meetings.slice(0, -1); // the last meeting has no report
  reported.forEach((m, k) => {
    const answers = [0, 1, 2].map((i) => ANS[(k * 2 + i) % ANS.length]);
    let id = m.meeting_id;
    let off = office(m);
    let follow = k % 3 === 0 ? `Send the one-pager on H.R. 5210 to ${m.scheduler_email || 'the scheduler'}` : '';
    if (k === 3) id = ` ${m.meeting_id.toLowerCase().replace(/^m0*/, 'm')} `; // lower case, no leading zeros
    if (k === 4) id = ''; // no ID: matched by office and day
    if (k === 5) off = meetings.find((x) => x.member.split(' ').at(-1) !== m.member.split(' ').at(-1)).member; // an office the meeting did not have
    if (k === 6) { answers[0] = 'supportive '; answers[1] = 'Not Discussed'; answers[2] = ''; } // case and space; a blank answer
    if (k === 7) answers[2] = "They'll think about it"; // not one of the four answers
    if (k === 8) follow = '=HYPERLINK("http://evil.example","click")'; // a formula must stay text
    rows.push({ t: stamp(m, 0), cells: [id, off, m.lead || m.accompanier, `lead.${k}@example.org`, `${m.lead || m.accompanier} and 2 constituents; a staffer`, ...answers, follow, k === 0 ? 'Rae Morgan' : '', k === 2 ? '<b>Great meeting</b>' : ''] });
  });
  // Two reports for one meeting: the second (later) one counts.
  const dup = reported[1];
  rows.push({ t: stamp(dup, 90), cells: [dup.meeting_id, office(dup), dup.lead || dup.accompanier, 'second.reporter@example.org', '', 'Opposed', 'Opposed', 'Undecided', 'Call the chief of staff', '', 'Corrects the first report'] });
  // An unknown meeting ID, and an office that had no meeting.
  rows.push({ t: stamp(meetings[0], 30), cells: ['M099', 'Rep. Nobody Known', 'Pat Visitor', 'pat@example.org', '', 'Supportive', 'Supportive', 'Supportive', '', '', ''] });
  write('report-responses.csv', csv([header, ...rows.map((r) => [forms(r.t), ...r.cells])]));
  const ws = XLSX.utils.aoa_to_sheet([header, ...rows.map((r) => [serial(r.t), ...r.cells])]);
  for (let r = 1; r <= rows.length; r++) Object.assign(ws[XLSX.utils.encode_cell({ r, c: 0 })], { t: 'n', z: 'm/d/yyyy h:mm:ss' });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Form Responses 1');
  XLSX.writeFile(wb, f('report-responses.xlsx'), { compression: true });
}
await reportFixtures();
console.log(`fixtures written to ${OUT}`);
