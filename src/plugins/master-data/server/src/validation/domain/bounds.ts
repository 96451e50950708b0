/**
 * Bounds of one write's data, checked before any other work is done (normalising a 60,000-character
 * name or standardising 2,000 addresses costs seconds; refusing them costs a length comparison).
 * Pure: a plain description of the schema and the data in, the list of violations out.
 *
 * What is checked, per attribute of the schema (components and dynamic zones included):
 * - strings: four times the attribute's maxLength, at least 255 (see `rawLength`), or the column's
 *   limit (255 for string-like attributes, a generous default for text); no NUL and no lone surrogate (PostgreSQL refuses both in text and
 *   jsonb: a 500 otherwise);
 * - numbers: finite, and within what the column holds (integer: 32 bits, biginteger: 64 bits,
 *   decimal: Strapi's decimal(10,2), float: a double) and the attribute's min/max;
 * - repeatable components and dynamic zones: at most `maxItems` entries (per attribute override);
 * - json: an object or an array, at most `maxDepth` deep and about `maxBytes` big, no NUL;
 * - relations and media: small, flat values with valid ids;
 * - keys that reach an object's prototype (`__proto__`, `constructor`, `prototype`) anywhere.
 * The walk stops at the first violation of each attribute and never descends past the limits, so
 * its cost is bounded by the limits, not by the input.
 */

export type AttributeShape =
  | { type: 'string' | 'text' | 'richtext' | 'email' | 'uid' | 'password' | 'enumeration'; maxLength?: number }
  | { type: 'integer' | 'biginteger' | 'float' | 'decimal'; min?: number; max?: number }
  | { type: 'boolean' | 'date' | 'datetime' | 'time' | 'timestamp' }
  | { type: 'json' }
  | { type: 'component'; repeatable: boolean; shape: Shape }
  | { type: 'dynamiczone'; components: Record<string, Shape> }
  | { type: 'relation' | 'media'; target?: string }
  | { type: string };

export interface Shape {
  attributes: Record<string, AttributeShape>;
}

export interface Limits {
  /** Entries of a repeatable component or dynamic zone, unless `items` names the attribute. */
  maxItems: number;
  /** Per attribute (root name) override of `maxItems`. */
  items: Record<string, number>;
  /** Characters of a text/richtext attribute without a maxLength. */
  maxTextLength: number;
  json: { maxDepth: number; maxBytes: number };
}

export const DEFAULT_LIMITS: Limits = { maxItems: 50, items: {}, maxTextLength: 100_000, json: { maxDepth: 20, maxBytes: 65_536 } };

export interface BoundsError {
  path: string[];
  message: string;
}

/** Keys that reach an object's prototype when copied or merged by naive code. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What is checked here is the input, before standardisation shortens it ("China" -> "CN",
 * " 0755 8601 3388 " -> "+8675586013388"): a declared maxLength bounds the raw value at four
 * times itself (at least 255), so that the field's rule can still say what is wrong with it; the
 * stored value is held to maxLength by Strapi's validation after the pipeline. Without a maxLength
 * there is no later check, so the column's limit applies exactly.
 */
export const rawLength = (maxLength: number) => Math.max(maxLength * 4, 255);

/** The column limit of string-like attributes without a maxLength (varchar(255) on PostgreSQL). */
const STRING_COLUMN = 255;
const TEXT_TYPES = new Set(['text', 'richtext']);
const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'password', 'enumeration']);
const NUMBER_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
const SCALAR_TYPES = new Set(['boolean', 'date', 'datetime', 'time', 'timestamp']);

const INT32 = 2_147_483_647;
const INT64 = BigInt('9223372036854775807');
/** decimal(10,2): eight digits before the point; PostgreSQL rounds to two decimals first. */
const DECIMAL_LIMIT = 99_999_999.995;
/** Relation and media values: a documentId, an id, or a small object/array of them. */
const RELATION_ITEMS = 1000;
const RELATION_DEPTH = 4;
/** Attributes the schema does not list (id, documentId, locale, …): checked loosely. */
const LOOSE_DEPTH = 8;
const NUMERIC_STRING = /^[+-]?(\d{1,40}(\.\d{0,40})?|\.\d{1,40})([eE][+-]?\d{1,4})?$/;

