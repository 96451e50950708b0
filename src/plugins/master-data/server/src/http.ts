/** Request parsing shared by the plugin's controllers: a bad field is a 400 naming it. */
import { errors } from '@strapi/utils';
import type { z } from 'zod';

/** A 400 naming one field (path into the data, or a header's name) and the reason. */
export const fieldError = (path: string[], message: string, extra: Record<string, unknown> = {}) =>
  new errors.ValidationError(`${path.join('.')}: ${message}`, { errors: [{ path, message, name: 'ValidationError', ...extra }] });

export const parse = <T>(schema: z.ZodType<T>, input: unknown, where = 'query'): T => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, name: 'ValidationError' }));
  throw new errors.ValidationError(issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; '), { errors: issues });
};
