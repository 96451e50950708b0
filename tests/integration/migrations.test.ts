/**
 * The plugin's own tables are versioned: numbered migrations applied once at start-up, in one
 * transaction under the start-up lock. A fresh database records every migration; a second start
 * applies none; a database laid out by the code before migrations existed is adopted with its rows
 * and triggers; a failing migration rolls back all of them and stops start-up naming it; on
 * PostgreSQL two instances starting together apply each migration once.
 */
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { createStrapi } from '@strapi/strapi';
import type { Knex } from 'knex';
import { startApp, apiToken, bearer, drain, type TestApp } from '../helpers/strapi';
import { createTestDatabase, isPostgres, openTestDatabase, ROOT } from '../helpers/database';
import { customerData } from '../helpers/fixtures';
import { queryError } from '../helpers/audit';
import { legacyAuditSchema, legacyCounters, legacyMatchingSchema, preVersionKeyTable } from '../helpers/legacy-schema';
import { chainKey, GENESIS_HASH, hashEvent, type ChainedFields } from '../../src/plugins/master-data/server/src/audit/domain/chain';
import { applyMigrations } from '../../src/plugins/master-data/server/src/governance/migrations';

const MIGRATIONS = 'master_data_migrations';
const ALL = ['approvals/0001-change-requests', 'audit/0001-audit-tables', 'matching/0001-matching-tables', 'matching/0002-match-keys-version', 'matching/0003-match-keys-fold-look-alikes', 'matching/0004-match-keys-name-forms', 'matching/0005-record-indexes', 'matching/0006-record-indexes-not-partial', 'matching/0007-trigram-index-small-pending-list', 'codes/0001-counters', 'governance/0001-jobs', 'settings/0001-settings-versions', 'webhooks/0001-outbox-and-deliveries', 'sync/0001-idempotency-keys', 'sync/0002-external-id-indexes'];
const EVENTS = 'master_data_audit_events';

const migrationsOf = (app: TestApp) => app.strapi.plugin('master-data').service('migrations');
const recorded = async (knex: Knex) => (await knex(MIGRATIONS).select('name', 'applied_at').orderBy('name')) as { name: string; applied_at: string }[];

/** Starts a second Strapi process on the current test database; resolves when it serves. */
const startChild = () => {
  const child = fork(path.join(ROOT, 'scripts', 'child-server.js'), [], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', resolve as any);
    child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  return { child, ready };
};
const stopChild = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
};

describe('a fresh database', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('records every migration, once; running them again applies none', async () => {
    const knex = app.strapi.db.connection;
    const before = await recorded(knex);
    expect(before.map((r) => r.name)).toEqual([...ALL].sort());
    expect(await migrationsOf(app).run()).toEqual([]);
    expect(await recorded(knex)).toEqual(before);
    for (const table of [EVENTS, 'master_data_audit_checkpoints', 'master_data_match_keys', 'master_data_match_pairs', 'master_data_merges']) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    expect(await knex.schema.hasColumn('master_data_match_keys', 'version')).toBe(true);
  });

  test('a second start on the same database applies none and serves', async () => {
    const before = await recorded(app.strapi.db.connection);
    const { child, ready } = startChild();
    try {
      await ready;
    } finally {
      await stopChild(child);
    }
    expect(await recorded(app.strapi.db.connection)).toEqual(before);
  });
});

/** Two chained audit events, as the previous code appended them. */
const legacyEvents = () => {
  const key = chainKey(process.env.ENCRYPTION_KEY!);
  let prevHash = GENESIS_HASH;
  return [1, 2].map((sequence) => {
    const fields: ChainedFields = {
      sequence,
      occurredAt: `2026-01-0${sequence}T10:00:00.000Z`,
      actorKind: 'system',
      actorId: null,
      actorName: 'system',
      action: 'create',
      uid: 'api::customer.customer',
      documentId: `legacy${sequence}`,
      locale: null,
      changes: { name: { before: null, after: `Legacy ${sequence}` } },
      reason: null,
      requestId: null,
      ip: null,
      userAgent: null,
      outcome: 'success',
      prevHash,
    };
    const hash = hashEvent(fields, key);
    prevHash = hash;
    return {
      sequence,
      occurred_at: fields.occurredAt,
      actor_kind: fields.actorKind,
      actor_id: null,
      actor_name: fields.actorName,
      action: fields.action,
      uid: fields.uid,
      document_id: fields.documentId,
      locale: null,
      changes: JSON.stringify(fields.changes),
      reason: null,
      request_id: null,
      ip: null,
      user_agent: null,
      outcome: 'success',
      prev_hash: fields.prevHash,
      hash,
    };
  });
};

