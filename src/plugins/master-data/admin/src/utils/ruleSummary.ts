/**
 * How a field rule reads in the rules table, and what the pattern does with the sample as the
 * browser sees it (the server decides: it also refuses a pattern that could take exponential time). Pure.
 */
import type { FieldRule } from '../../../shared/contracts/settings';

/** The checks besides the rule type: "one of 3 values · pattern ^[A-Z]+$". */
export const checksSummary = (rule: FieldRule | undefined): string =>
  [rule?.allowed?.length ? `one of ${rule.allowed.length} ${rule.allowed.length === 1 ? 'value' : 'values'}` : '', rule?.pattern ? `pattern ${rule.pattern}` : '']
    .filter(Boolean)
    .join(' · ');

export type PatternTry = { state: 'none' } | { state: 'invalid'; message: string } | { state: 'matches' } | { state: 'fails' } | { state: 'no-sample' };

/** The pattern (Unicode, as the server compiles it) tried on the sample. */
export const tryPattern = (pattern: string, sample: string | undefined): PatternTry => {
  if (!pattern) return { state: 'none' };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (error) {
    return { state: 'invalid', message: (error as Error).message };
  }
  if (sample === undefined || sample === '') return { state: 'no-sample' };
  return regex.test(sample) ? { state: 'matches' } : { state: 'fails' };
};
