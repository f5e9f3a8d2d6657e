// ZIP codes, emails, phones and names as people type them.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { statesForZip, type StateInfo } from '../data/states.js';

export type ZipResult = { ok: true; zip: string; repaired?: 'leading-zero' | 'zip4' } | { ok: false; message: string };

/**
 * 5 digits; ZIP+4 keeps its first 5; a 3- or 4-digit ZIP lost its leading zeros in Excel. Those only
 * exist for prefixes 005–099 (the Northeast, PR, VI), so a short number that would land outside them is
 * not repaired, and one that lands in another state than `state` is left to the caller to flag.
 */
export function parseZip(raw: string): ZipResult {
  const text = raw.trim();
  let m = /^(\d{5})(?:[\s-]?\d{4})?$/.exec(text);
  if (m && m[1]) return text.length > 5 ? { ok: true, zip: m[1], repaired: 'zip4' } : { ok: true, zip: m[1] };
  m = /^(\d{3,4})(?:[\s-]?\d{4})?$/.exec(text);
  if (m && m[1]) {
    const zip = m[1].padStart(5, '0');
    if (Number(zip.slice(0, 3)) >= 5) return { ok: true, zip, repaired: 'leading-zero' };
  }
  return { ok: false, message: 'is not a 5-digit ZIP' };
}

/** True when USPS assigns this ZIP's prefix to the state. */
export function zipFitsState(zip: string, state: StateInfo): boolean {
  return statesForZip(zip).some((s) => s.code === state.code);
}

// z.email()'s own rule, its pattern tested directly: the schema's parse machinery per row added nothing to it.
const EMAIL = z.regexes.email;

export function normalizeEmail(raw: string): { email: string; valid: boolean } {
  const email = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  return { email, valid: EMAIL.test(email) };
}

/** US numbers shown as (202) 555-0143, others in international form; unparseable ones kept as typed. */
const PLAIN_US = /^(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})$/;

export function normalizePhone(raw: string): { phone: string; valid: boolean } {
  const text = raw.trim();
  if (!text) return { phone: '', valid: true };
  // Most numbers are plain 10-digit US numbers: shown directly, without the full parser's cost.
  const plain = PLAIN_US.exec(text);
  // trim() hands the text back as one flat string: joined by the template, its 14 characters are a pair of
  // strings, 80 bytes instead of 32, for every phone of the export, kept for the whole run (5 MB at 100,000).
  if (plain) return { phone: `(${plain[1]}) ${plain[2]}-${plain[3]}`.trim(), valid: true };
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (!parsed || !parsed.isPossible()) return { phone: text, valid: false };
  if (parsed.country === 'US' || parsed.countryCallingCode === '1') {
    return { phone: parsed.formatNational(), valid: true };
  }
  return { phone: parsed.formatInternational(), valid: true };
}

/** Trims and collapses inner whitespace; every script, accent and emoji is kept as typed. */
export function cleanName(raw: string): string {
  const text = raw.normalize('NFC');
  // Most names have no whitespace to collapse: the rewrite is skipped for them (the result is the same).
  return (/\s\s|[^\S ]/u.test(text) ? text.replace(/\s+/gu, ' ') : text).trim();
}

/** Splits "Ana María López" into first and last at the last space. */
export function splitFullName(full: string): { first: string; last: string } {
  const name = cleanName(full);
  const comma = /^([^,]+),\s*(.+)$/.exec(name);
  if (comma && comma[1] && comma[2]) return { first: comma[2], last: comma[1] };
  const i = name.lastIndexOf(' ');
  return i < 0 ? { first: name, last: '' } : { first: name.slice(0, i), last: name.slice(i + 1) };
}
