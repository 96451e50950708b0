/**
 * Names as people write them in two scripts. Pure. A name's form: its trade-name tokens romanised
 * (Latin words; pinyin for Chinese), the industry concepts it names (./bilingual: 科技 = Technology),
 * and whether it reads as a person's name. Compared token-order-insensitively and typo-tolerantly
 * within a script, and on pinyin across scripts (恒通创新科技 = "Hengtongchuangxin Technology") and
 * between Chinese homophones (何盈 / 何颖: the usual input-method slip).
 */
import { pinyin } from 'pinyin-pro';
import stringComparison from 'string-comparison';
import { CN_COMPOUND_SURNAMES, CN_SURNAMES, GIVEN_NAMES, INDUSTRY_CONCEPTS, ORG_MARKERS } from './bilingual';
import { CN_REGIONS } from './vocabulary';
import { DEFAULT_VOCABULARY, foldLookAlikes, simplify, stripInvisible, type Vocabulary } from './normalise';

export interface NameForm {
  /** Trade-name tokens, romanised. Chinese: the pinyin of the trade name as one token, or [surname, given name] for a person. */
  tokens: string[];
  /** Industry concepts named (sorted ids). */
  terms: string[];
  /** Reads as a person's name (no company word; a Chinese surname or two to four Latin words), or declared one. */
  person: boolean;
  /** The romanised trade name (a person's tokens sorted): compared across scripts, and a blocking key. */
  roman: string;
  /** Chinese names: the pinyin of each character of the key (other characters as they are), computed once and stored. */
  pinyin: string[];
  /** Latin names: the regions leading or trailing the trade name (shenzhen, …), which are no part of it. */
  regions?: string[];
}

const HAN = /\p{Script=Han}/u;
const MAX_NAME = 500;
const ALL_HAN = /^\p{Script=Han}+$/u;
const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const jw = (a: string, b: string) => (a === b ? 1 : stringComparison.jaroWinkler.similarity(a, b));

// ---- vocabulary lookups, built once ----
const ZH_TERMS: [string, string][] = INDUSTRY_CONCEPTS.flatMap((c) => c.zh.map((w) => [w, c.id] as [string, string])).sort((a, b) => b[0].length - a[0].length);
const EN_WORDS = new Map<string, string>();
const EN_PHRASES = new Map<string, string>();
for (const concept of INDUSTRY_CONCEPTS) {
  for (const word of concept.en) (word.includes(' ') ? EN_PHRASES : EN_WORDS).set(word.replace(/-/g, ''), concept.id);
}
/** The concept of an English word, also when mistyped (finahce, logisitcs): long words only, the same first letter. */
const englishTerm = (word: string): string | undefined => {
  const exact = EN_WORDS.get(word);
  if (exact || word.length < 6) return exact;
  let best: string | undefined;
  let bestSim = 0.92;
  for (const [known, id] of EN_WORDS) {
    if (known.length < 6 || known[0] !== word[0]) continue;
    const sim = jw(word, known);
    if (sim > bestSim) [best, bestSim] = [id, sim];
  }
  // Marked: a mistyped company word makes a name similar, never equivalent.
  return best && `~${best}`;
};
const STOP_WORDS = new Set(['and', 'the', 'of', 'und', 'et', 'de', 'y']);
const SURNAMES = new Set(CN_SURNAMES);

const syllable = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(PUNCTUATION, '');

/** Pinyin syllables of a Chinese text, toneless, ü as u; other characters kept as lower-case runs. */
export const pinyinOf = (text: string, surname = false): string[] =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: false, surname: surname ? 'head' : 'off' })
    .map(syllable)
    .filter(Boolean);

/**
 * The pinyin of each character of a text (other characters lower case, as they are): aligned with
 * the characters, so that the pinyin of a prefix is a slice. One call to pinyin-pro (its word
 * segmentation reads 重庆 chongqing, 银行 yinhang), about 0.1 ms for a company name: computed
 * when a record is keyed and stored with its keys, never per candidate.
 */
export const charPinyin = (text: string, surname = false): string[] =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'spaced', v: false, surname: surname ? 'head' : 'off' }).map(syllable);

/** Pinyin of short texts (cities) compared across scripts while scoring: memoised, bounded. */
const cityPinyin = new Map<string, string>();
export const pinyinJoined = (text: string): string => {
  let hit = cityPinyin.get(text);
  if (hit === undefined) {
    hit = pinyinOf(text).join('');
    if (cityPinyin.size >= 5000) cityPinyin.clear();
    cityPinyin.set(text, hit);
  }
  return hit;
};

const GIVEN = new Set(GIVEN_NAMES);
const ORG = new Set(ORG_MARKERS);
/** Chinese surnames in pinyin (zhou, ouyang): "Zhou Honglei", "Honglei ZHOU" read as persons. */
const PINYIN_SURNAMES = new Set([...CN_SURNAMES, ...CN_COMPOUND_SURNAMES].map((s) => pinyinOf(s, true).join('')));

