/**
 * The plugin's schema code as it was before migrations existed (frozen copies of
 * ensureAuditSchema, ensureMatchingSchema and the code counter table of commit cdd9248), to lay out
 * a database "created by the previous code" in tests. Do not change: it is history.
 */
import type { Knex } from 'knex';

const EVENTS = 'master_data_audit_events';
const CHECKPOINTS = 'master_data_audit_checkpoints';
const RETENTION_LOCK = 'master_data_audit_retention_lock';

export const legacyAuditSchema = async (knex: Knex, client: string) => {
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

const KEYS = 'master_data_match_keys';
const GRAMS = 'master_data_match_grams';
const GRAM_STATS = 'master_data_match_gram_stats';
const PAIRS = 'master_data_match_pairs';
const MERGES = 'master_data_merges';
const KEYS_VERSION_UQ = 'master_data_match_keys_doc_version_uq';

export const legacyMatchingSchema = async (knex: Knex, client: string) => {
  if (!(await knex.schema.hasTable(KEYS))) {
    await knex.schema.createTable(KEYS, (t) => {
      t.increments('id');
      t.string('uid', 255).notNullable();
      t.string('document_id', 64).notNullable();
      t.string('version', 16).notNullable().defaultTo('draft');
      t.text('name_key');
      t.string('tax_id', 64);
      t.string('phone', 32);
      t.string('email', 255);
      t.string('domain_a', 255);
      t.string('domain_b', 255);
      t.string('city', 255);
      t.string('country', 8);
      t.unique(['uid', 'document_id', 'version'], { indexName: KEYS_VERSION_UQ });
      t.index(['uid', 'tax_id'], 'master_data_match_keys_tax_idx');
      t.index(['uid', 'phone'], 'master_data_match_keys_phone_idx');
      t.index(['uid', 'email'], 'master_data_match_keys_email_idx');
      t.index(['uid', 'domain_a'], 'master_data_match_keys_domain_a_idx');
      t.index(['uid', 'domain_b'], 'master_data_match_keys_domain_b_idx');
    });
    // Prefix-safe index on (uid, name, city); name_key is text, so PostgreSQL gets an expression-free btree.
    await knex.raw(`CREATE INDEX IF NOT EXISTS master_data_match_keys_name_idx ON ${KEYS} (uid, name_key, city)`);
  } else if (!(await knex.schema.hasColumn(KEYS, 'version'))) {
    // A database keyed by an earlier version: one row per document (its draft), keys in an older
    // format. Add the version, and empty the keys so that start-up rebuilds both versions of
    // every record (ensureKeys builds the keys of a type whose key table is empty).
    await knex.schema.alterTable(KEYS, (t) => {
      t.string('version', 16).notNullable().defaultTo('draft');
    });
    await knex.schema.alterTable(KEYS, (t) => {
      t.dropUnique(['uid', 'document_id'], 'master_data_match_keys_doc_uq');
    });
    await knex.schema.alterTable(KEYS, (t) => {
      t.unique(['uid', 'document_id', 'version'], { indexName: KEYS_VERSION_UQ });
    });
    await knex(KEYS).delete();
    if (await knex.schema.hasTable(GRAMS)) await knex(GRAMS).delete();
    if (await knex.schema.hasTable(GRAM_STATS)) await knex(GRAM_STATS).delete();
  }
  if (!(await knex.schema.hasTable(PAIRS))) {
    await knex.schema.createTable(PAIRS, (t) => {
      t.increments('id');
      t.string('uid', 255).notNullable();
      t.string('a', 64).notNullable();
      t.string('b', 64).notNullable();
      t.float('score').notNullable();
      t.string('decision', 16).notNullable();
      t.text('reasons').notNullable();
      t.string('status', 20).notNullable();
      t.text('override_reason');
      t.string('created_at', 32).notNullable();
      t.string('updated_at', 32).notNullable();
      t.string('resolved_by', 255);
      t.unique(['uid', 'a', 'b'], { indexName: 'master_data_match_pairs_uq' });
      t.index(['uid', 'status', 'score'], 'master_data_match_pairs_queue_idx');
      t.index(['uid', 'b'], 'master_data_match_pairs_b_idx');
    });
  }
  // The queue is listed across types: by status and score, without a uid.
  await knex.raw(`CREATE INDEX IF NOT EXISTS master_data_match_pairs_status_idx ON ${PAIRS} (status, score, id)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS master_data_match_pairs_a_idx ON ${PAIRS} (a)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS master_data_match_pairs_doc_b_idx ON ${PAIRS} (b)`);
  if (!(await knex.schema.hasTable(MERGES))) {
    await knex.schema.createTable(MERGES, (t) => {
      t.increments('id');
      t.string('uid', 255).notNullable();
      t.string('survivor', 64).notNullable();
      t.text('merged').notNullable();
      t.text('before').notNullable();
      t.text('picks').notNullable();
      t.string('status', 16).notNullable();
      t.string('created_at', 32).notNullable();
      t.string('created_by', 255);
      t.string('unmerged_at', 32);
      t.string('unmerged_by', 255);
      t.index(['uid', 'survivor'], 'master_data_merges_survivor_idx');
    });
  }

  if (client === 'postgres') {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await knex.raw(`CREATE INDEX IF NOT EXISTS master_data_match_keys_trgm_idx ON ${KEYS} USING gin (name_key gin_trgm_ops)`);
    return;
  }
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${GRAMS} (
    uid TEXT NOT NULL, gram TEXT NOT NULL, document_id TEXT NOT NULL,
    PRIMARY KEY (uid, gram, document_id)) WITHOUT ROWID`);
  // No index on document_id: it would tempt the planner away from the primary key; rows are deleted by key.
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${GRAM_STATS} (
    uid TEXT NOT NULL, gram TEXT NOT NULL, df INTEGER NOT NULL,
    PRIMARY KEY (uid, gram)) WITHOUT ROWID`);
};

/** The SQLite code counters, as the code service created them on first start. */
/**
 * The match key table as it was before keys had versions (first release of matching): one row per
 * document (its draft), unique on (uid, document_id). Replaces whatever key table is there.
 */
export const preVersionKeyTable = async (knex: Knex) => {
  await knex.schema.dropTableIfExists(KEYS);
  await knex.schema.createTable(KEYS, (t) => {
    t.increments('id');
    t.string('uid', 255).notNullable();
    t.string('document_id', 64).notNullable();
    t.text('name_key');
    t.string('tax_id', 64);
    t.string('phone', 32);
    t.string('email', 255);
    t.string('domain_a', 255);
    t.string('domain_b', 255);
    t.string('city', 255);
    t.string('country', 8);
    t.unique(['uid', 'document_id'], { indexName: 'master_data_match_keys_doc_uq' });
  });
};

export const legacyCounters = async (knex: Knex) => {
  if (!(await knex.schema.hasTable('master_data_counters'))) {
    await knex.schema.createTable('master_data_counters', (table) => {
      table.string('name', 255).primary();
      table.bigInteger('value').notNullable();
    });
  }
};
