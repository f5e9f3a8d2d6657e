// The one table of time-zone words: what people write for a US time zone, in a time-zone answer, in
// free-text availability ("9am-12pm PT") and after a confirmed meeting's time ("11 AM CT").

interface ZoneWords {
  zone: string;
  /** Abbreviations and zone names, read wherever a zone can be written. */
  words: string[];
  /** Places named for the zone, read only in an answer to "What time zone are you in?". */
  places: string[];
}

export const ZONE_TABLE: readonly ZoneWords[] = [
  { zone: 'America/New_York', words: ['eastern', 'et', 'edt', 'est'], places: ['new york'] },
  { zone: 'America/Chicago', words: ['central', 'ct', 'cdt', 'cst'], places: ['chicago'] },
  { zone: 'America/Phoenix', words: [], places: ['arizona', 'phoenix'] },
  { zone: 'America/Denver', words: ['mountain', 'mt', 'mdt', 'mst'], places: ['denver'] },
  { zone: 'America/Los_Angeles', words: ['pacific', 'pt', 'pdt', 'pst'], places: ['los angeles'] },
  { zone: 'America/Anchorage', words: ['alaska', 'akt', 'akdt', 'akst'], places: ['anchorage'] },
  { zone: 'Pacific/Honolulu', words: ['hawaii', 'ht', 'hst', 'hdt'], places: ['honolulu'] },
  { zone: 'America/Puerto_Rico', words: ['atlantic', 'ast'], places: ['puerto rico'] },
];

/** Every zone word, longest first, as a regex alternation. */
export const ZONE_WORD_ALTERNATION = ZONE_TABLE.flatMap((z) => z.words).sort((a, b) => b.length - a.length).join('|');

/** The zone an abbreviation or zone name names ("PT", "pacific"). */
export function zoneOfWord(word: string): string | undefined {
  const w = word.trim().toLowerCase();
  return ZONE_TABLE.find((z) => z.words.includes(w))?.zone;
}

/** The zone's name as organizers write it ("Eastern", "Central", "Arizona"), for messages; the zone id otherwise. */
export function zoneWord(zone: string): string {
  const z = ZONE_TABLE.find((t) => t.zone === zone);
  const w = z?.words.find((x) => x.length > 3) ?? z?.places[0];
  return w ? w.replace(/\b\w/g, (c) => c.toUpperCase()) : zone;
}

/** The first zone named anywhere in a time-zone answer ("Pacific Time (PT)", "I'm in Chicago"). */
export function zoneInAnswer(text: string): string | undefined {
  const t = text.toLowerCase();
  for (const z of ZONE_TABLE) {
    if ([...z.words, ...z.places].some((w) => new RegExp(`\\b${w}\\b`).test(t))) return z.zone;
  }
  return undefined;
}
