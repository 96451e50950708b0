/**
 * Company tax identifiers per country. CN: the Unified Social Credit Code, checked here (./uscc).
 * Other countries: python-stdnum's checksummed validators (the `stdnum` port) for the identifiers
 * that companies carry, e.g. VAT numbers in Europe, EIN in the US, the corporate number in Japan,
 * UEN in Singapore, ABN in Australia. Countries stdnum does not know get a plausibility check.
 */
import { stdnum } from 'stdnum';
import { validateUscc } from './uscc';

const MAX_LENGTH = 32;

export type TaxIdResult = { ok: true; value: string } | { ok: false; reason: string };

interface Validator {
  validate(value: string): { isValid: boolean; compact?: string; error?: Error };
}

/** Company identifiers in order of preference; the first that a country has is tried first. */
const COMPANY_IDS = [
  'vat', 'ein', 'cn', 'uen', 'abn', 'bn', 'gstin', 'pan', 'brn', 'cnpj', 'rfc', 'ubn', 'uid', 'mva', 'orgnr',
  'inn', 'tin', 'npwp', 'mst', 'hp', 'vkn', 'nit', 'rut', 'ruc', 'cuit', 'nif', 'cif', 'tva', 'siren', 'btw',
  'iva', 'dic', 'ico', 'cvr', 'ytunnus', 'kmkr', 'pvm', 'pvn', 'ddv', 'dph', 'oib', 'pib', 'edrpou', 'rif',
  'ntn', 'nipt', 'ice', 'ird', 'businessid',
];

const validatorsFor = (country: string): Array<[string, Validator]> => {
  const byName = (stdnum as Record<string, Record<string, Validator>>)[country];
  if (!byName) return [];
  return COMPANY_IDS.filter((name) => name in byName).map((name) => [name, byName[name]]);
};

export const validateTaxId = (input: string, country: string): TaxIdResult => {
  const compact = input.replace(/[\s.\-/]/g, '').toUpperCase();
  if (compact === '') return { ok: false, reason: 'has no letters or digits' };
  // No company identifier is longer; checked before the validators, which copy and re-scan the value many times.
  if (compact.length > MAX_LENGTH) return { ok: false, reason: `is ${compact.length} characters long; a tax number has at most ${MAX_LENGTH}` };
  if (country === 'CN') return validateUscc(compact);

  const validators = validatorsFor(country);
  if (validators.length === 0) {
    return /^[A-Z0-9]{4,32}$/.test(compact) ? { ok: true, value: compact } : { ok: false, reason: `"${compact}" must be 4-32 letters or digits` };
  }
  const reasons: string[] = [];
  for (const [name, validator] of validators) {
    let result: ReturnType<Validator['validate']>;
    try {
      result = validator.validate(compact);
    } catch (error) {
      // Some stdnum validators throw on input too short to read (e.g. NL with "NL"): that is invalid input.
      result = { isValid: false, error: error as Error };
    }
    if (result.isValid) return { ok: true, value: (result.compact ?? compact).toUpperCase() };
    reasons.push(`${name.toUpperCase()}: ${(result.error?.message ?? 'invalid').replace(/\.$/, '')}`);
  }
  return { ok: false, reason: `"${compact}" is not a valid ${country} tax number (${reasons.join('; ')})` };
};
