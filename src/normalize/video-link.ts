// A meeting's video link as a calendar event can carry it. The `ics` package checks its `url` field
// against yup's URL pattern (lowercase scheme and host, a port of two to five digits, no space, no IPv6)
// and refuses the whole calendar for one link it rejects: a link of another shape is still the
// organizer's link, so the event carries it as text (LOCATION, DESCRIPTION), without a URL property.
import type { Problem, Where } from '../problems.js';

/**
 * A link the package's pattern accepts, narrower than it (tested against it in test/unit/calendar-links.test.ts):
 * http(s), a lowercase host of dotted labels ending in letters, an optional port, then printable ASCII.
 */
const PLAIN_URL = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{2,5})?(?:[/?#][\x21-\x7e]*)?$/;

/** Longer than any meeting link; a cell this long is not one. */
const MAX_URL = 2000;

const LINK_CODE = 'link-not-in-calendar';

/** Whether the link was meant as a web address (so a calendar that cannot open it is worth a warning). */
export const isWebAddress = (link: string) => /^https?:\/\//i.test(link);

/** The link as the event's URL property, where the calendar can hold it as one. */
export function calendarUrl(link: string): string | undefined {
  return link.length <= MAX_URL && PLAIN_URL.test(link) ? link : undefined;
}

/** A warning for a web address a calendar cannot open, where it was typed (the file, row and column of the link). */
export function linkProblem(link: string, where: Where): Problem | undefined {
  const t = link.trim();
  if (!t || !isWebAddress(t) || calendarUrl(t)) return undefined;
  return {
    code: LINK_CODE, severity: 'warning', ...where, value: t,
    message: `"${t.length > 120 ? `${t.slice(0, 120)}…` : t}" is not a link calendars can open (a space or text after it, capital letters or an underscore in the address, an unusual port or host); the calendar files carry it as text, the pages and CSV files as written`,
    fix: 'Copy the link again from the invitation (the address alone, in lowercase, a passcode in the notes), or leave it: people can copy it from the calendar\'s text.',
  };
}

/** `more` less its warnings about links `already` warns about (the first names where the link was typed, the others where it was copied to). */
export function linksNotWarned(more: readonly Problem[], already: readonly Problem[]): Problem[] {
  const warned = new Set(already.filter((p) => p.code === LINK_CODE).map((p) => p.value));
  return more.filter((p) => p.code !== LINK_CODE || !warned.has(p.value));
}
