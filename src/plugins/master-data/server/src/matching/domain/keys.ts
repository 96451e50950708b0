/**
 * A record's match keys: the values duplicates share however they were typed. Pure. They are
 * stored per record (one row per document) and are what blocking looks up and scoring compares.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { DEFAULT_VOCABULARY, emailDomain, foldLookAlikes, nameKey, simplify, stripInvisible, websiteDomain, type Vocabulary } from './normalise';
import { taxIdRoot } from './tax-root';
import { nameForm, pinyinOf, placeKeys } from './names';

export interface MatchKeys {
  /** Normalised name (see nameKey); null when nothing identifying is left. */
  name: string | null;
  taxId: string | null;
  /** E.164 when the number can be read, otherwise its digits. */
  phone: string | null;
  email: string | null;
  /** Company domains from the email address and the website; free-mail providers left out. */
  domains: string[];
  city: string | null;
  country: string | null;
  /**
   * The name's form (./names): romanised trade name (a blocking key), its tokens, the industry
   * concepts it names, and whether it is a person's. Absent on keys stored by an older version.
   */
  roman?: string | null;
  tokens?: string[];
  terms?: string[];
  person?: boolean;
  /** Chinese names: the pinyin of each character of the name key (see ./names charPinyin). */
  pinyin?: string[];
  /** Where the record may be stored (./names placeKeys); computed for a query, never stored. */
  places?: string[];
}

/** Which attribute of the record feeds which key (configuration, per governed type). */
export interface KeyFields {
  name?: string;
  taxId?: string;
  phone?: string;
  email?: string;
  website?: string;
  city?: string;
  country?: string;
  /** The attribute that says whether a record is a person (e.g. customerType); see personValues. */
  kind?: string;
}

/** Values of the `kind` attribute that make a record a person (compared lower case). */
export const DEFAULT_PERSON_VALUES = ['person', 'individual', 'natural person'];

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * Longest key of each kind that can be an identifier (and fits its column): a longer value is no
 * identifier and is not keyed, rather than failing the write or matching on a prefix.
 */
const MAX = { taxId: 64, phone: 32, email: 255, domain: 255, city: 255, roman: 255, pinyin: 200 } as const;
const bounded = (value: string | null, max: number) => (value && value.length <= max ? value : null);

/**
 * Tax ids compare on their registered root (see ./tax-root: `FR40303265045` = `303265045`),
 * without spaces, dots, dashes and case, qualified by the record's country when it has one
 * (`FR:303265045`): the same digits in two countries are two companies.
 */
export const taxIdKey = (value: unknown, country?: string | null): string | null => {
  const raw = text(value);
  if (!raw) return null;
  const code = country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null;
  const root = taxIdRoot(raw, code);
  return root.length >= 4 ? bounded(code ? `${code}:${root}` : root, MAX.taxId) : null;
};

/** A phone number in E.164, read in the record's country; digits only when it cannot be read. */
export const phoneKey = (value: unknown, country?: string | null): string | null => {
  const raw = text(value);
  if (!raw) return null;
  if (raw.length > 250) return null; // libphonenumber reads at most 250 characters
  const folded = raw.normalize('NFKC');
  const parsed = parsePhoneNumberFromString(folded, (country?.toUpperCase() || undefined) as CountryCode | undefined);
  if (parsed?.isPossible()) return bounded(parsed.number, MAX.phone);
  const digits = folded.replace(/\D/g, '');
  return digits.length >= 6 ? bounded(digits, MAX.phone) : null;
};

export const emailKey = (value: unknown): string | null => {
  const raw = text(value);
  if (!raw || raw.length > MAX.email * 2) return null;
  const email = foldLookAlikes(stripInvisible(raw.normalize('NFKC'))).toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(email) ? bounded(email, MAX.email) : null;
};

/** Cities compare folded like names, without the administrative suffix: 深圳市 = 深圳 = 深圳 , Shenzhen = shenzhen. */
export const cityKey = (value: unknown): string | null => {
  const raw = text(value);
  if (!raw) return null;
  const folded = simplify(foldLookAlikes(stripInvisible(raw.normalize('NFKC'))))
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
  const bare = /\p{Script=Han}/u.test(folded) && folded.length > 2 && /[市区县]$/.test(folded) ? folded.slice(0, -1) : folded;
  return bounded(bare || null, MAX.city);
};

