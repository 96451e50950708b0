/**
 * The tables of change requests, as numbered migrations (see governance/migrations.ts).
 *
 * - change_requests: one row per request; `open_key` is set while the request is pending and
 *   unique, so that a record never has two open requests, whichever instance writes.
 * - change_request_approvals: one row per approval; unique per (request, round, actor): one person
 *   counts once, even when two of their clicks race.
 * - change_request_comments: the request's conversation and life cycle (submit, approve, reject ...).
 */
import type { Migration } from '../governance/migrations';

export const REQUESTS = 'master_data_change_requests';
export const APPROVALS = 'master_data_change_request_approvals';
export const COMMENTS = 'master_data_change_request_comments';

export const approvalsMigrations: Migration[] = [
  {
    name: '0001-change-requests',
    async up(knex) {
      await knex.schema.createTable(REQUESTS, (t) => {
        t.increments('id').primary();
        t.string('uid', 255).notNullable();
        t.string('document_id', 64).notNullable();
        t.string('locale', 16);
        t.string('action', 16).notNullable();
        t.string('status', 16).notNullable();
        /** `uid|documentId|locale` while pending, null once closed. */
        t.string('open_key', 400).unique();
        t.text('label');
        t.text('policies').notNullable();
        t.text('fields').notNullable();
        /** The published values the request was opened against (stale detection). */
        t.text('base').notNullable();
        /** The proposed values of the governed fields (what approval publishes). */
        t.text('proposed').notNullable();
        t.text('steps').notNullable();
        t.integer('current_step').notNullable().defaultTo(0);
        t.integer('round').notNullable().defaultTo(0);
        t.string('maker_kind', 20).notNullable();
        t.string('maker_id', 64);
        t.string('maker_name', 255).notNullable();
        t.text('amenders').notNullable();
        t.text('reason');
        t.text('blocked');
        t.string('created_at', 32).notNullable();
        t.string('updated_at', 32).notNullable();
        t.string('decided_at', 32);
        t.index(['uid', 'document_id'], 'master_data_change_requests_record_idx');
        t.index(['status', 'id'], 'master_data_change_requests_status_idx');
        t.index(['maker_kind', 'maker_id'], 'master_data_change_requests_maker_idx');
      });
      await knex.schema.createTable(APPROVALS, (t) => {
        t.increments('id').primary();
        t.integer('request_id').notNullable();
        t.integer('round').notNullable();
        t.integer('step').notNullable();
        t.string('actor_kind', 20).notNullable();
        t.string('actor_id', 64).notNullable();
        t.string('actor_name', 255).notNullable();
        t.string('created_at', 32).notNullable();
        t.unique(['request_id', 'round', 'actor_kind', 'actor_id'], { indexName: 'master_data_change_request_approvals_once' });
      });
      await knex.schema.createTable(COMMENTS, (t) => {
        t.increments('id').primary();
        t.integer('request_id').notNullable();
        t.string('kind', 16).notNullable();
        t.string('actor_kind', 20).notNullable();
        t.string('actor_id', 64);
        t.string('actor_name', 255).notNullable();
        t.text('body');
        t.string('created_at', 32).notNullable();
        t.index(['request_id', 'id'], 'master_data_change_request_comments_request_idx');
      });
    },
  },
];
