/**
 * Applies a content type's field rules to the data of one write. Pure: plain data in, plain data out.
 *
 * Field rules are keyed by path: `taxId` for a root field, `contacts.phone` for a field inside a
 * component (repeatable or single). Rules that depend on the record's country read it from the root
 * field named by `countryField` (default `country`), taking the incoming value when the write sets it
 * and the stored value otherwise.
 */
import { applyRule, type RuleContext, type RuleType } from './rules';

export interface FieldRule {
  /** The standardisation and validation rule from the catalogue; optional when the checks below are enough. */
  type?: RuleType;
  /** Root field holding the record's ISO country code (phone and taxId rules). */
  countryField?: string;
  /** A value must be given (not empty); on create unless it is saved as a draft. */
  required?: boolean;
  /** The value (after standardisation) must be one of these. */
  allowed?: string[];
  /** The value (after standardisation) must match this regular expression (Unicode, whole value: anchor it). */
  pattern?: string;
  /** Said when the pattern does not match (default: "must match <pattern>"). */
  patternMessage?: string;
  /** Fingerprinted in the audit trail, masked in webhooks (not a check). */
  sensitive?: boolean;
}

export type FieldRules = Record<string, FieldRule>;

export interface FieldError {
  path: Array<string | number>;
  message: string;
  rule: RuleType | 'required' | 'allowed' | 'pattern';
}

export interface ApplyInput {
  rules: FieldRules;
  /** The data of the write (partial on update). Not mutated. */
  data: Record<string, unknown>;
  /** The stored root values of the record on update; undefined on create. */
  existing?: Record<string, unknown> | null;
  /** A create that publishes: a required root field that the data leaves out is an error too. */
  requireMissing?: boolean;
}

export interface ApplyResult {
  data: Record<string, unknown>;
  errors: FieldError[];
}

const COUNTRY_DEPENDENT: ReadonlySet<RuleType | undefined> = new Set<RuleType | undefined>(['phone', 'taxId']);

const patterns = new Map<string, RegExp>();
/** A configured pattern, compiled once (checked for safety when the settings were accepted). */
const compiled = (pattern: string) => {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'u');
    patterns.set(pattern, regex);
  }
  return regex;
};

const empty = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The checks after the rule: allowed values and the pattern, on the standardised value. */
const checkValue = (rule: FieldRule, value: unknown): { message: string; rule: FieldError['rule'] } | null => {
  if (empty(value)) return null;
  const text = typeof value === 'string' ? value : String(value);
  if (rule.allowed && rule.allowed.length > 0 && !rule.allowed.includes(text)) {
    return { message: `must be one of ${rule.allowed.slice(0, 20).join(', ')}${rule.allowed.length > 20 ? ', …' : ''}`, rule: 'allowed' };
  }
  if (rule.pattern && !compiled(rule.pattern).test(text)) return { message: rule.patternMessage ?? `must match ${rule.pattern}`, rule: 'pattern' };
  return null;
};

const countryFieldOf = (rule: FieldRule) => rule.countryField ?? 'country';

/** True when applying the rules to this partial data needs the stored record (its country). */
export const needsExisting = (rules: FieldRules, data: Record<string, unknown>): boolean =>
  Object.entries(rules).some(([path, rule]) => {
    if (!COUNTRY_DEPENDENT.has(rule.type)) return false;
    const countryField = countryFieldOf(rule);
    const [root] = path.split('.');
    const touchesDependent = root in data;
    const touchesCountry = countryField in data;
    // Dependent value written without its country, or country changed under a stored dependent value.
    return (touchesDependent && !touchesCountry) || (touchesCountry && !touchesDependent && !path.includes('.'));
  });

// Country-code rules run first so that dependent rules see the standardised country.
const ORDER = (rule: FieldRule) => (rule.type === 'country' ? 0 : COUNTRY_DEPENDENT.has(rule.type) ? 2 : 1);

export const applyFieldRules = ({ rules, data, existing, requireMissing = false }: ApplyInput): ApplyResult => {
  const out: Record<string, unknown> = { ...data };
  const errors: FieldError[] = [];
  const entries = Object.entries(rules).sort(([, a], [, b]) => ORDER(a) - ORDER(b));

  const contextFor = (rule: FieldRule): RuleContext => {
    const field = countryFieldOf(rule);
    const value = field in out ? out[field] : existing?.[field];
    return { country: typeof value === 'string' && value !== '' ? value : null };
  };

  const failedRoots = new Set<string>();
  const run = (rule: FieldRule, value: unknown, path: Array<string | number>): unknown => {
    // A bad country is reported once, on the country, not again on every value that depends on it.
    if (COUNTRY_DEPENDENT.has(rule.type) && failedRoots.has(countryFieldOf(rule))) return value;
    if (rule.required && empty(value)) {
      errors.push({ path, message: 'is required', rule: 'required' });
      return value;
    }
    let standardised = value;
    if (rule.type) {
      const result = applyRule(rule.type, value, contextFor(rule));
      if (!result.ok) {
        errors.push({ path, message: result.reason, rule: rule.type });
        if (path.length === 1) failedRoots.add(String(path[0]));
        return value;
      }
      standardised = result.value;
    }
    const bad = checkValue(rule, standardised);
    if (bad) errors.push({ path, ...bad });
    return standardised;
  };

  for (const [path, rule] of entries) {
    const [root, child] = path.split('.');
    if (child === undefined) {
      if (root in out) {
        out[root] = run(rule, out[root], [root]);
      } else if (requireMissing && rule.required) {
        errors.push({ path: [root], message: 'is required', rule: 'required' });
      } else if (existing && COUNTRY_DEPENDENT.has(rule.type) && countryFieldOf(rule) in out && existing[root]) {
        // The country changes under a stored value that depends on it: the stored value must still hold.
        const revalidated = run(rule, existing[root], [root]);
        if (revalidated !== existing[root]) out[root] = revalidated;
      }
      continue;
    }
    const component = out[root];
    if (Array.isArray(component)) {
      out[root] = component.map((item, index) =>
        isRecord(item) && child in item ? { ...item, [child]: run(rule, item[child], [root, index, child]) } : item
      );
    } else if (isRecord(component) && child in component) {
      out[root] = { ...component, [child]: run(rule, component[child], [root, child]) };
    }
  }
  return { data: out, errors };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The same standardisation for a search (the match API), which is not a write: a value that fails
 * its rule is dropped (null) rather than refusing the search, and reported, so that asking before
 * writing gets the answer the write would get for the values the write would accept.
 */
export const standardiseForSearch = (input: ApplyInput): { data: Record<string, unknown>; ignored: FieldError[] } => {
  const { data, errors } = applyFieldRules(input);
  const out = { ...data };
  for (const error of errors) {
    // Root values feed the match keys; a bad value inside a component feeds none and is only reported.
    if (error.path.length === 1) out[String(error.path[0])] = null;
  }
  return { data: out, ignored: errors };
};
