/**
 * 409 errors. Strapi's error middleware answers `http-errors` errors with their status, name,
 * message and details; `@strapi/utils` application errors would all be 400.
 */
import createError from 'http-errors';
import type { MatchCandidate } from '../../../shared/contracts/matching';

export const conflictError = (name: string, message: string, details: Record<string, unknown>) => {
  const error = createError(409, message);
  error.name = name;
  (error as any).details = details;
  return error;
};

export const duplicateError = (candidates: MatchCandidate[]) =>
  conflictError(
    'DuplicateError',
    `Duplicate of ${candidates.map((c) => c.documentId).join(', ')}: ${candidates[0].reasons.map((r) => `${r.field} ${r.outcome}`).join(', ')}`,
    { candidates }
  );
