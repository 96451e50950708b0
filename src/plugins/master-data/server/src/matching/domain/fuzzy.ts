/**
 * How similar a name must be to come back from the PostgreSQL trigram search (pg_trgm
 * `similarity`, on name keys). Pure.
 *
 * The fuzzy path is there for look-alike names: a typo. One typo in a key of n characters leaves a
 * trigram similarity of at least (n - 3) / (n + 5) (two swapped letters, the worst of a wrong,
 * missing, extra or swapped letter; 0.667 at 19 characters), so the threshold follows that floor:
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

export const fuzzyThreshold = (key: string): number => {
  const n = [...key].length;
  const oneTypo = (n - 3) / (n + 5) - 0.005;
  return Math.round(Math.min(FUZZY_CEILING, Math.max(FUZZY_FLOOR, oneTypo)) * 1000) / 1000;
};
