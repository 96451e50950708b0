/**
 * China's Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
 * 18 characters: registration authority (1), entity type (1), administrative division (6 digits),
 * organisation code (9), check character (1). The alphabet has 31 characters (no I, O, S, V, Z).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export const usccCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  // (31 - 0) % 31 = 0: a sum divisible by 31 gives check character '0', which some libraries reject.
  return ALPHABET[(31 - (sum % 31)) % 31];
};

export type UsccResult = { ok: true; value: string } | { ok: false; reason: string };

/** Validates a USCC; returns it upper-cased without spaces, or the reason it is invalid. */
export const validateUscc = (input: string): UsccResult => {
  const value = input.replace(/[\s-]/g, '').toUpperCase();
  if (value.length !== 18) {
    return { ok: false, reason: `must be 18 characters for CN (Unified Social Credit Code), got ${value.length}` };
  }
  if (!SHAPE.test(value)) {
    return { ok: false, reason: 'has characters not allowed in a Unified Social Credit Code (digits and A-Y without I, O, S, V, Z; positions 3-8 digits)' };
  }
  const expected = usccCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, reason: `check character is ${value[17]}, expected ${expected} (GB 32100-2015)` };
  }
  return { ok: true, value };
};
