// Readings of cell values that repeat from row to row: an export's 100,000 rows hold a few dozen states,
// a handful of organizations, a few thousand timestamps to the minute.

/**
 * `read`, remembering its answer for each text (up to `limit` texts, so a column of all-different values
 * costs a bounded map). The answer is shared by every row with that text: it must not be changed.
 */
export function byValue<T>(read: (text: string) => T, limit = 50_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const got = known.get(text);
    if (got !== undefined || known.has(text)) return got as T;
    const value = read(text);
    if (known.size < limit) known.set(text, value);
    return value;
  };
}
