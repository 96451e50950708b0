/**
 * Match keys: the forms of a record's identifying values that duplicates share however they were
 * typed. Pure. Name: NFKC (full-width folded), traditional → simplified Chinese, lower case,
 * regions taken out whether they lead (深圳市…) or are bracketed (…(深圳)有限公司), legal forms
 * stripped (有限公司, Co., Ltd, GmbH …), punctuation and spaces removed.
 */
import * as OpenCC from 'opencc-js';
import { CN_LEGAL_FORMS, CN_REGION_FORMS, FREE_MAIL_DOMAINS, LATIN_LEGAL_FORMS } from './vocabulary';

export interface Vocabulary {
  cnLegalForms: string[];
  latinLegalForms: string[];
  cnRegionForms: string[];
  freeMailDomains: string[];
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  cnLegalForms: CN_LEGAL_FORMS,
  latinLegalForms: LATIN_LEGAL_FORMS,
  cnRegionForms: CN_REGION_FORMS,
  freeMailDomains: FREE_MAIL_DOMAINS,
};

let toSimplified: ((text: string) => string) | undefined;
/** Traditional (Taiwan, Hong Kong and OpenCC standard forms) to simplified Chinese. */
export const simplify = (text: string): string => {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return /[\u3400-\u9fff]/.test(text) ? toSimplified(text) : text;
};

const OPENING = new Set(['(', '（', '[', '【', '〔']);
const CLOSING = new Set([')', '）', ']', '】', '〕']);
const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const HAN = /\p{Script=Han}/u;

/**
 * Invisible code points dropped from keys: format characters (zero-width space and joiners, soft
 * hyphen, word joiner, bidi controls, BOM, tags), every other default-ignorable code point
 * (variation selectors, Hangul fillers, combining grapheme joiner, U+180E). They change nothing a
 * reader sees, so two names differing only in them are the same name. Control characters other
 * than whitespace go too (a NUL cannot even be sent to PostgreSQL); whitespace separates words,
 * which legal-form stripping needs.
 */
const INVISIBLE = /[\x00-\x08\x0E-\x1F\x7F-\x9F\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
export const stripInvisible = (text: string): string => text.replace(INVISIBLE, '');

/**
 * Cyrillic and Greek letters that look like a Latin letter (Unicode confusables.txt, TS #39,
 * restricted to those two scripts and to the prototypes that are plain Latin letters). Applied
 * only to text that mixes Latin with Cyrillic or Greek letters (see foldConfusables), before
 * lower-casing so that capitals map to the capital they imitate (Greek Η looks like H, its lower
 * case η like n).
 */
const CONFUSABLE: Record<string, string> = {
  // Cyrillic capitals
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', Ү: 'Y',
  Ѕ: 'S', І: 'I', Ї: 'Ï', Ј: 'J', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I', Ԍ: 'G', Һ: 'H', Ԁ: 'D', Ё: 'Ë',
  // Cyrillic small letters
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'ï', ј: 'j', ԁ: 'd', һ: 'h',
  ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', ё: 'ë',
  // Greek capitals
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y',
  Χ: 'X', Ϲ: 'C', Ϳ: 'J',
  // Greek small letters
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', ι: 'i', υ: 'u', χ: 'x', γ: 'y', ϲ: 'c', ϳ: 'j',
};
const CONFUSABLE_CHARS = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'gu');
const LATIN_LETTER = /\p{Script=Latin}/u;
const CYRILLIC_OR_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * TS #39 mixed-script folding: a name that mixes Latin with Cyrillic or Greek letters ("Zеnwave"
 * with a Cyrillic е) has its look-alikes replaced by the Latin letters they imitate. A name in one
 * script is left alone, so that genuine Cyrillic or Greek names keep matching each other and are
 * not turned into Latin gibberish.
 */
export const foldConfusables = (text: string): string =>
  LATIN_LETTER.test(text) && CYRILLIC_OR_GREEK.test(text) ? text.replace(CONFUSABLE_CHARS, (c) => CONFUSABLE[c] ?? c) : text;

/**
 * Replaces each bracketed part `(…)` by what `replace` returns for its inner text. One pass, no
 * regex: a pattern like /\(([^)]*)\)/g retries from every unmatched opening bracket and takes
 * quadratic time on a name of 60,000 "(" (seconds per request). Same pairs as that pattern: the
 * first opening bracket after the last match, up to the next closing one.
 */
const replaceBracketed = (text: string, replace: (inner: string) => string): string => {
  let out = '';
  let copied = 0;
  let open = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (open < 0 && OPENING.has(c)) open = i;
    else if (CLOSING.has(c)) {
      if (open >= 0) {
        out += text.slice(copied, open) + replace(text.slice(open + 1, i));
        copied = i + 1;
      }
      open = -1;
    }
  }
  return out + text.slice(copied);
};

/**
 * Strips any of `forms` from one end of `text`, repeatedly (广东省深圳市…), but never below two
 * characters: 上海 alone is a name, not a region prefix. Moves an index and slices once, so that
 * a name made of thousands of forms costs one pass, not one copy per form.
 */
const strip = (text: string, forms: string[], end: 'start' | 'end') => {
  let from = 0;
  let to = text.length;
  for (;;) {
    const form = forms.find((f) => to - from - f.length >= 2 && (end === 'start' ? text.startsWith(f, from) : text.endsWith(f, to)));
    if (!form) return text.slice(from, to);
    if (end === 'start') from += form.length;
    else to -= form.length;
  }
};

/** The name match key; '' when nothing identifying is left. */
export const nameKey = (name: string | null | undefined, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string => {
  if (!name) return '';
  let text = simplify(foldConfusables(stripInvisible(name.normalize('NFKC')))).toLowerCase();
  // Bracketed parts: a region ((深圳), (Shenzhen)) is dropped; anything else stays as text.
  text = replaceBracketed(text, (inner) => {
    const bare = inner.trim();
    return vocabulary.cnRegionForms.includes(bare) || /^[a-z\s]+$/.test(bare) ? ' ' : ` ${bare} `;
  });

  if (HAN.test(text)) {
    let compact = text.replace(PUNCTUATION, '');
    compact = strip(compact, vocabulary.cnRegionForms, 'start');
    compact = strip(compact, vocabulary.cnLegalForms, 'end');
    // A region can also sit between the trade name and the legal form: 腾讯科技深圳有限公司.
    compact = strip(compact, vocabulary.cnRegionForms, 'end');
    compact = strip(compact, vocabulary.cnLegalForms, 'end');
    return compact;
  }

  const legal = new Set(vocabulary.latinLegalForms);
  const words = text
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '') // Co. → co, S.A. → sa, O'Neil → oneil
    .split(PUNCTUATION)
    .filter(Boolean);
  while (words.length > 1 && legal.has(words[words.length - 1])) words.pop();
  return words.filter((w, i) => i === 0 || !legal.has(w)).join('');
};

/** The domain of an email address, or null for free-mail providers and bad input. */
export const emailDomain = (email: string | null | undefined, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string | null => {
  const match = /@([^@\s]+)$/.exec(stripInvisible((email ?? '').trim()).toLowerCase());
  if (!match) return null;
  const domain = match[1].replace(/\.$/, '');
  return vocabulary.freeMailDomains.includes(domain) ? null : domain;
};

/** The registrable host of a website (www. dropped), or null. */
export const websiteDomain = (website: string | null | undefined): string | null => {
  if (!website) return null;
  website = stripInvisible(website);
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`);
    return url.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
};
