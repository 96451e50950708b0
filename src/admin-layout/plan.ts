/**
 * How a declared Content Manager layout (./declarations.ts) is laid over the configuration an
 * admin panel already holds, without undoing what an admin changed there. Pure: no Strapi.
 *
 * Every declared setting is one path of the configuration (`settings.mainField`,
 * `metadatas.legalName.edit.label`, `layouts.list`, ...). A path takes the declared value when it
 * still holds what nobody chose: the value this app applied last time (remembered per path), or,
 * for a path never applied, the value Strapi gives it by default (a label equal to the attribute
 * name, an empty description, the first four listable attributes, ...). Any other value is an
 * admin's own choice and stays, also when the declaration changes later.
 */

/** What the app declares for one field (attribute) of a content type or component. */
export interface FieldDeclaration {
  /** Label in the edit view (and in the list view unless `listLabel` says otherwise). */
  label?: string;
  listLabel?: string;
  /** Help text shown under the input. */
  description?: string;
  placeholder?: string;
  /** Relations: the related record's attribute shown in the picker. */
  mainField?: string;
}

/** The Content Manager settings of a model that a declaration may set. */
export interface SettingsDeclaration {
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  pageSize?: number;
}

export interface LayoutDeclaration {
  uid: string;
  settings?: SettingsDeclaration;
  /** The list view's columns, in order. */
  list?: string[];
  fields?: Record<string, FieldDeclaration>;
}

/** The Content Manager configuration of a model (as its configuration service reads and writes it). */
export interface ModelConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
  layouts: { list?: string[]; edit?: unknown[]; [key: string]: unknown };
  [key: string]: unknown;
}

/** The value Strapi gives a path when nobody has set it (undefined: unknown, never taken as untouched). */
export type DefaultOf = (path: string[]) => unknown;

/** What was applied, per path (`metadatas.legalName.edit.label` → 'Legal name'). */
export type Applied = Record<string, unknown>;

export interface LayoutPlan {
  configuration: ModelConfiguration;
  /** What to remember as applied: every path that holds the declared value now. */
  applied: Applied;
  /** Paths set by this plan. */
  changed: string[];
  /** Paths left as an admin set them. */
  kept: string[];
}

/** Configuration values are JSON (strings, numbers, lists of names): equal when their JSON is. */
const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The declaration as a list of (path, value). */
export const declaredPaths = (declaration: LayoutDeclaration): Array<[string[], unknown]> => {
  const out: Array<[string[], unknown]> = [];
  for (const [key, value] of Object.entries(declaration.settings ?? {})) {
    if (value !== undefined) out.push([['settings', key], value]);
  }
  if (declaration.list) out.push([['layouts', 'list'], declaration.list]);
  for (const [field, d] of Object.entries(declaration.fields ?? {})) {
    const meta = (view: 'edit' | 'list', key: string, value: unknown) => {
      if (value !== undefined) out.push([['metadatas', field, view, key], value]);
    };
    meta('edit', 'label', d.label);
    meta('edit', 'description', d.description);
    meta('edit', 'placeholder', d.placeholder);
    meta('edit', 'mainField', d.mainField);
    meta('list', 'label', d.listLabel ?? d.label);
  }
  return out;
};

const getPath = (object: unknown, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);

const setPath = (object: Record<string, unknown>, path: string[], value: unknown) => {
  let node = object;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
};

/**
 * The configuration with the declaration laid over it. Paths naming a field the model does not have
 * (`hasField` false) are skipped: a declaration may outlive an attribute removed in the
 * Content-Type Builder, and the Content Manager would drop its metadata anyway.
 */
export const planLayout = ({
  declaration,
  current,
  applied = {},
  defaultOf,
  hasField,
}: {
  declaration: LayoutDeclaration;
  current: ModelConfiguration;
  applied?: Applied;
  defaultOf: DefaultOf;
  hasField: (name: string) => boolean;
}): LayoutPlan => {
  const configuration = structuredClone(current) as ModelConfiguration;
  const nextApplied: Applied = { ...applied };
  const changed: string[] = [];
  const kept: string[] = [];
  for (const [path, declared] of declaredPaths(declaration)) {
    const key = path.join('.');
    if (path[0] === 'metadatas' && !hasField(path[1])) continue;
    if (path[0] === 'layouts' && Array.isArray(declared) && declared.some((name) => !hasField(name))) continue;
    if (path[0] === 'settings' && (key === 'settings.mainField' || key === 'settings.defaultSortBy') && !hasField(declared as string)) continue;
    const value = getPath(configuration, path);
    if (isEqual(value, declared)) {
      nextApplied[key] = declared;
      continue;
    }
    const untouched = key in applied ? isEqual(value, applied[key]) : defaultOf(path) !== undefined && isEqual(value, defaultOf(path));
    if (untouched) {
      setPath(configuration as Record<string, unknown>, path, structuredClone(declared));
      nextApplied[key] = declared;
      changed.push(key);
    } else {
      kept.push(key);
    }
  }
  return { configuration, applied: nextApplied, changed, kept };
};
