/**
 * How similar a name must be to come back from the PostgreSQL trigram search (pg_trgm
 * `similarity`, on name keys). Pure.
 *
 * The fuzzy path is there for look-alike names: a typo. A typo changes at most four of a key's
 * trigrams (two swapped letters, the worst of a wrong, missing, extra or swapped letter), so a key
 * with m distinct trigrams (pg_trgm pads it with two blanks before and one after) keeps a
 * similarity of at least (m - 4) / (m + 4) with any one-typo variant: 0.667 for 19 letters without
 * repeated trigrams, 0.6 for "tongtongtechnology" (18 letters, 16 distinct trigrams). The threshold
 * follows that floor:
 * never below 0.6 (short names, as before), never above 0.7. A long name then no longer
 * brings back every record that shares its company word: at a million records
 * "solraistechnologies" rechecked 3,339 rows at 0.6 and 781 at its own 0.66, "wextexconstruction"
 * 3,550 and 1,791. (Lower floors make common words explode the rechecked rows: for
 * "zeniumconstruction" 0.3 → 19,000 rows, 0.5 → 11,000; for 得友医疗器械 0.3 → 19,249, 0.5 → 202.)
 * Records further apart than a typo (word order, another legal form, another
 * script) come from the exact and romanised-name lookups, or not by name.
 */
export const FUZZY_FLOOR = 0.6;
export const FUZZY_CEILING = 0.7;

/** pg_trgm's trigrams of a one-word key (padded with two blanks before and one after), as a set. */
export const trigrams = (key: string): Set<string> => {
  const padded = [' ', ' ', ...key.toLowerCase(), ' '];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3).join(''));
  return out;
};

export const fuzzyThreshold = (key: string): number => {
  const m = trigrams(key).size;
  const oneTypo = (m - 4) / (m + 4) - 0.005;
  return Math.round(Math.min(FUZZY_CEILING, Math.max(FUZZY_FLOOR, oneTypo)) * 1000) / 1000;
};
