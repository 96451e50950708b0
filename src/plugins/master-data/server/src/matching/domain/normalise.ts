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
 * Letters of other scripts that look like a Latin letter (Unicode confusables.txt, TS #39,
 * restricted to the prototypes that are one plain Latin letter): Cyrillic, Greek, Armenian, Lisu,
 * Cherokee. Applied only to text that mixes Latin with one of those scripts (see foldConfusables),
 * before lower-casing so that capitals map to the capital they imitate (Greek Η looks like H, its
 * lower case η like n).
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
  // Armenian
  Օ: 'O', Ս: 'U', Տ: 'S', Լ: 'L', օ: 'o', ս: 'u', հ: 'h', ո: 'n', ց: 'g', զ: 'q',
  // Lisu (all capital-shaped)
  ꓐ: 'B', ꓑ: 'P', ꓓ: 'D', ꓔ: 'T', ꓖ: 'G', ꓗ: 'K', ꓙ: 'J', ꓚ: 'C', ꓜ: 'Z', ꓝ: 'F', ꓟ: 'M', ꓠ: 'N',
  ꓡ: 'L', ꓢ: 'S', ꓣ: 'R', ꓦ: 'V', ꓧ: 'H', ꓪ: 'W', ꓫ: 'X', ꓬ: 'Y', ꓮ: 'A', ꓰ: 'E', ꓲ: 'I', ꓳ: 'O', ꓴ: 'U',
  // Cherokee capitals (their small letters, U+AB70-ABBF, are looked up by their capital)
  Ꭺ: 'A', Ᏼ: 'B', Ꮯ: 'C', Ꭰ: 'D', Ꭼ: 'E', Ꮐ: 'G', Ꮋ: 'H', Ꭵ: 'i', Ꭻ: 'J', Ꮶ: 'K', Ꮮ: 'L', Ꮇ: 'M',
  Ꮲ: 'P', Ꭱ: 'R', Ꮢ: 'R', Ꮪ: 'S', Ꭲ: 'T', Ꮩ: 'V', Ꮃ: 'W', Ꮤ: 'W', Ꮓ: 'Z', Ꮟ: 'b',
};
const OTHER_SCRIPT_LETTER = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Lisu}\p{Script=Cherokee}]/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
const CHEROKEE_SMALL = /[\uAB70-\uABBF\u13F8-\u13FD]/u;
const lookAlike = (c: string) => CONFUSABLE[c] ?? (CHEROKEE_SMALL.test(c) ? CONFUSABLE[c.toUpperCase()] : undefined) ?? c;

/**
 * TS #39 mixed-script folding: a name that mixes Latin with letters of one of those scripts
 * ("Zеnwave" with a Cyrillic е, "Fօods" with an Armenian օ) has its look-alikes replaced by the
 * Latin letters they imitate. A name in one script is left alone, so that genuine Cyrillic or Greek
 * names keep matching each other and are not turned into Latin gibberish.
 */
export const foldConfusables = (text: string): string =>
  LATIN_LETTER.test(text) && new RegExp(OTHER_SCRIPT_LETTER.source, 'u').test(text) ? text.replace(OTHER_SCRIPT_LETTER, lookAlike) : text;

/**
 * Accents and other combining marks on an alphabetic letter (Latin, Cyrillic, Greek and the
 * scripts above): "Brightwáter", "Ltḍ", "L̸td" are Brightwater Ltd to a reader scanning a list.
 * Marks after anything else stay: Japanese dakuten (が) and Indic vowel signs are letters of their
 * own, and Hangul syllables decompose into jamo (not marks) that NFC puts back together.
 */
const MARKED = /([\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Lisu}\p{Script=Cherokee}])\p{M}+/gu;
export const stripMarks = (text: string): string => {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFD').replace(MARKED, '$1').normalize('NFC');
};

/**
 * Latin letters that are not plain ASCII and do not decompose into one plus a mark: dotless ı,
 * small capitals (ɪ, ᴀ), letters with a hook, stroke or bar (Ƒ, ɗ, ȼ, ł, ø, đ), and ligatures
 * (æ, œ, ß). They are Latin script, so no mixed-script condition applies: Yıldız and Yildiz, Łódź
 * and Lodz are the same name to the people who key customers in. A curated table rather than a
 * transliteration library: only Latin letters are folded here (Cyrillic р would transliterate to
 * r, while it looks like p), and Han, Hangul and Kana must never be touched.
 */