export const matchKeys = (
  record: Record<string, unknown>,
  fields: KeyFields,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
  personValues: string[] = DEFAULT_PERSON_VALUES
): MatchKeys => {
  const get = (field?: string) => (field ? record[field] : undefined);
  const country = text(get(fields.country))?.toUpperCase() ?? null;
  const domains = [emailDomain(text(get(fields.email)), vocabulary), websiteDomain(text(get(fields.website)))]
    .map((d) => bounded(d, MAX.domain))
    .filter((d): d is string => Boolean(d));
  const rawName = text(get(fields.name));
  const name = nameKey(rawName, vocabulary) || null;
  const kind = text(get(fields.kind))?.toLowerCase();
  const form = nameForm(rawName, name, vocabulary, Boolean(kind && personValues.includes(kind)));
  const city = cityKey(get(fields.city));
  return {
    name,
    taxId: taxIdKey(get(fields.taxId), country),
    phone: phoneKey(get(fields.phone), country),
    email: emailKey(get(fields.email)),
    domains: [...new Set(domains)],
    city,
    country,
    roman: form ? bounded(form.roman, MAX.roman) || null : null,
    tokens: form ? boundedTokens(form.tokens) : [],
    terms: form?.terms ?? [],
    person: form?.person ?? false,
    pinyin: form && form.pinyin.length <= MAX.pinyin ? form.pinyin : [],
    places: placeKeys(city, form?.regions),
  };
};

/** Tokens kept for scoring: at most 16, each at most 64 characters (a longer one is no word). */
const boundedTokens = (tokens: string[]) => tokens.filter((t) => t.length <= 64).slice(0, 16);

/**
 * Romanised keys to look a name up by (column roman_key, equality): its own, and for a company
 * the name read further into its company words, since a writer may spell 创新 as "chuangxin"
 * rather than translate it: a Chinese name gives the pinyin of each longer prefix of its key
 * (hengtong, hengtongchuang, hengtongchuangxin, …), a Latin one each prefix of its trade name of
 * five letters or more (the Chinese record's trade name may be shorter). A person of three or four
 * words also as each pair of neighbouring words written as one: a Chinese given name of two
 * syllables is often written apart ("Liu Wen Bo" for 刘文博, keyed as liu + wenbo). At most 24.
 */
export const romanLookups = (keys: MatchKeys): string[] => {
  if (!keys.roman) return [];
  const t = keys.tokens ?? [];
  if (keys.person && t.length >= 3 && t.length <= 4) {
    const out = new Set([keys.roman]);
    for (let i = 0; i + 1 < t.length; i += 1) out.add([...t.slice(0, i), t[i] + t[i + 1], ...t.slice(i + 2)].sort().join('').slice(0, MAX.roman));
    return [...out];
  }
  if (keys.person || !keys.name) return [keys.roman];
  const out = new Set([keys.roman]);
  if (/\p{Script=Han}/u.test(keys.name)) {
    const syllables = keys.pinyin?.length ? keys.pinyin : pinyinOf(keys.name);
    let text = '';
    for (const syllable of syllables) {
      text += syllable;
      if (text.length >= keys.roman.length && text.length <= MAX.roman) out.add(text);
    }
  } else {
    for (let n = 5; n < keys.roman.length; n += 1) out.add(keys.roman.slice(0, n));
  }
  return [...out].slice(0, 24);
};

/**
 * Blocking grams of a name key for the SQLite gram index: character bigrams for Chinese (two
 * characters carry a word), padded trigrams for Latin script. PostgreSQL uses pg_trgm instead.
 */
export const nameGrams = (key: string | null): string[] => {
  if (!key) return [];
  const chars = [...key];
  const han = /\p{Script=Han}/u.test(key);
  const n = han ? 2 : 3;
  const padded = han ? chars : ['^', ...chars, '$'];
  if (padded.length <= n) return [padded.join('')];
  const grams = new Set<string>();
  for (let i = 0; i + n <= padded.length; i++) grams.add(padded.slice(i, i + n).join(''));
  return [...grams];
};
