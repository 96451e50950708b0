/**
 * Matching tables, as numbered migrations (see governance/migrations.ts; Strapi's schema sync
 * leaves them alone):
 * - keys: one row of match keys per governed document and version (draft, published), with exact
 *   indexes on every key and, on PostgreSQL, a pg_trgm GIN index on the normalised name;
 * - grams + gram_stats (SQLite only): the name's n-grams and how many records hold each, so that
 *   blocking asks only for the rarest grams and common words never explode the candidate set;
 * - pairs: the review queue; merges: what each merge changed, for unmerge.
 */
import type { Knex } from 'knex';
import type { Migration } from '../governance/migrations';
import { createRecordIndexes, type RecordIndex } from './record-indexes';

export const KEYS = 'master_data_match_keys';
export const GRAMS = 'master_data_match_grams';
export const GRAM_STATS = 'master_data_match_gram_stats';
/** PostgreSQL: the pg_trgm GIN index of the name key. */
const TRGM_INDEX = 'master_data_match_keys_trgm_idx';
export const PAIRS = 'master_data_match_pairs';
export const MERGES = 'master_data_merges';
const KEYS_DOC_UQ = 'master_data_match_keys_doc_uq';
const KEYS_VERSION_UQ = 'master_data_match_keys_doc_version_uq';

/**
 * The tables as the plugin created them before match keys had versions (one key row per
 * document). Creates only what is missing, so that it adopts a database laid out before
 * migrations existed, whichever layout of the key table it has (0002 then upgrades the older one).
 */
