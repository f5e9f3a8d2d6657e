// Yes/no answers and time-zone answers, as forms word them.
import { zoneInAnswer } from './zones.js';

const YES = /^(y|yes|yeah|yep|sure|true|x|✓|✔|1|willing|i can|i will|i would|i'd|i am|happy to|ok|okay|definitely|absolutely)\b/i;
const NO = /^(n|no|nope|false|0|not|none|n\/a|na|maybe not)\b/i;

export function parseYes(raw: string): boolean {
  const t = raw.trim();
  return t !== '' && !NO.test(t) && YES.test(t);
}

/** Needs typed as "No", "None" or "N/A" are no needs. */
export function cleanNeeds(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').trim();
  return /^(no|none|n\/?a|nope|not applicable|-+|no thanks?)\.?$/i.test(t) ? '' : t;
}

export function parseTimeZone(raw: string): string | undefined {
  const t = raw.trim();
  if (!t) return undefined;
  if (/^[A-Za-z]+\/[A-Za-z_/]+$/.test(t)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: t });
      return t;
    } catch {
      return undefined;
    }
  }
  return zoneInAnswer(t);
}