describe('a database laid out by the code before migrations existed', () => {
  let app: TestApp;
  const pair = { uid: 'api::legacy.legacy', a: 'la', b: 'lb', score: 0.9, decision: 'review', reasons: '[]', status: 'open', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
  const key = { uid: 'api::legacy.legacy', document_id: 'la', version: 'published', tax_id: 'CN:1', name_key: 'legacy' };
  const merge = { uid: 'api::legacy.legacy', survivor: 'la', merged: '["lb"]', before: '{}', picks: '{}', status: 'merged', created_at: '2026-01-01T00:00:00.000Z' };

  beforeAll(async () => {
    app = await startApp({
      prepare: async (knex, client) => {
        await knex.transaction(async (trx) => {
          await legacyAuditSchema(trx, client);
          await legacyMatchingSchema(trx, client);
          if (client === 'sqlite') await legacyCounters(trx);
          await trx(EVENTS).insert(legacyEvents());
          await trx('master_data_match_pairs').insert(pair);
          await trx('master_data_match_keys').insert(key);
          await trx('master_data_merges').insert(merge);
          if (client === 'sqlite') await trx('master_data_counters').insert({ name: 'api::legacy.legacy', value: 41 });
        });
        expect(await knex.schema.hasTable(MIGRATIONS)).toBe(false);
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('is adopted without error: every migration recorded, every row kept', async () => {
    const knex = app.strapi.db.connection;
    expect((await recorded(knex)).map((r) => r.name)).toEqual([...ALL].sort());
    expect(await knex('master_data_match_pairs').where({ uid: pair.uid }).select(Object.keys(pair))).toEqual([
      { ...pair, score: expect.closeTo(0.9, 5) },
    ]);
    // Match keys are derived data in an older format: 0003 empties them and start-up rebuilds those
    // of every governed type (this one is not). The table keeps its layout; the other rows stay.
    expect(await knex('master_data_match_keys').where({ uid: key.uid }).select(Object.keys(key))).toEqual([]);
    await knex('master_data_match_keys').insert(key);
    expect(await knex('master_data_match_keys').where({ uid: key.uid }).select(Object.keys(key))).toEqual([key]);
    expect(await knex('master_data_merges').where({ uid: merge.uid }).select(Object.keys(merge))).toEqual([merge]);
    if (!isPostgres()) expect(Number((await knex('master_data_counters').where({ name: 'api::legacy.legacy' }).first()).value)).toBe(41);
    expect(await migrationsOf(app).run()).toEqual([]);
  });

  test('the audit chain goes on from the adopted events, and its triggers still refuse changes', async () => {
    const knex = app.strapi.db.connection;
    const audit = app.strapi.plugin('master-data').service('audit');
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 2 });
    const token = await apiToken(app);
    const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
    expect(res.status).toBe(201);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 4 }); // create + publish
    expect(await queryError(knex(EVENTS).where({ sequence: 1 }).update({ actor_name: 'mallory' }))).toMatch(/append-only/);
    expect(await queryError(knex(EVENTS).where({ sequence: 1 }).delete())).toMatch(/append-only/);
    const triggers = isPostgres()
      ? (await knex.raw(`SELECT tgname AS name FROM pg_trigger WHERE tgrelid IN (?::regclass, 'master_data_audit_checkpoints'::regclass) AND NOT tgisinternal`, [EVENTS])).rows
      : await knex('sqlite_master').where({ type: 'trigger' }).select('name');
    expect(triggers.map((t: { name: string }) => t.name).sort()).toEqual(
      isPostgres()
        ? ['master_data_audit_checkpoints_no_change', 'master_data_audit_no_change', 'master_data_audit_no_truncate']
        : ['master_data_audit_checkpoints_no_delete', 'master_data_audit_checkpoints_no_update', 'master_data_audit_no_delete', 'master_data_audit_no_update']
    );
    if (isPostgres()) expect(await queryError(knex.raw(`TRUNCATE ${EVENTS}`))).toMatch(/append-only/);
    expect(Number((await knex(EVENTS).count({ n: '*' }))[0].n)).toBe(4);
  });
});

describe('a database laid out before match keys had versions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({
      prepare: async (knex, client) => {
        await legacyAuditSchema(knex, client);
        await legacyMatchingSchema(knex, client);
        // The key table as it was then: one row per document, unique on (uid, document_id).
        await preVersionKeyTable(knex);
        await knex('master_data_match_keys').insert({ uid: 'api::customer.customer', document_id: 'old', tax_id: 'CN:1' });
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('start-up versions the keys by their own migration and empties the keys of the old format', async () => {
    const knex = app.strapi.db.connection;
    expect((await recorded(knex)).map((r) => r.name)).toEqual([...ALL].sort());
    expect(await knex.schema.hasColumn('master_data_match_keys', 'version')).toBe(true);
    expect(Number((await knex('master_data_match_keys').count({ n: '*' }))[0].n)).toBe(0);
    // Unique per document and version now.
    await knex('master_data_match_keys').insert([
      { uid: 'api::legacy.legacy', document_id: 'd', version: 'draft' },
      { uid: 'api::legacy.legacy', document_id: 'd', version: 'published' },
    ]);
    expect(await queryError(knex('master_data_match_keys').insert({ uid: 'api::legacy.legacy', document_id: 'd', version: 'draft' }))).not.toBe('no error');
  });
});

describe('a failing migration', () => {
  test('rolls back every migration of the run, and stops start-up with a message naming it', async () => {
    const db = await createTestDatabase();
    try {
      // A table in the way that the matching tables' migration cannot index.
      const prep = openTestDatabase();
      await prep.schema.createTable('master_data_match_pairs', (t) => t.increments('id'));
      await prep.destroy();

      const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') });
      strapi.log.level = 'error';
      let message = 'started';
      try {
        await strapi.load();
      } catch (error) {
        message = (error as Error).message;
      }
      await drain(strapi).catch(() => undefined);
      await strapi.destroy().catch(() => undefined);
      expect(message).toMatch(/^master-data: migration matching\/0001-matching-tables failed, no migration was applied: /);

      const knex = openTestDatabase();
      try {
        // The audit tables came first in the same transaction: gone with it; nothing recorded.
        expect(await knex.schema.hasTable(MIGRATIONS)).toBe(false);
        expect(await knex.schema.hasTable(EVENTS)).toBe(false);
        expect(await knex.schema.hasTable('master_data_match_keys')).toBe(false);
        expect(await knex.schema.hasTable('master_data_match_pairs')).toBe(true);
      } finally {
        await knex.destroy();
      }
    } finally {
      await db.drop();
    }
  });

  test('the runner: a migration after others that throws leaves neither their tables nor their records', async () => {
    const db = await createTestDatabase();
    const knex = openTestDatabase();
    const client = isPostgres() ? 'postgres' : 'sqlite';
    try {
      const sets = [
        {
          capability: 'first',
          migrations: [
            {
              name: '0001-table',
              up: async (trx: Knex.Transaction) => {
                await trx.schema.createTable('master_data_test_first', (t) => t.increments('id'));
                await trx('master_data_test_first').insert({});
              },
            },
          ],
        },
        { capability: 'second', migrations: [{ name: '0001-broken', up: async (trx: Knex.Transaction) => void (await trx.raw('SELECT * FROM no_such_table')) }] },
      ];
      await expect(applyMigrations(knex, client, sets)).rejects.toThrow('master-data: migration second/0001-broken failed, no migration was applied');
      expect(await knex.schema.hasTable('master_data_test_first')).toBe(false);
      expect(await knex.schema.hasTable(MIGRATIONS)).toBe(false);

      // Fixed, it applies both, once.
      sets[1].migrations[0].up = async () => undefined;
      expect(await applyMigrations(knex, client, sets)).toEqual(['first/0001-table', 'second/0001-broken']);
      expect(await applyMigrations(knex, client, sets)).toEqual([]);
      expect(Number((await knex('master_data_test_first').count({ n: '*' }))[0].n)).toBe(1);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});

const describePg = isPostgres() ? describe : describe.skip;

describePg('two instances starting at the same moment on one PostgreSQL database', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Strapi's own tables first (its schema sync is not ours to serialise), then the plugin's
    // tables go, as on a database the plugin has never started on.
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('each migration is applied once; both start', async () => {
    const knex = app.strapi.db.connection;
    const { rows } = await knex.raw(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'master\\_data\\_%'`);
    for (const { tablename } of rows) await knex.raw('DROP TABLE ?? CASCADE', [tablename]);
    await knex.raw('DROP FUNCTION master_data_audit_append_only, master_data_audit_checkpoints_append_only CASCADE');
    expect(await knex.schema.hasTable(MIGRATIONS)).toBe(false);

    // Hold the start-up lock so that both instances reach it before either goes on.
    const holder = openTestDatabase();
    const children: ChildProcess[] = [];
    try {
      await holder.raw(`SELECT pg_advisory_lock(hashtextextended('master-data:startup', 0))`);
      const starts = [startChild(), startChild()];
      children.push(...starts.map((s) => s.child));
      const waiting = async () =>
        Number((await knex.raw(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)).rows[0].n);
      const deadline = Date.now() + 90_000;
      while ((await waiting()) < 2) {
        if (Date.now() > deadline) throw new Error('the two instances never both waited for the start-up lock');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Both wait before touching the plugin's schema: whoever gets the lock first applies it all.
      expect(await knex.schema.hasTable(MIGRATIONS)).toBe(false);
      expect(await knex.schema.hasTable(EVENTS)).toBe(false);
      await holder.raw(`SELECT pg_advisory_unlock(hashtextextended('master-data:startup', 0))`);
      await Promise.all(starts.map((s) => s.ready));
    } finally {
      await holder.destroy();
      await Promise.all(children.map(stopChild));
    }
    const after = await recorded(knex);
    expect(after.map((r) => r.name)).toEqual([...ALL].sort());
    const { rows: triggers } = await knex.raw(`SELECT tgname FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal ORDER BY 1`, [EVENTS]);
    expect(triggers.map((t: { tgname: string }) => t.tgname)).toEqual(['master_data_audit_no_change', 'master_data_audit_no_truncate']);
  });
});
