/**
 * The audit hash chain. Pure. Each event's hash is HMAC-SHA256, keyed with a secret kept outside the
 * database, over the previous hash and a canonical serialisation of the event (keys sorted at every
 * depth, no whitespace). A changed, deleted, inserted or reordered event breaks the chain at that
 * point, and someone with database access but without the key cannot compute a valid replacement.
 */
import { createHmac } from 'node:crypto';
import { canonicalJson } from '../../governance/domain/canonical';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that the hash covers (everything but `hash` itself). */
export interface ChainedFields {
  sequence: number;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  action: string;
  uid: string;
  documentId: string | null;
  locale: string | null;
  changes: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  outcome: string;
  prevHash: string;
}

export { canonicalJson };

/** The chain key, derived from the application secret so that it is not reused as is. */
export const chainKey = (secret: string): Buffer => createHmac('sha256', secret).update('master-data audit chain v1').digest();

export const hashEvent = (event: ChainedFields, key: Buffer): string =>
  createHmac('sha256', key).update(event.prevHash).update('\n').update(canonicalJson(event)).digest('hex');

export interface VerifyState {
  /** Hash the next event must carry as prevHash. */
  expectedPrevHash: string;
  /** Sequence the next event must carry. */
  expectedSequence: number;
  checked: number;
}

export type VerifyStep = { ok: true; state: VerifyState } | { ok: false; sequence: number; reason: string };

/** Checks one stored event (with its stored hash) against the chain so far. */
export const verifyNext = (state: VerifyState, event: ChainedFields & { hash: string }, key: Buffer): VerifyStep => {
  if (event.sequence !== state.expectedSequence) {
    const reason =
      event.sequence > state.expectedSequence
        ? `sequence ${state.expectedSequence} is missing (next stored is ${event.sequence})`
        : `sequence ${event.sequence} is out of order (expected ${state.expectedSequence})`;
    return { ok: false, sequence: Math.min(event.sequence, state.expectedSequence), reason };
  }
  if (event.prevHash !== state.expectedPrevHash) {
    return { ok: false, sequence: event.sequence, reason: 'prevHash does not match the previous event' };
  }
  const { hash, ...fields } = event;
  if (hashEvent(fields, key) !== hash) {
    return { ok: false, sequence: event.sequence, reason: 'stored hash does not match the event data' };
  }
  return { ok: true, state: { expectedPrevHash: hash, expectedSequence: event.sequence + 1, checked: state.checked + 1 } };
};
