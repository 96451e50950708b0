/**
 * Standardisation and validation rules for single field values. Pure: no Strapi, no database.
 * Each rule takes the raw value and the record's context and returns the standardised value or a
 * reason that a person can act on.
 */
import isEmail from 'validator/lib/isEmail';
import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import isISO4217 from 'validator/lib/isISO4217';
import isURL from 'validator/lib/isURL';
import isIBAN from 'validator/lib/isIBAN';
import isBIC from 'validator/lib/isBIC';
import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import { validateTaxId } from './tax-id';

export type RuleResult = { ok: true; value: unknown } | { ok: false; reason: string };

export interface RuleContext {
  /** ISO 3166-1 alpha-2 country of the record (already standardised), when known. */
  country?: string | null;
}

export type RuleType =
  | 'name'
  | 'text'
  | 'email'
  | 'phone'
  | 'taxId'
  | 'country'
  | 'currency'
  | 'url'
  | 'iban'
  | 'bic';

const ok = (value: unknown): RuleResult => ({ ok: true, value });
const fail = (reason: string): RuleResult => ({ ok: false, reason });

/**
 * Invisible characters a stored value must not carry: format characters (Unicode Cf: zero-width
 * space, soft hyphen, word joiner, BOM, bidi controls such as U+202E that reorder what a reader
 * sees, tags), the Hangul fillers and the combining grapheme joiner, which render as nothing. They
 * make two equal-looking values differ. Zero-width (non-)joiners are kept after a letter of a
 * script that uses them to shape words (Arabic, Persian, Indic scripts); elsewhere they are noise.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu;
const SHAPING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Mongolian}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const JOINERS = new Set(['\u200C', '\u200D']);

const stripInvisible = (value: string): string =>
  value.replace(INVISIBLE, (c, offset: number, all: string) =>
    JOINERS.has(c) && offset > 0 && SHAPING_SCRIPT.test(all[offset - 1]) ? c : ''
  );

/**
 * NFKC folds full-width ASCII (ＡＢＣ１２３) and compatibility forms; invisible characters are
 * dropped; then whitespace is collapsed.
 */
export const standardiseText = (value: string): string =>
  stripInvisible(value.normalize('NFKC')).replace(/\s+/gu, ' ').trim();

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const requireString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const rules: Record<RuleType, (value: string, ctx: RuleContext) => RuleResult> = {
  // A value of nothing but invisible characters is blank: null, so that "required" refuses it.
  name: (value) => ok(standardiseText(value) || null),
  text: (value) => ok(standardiseText(value) || null),

  email: (value) => {
    const email = standardiseText(value).toLowerCase();
    return isEmail(email, { allow_display_name: false, require_tld: true })
      ? ok(email)
      : fail(`"${email}" is not a valid email address`);
  },

  phone: (value, ctx) => {
    const country = ctx.country ?? undefined;
    let raw = standardiseText(value);
    // Without a country to tell the dialling prefix, read the common 00 prefix as +.
    if (!country && raw.startsWith('00')) raw = `+${raw.slice(2)}`;
    if (!raw.startsWith('+') && !raw.startsWith('00') && !country) {
      return fail('needs an international prefix (+...) because the record has no country');
    }
    try {
      const phone = parsePhoneNumberWithError(raw, country as CountryCode | undefined);
      if (!phone.isValid()) {
        return fail(`"${raw}" is not a valid phone number${country ? ` for ${country}` : ''}`);
      }
      return ok(phone.number); // E.164
    } catch (error) {
      return fail(`"${raw}" is not a phone number (${(error as Error).message})`);
    }
  },

  taxId: (value, ctx) => {
    if (!ctx.country) return fail('cannot be validated without a country; set country first');
    const result = validateTaxId(standardiseText(value), ctx.country);
    return result.ok ? ok(result.value) : fail(result.reason);
  },

  country: (value) => {
    const code = standardiseText(value).toUpperCase();
    return isISO31661Alpha2(code) ? ok(code) : fail(`"${code}" is not an ISO 3166-1 alpha-2 country code`);
  },

  currency: (value) => {
    const code = standardiseText(value).toUpperCase();
    return isISO4217(code) ? ok(code) : fail(`"${code}" is not an ISO 4217 currency code`);
  },

  url: (value) => {
    let url = standardiseText(value);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `https://${url}`;
    return isURL(url, { protocols: ['http', 'https'], require_tld: true, require_protocol: true })
      ? ok(url)
      : fail(`"${value}" is not a valid web address`);
  },

  iban: (value) => {
    const iban = standardiseText(value).replace(/\s/g, '').toUpperCase();
    return isIBAN(iban) ? ok(iban) : fail(`"${iban}" is not a valid IBAN (country, length or checksum)`);
  },

  bic: (value) => {
    const bic = standardiseText(value).replace(/\s/g, '').toUpperCase();
    return isBIC(bic) ? ok(bic) : fail(`"${bic}" is not a valid SWIFT/BIC code`);
  },
};

export const RULE_TYPES = Object.keys(rules) as RuleType[];

/**
 * Applies one rule. Blank values (null, undefined, empty or whitespace-only strings) are
 * standardised to null and are always valid: "required" is the content type's business.
 */
export const applyRule = (type: RuleType, value: unknown, ctx: RuleContext): RuleResult => {
  if (isBlank(value)) return ok(value === undefined ? undefined : null);
  const text = requireString(value);
  if (text === null) return fail(`must be a string, got ${Array.isArray(value) ? 'array' : typeof value}`);
  return rules[type](text, ctx);
};