const LATIN_FOLD: Record<string, string> = {
  ı: 'i', ȷ: 'j', ĸ: 'k', ɑ: 'a', Ɑ: 'A', ɡ: 'g', ɩ: 'i', Ɩ: 'I', ə: 'e', Ə: 'E', ɛ: 'e', Ɛ: 'E', ɔ: 'o', Ɔ: 'O',
  // small capitals
  ᴀ: 'A', ʙ: 'B', ᴄ: 'C', ᴅ: 'D', ᴇ: 'E', ꜰ: 'F', ɢ: 'G', ʜ: 'H', ɪ: 'I', ᴊ: 'J', ᴋ: 'K', ʟ: 'L', ᴍ: 'M',
  ɴ: 'N', ᴏ: 'O', ᴘ: 'P', ʀ: 'R', ꜱ: 'S', ᴛ: 'T', ᴜ: 'U', ᴠ: 'V', ᴡ: 'W', ʏ: 'Y', ᴢ: 'Z',
  // hooks, strokes, bars, tails
  Ƒ: 'F', ƒ: 'f', Ɓ: 'B', ɓ: 'b', Ƀ: 'B', ƀ: 'b', Ƈ: 'C', ƈ: 'c', Ȼ: 'C', ȼ: 'c', Ɗ: 'D', ɗ: 'd', Ɖ: 'D',
  ɖ: 'd', Ƌ: 'D', ƌ: 'd', ȡ: 'd', Đ: 'D', đ: 'd', Ð: 'D', ð: 'd', Ɇ: 'E', ɇ: 'e', Ɠ: 'G', ɠ: 'g', Ǥ: 'G',
  ǥ: 'g', Ħ: 'H', ħ: 'h', ɦ: 'h', Ɨ: 'I', ɨ: 'i', Ɉ: 'J', ɉ: 'j', Ƙ: 'K', ƙ: 'k', Ł: 'L', ł: 'l', Ƚ: 'L',
  ƚ: 'l', Ɫ: 'L', ɫ: 'l', ɬ: 'l', ɭ: 'l', ȴ: 'l', ɱ: 'm', Ɲ: 'N', ɲ: 'n', ɳ: 'n', ȵ: 'n', ƞ: 'n', Ŋ: 'N',
  ŋ: 'n', Ø: 'O', ø: 'o', Ɵ: 'O', ɵ: 'o', Ƥ: 'P', ƥ: 'p', Ɋ: 'Q', ɋ: 'q', Ɍ: 'R', ɍ: 'r', ɽ: 'r', ʂ: 's',
  ȿ: 's', Ƭ: 'T', ƭ: 't', Ʈ: 'T', ʈ: 't', Ŧ: 'T', ŧ: 't', ȶ: 't', Ʉ: 'U', ʉ: 'u', Ʋ: 'V', ʋ: 'v', Ƴ: 'Y',
  ƴ: 'y', Ɏ: 'Y', ɏ: 'y', Ƶ: 'Z', ƶ: 'z', Ȥ: 'Z', ȥ: 'z', ʐ: 'z', ʑ: 'z', ɀ: 'z',
  // ligatures and letters written as two
  ß: 'ss', ẞ: 'SS', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Þ: 'TH', þ: 'th',
};
const LATIN_FOLD_CHARS = new RegExp(`[${Object.keys(LATIN_FOLD).join('')}]`, 'gu');
export const foldLatin = (text: string): string => text.replace(LATIN_FOLD_CHARS, (c) => LATIN_FOLD[c] ?? c);

/**
 * Everything that makes two spellings one for matching: look-alikes of other scripts in a
 * mixed-script text, then marks, then Latin look-alikes. Input already NFKC and without invisibles.
 */
export const foldLookAlikes = (text: string): string => foldLatin(stripMarks(foldConfusables(text)));

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
  let text = simplify(foldLookAlikes(stripInvisible(name.normalize('NFKC')))).toLowerCase();
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
  const match = /@([^@\s]+)$/.exec(foldLookAlikes(stripInvisible((email ?? '').trim().normalize('NFKC'))).toLowerCase());
  if (!match) return null;
  const domain = match[1].replace(/\.$/, '');
  return vocabulary.freeMailDomains.includes(domain) ? null : domain;
};

/** The registrable host of a website (www. dropped), or null. */
export const websiteDomain = (website: string | null | undefined): string | null => {
  if (!website) return null;
  // Folded before URL turns a non-ASCII host into punycode (northwіnd.com → xn--…).
  website = foldLookAlikes(stripInvisible(website.normalize('NFKC')));
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`);
    return url.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
};
