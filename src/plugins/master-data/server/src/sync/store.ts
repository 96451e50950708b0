/**
 * Idempotency keys in the database (table `master_data_sync_idempotency_keys`), so that every
 * instance sharing it answers a retry the same way. A key is claimed in a short transaction of
 * its own before the work (a second request with the key then sees it `pending`: 409 while the
 * first runs, as the IETF draft asks), and the answer is stored when the work is done; for a
 * single upsert in the write's own transaction (see service.ts), so that a committed write always
 * has its answer.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { decide, type StoredKey } from './domain/idempotency';
import { KEYS } from './schema';

export interface KeyRef {
  system: string;
  caller: string;
  key: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Claim =
  | { decision: 'claim' | 'take-over'; claimedAt: string }
  | { decision: 'replay'; answer: StoredAnswer }
  | { decision: 'mismatch' }
  | { decision: 'in-progress' };

const where = (ref: KeyRef) => ({ system: ref.system, caller: ref.caller, idempotency_key: ref.key });

const toStored = (row: any): StoredKey => ({ fingerprint: row.fingerprint, state: row.state, claimedAt: row.claimed_at, expiresAt: row.expires_at });

export const idempotencyStore = (strapi: Core.Strapi, settings: { ttlHours: number; leaseSeconds: number }) => {
  const knex = () => strapi.db.connection;
  let lastSweep = 0;

  const store = {
    /**
     * Claims `ref` for a request of `fingerprint`, or says why not (its stored answer to replay,
     * another request's key, still running). Its own transaction: the claim is visible at once.
     */
    async claim(ref: KeyRef, fingerprint: string): Promise<Claim> {
      await store.sweep();
      return knex().transaction(async (trx) => {
        const now = new Date();
        const at = now.toISOString();
        const expiresAt = new Date(now.getTime() + settings.ttlHours * 3600_000).toISOString();
        // An expired key is free again.
        await trx(KEYS).where(where(ref)).where('expires_at', '<=', at).delete();
        // ON CONFLICT DO NOTHING: a concurrent claim of the same key on PostgreSQL waits for the
        // other transaction and then inserts nothing (no error that would abort this transaction).
        const inserted = await trx(KEYS)
          .insert({ ...where(ref), fingerprint, state: 'pending', created_at: at, claimed_at: at, expires_at: expiresAt })
          .onConflict(['system', 'caller', 'idempotency_key'])
          .ignore()
          .returning('id');
        if (inserted.length > 0) return { decision: 'claim', claimedAt: at };
        const row = await trx(KEYS).where(where(ref)).first();
        const decision = decide(row ? toStored(row) : null, fingerprint, now, settings.leaseSeconds);
        if (decision === 'replay') {
          const response = JSON.parse(row.response);
          return { decision, answer: { status: row.status, body: response.body, headers: response.headers ?? {} } };
        }
        if (decision === 'take-over' || decision === 'claim') {
          // Compare-and-set on the claim time: of two retries taking over, one wins.
          const taken = await trx(KEYS).where(where(ref)).where({ claimed_at: row.claimed_at, state: 'pending' }).update({ claimed_at: at, fingerprint, expires_at: expiresAt });
          return taken > 0 ? { decision, claimedAt: at } : { decision: 'in-progress' };
        }
        return { decision: decision === 'mismatch' ? 'mismatch' : 'in-progress' };
      });
    },

    /** Stores the answer of a claimed key (in `db`: the work's transaction, or the connection). */
    async complete(ref: KeyRef, claimedAt: string, answer: StoredAnswer, db: Knex | Knex.Transaction = knex()) {
      await db(KEYS)
        .where(where(ref))
        .where({ claimed_at: claimedAt })
        .update({ state: 'done', status: answer.status, response: JSON.stringify({ body: answer.body, headers: answer.headers }) });
    },

    /** Gives a claimed key up (the work failed unexpectedly): a retry runs afresh. */
    async release(ref: KeyRef, claimedAt: string) {
      await knex()(KEYS).where(where(ref)).where({ claimed_at: claimedAt, state: 'pending' }).delete();
    },

    /** Removes expired keys, at most once a minute per instance. */
    async sweep() {
      if (Date.now() - lastSweep < 60_000) return;
      lastSweep = Date.now();
      await knex()(KEYS).where('expires_at', '<=', new Date().toISOString()).delete();
    },
  };
  return store;
};

export type IdempotencyStore = ReturnType<typeof idempotencyStore>;
