/**
 * External id pairs (system, external id) of a record: how two are the same, and which entries of
 * one list repeat a pair. Pure.
 */

export interface ExternalIdPair {
  system: string;
  externalId: string;
}

/**
 * The identity of a pair: the system compared without case (`SAP` and `sap` are one system), the
 * id exactly as the system wrote it (ids may be case-sensitive).
 */
export const pairKey = (pair: ExternalIdPair) => `${pair.system.toLowerCase()}\u0000${pair.externalId}`;

/** `sap:4711` for messages. */
export const showPair = (pair: ExternalIdPair) => `${pair.system}:${pair.externalId}`;

/** A list entry as a pair, or null when it is not one (missing or non-string values: Strapi's validation says so). */
export const asPair = (entry: unknown): ExternalIdPair | null => {
  if (!entry || typeof entry !== 'object') return null;
  const { system, externalId } = entry as Record<string, unknown>;
  return typeof system === 'string' && typeof externalId === 'string' && system !== '' && externalId !== '' ? { system, externalId } : null;
};

/** Entries of `pairs` (by index, nulls skipped) that repeat an earlier entry's pair: `[index, first index]`. */
export const repeatedPairs = (pairs: Array<ExternalIdPair | null>): Array<[number, number]> => {
  const first = new Map<string, number>();
  const repeated: Array<[number, number]> = [];
  pairs.forEach((pair, index) => {
    if (!pair) return;
    const key = pairKey(pair);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else repeated.push([index, earlier]);
  });
  return repeated;
};

/**
 * The list a clone ends up with: Strapi merges the submitted data into the source's deeply
 * (lodash `merge`), so list entries merge by position and source entries past the submitted ones
 * stay.
 */
export const mergeByIndex = <T extends Record<string, unknown>>(source: T[], submitted: unknown[]): Record<string, unknown>[] => {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < Math.max(source.length, submitted.length); i += 1) {
    const over = submitted[i];
    out.push({ ...(source[i] ?? {}), ...(over && typeof over === 'object' ? (over as Record<string, unknown>) : {}) });
  }
  return out;
};
