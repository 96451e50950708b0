/**
 * What a reader may see of recorded values (audit changes, an as-of state, a merge preview). Pure.
 *
 * A content type is described as a `Shape`: a component attribute maps to its sub-fields' shape,
 * every other attribute (scalar, relation, media, dynamic zone) is a leaf (`null`). `FieldAccess`
 * says whether the reader may read the type at all and which leaf paths (`bankAccounts.iban`,
 * `creditLimit`) it may read. Sensitive values are stored as fingerprints; a fingerprint of a field
 * the reader may not read is withheld like its value (it confirms a guessed IBAN).
 */
import type { AuditChanges, AuditChangesView, AuditChangeView } from '../../../../shared/contracts/audit';

export interface Shape {
  [field: string]: Shape | null;
}

export interface FieldAccess {
  /** May read records of the type at all. */
  readable: boolean;
  /** Leaf paths the reader may read ("name", "bankAccounts.iban"). */
  allowed: ReadonlySet<string>;
}

/** Writes that record a record's own field values; other events (merge, duplicate.override) record plugin bookkeeping. */
export const RECORD_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discard', 'clone']);

const has = (shape: Shape, key: string) => Object.prototype.hasOwnProperty.call(shape, key);

/** No prototype: a stored "__proto__" key stays a key. */
const blank = <T>(): Record<string, T> => Object.create(null);

/** Every leaf path of a shape. */
export const leavesOf = (shape: Shape, prefix = ''): string[] =>
  Object.entries(shape).flatMap(([key, sub]) => (sub === null ? [`${prefix}${key}`] : leavesOf(sub, `${prefix}${key}.`)));

/** True when the reader may read `field` (a top-level attribute) or at least one of its sub-fields. */
export const visibleField = (shape: Shape, access: FieldAccess, field: string): boolean => {
  if (!access.readable) return false;
  if (!has(shape, field)) return complete(shape, access);
  const sub = shape[field];
  return sub === null ? access.allowed.has(field) : leavesOf(sub, `${field}.`).some((p) => access.allowed.has(p));
};

/** True when the reader may read every field of the type (then values of fields no longer in the schema are shown too). */
export const complete = (shape: Shape, access: FieldAccess): boolean => access.readable && leavesOf(shape).every((p) => access.allowed.has(p));

/**
 * A component value (one item, a list, or a fingerprint of the whole) without the sub-fields the
 * reader may not read; their paths are added to `hidden`.
 */
const visibleValue = (shape: Shape, path: string, value: unknown, access: FieldAccess, hidden: Set<string>): unknown => {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => visibleValue(shape, path, item, access, hidden));
  if (typeof value !== 'object') {
    // A whole component stored as one value (fingerprinted): readable only with every sub-field.
    const leaves = leavesOf(shape, `${path}.`);
    if (leaves.every((p) => access.allowed.has(p))) return value;
    for (const p of leaves.filter((l) => !access.allowed.has(l))) hidden.add(p);
    return null;
  }
  const out = blank<unknown>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const at = `${path}.${key}`;
    if (key === '__component') out[key] = inner;
    else if (!has(shape, key)) hidden.add(at);
    else if (shape[key] === null) {
      if (access.allowed.has(at)) out[key] = inner;
      else hidden.add(at);
    } else out[key] = visibleValue(shape[key]!, at, inner, access, hidden);
  }
  return out;
};

const RESTRICTED = { restricted: true } as const;

/**
 * An event's changes as the reader may see them: a field it may not read becomes `{ restricted: true }`
 * (that it changed stays visible, its values do not); a component loses the sub-fields it may not
 * read (named in `hidden`). `shape` undefined: the event is not about a content type (the audit
 * trail's own retention events) and carries no record values.
 */
export const visibleChanges = (shape: Shape | undefined, access: FieldAccess, action: string, changes: AuditChanges): AuditChangesView => {
  if (!shape) return changes;
  const out: AuditChangesView = blank();
  const whole = complete(shape, access);
  for (const [field, change] of Object.entries(changes)) {
    if (!access.readable) {
      out[field] = RESTRICTED;
    } else if (!has(shape, field)) {
      // Not an attribute: a merge's or an override's bookkeeping (document ids, scores), or a field
      // since removed from the schema, whose permission cannot be known.
      out[field] = whole || !RECORD_WRITES.has(action) ? change : RESTRICTED;
    } else if (shape[field] === null) {
      out[field] = access.allowed.has(field) ? change : RESTRICTED;
    } else if (!visibleField(shape, access, field)) {
      out[field] = RESTRICTED;
    } else {
      const hidden = new Set<string>();
      const view: AuditChangeView = {
        before: visibleValue(shape[field]!, field, change.before, access, hidden),
        after: visibleValue(shape[field]!, field, change.after, access, hidden),
      };
      if (hidden.size) view.hidden = [...hidden].sort();
      out[field] = view;
    }
  }
  return out;
};

/**
 * A record's values (an as-of state, a merge preview) as the reader may see them: fields and
 * sub-fields it may not read are left out and named in `restricted`.
 */
export const visibleRecord = (
  shape: Shape | undefined,
  access: FieldAccess,
  values: Record<string, unknown>
): { values: Record<string, unknown>; restricted: string[] } => {
  if (!shape) return { values, restricted: [] };
  const out = blank<unknown>();
  const hidden = new Set<string>();
  for (const [field, value] of Object.entries(values)) {
    if (!visibleField(shape, access, field)) hidden.add(field);
    else if (!has(shape, field) || shape[field] === null) out[field] = value;
    else out[field] = visibleValue(shape[field]!, field, value, access, hidden);
  }
  return { values: out, restricted: [...hidden].sort() };
};

/** Keeps the entries of a field-keyed map (merge sources, picks) whose field the reader may see. */
export const visibleKeys = <T>(shape: Shape | undefined, access: FieldAccess, map: Record<string, T>): Record<string, T> =>
  shape ? Object.fromEntries(Object.entries(map).filter(([field]) => visibleField(shape, access, field))) : map;
