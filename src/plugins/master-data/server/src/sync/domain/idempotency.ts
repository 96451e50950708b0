/**
 * Idempotency keys (`Idempotency-Key`, IETF draft-ietf-httpapi-idempotency-key-header): what a
 * request with a key is checked against, and what to do with a second request of the same key.
 * Pure.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../governance/domain/canonical';

/** A key: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
export const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * The fingerprint of a request: method, target and body (JSON compared as data, key order
 * ignored; an NDJSON body as its bytes). The same key with another fingerprint is another request.
 */
export const fingerprint = (input: { method: string; target: string; body: unknown }): string =>
  createHash('sha256')
    .update(`${input.method.toUpperCase()}\n${input.target}\n${typeof input.body === 'string' ? `text:${input.body}` : `json:${canonicalJson(input.body ?? null)}`}`)
    .digest('hex');

/** A stored key as the decision needs it. */
export interface StoredKey {
  fingerprint: string;
  /** `pending` while the first request runs; `done` with its answer. */
  state: 'pending' | 'done';
  /** When the key was (last) claimed, ISO 8601. */
  claimedAt: string;
  expiresAt: string;
}

export type KeyDecision =
  /** No live key: this request claims it and runs. */
  | 'claim'
  /** The first request's answer is returned again. */
  | 'replay'
  /** The key was used for another request: refused (422). */
  | 'mismatch'
  /** The first request is still running: refused (409), try again later. */
  | 'in-progress'
  /** The first request never finished (its instance died): this one takes the key over and runs. */
  | 'take-over';

/** What to do with a request of `fingerprint` whose key is `stored` (or unused). */
export const decide = (stored: StoredKey | null, requestFingerprint: string, now: Date, leaseSeconds: number): KeyDecision => {
  if (!stored || stored.expiresAt <= now.toISOString()) return 'claim';
  if (stored.fingerprint !== requestFingerprint) return 'mismatch';
  if (stored.state === 'done') return 'replay';
  return new Date(stored.claimedAt).getTime() + leaseSeconds * 1000 <= now.getTime() ? 'take-over' : 'in-progress';
};