/** Each Chinese region and its pinyin (深圳, shenzhen), read once. */
const PINYIN_BY_REGION = new Map(CN_REGIONS.map((r) => [r, pinyinOf(r).join('')]));

/** Chinese regions romanised (shanghai, shenzhen, …) and their usual English names: a leading or trailing one is no trade name. */
const LATIN_REGIONS = new Set([
  ...PINYIN_BY_REGION.values(),
  'china', 'prc', 'hongkong', 'macau', 'macao', 'canton', 'peking', 'harbin', 'tibet', 'inner', 'mongolia',
]);

/** Chinese regions by their pinyin (shenzhen → 深圳; shanxi → 山西 and 陕西) and back, for a city written in the other script. */
const REGION_BY_PINYIN = new Map<string, string[]>();
for (const [region, reading] of PINYIN_BY_REGION) REGION_BY_PINYIN.set(reading, [...(REGION_BY_PINYIN.get(reading) ?? []), region]);

/**
 * The city keys under which a record's place may be stored: its city key in both scripts when it is
 * a Chinese region (深圳 and shenzhen), or else the regions its name names ("Shenzhen RunYuan
 * Medical Equipment"). Query-side only: a tie-breaker among records of the same romanised name.
 */
export const placeKeys = (city: string | null, named: string[] = []): string[] => {
  const out = new Set<string>();
  for (const place of city ? [city] : named) {
    out.add(place);
    for (const other of REGION_BY_PINYIN.get(place) ?? []) out.add(other);
    const reading = PINYIN_BY_REGION.get(place);
    if (reading) out.add(reading);
  }
  return [...out].slice(0, 4);
};

/** Strips industry words from the end of a Chinese key (never below two characters); the concepts found, or null when `all` and something else is left. */
const hanTerms = (key: string, all = false): { core: string; terms: string[] } | null => {
  let core = key;
  const terms: string[] = [];
  for (;;) {
    const hit = ZH_TERMS.find(([word]) => core.endsWith(word) && (all || core.length - word.length >= 2));
    if (!hit) break;
    terms.push(hit[1]);
    core = core.slice(0, core.length - hit[0].length);
    if (all && core === '') break;
  }
  if (all && core !== '') return null;
  return { core, terms: [...new Set(terms)].sort() };
};

/** A Chinese person's name: its surname's length (1, or 2 for 欧阳), or 0 when it is none. */
const hanSurname = (key: string): number => {
  if (key.length < 2 || key.length > 4 || !ALL_HAN.test(key)) return 0;
  const compound = CN_COMPOUND_SURNAMES.find((s) => key.startsWith(s) && key.length > s.length);
  const length = compound ? compound.length : SURNAMES.has(key[0]) ? 1 : 0;
  return length && key.length - length <= 2 ? length : 0;
};

