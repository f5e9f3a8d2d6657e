// The CSV formula guard and its exact inverse. A cell a spreadsheet would run as a formula (it starts
// with = + - @, or with a tab or carriage return that Excel strips first) is written with a leading
// apostrophe; reading awg's own files back takes off exactly that apostrophe and nothing else.

/** Text that, once any guard apostrophes are taken off, starts with a formula starter. */
const GUARDED = /^'*[=+\-@\t\r]/;

/**
 * Prefixes ' to a cell that could run as a formula. A cell that already starts with apostrophes before
 * a starter gets one more, so that `unneutralize` can tell the guard from the organizer's own '.
 */
export function neutralize(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** The inverse of `neutralize`: unneutralize(neutralize(x)) === x for every string x. */
export function unneutralize(text: string): string {
  return text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
}