const isId = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= INT32) || (typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v) && Number(v) <= INT32);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a string cannot be stored, or null. Length first: it costs nothing. */
export const badText = (value: string, maxLength: number): string | null => {
  if (value.length > maxLength) return `must be at most ${maxLength} characters (got ${value.length})`;
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (!(value as unknown as { isWellFormed(): boolean }).isWellFormed()) return 'must be well-formed Unicode (a lone surrogate was found)';
  return null;
};

const numberError = (type: string, value: unknown, attribute: { min?: number; max?: number }): string | null => {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    if (!NUMERIC_STRING.test(value.trim())) return 'must be a number';
    if (type === 'biginteger' && /^[+-]?\d+$/.test(value.trim())) {
      const big = BigInt(value.trim());
      return big > INT64 || big < -INT64 - BigInt(1) ? 'must be a 64-bit integer' : null;
    }
    n = Number(value);
  } else return 'must be a number';
  if (!Number.isFinite(n)) return 'must be a finite number';
  if ((type === 'integer' || type === 'biginteger') && !Number.isInteger(n)) return 'must be an integer';
  if (type === 'integer' && Math.abs(n) > INT32) return `must be between ${-INT32 - 1} and ${INT32}`;
  if (type === 'biginteger' && !Number.isSafeInteger(n)) return 'must be an integer of at most 15 digits, or a string of digits';
  if (type === 'decimal' && Math.abs(n) >= DECIMAL_LIMIT) return 'must be less than 100,000,000 in magnitude (decimal(10,2))';
  if (attribute.min !== undefined && n < attribute.min) return `must be at least ${attribute.min}`;
  if (attribute.max !== undefined && n > attribute.max) return `must be at most ${attribute.max}`;
  return null;
};

/**
 * Walks a free-form value (json, relation, unknown attribute) iteratively, so that nesting 5,000
 * deep costs `maxDepth` steps, not a stack overflow. Returns the first violation.
 */
const walkLoose = (
  value: unknown,
  path: string[],
  limits: { maxDepth: number; maxBytes: number; maxText: number; maxItems?: number; idsOnly?: boolean; forbidden: ReadonlySet<string> }
): BoundsError | null => {
  let bytes = 0;
  const stack: Array<{ value: unknown; path: string[]; depth: number }> = [{ value, path, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      bytes += v.length + 2;
      if (bytes > limits.maxBytes) return { path, message: `must be at most ${limits.maxBytes} bytes` };
      const bad = badText(v, limits.maxText);
      if (bad) return { path: item.path, message: bad };
    } else if (typeof v === 'number') {
      bytes += 8;
      if (!Number.isFinite(v)) return { path: item.path, message: 'must be a finite number' };
      if (limits.idsOnly && (!Number.isInteger(v) || v < 0 || v > INT32)) return { path: item.path, message: 'must be a valid id (a documentId string or a positive integer)' };
    } else if (typeof v === 'boolean' || v === null || v === undefined) {
      bytes += 4;
    } else if (typeof v === 'object') {
      if (item.depth >= limits.maxDepth) return { path: item.path, message: `must be nested at most ${limits.maxDepth} levels deep` };
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as object);
      if (limits.maxItems !== undefined && entries.length > limits.maxItems) return { path: item.path, message: `must have at most ${limits.maxItems} entries` };
      bytes += 2;
      for (const [key, child] of entries) {
        bytes += key.length + 3;
        if (bytes > limits.maxBytes) return { path, message: `must be at most ${limits.maxBytes} bytes` };
        if (!Array.isArray(v)) {
          if (limits.forbidden.has(key)) return { path: [...item.path, key], message: 'is not an allowed key' };
          const badKey = badText(key, 1000);
          if (badKey) return { path: [...item.path, key], message: `key ${badKey}` };
        }
        stack.push({ value: child, path: [...item.path, key], depth: item.depth + 1 });
      }
    } else {
      return { path: item.path, message: 'must be JSON data' };
    }
  }
  return null;
};

