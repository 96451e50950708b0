/**
 * Field-level differences between two states of a record. Pure. Components are compared without
 * their row ids (a re-saved component with equal values is no change); relations are compared by
 * documentId.
 */
import { canonicalJson } from './canonical';
import type { Changes } from '../../../../shared/contracts/events';

/** Bookkeeping fields that every write touches; never reported as changes. */
export const BOOKKEEPING = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

/** Strips row ids and bookkeeping from nested values so that equal content compares equal. */
export const comparable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value instanceof Date ? value.toISOString() : value;
  const record = value as Record<string, unknown>;
  // A populated relation: identified by its documentId.
  if (typeof record.documentId === 'string' && Object.keys(record).every((k) => k === 'documentId' || k === 'id')) return record.documentId;
  // No prototype: a stored "__proto__" key stays a key.
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, inner] of Object.entries(record)) {
    if (key === 'id' || key === '__temp_key__' || BOOKKEEPING.has(key)) continue;
    out[key] = comparable(inner);
  }
  return out;
};

/**
 * `opaque`: attributes whose values are compared and recorded as they are (JSON fields): their own
 * keys, such as `id` or `locale`, are data, not bookkeeping.
 */
export const diffStates = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  { opaque = new Set<string>() }: { opaque?: Set<string> } = {}
): Changes => {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue;
    const view = opaque.has(key) ? (v: unknown) => v : comparable;
    const b = view(before?.[key] ?? null);
    const a = view(after?.[key] ?? null);
    if (canonicalJson(b) !== canonicalJson(a)) changes[key] = { before: b, after: a };
  }
  return changes;
};