/** Latin words of a name: NFKC, look-alikes folded, lower case, bracketed parts and punctuation gone, hyphenated words joined. */
const OPENING = new Set(['(', '[', '（', '【']);
const CLOSING = new Set([')', ']', '）', '】']);
const latinWords = (name: string): string[] => {
  const folded = foldLookAlikes(stripInvisible(name.normalize('NFKC'))).toLowerCase();
  // Bracketed parts ((Shenzhen), (HK)) dropped in one pass (a regex would backtrack on "((((…").
  let text = '';
  let depth = 0;
  for (const c of folded) {
    if (OPENING.has(c)) depth += 1;
    else if (CLOSING.has(c) && depth > 0) depth -= 1;
    else if (depth === 0) text += c;
  }
  if (depth > 0) text = folded; // an opening bracket never closed: keep the text
  return text.replace(/&/g, ' and ').replace(/[.'’-]/g, '').split(PUNCTUATION).filter(Boolean);
};

/**
 * The form of a name. `key` is its name key (./normalise nameKey); `declaredPerson` says the record
 * is a person whatever its name looks like (e.g. customerType = person).
 */
export const nameForm = (name: string | null | undefined, key: string | null, vocabulary: Vocabulary = DEFAULT_VOCABULARY, declaredPerson = false): NameForm | null => {
  // Longer than any name a record holds: no words to compare, only its key.
  if (!name || !key || name.length > MAX_NAME) return null;
  if (HAN.test(key)) {
    // Nothing but the name itself (no legal form, region or company word stripped): 张伟, 欧阳娜娜.
    const bare = simplify(stripInvisible(name.normalize('NFKC'))).replace(PUNCTUATION, '') === key;
    const split = hanTerms(key)!;
    const surname = bare && split.terms.length === 0 ? hanSurname(key) : 0;
    if (surname) {
      // A surname reads as one (单 shan, 曾 zeng).
      const syllables = charPinyin(key, true);
      const tokens = [syllables.slice(0, surname).join(''), syllables.slice(surname).join('')];
      return { tokens, terms: [], person: true, roman: [...tokens].sort().join(''), pinyin: syllables };
    }
    const syllables = charPinyin(key);
    const roman = syllables.slice(0, [...split.core].length).join('');
    return { tokens: [roman], terms: split.terms, person: declaredPerson, roman, pinyin: syllables };
  }
  const words = latinWords(name);
  const comma = /^[^,]+,[^,]+$/.test(name);
  const legal = new Set(vocabulary.latinLegalForms);
  let legalSeen = false;
  const kept: string[] = [];
  for (const word of words) {
    if (legal.has(word)) legalSeen = true;
    else if (!STOP_WORDS.has(word)) kept.push(word);
  }
  const core: string[] = [];
  const terms = new Set<string>();
  for (let i = 0; i < kept.length; i += 1) {
    const phrase = i + 1 < kept.length ? EN_PHRASES.get(`${kept[i]} ${kept[i + 1]}`) : undefined;
    if (phrase) {
      terms.add(phrase);
      i += 1;
    } else {
      const term = englishTerm(kept[i]);
      if (term) terms.add(term);
      else core.push(kept[i]);
    }
  }
  // A name that is nothing but company words ("Global Logistics") keeps them as its trade name.
  if (core.length === 0) return kept.length ? { tokens: kept, terms: [], person: declaredPerson, roman: kept.join(''), pinyin: [] } : null;
  // A region leading or trailing the trade name (Shanghai …, … (Shenzhen)) is no part of it.
  const regions: string[] = [];
  while (core.length > 1 && LATIN_REGIONS.has(core[0])) regions.push(core.shift()!);
  while (core.length > 1 && LATIN_REGIONS.has(core[core.length - 1])) regions.push(core.pop()!);
  // A person's name: two to four words, no company word, one of them a given name or a Chinese
  // surname at either end (or written `Last, First`).
  const named = core.some((w) => GIVEN.has(w)) || PINYIN_SURNAMES.has(core[0]) || PINYIN_SURNAMES.has(core[core.length - 1]);
  const looksPerson =
    !legalSeen &&
    terms.size === 0 &&
    !words.some((w) => ORG.has(w)) &&
    core.length >= 2 &&
    core.length <= 4 &&
    (comma || named) &&
    core.every((w) => /^[a-z]+$/.test(w));
  const person = declaredPerson || looksPerson;
  return { tokens: core, terms: [...terms].sort(), person, roman: person ? [...core].sort().join('') : core.join(''), pinyin: [], regions };
};

/** What the stored keys hold of a name's form (its key, and the form's parts). */
export interface NameSide {
  key: string;
  tokens: string[];
  terms: string[];
  person: boolean;
  roman: string;
  /** Pinyin per character of a Chinese key (empty otherwise; computed when missing). */
  pinyin?: string[];
}

const syllablesOf = (side: NameSide) => (side.pinyin && side.pinyin.length === [...side.key].length ? side.pinyin : charPinyin(side.key));

export type NameLevel = 'exact' | 'equivalent' | 'similar' | 'none';

export interface NameComparison {
  level: NameLevel;
  similarity: number;
  /** Which comparator decided: exact, tokens, pinyin, transliteration, jaro-winkler/dice. */
  comparator: string;
}

/** Character similarity of two keys: the better of Jaro-Winkler (typos, shared prefix) and bigram Dice (reordered parts). */
export const charSimilarity = (a: string, b: string): number =>
  a === b ? 1 : Math.max(stringComparison.jaroWinkler.similarity(a, b), stringComparison.diceCoefficient.similarity(a, b));

/** Terms agree: the same concepts (a mistyped word, marked ~, counts as its concept), or one side names none. */
const bare = (terms: string[]) => [...new Set(terms.map((t) => t.replace(/^~/, '')))].sort().join(' ');
const termsAgree = (a: string[], b: string[]) => a.length === 0 || b.length === 0 || bare(a) === bare(b);
const termsEqual = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Soft token overlap: each token of one side paired with its most similar unpaired token of the
 * other (Jaro-Winkler ≥ 0.88 counts, a typo in a word), as a Dice coefficient over token counts.
 * Order-insensitive: "Technologies Nexgen" = "Nexgen Technologies", "Lewis, Sarah" = "Sarah Lewis".
 */
export const tokenSimilarity = (a: string[], b: string[]): number => {
  if (a.length === 0 || b.length === 0) return 0;
  const free = [...b];
  let matched = 0;
  for (const token of a) {
    let best = -1;
    let bestSim = 0;
    free.forEach((other, i) => {
      const sim = jw(token, other);
      if (sim > bestSim) [best, bestSim] = [i, sim];
    });
    if (best >= 0 && bestSim >= 0.88) {
      matched += bestSim;
      free.splice(best, 1);
    }
  }
  return (2 * matched) / (a.length + b.length);
};

/** Every order of up to four tokens, joined: a person's name typed surname first or last. */
const orders = (tokens: string[]): string[] => {
  if (tokens.length <= 1 || tokens.length > 4) return [tokens.join('')];
  return tokens.flatMap((t, i) => orders([...tokens.slice(0, i), ...tokens.slice(i + 1)]).map((rest) => t + rest));
};

/** A Chinese name against a Latin one: pinyin of the Chinese trade name (and of longer prefixes of the key, 创新 written "chuangxin") against the Latin trade name. */
const crossScript = (han: NameSide, latin: NameSide): NameComparison => {
  if (han.person || latin.person) {
    const hanForms = han.tokens.length === 2 ? [han.tokens.join(''), han.tokens[1] + han.tokens[0]] : [syllablesOf(han).join('')];
    const latinForms = orders(latin.tokens);
    if (hanForms.some((h) => latinForms.includes(h))) return { level: 'equivalent', similarity: 1, comparator: 'transliteration' };
    const sim = Math.max(...hanForms.flatMap((h) => latinForms.map((l) => jw(h, l))));
    return { level: sim >= 0.9 ? 'similar' : 'none', similarity: sim, comparator: 'transliteration' };
  }
  const latinCore = latin.tokens.join('');
  let best = 0;
  // Split the key after k characters: the head is the trade name as the Latin writer spelled it, the rest its company words.
  const chars = [...han.key];
  const syllables = syllablesOf(han);
  const core = [...hanTerms(han.key)!.core].length;
  for (let k = Math.max(1, core); k <= Math.min(chars.length, core + 12); k += 1) {
    const head = syllables.slice(0, k).join('');
    if (head === latinCore) {
      const rest = k === chars.length ? { core: '', terms: [] as string[] } : hanTerms(chars.slice(k).join(''), true);
      if (!rest) continue;
      const terms = [...new Set(rest.terms)].sort();
      if (termsEqual(terms, latin.terms)) return { level: 'equivalent', similarity: 1, comparator: 'transliteration' };
      best = Math.max(best, termsAgree(terms, latin.terms) ? 0.92 : 0.85);
    } else {
      best = Math.max(best, jw(head, latinCore) * (termsAgree(han.terms, latin.terms) ? 0.97 : 0.88));
    }
  }
  return { level: best >= 0.8 ? 'similar' : 'none', similarity: best, comparator: 'transliteration' };
};

/**
 * How alike two names are. exact: the same key; equivalent: the same name written another way
 * (word order, `Last, First`, another script); similar: a typo, a homophone, a company word more
 * or less; none.
 */
export const compareNames = (a: NameSide, b: NameSide, minSimilarity = 0.8): NameComparison => {
  if (a.key === b.key) return { level: 'exact', similarity: 1, comparator: 'exact' };
  const hanA = HAN.test(a.key);
  const hanB = HAN.test(b.key);
  if (hanA !== hanB) return hanA ? crossScript(a, b) : crossScript(b, a);

  const chars = charSimilarity(a.key, b.key);
  let best: NameComparison = { level: chars >= minSimilarity ? 'similar' : 'none', similarity: chars, comparator: 'jaro-winkler/dice' };
  const better = (similarity: number, comparator: string) => {
    if (similarity > best.similarity) best = { level: similarity >= minSimilarity ? 'similar' : 'none', similarity, comparator };
  };
  if (hanA) {
    // Homophones: the same pinyin written with other characters (何盈 / 何颖, 洋鼎蓝 / 阳鼎兰).
    const pa = syllablesOf(a).join('');
    const pb = syllablesOf(b).join('');
    better(pa === pb ? 0.95 : jw(pa, pb) * 0.9, 'pinyin');
    return best;
  }
  const sameTokens = a.tokens.length === b.tokens.length && [...a.tokens].sort().join(' ') === [...b.tokens].sort().join(' ');
  if (sameTokens && termsEqual(a.terms, b.terms)) return { level: 'equivalent', similarity: 1, comparator: 'tokens' };
  if (a.roman && a.roman === b.roman) {
    // The same trade name spaced otherwise or with a company word more or less (Jessica Davis / Jessica Davis Catering).
    better(termsAgree(a.terms, b.terms) ? 0.92 : 0.85, 'tokens');
  }
  const tokens = tokenSimilarity(a.tokens, b.tokens) * (termsAgree(a.terms, b.terms) ? 1 : 0.9);
  better(sameTokens ? Math.min(tokens, 0.92) : tokens * 0.97, 'tokens');
  better(jw(a.roman, b.roman) * (termsAgree(a.terms, b.terms) ? 0.97 : 0.88), 'tokens');
  return best;
};