const checkObject = (shape: Shape, data: Record<string, unknown>, path: string[], limits: Limits, errors: BoundsError[]) => {
  for (const key of Object.keys(data)) {
    const value = data[key];
    const at = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push({ path: at, message: 'is not an allowed key' });
      continue;
    }
    const attribute = Object.prototype.hasOwnProperty.call(shape.attributes, key) ? shape.attributes[key] : undefined;
    if (value === undefined || value === null) continue;
    if (key === 'id' && !attribute) {
      // A row id reaches an integer column: anything else is a database error (a 500), not a 400.
      if (!isId(value)) errors.push({ path: at, message: 'must be a positive integer id' });
      continue;
    }
    const error = attribute ? checkAttribute(attribute, value, at, limits, errors) : walkLoose(value, at, { maxDepth: LOOSE_DEPTH, maxBytes: limits.json.maxBytes, maxText: STRING_COLUMN, forbidden: FORBIDDEN_KEYS });
    if (error) errors.push(error);
  }
};

/** Returns the error of one attribute's value, or null; component errors go straight to `errors`. */
const checkAttribute = (attribute: AttributeShape, value: unknown, at: string[], limits: Limits, errors: BoundsError[]): BoundsError | null => {
  const { type } = attribute;
  if (STRING_TYPES.has(type)) {
    if (typeof value !== 'string') return { path: at, message: 'must be a string' };
    const declared = (attribute as { maxLength?: number }).maxLength;
    const max = declared !== undefined ? rawLength(declared) : TEXT_TYPES.has(type) ? limits.maxTextLength : STRING_COLUMN;
    const bad = badText(value, max);
    return bad ? { path: at, message: bad } : null;
  }
  if (NUMBER_TYPES.has(type)) {
    const bad = numberError(type, value, attribute as { min?: number; max?: number });
    return bad ? { path: at, message: bad } : null;
  }
  if (SCALAR_TYPES.has(type)) {
    if (typeof value === 'object') return { path: at, message: type === 'boolean' ? 'must be a boolean' : `must be a ${type} string` };
    if (typeof value === 'string') {
      const bad = badText(value, 64);
      return bad ? { path: at, message: bad } : null;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return { path: at, message: 'must be finite' };
    return null;
  }
  if (type === 'json') {
    if (typeof value !== 'object') return { path: at, message: 'must be a JSON object or array' };
    return walkLoose(value, at, { ...limits.json, maxText: limits.json.maxBytes, forbidden: new Set(['__proto__']) });
  }
  if (type === 'component') {
    const component = attribute as { repeatable: boolean; shape: Shape };
    const root = at[0];
    if (component.repeatable) {
      if (!Array.isArray(value)) return { path: at, message: 'must be an array of components' };
      const max = limits.items[root] ?? limits.maxItems;
      if (value.length > max) return { path: at, message: `must have at most ${max} entries (got ${value.length})` };
      value.forEach((entry, i) => {
        if (isObject(entry)) checkObject(component.shape, entry, [...at, String(i)], limits, errors);
        else errors.push({ path: [...at, String(i)], message: 'must be an object' });
      });
      return null;
    }
    if (!isObject(value)) return { path: at, message: 'must be an object' };
    checkObject(component.shape, value, at, limits, errors);
    return null;
  }
  if (type === 'dynamiczone') {
    const zone = attribute as { components: Record<string, Shape> };
    if (!Array.isArray(value)) return { path: at, message: 'must be an array of components' };
    const max = limits.items[at[0]] ?? limits.maxItems;
    if (value.length > max) return { path: at, message: `must have at most ${max} entries (got ${value.length})` };
    value.forEach((entry, i) => {
      const name = isObject(entry) ? entry.__component : undefined;
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(zone.components, name)) {
        errors.push({ path: [...at, String(i), '__component'], message: `must be one of ${Object.keys(zone.components).join(', ')}` });
      } else checkObject(zone.components[name], entry as Record<string, unknown>, [...at, String(i)], limits, errors);
    });
    return null;
  }
  // Relations, media and attribute kinds without a rule here: small values of ids.
  return walkLoose(value, at, { maxDepth: RELATION_DEPTH, maxBytes: limits.json.maxBytes, maxText: STRING_COLUMN, maxItems: RELATION_ITEMS, idsOnly: true, forbidden: FORBIDDEN_KEYS });
};

