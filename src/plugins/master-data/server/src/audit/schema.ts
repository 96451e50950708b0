/**
 * The audit tables and their append-only protection, as numbered migrations (see
 * governance/migrations.ts) on SQLite and PostgreSQL. Strapi's schema sync leaves tables it does
 * not manage alone.
 *
 * Append-only: triggers refuse every UPDATE and DELETE (and TRUNCATE on PostgreSQL). The only way to
 * remove events is the retention procedure (./retention.ts), which unlocks deletes inside its own
 * transaction: PostgreSQL `SET LOCAL master_data.audit_retention = 'on'`, SQLite a row in
 * master_data_audit_retention_lock.
 */
import type { Knex } from 'knex';
import type { Migration } from '../governance/migrations';

export const EVENTS = 'master_data_audit_events';
export const CHECKPOINTS = 'master_data_audit_checkpoints';
export const RETENTION_LOCK = 'master_data_audit_retention_lock';

/**
 * The tables and triggers as the plugin created them before migrations existed. Creates only what
 * is missing (and replaces the trigger functions), so that it adopts a database laid out then.
 */
const auditTables = async (knex: Knex, client: string) => {
  if (!(await knex.schema.hasTable(EVENTS))) {
    await knex.schema.createTable(EVENTS, (t) => {
      t.bigInteger('sequence').primary();
      t.string('occurred_at', 32).notNullable();
      t.string('actor_kind', 20).notNullable();
      t.string('actor_id', 64);
      t.string('actor_name', 255).notNullable();
      t.string('action', 64).notNullable();
      t.string('uid', 255).notNullable();
      t.string('document_id', 64);
      t.string('locale', 16);
      t.text('changes').notNullable();
      t.text('reason');
      t.string('request_id', 64);
      t.string('ip', 64);
      t.text('user_agent');
      t.string('outcome', 16).notNullable();
      t.string('prev_hash', 64).notNullable();
      t.string('hash', 64).notNullable();
      t.index(['uid', 'document_id', 'sequence'], 'master_data_audit_record_idx');
      t.index(['occurred_at'], 'master_data_audit_time_idx');
      t.index(['actor_id'], 'master_data_audit_actor_idx');
      t.index(['action'], 'master_data_audit_action_idx');
    });
  }
  if (!(await knex.schema.hasTable(CHECKPOINTS))) {
    await knex.schema.createTable(CHECKPOINTS, (t) => {
      t.bigInteger('sequence').primary(); // the last removed event
      t.string('hash', 64).notNullable(); // its hash: the prevHash of the first kept event
      t.string('created_at', 32).notNullable();
      t.bigInteger('removed').notNullable();
      t.text('reason');
    });
  }

  if (client === 'postgres') {
    await knex.raw(`
      CREATE OR REPLACE FUNCTION master_data_audit_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('master_data.audit_retention', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION '${EVENTS} is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$ LANGUAGE plpgsql`);
    await knex.raw(`DROP TRIGGER IF EXISTS master_data_audit_no_change ON ${EVENTS}`);
    await knex.raw(
      `CREATE TRIGGER master_data_audit_no_change BEFORE UPDATE OR DELETE ON ${EVENTS} FOR EACH ROW EXECUTE FUNCTION master_data_audit_append_only()`
    );
    await knex.raw(`DROP TRIGGER IF EXISTS master_data_audit_no_truncate ON ${EVENTS}`);
    await knex.raw(
      `CREATE TRIGGER master_data_audit_no_truncate BEFORE TRUNCATE ON ${EVENTS} FOR EACH STATEMENT EXECUTE FUNCTION master_data_audit_append_only()`
    );
    await knex.raw(`
      CREATE OR REPLACE FUNCTION master_data_audit_checkpoints_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION '${CHECKPOINTS} is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$ LANGUAGE plpgsql`);
    await knex.raw(
      `CREATE OR REPLACE TRIGGER master_data_audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON ${CHECKPOINTS} FOR EACH ROW EXECUTE FUNCTION master_data_audit_checkpoints_append_only()`
    );
    return;
  }

  if (!(await knex.schema.hasTable(RETENTION_LOCK))) {
    await knex.schema.createTable(RETENTION_LOCK, (t) => {
      t.integer('active').notNullable();
    });
  }
  await knex.raw(`CREATE TRIGGER IF NOT EXISTS master_data_audit_no_update BEFORE UPDATE ON ${EVENTS}
    BEGIN SELECT RAISE(ABORT, '${EVENTS} is append-only (UPDATE refused)'); END`);
  await knex.raw(`CREATE TRIGGER IF NOT EXISTS master_data_audit_checkpoints_no_update BEFORE UPDATE ON ${CHECKPOINTS}
    BEGIN SELECT RAISE(ABORT, '${CHECKPOINTS} is append-only (UPDATE refused)'); END`);
  await knex.raw(`CREATE TRIGGER IF NOT EXISTS master_data_audit_checkpoints_no_delete BEFORE DELETE ON ${CHECKPOINTS}
    BEGIN SELECT RAISE(ABORT, '${CHECKPOINTS} is append-only (DELETE refused)'); END`);
  await knex.raw(`CREATE TRIGGER IF NOT EXISTS master_data_audit_no_delete BEFORE DELETE ON ${EVENTS}
    WHEN NOT EXISTS (SELECT 1 FROM ${RETENTION_LOCK})
    BEGIN SELECT RAISE(ABORT, '${EVENTS} is append-only (DELETE refused)'); END`);
};

export const auditMigrations: Migration[] = [{ name: '0001-audit-tables', up: (knex, { client }) => auditTables(knex, client) }];
