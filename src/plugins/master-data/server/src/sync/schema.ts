/**
 * The tables and indexes of sync, as numbered migrations (see governance/migrations.ts).
 *
 * - sync_idempotency_keys: one row per (system, caller, key) while the key lives: the request's
 *   fingerprint, `pending` while it runs, then its answer (status, body, headers).
 * - Indexes that make "who holds this external id" an index lookup: the component table by
 *   external id and the records' component join table by component id (Strapi indexes neither;
 *   its schema sync leaves indexes it did not create alone). Created for the configuration at the
 *   time the migration runs.
 */
import { indexName, type Migration } from '../governance/migrations';
import type { Tables } from './holders';

export const KEYS = 'master_data_sync_idempotency_keys';

export const syncMigrations = (tables: () => Tables | null): Migration[] => [
  {
    name: '0001-idempotency-keys',
    async up(knex) {
      await knex.schema.createTable(KEYS, (t) => {
        t.increments('id').primary();
        t.string('system', 50).notNullable();
        /** `<actor kind>:<actor id>`: one caller's keys never answer another's requests. */
        t.string('caller', 100).notNullable();
        t.string('idempotency_key', 255).notNullable();
        t.string('fingerprint', 64).notNullable();
        t.string('state', 16).notNullable();
        t.integer('status');
        /** JSON `{ body, headers }` of the answer. */
        t.text('response');
        t.string('created_at', 32).notNullable();
        t.string('claimed_at', 32).notNullable();
        t.string('expires_at', 32).notNullable();
        t.unique(['system', 'caller', 'idempotency_key'], { indexName: 'master_data_sync_idempotency_keys_key' });
        t.index(['expires_at'], 'master_data_sync_idempotency_keys_expiry_idx');
      });
    },
  },
  {
    name: '0002-external-id-indexes',
    async up(knex) {
      const t = tables();
      if (!t) return;
      for (const [table, column] of [
        [t.components, t.externalIdColumn],
        [t.join, t.componentColumn],
      ]) {
        if (!(await knex.schema.hasTable(table))) continue;
        await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [indexName(table, column), table, column]);
      }
    },
  },
];