/**
 * The violations of `data` against `shape` and `limits`, each with the path of the field.
 * Attributes the shape does not list are checked loosely (depth, NUL, column-sized strings);
 * whether they are allowed at all is Strapi's to say.
 */
export const checkBounds = (shape: Shape, data: unknown, limits: Limits = DEFAULT_LIMITS): BoundsError[] => {
  if (!isObject(data)) return [{ path: ['data'], message: 'must be an object' }];
  const errors: BoundsError[] = [];
  checkObject(shape, data, [], limits, errors);
  return errors;
};

const LOGICAL = new Set(['$and', '$or']);
const NO_OPERAND = new Set(['$null', '$notNull']);

/** Why a filter operand on a number attribute cannot be compared, or null. */
const badOperand = (type: string, value: unknown): string | null => {
  if (value === null || typeof value === 'boolean') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC_STRING.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return 'must be a finite number';
  if ((type === 'integer' || type === 'id') && Math.abs(n) > INT32) return `must be between ${-INT32 - 1} and ${INT32}`;
  if (type === 'biginteger' && !Number.isSafeInteger(Math.trunc(n))) return 'must be a 64-bit integer';
  return null;
};

/**
 * The first filter value the database cannot compare: a non-number (or a number out of the
 * column's range) against a number attribute, or a string no database can take (NUL, lone
 * surrogate). Strapi passes both to the database, which answers with a 500. Unknown attributes
 * and operators are Strapi's to refuse. `shapeOf` resolves a relation's target.
 */
export const checkFilters = (shape: Shape, filters: unknown, shapeOf: (uid: string) => Shape | undefined, path: string[] = ['filters'], depth = 0): BoundsError | null => {
  if (depth > 12) return { path, message: 'must be nested at most 12 levels deep' };
  if (Array.isArray(filters)) {
    for (const [i, f] of filters.entries()) {
      const e = checkFilters(shape, f, shapeOf, [...path, String(i)], depth + 1);
      if (e) return e;
    }
    return null;
  }
  if (!isObject(filters)) {
    if (typeof filters === 'string') {
      const bad = badText(filters, 10_000);
      return bad ? { path, message: bad } : null;
    }
    return null;
  }
  for (const [key, value] of Object.entries(filters)) {
    const at = [...path, key];
    if (LOGICAL.has(key) || key === '$not') {
      const e = checkFilters(shape, value, shapeOf, at, depth + 1);
      if (e) return e;
      continue;
    }
    const attribute = Object.prototype.hasOwnProperty.call(shape.attributes, key) ? shape.attributes[key] : key === 'id' ? { type: 'id' } : undefined;
    if (attribute && (NUMBER_TYPES.has(attribute.type) || attribute.type === 'id')) {
      const operands: Array<[string[], unknown]> = [];
      if (isObject(value)) {
        for (const [op, operand] of Object.entries(value)) {
          if (NO_OPERAND.has(op)) continue;
          if (op === '$not') {
            const e = checkFilters(shape, { [key]: operand }, shapeOf, path, depth + 1);
            if (e) return e;
            continue;
          }
          if (Array.isArray(operand)) operand.forEach((o, i) => operands.push([[...at, op, String(i)], o]));
          else operands.push([[...at, op], operand]);
        }
      } else if (Array.isArray(value)) value.forEach((o, i) => operands.push([[...at, String(i)], o]));
      else operands.push([at, value]);
      for (const [where, operand] of operands) {
        const bad = badOperand(attribute.type, operand);
        if (bad) return { path: where, message: bad };
      }
      continue;
    }
    const target = attribute?.type === 'relation' ? (attribute as { target?: string }).target : undefined;
    const inner = target ? shapeOf(target) : attribute?.type === 'component' ? (attribute as unknown as { shape: Shape }).shape : undefined;
    const e = checkFilters(inner ?? { attributes: {} }, value, shapeOf, at, depth + 1);
    if (e) return e;
  }
  return null;
};
