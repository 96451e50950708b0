/**
 * The plugin's advisory locks (PostgreSQL, transaction-scoped, re-entrant within a transaction),
 * all under one key scheme: `master-data:<scope>:<...>`, hashed to a 64-bit lock with
 * `hashtextextended`. The scopes in use:
 * - `master-data:startup`: start-up work (migrations, code sequences, first match keys), so that
 *   instances starting together neither race ("already exists") nor see half a schema;
 * - `master-data:doc:<uid>:<documentId>`: every governed write of a document takes it before its
 *   stages run, merge and unmerge take those of all their documents first, so a merge and an edit
 *   of the same record are serialised before either holds a row or the chain lock;
 * - `master-data:match:<uid>:<kind>:<key>`: writes that could block each other as duplicates;
 * - `master-data:audit:chain`: appends to the audit chain (held until the write commits).
 * SQLite serialises writes itself (one writer, one process): there the helpers do nothing.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const SCHEME = /^master-data:[a-z][a-z-]*(:.+)?$/s;

/** A key of the scheme: `lockKey('doc', uid, id)` is `master-data:doc:<uid>:<id>`. */
export const lockKey = (scope: string, ...parts: string[]) => [`master-data:${scope}`, ...parts].join(':');

export const STARTUP_LOCK = lockKey('startup');
export const AUDIT_CHAIN_LOCK = lockKey('audit', 'chain');

/**
 * The keys in the order they are taken: deduplicated and sorted (by UTF-16 code units, the same in
 * every process, so two transactions never take two locks in opposite orders). Throws on a key
 * outside the scheme: a lock that nothing else takes serialises nothing.
 */
export const lockOrder = (keys: string[]): string[] => {
  for (const key of keys) {
    if (typeof key !== 'string' || !SCHEME.test(key)) throw new Error(`advisory lock key ${JSON.stringify(key)} is not of the form master-data:<scope>:<...>`);
  }
  return [...new Set(keys)].sort();
};

const isPostgres = (db: Knex | Knex.Transaction) => (db as any).client?.dialect === 'postgresql';

/**
 * Takes the locks named by `keys` inside `trx` (held until it ends), in one round trip and in
 * `lockOrder`. No-op on SQLite.
 */
export const advisoryLocks = async (trx: Knex.Transaction, keys: string[]): Promise<void> => {
  const ordered = lockOrder(keys);
  if (ordered.length === 0 || !isPostgres(trx)) return;
  // WITH ORDINALITY + ORDER BY: taken in our order, not the database collation's; PostgreSQL
  // evaluates a volatile select list after the sort.
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) WITH ORDINALITY AS t(k, i) ORDER BY i`, [ordered]);
};

/** The document locks of `documentIds` of `uid` (see the scopes above). */
export const lockDocuments = async (trx: Knex.Transaction, uid: string, documentIds: string[]) =>
  advisoryLocks(
    trx,
    documentIds.map((id) => lockKey('doc', uid, id))
  );

/** Runs `fn` in one transaction holding the start-up lock. */
export const withStartupLock = async <T>(strapi: Core.Strapi, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
  strapi.db.connection.transaction(async (trx) => {
    await advisoryLocks(trx, [STARTUP_LOCK]);
    return fn(trx);
  });
