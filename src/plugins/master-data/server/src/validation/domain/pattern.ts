/**
 * A regular expression a business admin enters for a field: it must compile (Unicode), must not be
 * able to take exponential time (safe-regex2: no nested quantifiers, bounded repetition), and must
 * accept the sample value they give, so that a typo does not start refusing every write. Pure.
 */
import safeRegex from 'safe-regex2';

export const patternProblem = (pattern: string, sample: string | undefined): { key: 'pattern' | 'sample'; message: string } | null => {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (error) {
    return { key: 'pattern', message: `is not a valid regular expression: ${(error as Error).message}` };
  }
  if (!safeRegex(regex)) return { key: 'pattern', message: 'could take exponential time on some inputs (nested or overlapping repetition): simplify it' };
  if (sample === undefined) return { key: 'sample', message: 'give a sample value the pattern accepts, to try it before saving' };
  if (!regex.test(sample)) return { key: 'sample', message: `"${sample}" does not match the pattern` };
  return null;
};
