/**
 * Survivorship: which record's value each field of the survivor takes when records are merged,
 * and the union of repeatable components without duplicates. Pure.
 */
import type { SurvivorshipStrategy } from '../../../../shared/contracts/merging';

export interface MergeSource {
  documentId: string;
  /** ISO date of the record's last change (most-recent). */
  updatedAt: string;
  values: Record<string, unknown>;
}

export const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

const filled = (source: MergeSource, fields: string[]) => fields.filter((f) => !isEmpty(source.values[f])).length;

/** Sources in the order a strategy prefers them; the survivor is first in `sources`. */
export const preferenceOrder = (sources: MergeSource[], fields: string[], strategy: SurvivorshipStrategy, priority?: string[]): MergeSource[] => {
  const list = [...sources];
  switch (strategy) {
    case 'most-recent':
      return list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    case 'most-complete':
      return list.sort((a, b) => filled(b, fields) - filled(a, fields));
    case 'source-priority': {
      const rank = (id: string) => {
        const i = (priority ?? []).indexOf(id);
        return i === -1 ? Number.MAX_SAFE_INTEGER : i;
      };
      return list.sort((a, b) => rank(a.documentId) - rank(b.documentId));
    }
    default:
      return list;
  }
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface Survivorship {
  values: Record<string, unknown>;
  sources: Record<string, string | null>;
  conflicts: string[];
}

/**
 * For each field: the manual pick when given, else the first non-empty value in preference order.
 * `sources[0]` must be the survivor.
 */
export const survive = (
  sources: MergeSource[],
  fields: string[],
  { strategy = 'survivor', priority, picks = {} }: { strategy?: SurvivorshipStrategy; priority?: string[]; picks?: Record<string, string> }
): Survivorship => {
  const ordered = preferenceOrder(sources, fields, strategy, priority);
  const values: Record<string, unknown> = {};
  const chosen: Record<string, string | null> = {};
  const conflicts: string[] = [];
  for (const field of fields) {
    const present = sources.filter((s) => !isEmpty(s.values[field]));
    if (present.some((s) => !same(s.values[field], present[0].values[field]))) conflicts.push(field);
    const picked = picks[field] ? sources.find((s) => s.documentId === picks[field]) : undefined;
    const source = picked ?? ordered.find((s) => !isEmpty(s.values[field]));
    values[field] = source ? source.values[field] : (sources[0].values[field] ?? null);
    chosen[field] = source?.documentId ?? null;
  }
  return { values, sources: chosen, conflicts };
};

/** A component item's identity: its values, trimmed and case-folded, without ids. */
const identity = (item: Record<string, unknown>, keyFields?: string[]) => {
  const entries = Object.entries(item)
    .filter(([k]) => k !== 'id' && k !== '__component' && (!keyFields || keyFields.includes(k)))
    .map(([k, v]) => [k, typeof v === 'string' ? v.trim().toLowerCase() : v ?? null] as const)
    .filter(([, v]) => v !== null && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
};

/** The items of every list, survivor's first, each distinct item once. */
export const unite = (lists: Record<string, unknown>[][], keyFields?: string[]): Record<string, unknown>[] => {
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const item of lists.flat()) {
    const key = identity(item, keyFields);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
};
