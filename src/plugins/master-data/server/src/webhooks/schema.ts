/**
 * The tables of webhooks, as numbered migrations (see governance/migrations.ts).
 *
 * - outbox: one row per domain event that at least one endpoint subscribed to, inserted in the
 *   transaction of the write. Its columns are those Debezium's outbox event router reads (`id`,
 *   `aggregate_type`, `aggregate_id`, `type`, `payload`), so that a CDC pipeline into Kafka can take
 *   over from the built-in dispatcher without changing any writer (README "Webhooks at scale").
 * - record_sequences: the last sequence number per record (`sequence` in every payload).
 * - webhook_endpoints: receivers; secrets encrypted with ENCRYPTION_KEY.
 * - webhook_deliveries: one row per (event, endpoint), inserted with the outbox row; claimed by
 *   the dispatchers (`FOR UPDATE SKIP LOCKED` on PostgreSQL). Times are epoch milliseconds.
 * - webhook_attempts: the delivery log (one row per HTTP attempt).
 */
import type { Migration } from '../governance/migrations';

export const OUTBOX = 'master_data_outbox';
export const SEQUENCES = 'master_data_record_sequences';
export const ENDPOINTS = 'master_data_webhook_endpoints';
export const DELIVERIES = 'master_data_webhook_deliveries';
export const ATTEMPTS = 'master_data_webhook_attempts';

export const webhookMigrations: Migration[] = [
  {
    name: '0001-outbox-and-deliveries',
    async up(knex) {
      await knex.schema.createTable(OUTBOX, (t) => {
        t.string('id', 36).primary();
        t.string('aggregate_type', 255).notNullable();
        t.string('aggregate_id', 64).notNullable();
        t.string('type', 100).notNullable();
        t.text('payload').notNullable();
        t.bigInteger('sequence');
        t.string('source_system', 50);
        t.bigInteger('created_at').notNullable();
        t.index(['created_at'], 'master_data_outbox_created_idx');
      });
      await knex.schema.createTable(SEQUENCES, (t) => {
        t.string('uid', 255).notNullable();
        t.string('document_id', 64).notNullable();
        t.bigInteger('sequence').notNullable();
        t.primary(['uid', 'document_id']);
      });
      await knex.schema.createTable(ENDPOINTS, (t) => {
        t.increments('id').primary();
        t.text('url').notNullable();
        t.text('description');
        t.text('events').notNullable();
        t.text('content_types').notNullable();
        t.text('fields').notNullable();
        t.boolean('allow_sensitive').notNullable().defaultTo(false);
        t.text('headers').notNullable();
        t.boolean('enabled').notNullable().defaultTo(true);
        t.string('system', 50);
        t.boolean('suppress_echo').notNullable().defaultTo(true);
        /** JSON list of { secret (encrypted), expiresAt (ms) | null }, newest first. */
        t.text('secrets').notNullable();
        t.string('secret_hint', 20).notNullable();
        t.string('disabled_reason', 20);
        t.bigInteger('failing_since');
        t.string('created_at', 32).notNullable();
        t.string('updated_at', 32).notNullable();
      });
      await knex.schema.createTable(DELIVERIES, (t) => {
        t.bigIncrements('id').primary();
        t.integer('endpoint_id').notNullable();
        t.string('event_id', 36).notNullable();
        t.string('event_type', 100).notNullable();
        t.string('uid', 255);
        t.string('document_id', 64);
        t.bigInteger('sequence');
        /** Deliveries of one record to one endpoint go in order: `uid|documentId` (or the event id). */
        t.string('record_key', 400).notNullable();
        t.string('status', 16).notNullable();
        t.integer('attempts').notNullable().defaultTo(0);
        t.bigInteger('next_attempt_at');
        t.bigInteger('lease_until');
        t.string('claimed_by', 64);
        t.bigInteger('last_attempt_at');
        t.integer('last_status_code');
        t.integer('last_latency_ms');
        t.text('last_error');
        t.bigInteger('created_at').notNullable();
        t.bigInteger('delivered_at');
        t.index(['status', 'next_attempt_at'], 'master_data_webhook_deliveries_due_idx');
        t.index(['endpoint_id', 'record_key', 'id'], 'master_data_webhook_deliveries_order_idx');
        t.index(['endpoint_id', 'id'], 'master_data_webhook_deliveries_endpoint_idx');
        t.index(['event_id'], 'master_data_webhook_deliveries_event_idx');
      });
      await knex.schema.createTable(ATTEMPTS, (t) => {
        t.bigIncrements('id').primary();
        t.bigInteger('delivery_id').notNullable();
        t.integer('attempt').notNullable();
        t.bigInteger('started_at').notNullable();
        t.integer('status_code');
        t.integer('latency_ms').notNullable();
        t.text('error');
        t.text('response_excerpt');
        t.index(['delivery_id', 'id'], 'master_data_webhook_attempts_delivery_idx');
      });
    },
  },
];
