/**
 * What a save, an import or a version changes, as rows a person reads: the server diffs documents
 * leaf by leaf but takes a list (policies, block rules) or a newly governed type as one value; here
 * those are opened further, so that a changed step of a policy reads as one row
 * (`Customer › approvals › policies › large-credit-limit › steps › Finance › approvals: 1 → 2`). Pure.
 */
import type { SettingsChanges } from '../../../shared/contracts/settings';

export interface SettingsChangeRow {
  /** Readable, and unique within one diff. */
  label: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isObjectList = (value: unknown): value is Record<string, unknown>[] => Array.isArray(value) && value.length > 0 && value.every(isObject);
/** Absent, null, an empty list or an empty object: a leaf that goes from one of these to another has not changed for a reader. */
const empty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
const same = (x: unknown, y: unknown) => (empty(x) && empty(y)) || JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

/** The items of two lists of objects by their name when every item has a distinct one, else by position. */
const pairItems = (before: Record<string, unknown>[], after: Record<string, unknown>[]): [string, unknown, unknown][] => {
  const named = (list: Record<string, unknown>[]) => list.every((item) => typeof item.name === 'string') && new Set(list.map((item) => item.name)).size === list.length;
  if (named(before) && named(after)) {
    const names = [...new Set([...before, ...after].map((item) => item.name as string))];
    return names.map((name) => [name, before.find((item) => item.name === name), after.find((item) => item.name === name)]);
  }
  return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => [String(i + 1), before[i], after[i]]);
};

/** The leaves that differ between two values, each with its path of readable segments. */
export const leafChanges = (before: unknown, after: unknown, path: string[] = [], out: { path: string[]; before: unknown; after: unknown }[] = [], depth = 0) => {
  if (same(before, after)) return out;
  if (depth < 12 && (isObject(before) || isObject(after)) && !Array.isArray(before) && !Array.isArray(after)) {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) leafChanges(b[key], a[key], [...path, key], out, depth + 1);
    return out;
  }
  const lists =
    (isObjectList(before) || before == null || (Array.isArray(before) && before.length === 0)) &&
    (isObjectList(after) || after == null || (Array.isArray(after) && after.length === 0));
  if (depth < 12 && lists && (isObjectList(before) || isObjectList(after))) {
    for (const [name, b, a] of pairItems((before as Record<string, unknown>[]) ?? [], (after as Record<string, unknown>[]) ?? []))
      leafChanges(b, a, [...path, name], out, depth + 1);
    return out;
  }
  out.push({ path, before: before ?? null, after: after ?? null });
  return out;
};

const GOVERNED = /^governed\.((?:api|plugin)::[\w-]+\.[\w-]+)(?:\.(.*))?$/;

/**
 * The server's dotted key as segments: a content type uid (which holds dots) stays one segment and
 * is named by `typeNames`; other dots split.
 */
export const keySegments = (key: string, typeNames: Record<string, string> = {}): string[] => {
  const governed = GOVERNED.exec(key);
  if (!governed) return key.split('.');
  const [, uid, rest] = governed;
  return [typeNames[uid] ?? uid, ...(rest ? rest.split('.') : [])];
};

/** The rows of a diff, in the server's order, opened down to single values. */
export const changeRows = (changes: SettingsChanges, typeNames: Record<string, string> = {}): SettingsChangeRow[] => {
  const rows: SettingsChangeRow[] = [];
  for (const [key, change] of Object.entries(changes)) {
    const head = keySegments(key, typeNames);
    for (const leaf of leafChanges(change.before, change.after)) {
      rows.push({ label: [...head, ...leaf.path].join(' › '), before: leaf.before, after: leaf.after });
    }
  }
  return rows;
};

/** The rows as ChangeDiffTable takes them: by label (a repeated label gets its position). */
export const changeTable = (rows: SettingsChangeRow[]): Record<string, { before: unknown; after: unknown }> => {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  rows.forEach((row, index) => {
    out[row.label in out ? `${row.label} (${index + 1})` : row.label] = { before: row.before, after: row.after };
  });
  return out;
};
