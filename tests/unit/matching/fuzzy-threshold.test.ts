/**
 * The trigram search's threshold (issue 13, PostgreSQL at a million records): it follows the
 * similarity one typo leaves, so that every single-typo look-alike still comes back. pg_trgm's
 * similarity is reproduced here (the key's trigrams as fuzzy.ts reads them, shared / union; the
 * values agree with PostgreSQL's, e.g. 0.6 for one wrong letter in 11) to check that on every
 * position of every kind of typo.
 */
import { FUZZY_CEILING, FUZZY_FLOOR, fuzzyThreshold, trigrams } from '../../../src/plugins/master-data/server/src/matching/domain/fuzzy';
const similarity = (a: string, b: string) => {
  const x = trigrams(a);
  const y = trigrams(b);
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / (x.size + y.size - shared);
};

/** Every variant of `key` with one wrong, missing, extra or swapped letter. */
const oneTypo = (key: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < key.length; i += 1) {
    out.push(key.slice(0, i) + 'q' + key.slice(i + 1));
    out.push(key.slice(0, i) + key.slice(i + 1));
    out.push(key.slice(0, i) + 'q' + key.slice(i));
    if (i + 1 < key.length) out.push(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
  }
  return out;
};

const KEYS = ['acmemetal', 'tongtongtechnology', 'aaaaaaaaaaaaaaaaaaaa', 'zeniumtrade', 'solraistech', 'wextexconstruction', 'solraistechnologies', 'hengtongchuangxintechnology', 'northernlightsrenewableenergysolutions'];

describe('trigram threshold', () => {
  test('between the floor and the ceiling; 0.6 for short names, higher for long ones', () => {
    expect(trigrams('acme')).toEqual(new Set(['  a', ' ac', 'acm', 'cme', 'me ']));
    expect(similarity('solraistech', 'solraqstech')).toBeCloseTo(0.6, 5);
    expect(fuzzyThreshold('acme')).toBe(FUZZY_FLOOR);
    expect(fuzzyThreshold('zeniumtrade')).toBe(FUZZY_FLOOR);
    expect(fuzzyThreshold('solraistechnologies')).toBeGreaterThan(0.65);
    // Repeated trigrams: a longer key, but no more of them than a short one.
    expect(fuzzyThreshold('tongtongtechnology')).toBeLessThan(fuzzyThreshold('hengtongtechnology'));
    expect(fuzzyThreshold('northernlightsrenewableenergysolutions')).toBe(FUZZY_CEILING);
    // Characters, not bytes: a Chinese key of six characters is short.
    expect(fuzzyThreshold('得友医疗器械')).toBe(FUZZY_FLOOR);
  });

  test.each(KEYS)('every one-typo variant of %s stays at or above its threshold', (key) => {
    const threshold = fuzzyThreshold(key);
    const below = oneTypo(key).filter((variant) => similarity(key, variant) < threshold && similarity(key, variant) >= FUZZY_FLOOR);
    expect(below).toEqual([]);
  });

  test('two typos far apart in a long name fall below it (what it gives up)', () => {
    const key = 'hengtongchuangxintechnology';
    const twice = 'hengtqngchuangxintechnqlogy';
    expect(similarity(key, twice)).toBeGreaterThanOrEqual(FUZZY_FLOOR);
    expect(similarity(key, twice)).toBeLessThan(fuzzyThreshold(key));
  });
});
