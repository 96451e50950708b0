/**
 * The difference between two settings documents, leaf by leaf: `{ "governed.api::customer.customer.
 * matching.thresholds.block": { before: 1, after: 0.95 } }`. Arrays are compared whole (a list of
 * policies or fields is one value). A content type uid stays one segment. Pure.
 */
export type SettingsDiff = Record<string, { before: unknown; after: unknown }>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const diffDocuments = (before: unknown, after: unknown, prefix = '', out: SettingsDiff = {}, depth = 0): SettingsDiff => {
  if (isObject(before) && isObject(after) && depth < 12) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      diffDocuments(before[key], after[key], prefix ? `${prefix}.${key}` : key, out, depth + 1);
    }
    return out;
  }
  if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) out[prefix || '(root)'] = { before: before ?? null, after: after ?? null };
  return out;
};
