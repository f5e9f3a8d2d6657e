// Calendar UIDs: one per meeting and person, never the time, so a moved meeting updates the same event.
// The usual UID is `M001-<slug of the email, else the name>@awg`, which every earlier folder's events.csv
// holds. slug() folds punctuation and case, so two people (pat.lee@ and pat_lee@) can make the same one:
// shared, a calendar app takes one person's event for the other's, and removing one cancels nothing.
// Such a person gets `M001-<slug>--<hash of their exact email>@awg` instead (slug() never writes `--`,
// so it is nobody's usual UID). Who keeps the usual UID is decided with the earlier events, so that an
// event is updated in place, not cancelled and written again, for everyone it still belongs to alone.
import type { CalendarEventRecord } from './calendar-types.js';
import { shortHash } from './file-names.js';

/** Who an event's owner is for their UID: the email (any case), else the name; '' where the record names nobody. */
export const uidIdentity = (email: string, name: string) => email.trim().toLowerCase() || (name.trim() ? `name:${name.trim()}` : '');

export interface UidClaim { meetingId: string; personal: string; identity: string }

const usual = (c: UidClaim) => `${c.meetingId}-${c.personal}@awg`;
const own = (c: UidClaim) => `${c.meetingId}-${c.personal}--${shortHash(c.identity, 16)}@awg`;

function ownersBy<T>(items: readonly T[], key: (t: T) => string, identity: (t: T) => string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of items) {
    const id = identity(t);
    if (id) (out.get(key(t)) ?? out.set(key(t), new Set()).get(key(t))!).add(id);
  }
  return out;
}

/**
 * Each claim's UID. A person keeps the UID their event had (their own, or the usual one when it was theirs
 * alone); the usual UID goes to the one person who makes it now, unless it was someone else's before (their
 * event is then cancelled, not taken over); anyone else gets their own.
 */
export function assignUids(claims: readonly UidClaim[], previous: readonly CalendarEventRecord[]): string[] {
  const before = ownersBy(previous, (r) => r.uid, (r) => uidIdentity(r.ownerEmail, r.ownerName));
  const now = ownersBy(claims, usual, (c) => c.identity);
  return claims.map((c) => {
    const mine = own(c);
    if (before.get(mine)?.has(c.identity)) return mine;
    const uid = usual(c);
    const had = [...(before.get(uid) ?? [])];
    const makers = now.get(uid)?.size ?? 0;
    return had.every((id) => id === c.identity) && (makers <= 1 || had.length > 0) ? uid : mine;
  });
}
