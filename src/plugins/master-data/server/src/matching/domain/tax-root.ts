/**
 * The canonical root of a company identifier: the registered entity number that every form of
 * the company's identifier carries. Pure. Records keep what was entered (the validation stage
 * stores the standardised form); only the match key compares roots, so that one company entered
 * once with its VAT number and once with its registration number is one company, and two
 * companies with different roots are two.
 *
 * Forms per country (what python-stdnum, used by the validation stage, accepts for companies):
 * - FR  VAT `FR40303265045` (2 check characters + SIREN) and SIREN `303265045` → SIREN.
 * - NO  MVA `974760673MVA` and organisasjonsnummer `974760673` → orgnr.
 * - CH  VAT `CHE116281710MWST` (or TVA, IVA, TPV) and UID `CHE116281710` → UID digits.
 * - IN  GSTIN `27AAPFU0939F1ZV` (state + PAN + entity + check) and PAN `AAPFU0939F` → PAN.
 * - SE  VAT `SE556188840401` (orgnr + 01) and organisationsnummer `5561888404` → orgnr.
 * - NL  btw-id `NL004495445B01` (RSIN + B + 2 digits, legal entities) and RSIN → RSIN.
 * - BE  VAT / enterprise number, with or without the leading 0 → 10 digits.
 * - AT  UID `ATU13585627` → `U13585627`.
 * - AU  ABN (2 check digits + ACN for companies) and ACN → the 9 ACN digits.
 * - HU  adószám `12892312-2-41` (11 digits) and VAT `HU12892312` → first 8 digits.
 * - every EU VAT number: the country prefix dropped (GR: EL), e.g. DE, GB (branch suffix of
 *   12-digit GB numbers dropped), IT, ES, PL, CZ, DK, FI (VAT = Y-tunnus digits).
 * Other countries: the compact value, upper case. The key is prefixed with the country, so that a
 * German VAT number never meets a French SIREN with the same digits.
 */

/** Value compacted the way identifiers are written: without spaces, dots, dashes, slashes; upper case. */
const compact = (value: string) => value.normalize('NFKC').toUpperCase().replace(/[\s.\-/\p{Cc}\p{Cf}]/gu, '');

/** Countries whose VAT numbers are written behind a country prefix (GR: EL); the prefix is dropped. */
const VAT_PREFIXED = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GB GR HR HU IE IT LT LU LV MT NL NO PL PT RO SE SI SK'.split(' ')
);
const VAT_PREFIX: Record<string, string> = { GR: 'EL' };

const ROOTS: Record<string, (id: string) => string> = {
  FR: (id) => (/^[0-9A-Z]{2}\d{9}$/.test(id) ? id.slice(2) : /^\d{14}$/.test(id) ? id.slice(0, 9) : id),
  NO: (id) => id.replace(/MVA$/, ''),
  CH: (id) => {
    const m = /^(?:CHE)?(\d{9})(?:MWST|TVA|IVA|TPV)?$/.exec(id);
    return m ? m[1] : id;
  },
  IN: (id) => (/^\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]{3}$/.test(id) ? id.slice(2, 12) : id),
  SE: (id) => (/^\d{10}01$/.test(id) ? id.slice(0, 10) : id),
  NL: (id) => {
    const m = /^(\d{9})B\d{2}$/.exec(id);
    return m ? m[1] : id;
  },
  BE: (id) => (/^\d{9}$/.test(id) ? `0${id}` : id),
  AU: (id) => (/^\d{11}$/.test(id) ? id.slice(2) : id),
  HU: (id) => (/^\d{11}$/.test(id) ? id.slice(0, 8) : id),
  GB: (id) => (/^\d{12}$/.test(id) ? id.slice(0, 9) : id),
};

/**
 * The root of `value` read as an identifier of `country` (ISO 3166-1 alpha-2), without the
 * country prefix; '' when nothing is left.
 */
export const taxIdRoot = (value: string, country: string | null | undefined): string => {
  let id = compact(value);
  const code = country?.toUpperCase() ?? '';
  if (!/^[A-Z]{2}$/.test(code)) return id;
  // Only where VAT numbers carry one: an Indian PAN may well start with "IN". (CHE is part of the Swiss UID.)
  if (VAT_PREFIXED.has(code)) {
    const prefix = [VAT_PREFIX[code], code].find((p) => p && id.startsWith(p) && id.length - p.length >= 4);
    if (prefix) id = id.slice(prefix.length);
  }
  return ROOTS[code]?.(id) ?? id;
};