const matchingTables = async (knex: Knex, client: string) => {
  if (!(await knex.schema.hasTable(KEYS))) {
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
      t.unique(['uid', 'document_id'], { indexName: KEYS_DOC_UQ });
      t.index(['uid', 'tax_id'], 'master_data_match_keys_tax_idx');
      t.index(['uid', 'phone'], 'master_data_match_keys_phone_idx');
      t.index(['uid', 'email'], 'master_data_match_keys_email_idx');
      t.index(['uid', 'domain_a'], 'master_data_match_keys_domain_a_idx');
      t.index(['uid', 'domain_b'], 'master_data_match_keys_domain_b_idx');
    });
    // Prefix-safe index on (uid, name, city); name_key is text, so PostgreSQL gets an expression-free btree.
    await knex.raw(`CREATE INDEX IF NOT EXISTS master_data_match_keys_name_idx ON ${KEYS} (uid, name_key, city)`);
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
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${TRGM_INDEX} ON ${KEYS} USING gin (name_key gin_trgm_ops)`);
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

/**
 * Match keys per document and version (draft, published). A database keyed before: one row per
 * document (its draft), keys in an older format. Adds the version and empties the keys, so that
 * start-up rebuilds both versions of every record (ensureKeys builds the keys of a type whose key
 * table is empty). A key table created with the version already (before migrations existed) is
 * left as it is.
 */
const keyVersions = async (knex: Knex) => {
  if (await knex.schema.hasColumn(KEYS, 'version')) return;
  await knex.schema.alterTable(KEYS, (t) => {
    t.string('version', 16).notNullable().defaultTo('draft');
  });
  await knex.schema.alterTable(KEYS, (t) => {
    t.dropUnique(['uid', 'document_id'], KEYS_DOC_UQ);
  });
  await knex.schema.alterTable(KEYS, (t) => {
    t.unique(['uid', 'document_id', 'version'], { indexName: KEYS_VERSION_UQ });
  });
  await knex(KEYS).delete();
  if (await knex.schema.hasTable(GRAMS)) await knex(GRAMS).delete();
  if (await knex.schema.hasTable(GRAM_STATS)) await knex(GRAM_STATS).delete();
};

/**
 * Keys folded further (accents and other marks, Latin look-alikes such as ı ɪ ł ø ß, Armenian,
 * Lisu and Cherokee look-alikes, email addresses and domains like names): keys stored before are in
 * the old format and would miss the new ones. Empties them; start-up's ensureKeys rebuilds every
 * type whose key table is empty, after the migrations have run. Pairs and merges stay.
 */
const refoldKeys = async (knex: Knex) => {
  await knex(KEYS).delete();
  if (await knex.schema.hasTable(GRAMS)) await knex(GRAMS).delete();
  if (await knex.schema.hasTable(GRAM_STATS)) await knex(GRAM_STATS).delete();
};

/**
 * Names compared as written in two scripts and persons told apart (issue 13): each key row keeps
 * the name's romanised trade name (indexed: the same name in pinyin or English, Chinese
 * homophones), its tokens and industry concepts, the pinyin of a Chinese name (computed once per
 * write, not per candidate) and whether it is a person's. Keys stored before
 * have none of these: emptied, start-up rebuilds them (as 0003).
 */
const nameForms = async (knex: Knex) => {
  if (await knex.schema.hasColumn(KEYS, 'roman_key')) return;
  await knex.schema.alterTable(KEYS, (t) => {
    t.string('roman_key', 255);
    t.text('name_tokens');
    t.text('name_terms');
    t.text('name_pinyin');
    t.boolean('person').notNullable().defaultTo(false);
  });
  await knex.raw(`CREATE INDEX IF NOT EXISTS master_data_match_keys_roman_idx ON ${KEYS} (uid, roman_key)`);
  await refoldKeys(knex);
};

/**
 * PostgreSQL: the trigram index with a small GIN pending list. New entries go to an unsorted list
 * that every search reads whole until VACUUM (autovacuum) merges it or it reaches the index's
 * `gin_pending_list_limit` (4 MB by default); on a server without autovacuum that is every search.
 * Measured at 100,000 keys after 300 creates (16,435 pending entries): the fuzzy candidate query
 * took 27.8 ms, 4.0 ms once the list was merged. Without the list (`fastupdate = off`) each write
 * updates some thirty posting lists in place: 8 concurrent creates on a 100,000-customer table ran
 * at 9.8/s against 11.9/s with a 256 kB list, which a write merges every few hundred inserts and a
 * search reads in about a millisecond. The list an earlier version left is merged once by 0007.
 */
const TRGM_SMALL_LIST = 256;

/**
 * PostgreSQL: the trigram index's pending list merged and set to its small size (migration 0007,
 * and after a rebuild). Nothing when the index does not exist (a key table of an older layout).
 */
export const settleTrigramIndex = async (knex: Knex) => {
  await knex.raw(`ALTER INDEX IF EXISTS ${TRGM_INDEX} SET (fastupdate = on, gin_pending_list_limit = ${TRGM_SMALL_LIST})`);
  await knex.raw(`SELECT gin_clean_pending_list(to_regclass(?))`, [TRGM_INDEX]);
};

/** PostgreSQL: a large pending list for a bulk load (a rebuild), merged in larger sorted batches; `settleTrigramIndex` after it. */
export const bulkLoadTrigramIndex = (knex: Knex) => knex.raw(`ALTER INDEX IF EXISTS ${TRGM_INDEX} SET (fastupdate = on, gin_pending_list_limit = 4096)`);

/** PostgreSQL: true when the trigram index exists with other options than `settleTrigramIndex` sets (a rebuild was interrupted). */
export const trigramIndexUnsettled = async (knex: Knex) => {
  const { rows } = await knex.raw(`SELECT array_to_string(reloptions, ',') AS options FROM pg_class WHERE oid = to_regclass(?)`, [TRGM_INDEX]);
  return rows.length > 0 && !String(rows[0].options ?? '').includes(`gin_pending_list_limit=${TRGM_SMALL_LIST}`);
};

/**
 * The matching migrations. `recordIndexes` names the indexes the governed records need
 * (./record-indexes, from the configuration at start-up); 0005 creates them, 0006 replaces the
 * partial code indexes 0005 once created with plain ones.
 */
export const matchingMigrations = (recordIndexes: () => RecordIndex[] = () => []): Migration[] => [
  { name: '0001-matching-tables', up: (knex, { client }) => matchingTables(knex, client) },
  { name: '0002-match-keys-version', up: (knex) => keyVersions(knex) },
  { name: '0003-match-keys-fold-look-alikes', up: (knex) => refoldKeys(knex) },
  { name: '0004-match-keys-name-forms', up: (knex) => nameForms(knex) },
  { name: '0005-record-indexes', up: (knex) => createRecordIndexes(knex, recordIndexes()) },
  { name: '0006-record-indexes-not-partial', up: (knex) => createRecordIndexes(knex, recordIndexes()) },
  { name: '0007-trigram-index-small-pending-list', up: async (knex, { client }) => { if (client === 'postgres') await settleTrigramIndex(knex); } },
];
