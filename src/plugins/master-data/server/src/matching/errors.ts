/** 409 errors (`@strapi/utils` application errors would all be 400; see httpError). */
import type { MatchCandidate } from '../../../shared/contracts/matching';
import { httpError } from '../http';

export const conflictError = (name: string, message: string, details: Record<string, unknown>) => httpError(409, name, message, details);

export const duplicateError = (candidates: MatchCandidate[]) =>
  conflictError(
    'DuplicateError',
    `Duplicate of ${candidates.map((c) => c.documentId).join(', ')}: ${candidates[0].reasons.map((r) => `${r.field} ${r.outcome}`).join(', ')}`,
    { candidates }
  );
