// `awg sent`'s core: every office whose request awg drafted (requests/) and that offices.csv still has as
// "to request" becomes "requested", so that after sending 63 drafts the organizer does not type
// "requested" 63 times. Only the status cell changes (and awg's own note, which said to send it); every
// other cell, row and column stays as the organizer left it. Pure: the sheet's rows in, the rows out.
import { AWG_NOTE, parseStatus } from './offices.js';

export function markSent(rows: readonly string[][], drafted: ReadonlySet<string>): { rows: string[][]; marked: string[] } {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [status, id, notes, member] = [col('status'), col('meeting_id'), col('notes'), col('member')];
  const marked: string[] = [];
  if (status < 0 || id < 0) return { rows: rows.map((r) => [...r]), marked };
  const out = rows.map((r, i) => {
    const row = [...r];
    if (i === 0 || parseStatus(row[status] ?? '') !== 'to request' || !drafted.has((row[id] ?? '').trim())) return row;
    row[status] = 'requested';
    if (notes >= 0 && (row[notes] ?? '').startsWith(AWG_NOTE)) row[notes] = `${AWG_NOTE}request marked sent (awg sent)`;
    marked.push(`${(row[id] ?? '').trim()}${member >= 0 ? ` ${row[member]}` : ''}`);
    return row;
  });
  return { rows: out, marked };
}
