// Who a person is across exports and runs: the one place that says it. Row numbers shift between
// exports, so a person is their email (trimmed, any case), else their name and phone; an accompanier is
// their email, else their name. The re-run, the change set, the notices, the calendars' file names and
// the decisions all ask here, and so do they for an office as meetings.csv names it.
const digits = (s: string) => s.replace(/\D/g, '');
const lower = (s: string | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

/** A participant's key: the email, else name and phone. */
export function personKey(email: string | undefined, first: string | undefined, last: string | undefined, phone: string | undefined): string {
  const e = lower(email);
  return e ? e : `name:${lower(`${first ?? ''} ${last ?? ''}`)}|${digits(phone ?? '')}`;
}

/** An accompanier's key: the email, else the name. */
export const accompanierKey = (name: string | undefined, email: string | undefined) => `accompanier:${lower(email) || lower(name)}`;

/** An office across runs, as meetings.csv names it: chamber, state, district and member, any case. */
export const officeKey = (o: { chamber?: string | undefined; state?: string | undefined; district?: string | undefined; member?: string | undefined }) =>
  [o.chamber, o.state, o.district, o.member].map(lower).join('|');

/**
 * Finds people of an earlier schedule in a new export: by email first, then by name and phone (someone who
 * re-submitted with another address is still found), never by row number. Returns the new export's row.
 */
export function personFinder(people: ReadonlyArray<{ row: number; email: string; firstName: string; lastName: string; phone: string }>) {
  const nameAndPhone = (first: string, last: string, phone: string) => `${lower(`${first} ${last}`)}|${digits(phone)}`;
  const byEmail = new Map(people.filter((r) => r.email).map((r) => [lower(r.email), r.row]));
  const byName = new Map(people.map((r) => [nameAndPhone(r.firstName, r.lastName, r.phone), r.row]));
  return (email: string, first: string, last: string, phone: string): number | undefined => byEmail.get(lower(email)) ?? byName.get(nameAndPhone(first, last, phone));
}
