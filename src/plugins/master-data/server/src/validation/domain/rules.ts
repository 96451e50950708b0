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

/** NFKC folds full-width ASCII (ＡＢＣ１２３) and compatibility forms; then whitespace is collapsed. */
export const standardiseText = (value: string): string =>
  value.normalize('NFKC').replace(/\s+/gu, ' ').trim();

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const requireString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const rules: Record<RuleType, (value: string, ctx: RuleContext) => RuleResult> = {
  name: (value) => ok(standardiseText(value)),
  text: (value) => ok(standardiseText(value)),

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
