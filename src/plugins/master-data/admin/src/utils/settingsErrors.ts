/**
 * The server's 400 on a settings document names each bad key by its path under `data`
 * (`['data', 'governed', 'api::supplier.supplier', 'fields', 'taxId', 'pattern']`). The pages show
 * each message beside its input: these helpers turn a path into the key an input asks for. A field
 * path of a component (`contacts.phone`) arrives as one segment from the schema check and as two
 * from the content type check; both give the same key. Pure.
 */
import type { FieldRule, SettingsDocument } from '../../../shared/contracts/settings';
import { apiError } from './approvals';

export interface SettingsError {
  /** The path as the server sent it, without the leading `data`. */
  path: string[];
  message: string;
}

/** The options of a field rule, which end a path under `fields.<path>`. */
const RULE_OPTIONS: ReadonlySet<string> = new Set<keyof FieldRule>(['type', 'countryField', 'required', 'allowed', 'pattern', 'patternMessage', 'sample', 'sensitive']);

/** The errors of a refused save, check or try (empty when the failure named no key). */
export const settingsErrors = (error: unknown): SettingsError[] => {
  const details = apiError(error).details as { errors?: { path?: unknown; message?: unknown }[] } | undefined;
  return (details?.errors ?? [])
    .filter((e) => Array.isArray(e.path) && typeof e.message === 'string')
    .map((e) => {
      const path = (e.path as unknown[]).map(String);
      return { path: path[0] === 'data' ? path.slice(1) : path, message: e.message as string };
    });
};

/**
 * The canonical path of an error: under `governed.<uid>.fields` the field path is one segment,
 * followed by the rule option if any. A field path the document governs wins over reading its last
 * segment as an option (an attribute of a component may be called `type`).
 */
export const canonicalPath = (path: string[], document?: SettingsDocument): string[] => {
  if (path[0] !== 'governed' || path.length < 4 || path[2] !== 'fields') return path;
  const [, uid, , ...rest] = path;
  const governed = new Set(Object.keys(document?.governed?.[uid]?.fields ?? {}));
  for (let end = rest.length; end > 0; end -= 1) {
    const field = rest.slice(0, end).join('.');
    if (governed.has(field)) return ['governed', uid, 'fields', field, ...rest.slice(end)];
  }
  const last = rest[rest.length - 1];
  if (rest.length > 1 && RULE_OPTIONS.has(last)) return ['governed', uid, 'fields', rest.slice(0, -1).join('.'), last];
  return ['governed', uid, 'fields', rest.join('.')];
};

const valueAt = (document: unknown, path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), document);

/**
 * The errors that still stand: an error goes once what it is about has been edited since the
 * document was checked (for a field's rule, any option of that rule: a new pattern may fix the
 * sample's error). The server says again at the next check.
 */
export const standingErrors = (errors: SettingsError[], checked: SettingsDocument | null, current: SettingsDocument | null): SettingsError[] => {
  if (!checked || !current || checked === current) return errors;
  return errors.filter((error) => {
    const path = canonicalPath(error.path, checked);
    const about = path[0] === 'governed' && path[2] === 'fields' && path.length > 4 ? path.slice(0, 4) : path;
    return JSON.stringify(valueAt(checked, about) ?? null) === JSON.stringify(valueAt(current, about) ?? null);
  });
};

/** A key for a path (segments may hold dots: a uid, a component field). */
export const errorKey = (path: readonly (string | number)[]) => path.map(String).join('\u001f');

/** The errors by the key of their canonical path; several on one key are joined. */
export const errorsByKey = (errors: SettingsError[], document?: SettingsDocument): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const key = errorKey(canonicalPath(error.path, document));
    out[key] = out[key] ? `${out[key]}; ${error.message}` : error.message;
  }
  return out;
};

/** The message for one input, if the server named it. */
export const errorAt = (errors: Record<string, string>, path: readonly (string | number)[]): string | undefined => errors[errorKey(path)];

/** Whether any error lies at or under a path (to mark a row, a card or a tab). */
export const hasErrorUnder = (errors: Record<string, string>, path: readonly (string | number)[]) => {
  const prefix = errorKey(path);
  return Object.keys(errors).some((key) => key === prefix || key.startsWith(`${prefix}\u001f`));
};

/** The messages at or under a path, each with the rest of its path (for a summary under a row or card). */
export const errorsUnder = (errors: Record<string, string>, path: readonly (string | number)[]): { rest: string[]; message: string }[] => {
  const prefix = errorKey(path);
  return Object.entries(errors)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}\u001f`))
    .map(([key, message]) => ({ rest: key === prefix ? [] : key.slice(prefix.length + 1).split('\u001f'), message }));
};

/** Where an error is, in words: "Supplier › fields › taxId › pattern" (the whole document: "Settings"). */
export const errorLabel = (path: string[], typeNames: Record<string, string> = {}) => {
  if (path.length === 0) return 'Settings';
  if (path[0] === 'governed' && path[1]) return [typeNames[path[1]] ?? path[1], ...path.slice(2)].join(' › ');
  return path.join(' › ');
};

/** The messages at or under a path as one text ("1: must be one of …; …"), for an input that stands for all of them. */
export const messagesUnder = (errors: Record<string, string>, path: readonly (string | number)[]): string | undefined =>
  errorsUnder(errors, path)
    .map((e) => (e.rest.length ? `${e.rest.join('.')}: ${e.message}` : e.message))
    .join('; ') || undefined;
