/** Request parsing shared by the plugin's controllers: a bad field is a 400 naming it. */
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import { ZodError, type z } from 'zod';
import { ConfigError } from './governance/registry';

/** A 400 naming one field (path into the data, or a header's name) and the reason. */
export const fieldError = (path: string[], message: string, extra: Record<string, unknown> = {}) =>
  new errors.ValidationError(`${path.join('.')}: ${message}`, { errors: [{ path, message, name: 'ValidationError', ...extra }] });

/**
 * The first string (value or key) in a request's query or body that no database can take: a NUL
 * (PostgreSQL refuses it in text: a 500) or a lone surrogate. Iterative and bounded: the body
 * parser and Strapi's query parser already limit size and depth.
 */
export const unstorable = (input: unknown): { path: string[]; message: string } | null => {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { path, message: 'must not contain the NUL character (U+0000)' };
      if (!(value as unknown as { isWellFormed(): boolean }).isWellFormed()) return { path, message: 'must be well-formed Unicode' };
    } else if (typeof value === 'object' && value !== null && path.length < 32) {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return { path: [...path, key], message: 'must not contain the NUL character (U+0000)' };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
};

export const parse = <T>(schema: z.ZodType<T>, input: unknown, where = 'query'): T => {
  const bad = unstorable(input);
  if (bad) throw fieldError(bad.path.length ? bad.path : [where], bad.message);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, name: 'ValidationError' }));
  throw new errors.ValidationError(issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; '), { errors: issues });
};

/**
 * An error with its own status, name, message and details, answered as they are: Strapi's error
 * middleware passes `http-errors` errors through, while it answers a `@strapi/utils` ForbiddenError
 * with the bare message "Forbidden".
 */
export const httpError = (status: number, name: string, message: string, details: Record<string, unknown> = {}) => {
  const error = createError(status, message);
  error.name = name;
  (error as any).details = details;
  return error;
};

/**
 * A refused settings document (the zod schema's issues, or a name the content types do not have)
 * as a 400 naming each key under `data`.
 */
export const settingsError = (error: unknown): never => {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: ['data', ...i.path.map(String)], message: i.message, name: 'ValidationError' }));
    throw new errors.ValidationError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { errors: issues });
  }
  if (error instanceof ConfigError) {
    const path = ['data', ...error.path];
    throw new errors.ValidationError(`${path.join('.')}: ${error.reason}`, { errors: [{ path, message: error.reason, name: 'ValidationError' }] });
  }
  throw error;
};

/** Route config of an admin route that needs one admin permission (RBAC action). */
export const requires = (action: string) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] });
