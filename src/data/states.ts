// Reference facts about US states and territories: names, FIPS codes, House seats (119th Congress,
// 2020 apportionment), the ZIP prefixes USPS assigns them, and the time zone most residents live in.

export interface StateInfo {
  code: string;
  name: string;
  fips: string;
  /** Voting House seats; 1 means one at-large seat (district 0). 0 for DC and the territories. */
  seats: number;
  /** True where the place sends senators (the 50 states). */
  hasSenators: boolean;
  /** Inclusive ranges of 3-digit ZIP prefixes. */
  zipPrefixes: Array<[number, number]>;
  timeZone: string;
}

type Row = [code: string, name: string, fips: string, seats: number, zips: Array<[number, number]>, tz: string];

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';

const ROWS: Row[] = [
  ['AL', 'Alabama', '01', 7, [[350, 369]], CHI],
  ['AK', 'Alaska', '02', 1, [[995, 999]], 'America/Anchorage'],
  ['AZ', 'Arizona', '04', 9, [[850, 865]], 'America/Phoenix'],
  ['AR', 'Arkansas', '05', 4, [[716, 729]], CHI],
  ['CA', 'California', '06', 52, [[900, 961]], LA],
  ['CO', 'Colorado', '08', 8, [[800, 816]], DEN],
  ['CT', 'Connecticut', '09', 5, [[60, 69]], NY],
  ['DE', 'Delaware', '10', 1, [[197, 199]], NY],
  ['DC', 'District of Columbia', '11', 0, [[200, 200], [202, 205], [569, 569]], NY],
  ['FL', 'Florida', '12', 28, [[320, 349]], NY],
  ['GA', 'Georgia', '13', 14, [[300, 319], [398, 399]], NY],
  ['HI', 'Hawaii', '15', 2, [[967, 968]], 'Pacific/Honolulu'],
  ['ID', 'Idaho', '16', 2, [[832, 838]], 'America/Boise'],
  ['IL', 'Illinois', '17', 17, [[600, 629]], CHI],
  ['IN', 'Indiana', '18', 9, [[460, 479]], 'America/Indiana/Indianapolis'],
  ['IA', 'Iowa', '19', 4, [[500, 528]], CHI],
  ['KS', 'Kansas', '20', 4, [[660, 679]], CHI],
  ['KY', 'Kentucky', '21', 6, [[400, 427]], NY],
  ['LA', 'Louisiana', '22', 6, [[700, 714]], CHI],
  ['ME', 'Maine', '23', 2, [[39, 49]], NY],
  ['MD', 'Maryland', '24', 8, [[206, 219]], NY],
  ['MA', 'Massachusetts', '25', 9, [[10, 27], [55, 55]], NY],
  ['MI', 'Michigan', '26', 13, [[480, 499]], 'America/Detroit'],
  ['MN', 'Minnesota', '27', 8, [[550, 567]], CHI],
  ['MS', 'Mississippi', '28', 4, [[386, 397]], CHI],
  ['MO', 'Missouri', '29', 8, [[630, 658]], CHI],
  ['MT', 'Montana', '30', 2, [[590, 599]], DEN],
  ['NE', 'Nebraska', '31', 3, [[680, 693]], CHI],
  ['NV', 'Nevada', '32', 4, [[889, 898]], LA],
  ['NH', 'New Hampshire', '33', 2, [[30, 38]], NY],
  ['NJ', 'New Jersey', '34', 12, [[70, 89]], NY],
  ['NM', 'New Mexico', '35', 3, [[870, 884]], DEN],
  ['NY', 'New York', '36', 26, [[5, 5], [63, 63], [100, 149]], NY],
  ['NC', 'North Carolina', '37', 14, [[270, 289]], NY],
  ['ND', 'North Dakota', '38', 1, [[580, 588]], CHI],
  ['OH', 'Ohio', '39', 15, [[430, 459]], NY],
  ['OK', 'Oklahoma', '40', 5, [[730, 731], [734, 749]], CHI],
  ['OR', 'Oregon', '41', 6, [[970, 979]], LA],
  ['PA', 'Pennsylvania', '42', 17, [[150, 196]], NY],
  ['RI', 'Rhode Island', '44', 2, [[28, 29]], NY],
  ['SC', 'South Carolina', '45', 7, [[290, 299]], NY],
  ['SD', 'South Dakota', '46', 1, [[570, 577]], CHI],
  ['TN', 'Tennessee', '47', 9, [[370, 385]], CHI],
  ['TX', 'Texas', '48', 38, [[733, 733], [750, 799], [885, 885]], CHI],
  ['UT', 'Utah', '49', 4, [[840, 847]], DEN],
  ['VT', 'Vermont', '50', 1, [[50, 54], [56, 59]], NY],
  ['VA', 'Virginia', '51', 11, [[201, 201], [220, 246]], NY],
  ['WA', 'Washington', '53', 10, [[980, 994]], LA],
  ['WV', 'West Virginia', '54', 2, [[247, 268]], NY],
  ['WI', 'Wisconsin', '55', 8, [[530, 549]], CHI],
  ['WY', 'Wyoming', '56', 1, [[820, 831]], DEN],
  ['AS', 'American Samoa', '60', 0, [[967, 967]], 'Pacific/Pago_Pago'],
  ['GU', 'Guam', '66', 0, [[969, 969]], 'Pacific/Guam'],
  ['MP', 'Northern Mariana Islands', '69', 0, [[969, 969]], 'Pacific/Saipan'],
  ['PR', 'Puerto Rico', '72', 0, [[6, 9]], 'America/Puerto_Rico'],
  ['VI', 'U.S. Virgin Islands', '78', 0, [[8, 8]], 'America/St_Thomas'],
];

export const STATES: readonly StateInfo[] = ROWS.map(([code, name, fips, seats, zipPrefixes, timeZone]) => ({
  code,
  name,
  fips,
  seats,
  hasSenators: Number(fips) <= 56 && code !== 'DC',
  zipPrefixes,
  timeZone,
}));

const BY_CODE = new Map(STATES.map((s) => [s.code, s]));
const BY_FIPS = new Map(STATES.map((s) => [s.fips, s]));

export function stateByCode(code: string): StateInfo | undefined {
  return BY_CODE.get(code);
}

export function stateByFips(fips: string): StateInfo | undefined {
  return BY_FIPS.get(fips.padStart(2, '0'));
}

/** States whose USPS ZIP prefixes include this ZIP's first three digits. */
export function statesForZip(zip: string): readonly StateInfo[] {
  return BY_PREFIX[Number(zip.slice(0, 3))] ?? [];
}

/** Per 3-digit prefix, its states (in STATES order): asked once per RSVP row, twice at most. */
const BY_PREFIX: ReadonlyArray<readonly StateInfo[]> = Array.from({ length: 1000 }, (_, prefix) =>
  STATES.filter((s) => s.zipPrefixes.some(([lo, hi]) => prefix >= lo && prefix <= hi)));

/** A non-voting delegate's seat is district 0 too; `seats` 0 marks a place with a delegate only. */
export function districtExists(state: StateInfo, district: number): boolean {
  if (state.seats <= 1) return district === 0;
  return Number.isInteger(district) && district >= 1 && district <= state.seats;
}
