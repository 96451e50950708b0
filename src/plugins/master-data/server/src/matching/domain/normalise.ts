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

const BRACKETS = /[(（\[【〔]([^)）\]】〕]*)[)）\]】〕]/g;
const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
const HAN = /\p{Script=Han}/u;

/**
 * Strips any of `forms` from one end of `text`, repeatedly (广东省深圳市…), but never below two
 * characters: 上海 alone is a name, not a region prefix.
 */
const strip = (text: string, forms: string[], end: 'start' | 'end') => {
  let out = text;
  for (;;) {
    const form = forms.find((f) => (end === 'start' ? out.startsWith(f) : out.endsWith(f)) && out.length - f.length >= 2);
    if (!form) return out;
    out = end === 'start' ? out.slice(form.length) : out.slice(0, -form.length);
  }
};

/** The name match key; '' when nothing identifying is left. */
export const nameKey = (name: string | null | undefined, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string => {
  if (!name) return '';
  let text = simplify(name.normalize('NFKC')).toLowerCase();
  // Bracketed parts: a region ((深圳), (Shenzhen)) is dropped; anything else stays as text.
  text = text.replace(BRACKETS, (_all, inner: string) => {
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
  const match = /@([^@\s]+)$/.exec((email ?? '').trim().toLowerCase());
  if (!match) return null;
  const domain = match[1].replace(/\.$/, '');
  return vocabulary.freeMailDomains.includes(domain) ? null : domain;
};

/** The registrable host of a website (www. dropped), or null. */
export const websiteDomain = (website: string | null | undefined): string | null => {
  if (!website) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`);
    return url.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
};
