/**
 * The options of the country and currency pickers. Pure: no React, no Strapi.
 *
 * The codes are the very sets the server's `country` and `currency` rules accept (validator's
 * ISO 3166-1 alpha-2 and ISO 4217 lists, ../../../server/src/validation/domain/rules.ts), so a
 * picker never offers a code a save would refuse, nor hides one it would take. The names come from
 * maintained lists: countries as people read them (CLDR, through the browser's Intl.DisplayNames:
 * "China", "South Korea"), falling back to i18n-iso-countries' official English name; currencies by
 * their ISO 4217 name from currency-codes ("Yuan Renminbi"), falling back to CLDR for codes it no
 * longer lists.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import currencyCodes from 'currency-codes';
import { CountryCodes } from 'validator/lib/isISO31661Alpha2';
import { CurrencyCodes } from 'validator/lib/isISO4217';

countries.registerLocale(en);

export interface CodeOption {
  code: string;
  name: string;
  /** What the picker shows and searches: `CN — China`. */
  label: string;
}

export const optionLabel = (code: string, name: string | undefined) => (name && name !== code ? `${code} — ${name}` : code);

/** CLDR display names (English), or nothing where the runtime has none. */
const displayNames = (type: 'region' | 'currency'): ((code: string) => string | undefined) => {
  try {
    const names = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
    return (code) => names.of(code);
  } catch {
    return () => undefined;
  }
};

const byCode = (a: CodeOption, b: CodeOption) => a.code.localeCompare(b.code);

let countryList: CodeOption[] | undefined;
let currencyList: CodeOption[] | undefined;

/** Every ISO 3166-1 alpha-2 code the server accepts, by code. */
export const countryOptions = (): CodeOption[] => {
  if (!countryList) {
    const cldr = displayNames('region');
    countryList = [...CountryCodes]
      .map((code) => {
        const name = cldr(code) ?? countries.getName(code, 'en', { select: 'official' }) ?? code;
        return { code, name, label: optionLabel(code, name) };
      })
      .sort(byCode);
  }
  return countryList;
};

/** Every ISO 4217 code the server accepts, by code. */
export const currencyOptions = (): CodeOption[] => {
  if (!currencyList) {
    const cldr = displayNames('currency');
    currencyList = [...CurrencyCodes]
      .map((code) => {
        const name = currencyCodes.code(code)?.currency ?? cldr(code) ?? code;
        return { code, name, label: optionLabel(code, name) };
      })
      .sort(byCode);
  }
  return currencyList;
};

/**
 * The options to show for a stored value: the list, plus the value itself when it is not in it (a
 * value stored before the rule, or by code that skipped it), so that it is seen and can be replaced.
 */
export const withCurrent = (options: CodeOption[], value: unknown, unknownName: string): CodeOption[] => {
  if (typeof value !== 'string' || value === '' || options.some((o) => o.code === value)) return options;
  return [{ code: value, name: unknownName, label: optionLabel(value, unknownName) }, ...options];
};
