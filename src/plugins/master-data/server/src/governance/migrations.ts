/**
 * Versioned schema for the plugin's own tables (those Strapi's schema sync does not manage).
 * Each capability hands governance its ordered, numbered migrations at registration
 * (`getService('migrations').add('audit', [...])`, from the plugin's register glue: governance
 * imports no capability). At start-up `run()` applies those not yet recorded in
 * `master_data_migrations`, in one transaction under the start-up lock: all of them or none, each
 * once however many instances start together. A later column change is a new migration.
 *
 * The first migration of each capability adopts a database laid out before migrations existed
 * (tables already there, no migrations table): it creates only what is missing.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { withStartupLock } from './locks';

export const MIGRATIONS = 'master_data_migrations';

/**
 * The name of an index the plugin adds to a table (`md_<table>_<column><suffix>_idx`). PostgreSQL
 * truncates identifiers at 63 bytes: long names are shortened, keeping them distinct.
 */
export const indexName = (table: string, column: string, suffix = '') => {
  const name = `md_${table}_${column}${suffix}_idx`;
  if (name.length <= 63) return name;
  let hash = 0;
  for (const c of name) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) | 0;
  return `${name.slice(0, 54)}_${(hash >>> 0).toString(36).slice(0, 8)}`;
};

export interface MigrationContext {
  /** Strapi's database client: 'postgres' or 'sqlite'. */
  client: string;
}

export interface Migration {
  /** `NNNN-what-it-does`; the number orders the migrations of one capability. */
  name: string;
  up(knex: Knex.Transaction, context: MigrationContext): Promise<void>;
}

export interface MigrationSet {
  capability: string;
  migrations: Migration[];
}

export interface PlannedMigration {
  /** What `master_data_migrations` records: `<capability>/<name>`. */
  id: string;
  migration: Migration;
}

const NAME = /^(\d{4})-[a-z0-9][a-z0-9-]*$/;
const CAPABILITY = /^[a-z][a-z0-9-]*$/;

/**
 * The migrations to apply, in order (capabilities in the order they were added, each by number),
 * given the ids already applied. Pure. Throws on a badly named or unordered list, a repeated
 * number, or a migration that sorts before one already applied (it would run after it here but
 * before it on a fresh database).
 */
export const planMigrations = (sets: MigrationSet[], applied: Iterable<string>): PlannedMigration[] => {
  const done = new Set(applied);
  const seen = new Set<string>();
  const plan: PlannedMigration[] = [];
  for (const { capability, migrations } of sets) {
    if (!CAPABILITY.test(capability)) throw new Error(`migration capability "${capability}" must be kebab-case`);
    if (seen.has(capability)) throw new Error(`migrations of "${capability}" were added twice`);
    seen.add(capability);
    let previous = -1;
    for (const migration of migrations) {
      const match = NAME.exec(migration.name);
      if (!match) throw new Error(`migration "${capability}/${migration.name}" must be named NNNN-kebab-case`);
      const number = Number(match[1]);
      if (number <= previous) throw new Error(`migration "${capability}/${migration.name}" is out of order or repeats a number`);
      previous = number;
      const id = `${capability}/${migration.name}`;
      if (done.has(id)) {
        const pendingBefore = plan.find((p) => p.id.startsWith(`${capability}/`));
        if (pendingBefore) throw new Error(`migration "${pendingBefore.id}" is not applied but "${id}", after it, is`);
      } else {
        plan.push({ id, migration });
      }
    }
  }
  return plan;
};

/**
 * Applies the pending migrations in one transaction on `knex`, taking the lock with `lock` first;
 * returns the ids applied. A failing migration rolls back all of them and throws naming it.
 */
export const applyMigrations = async (
  knex: Knex,
  client: string,
  sets: MigrationSet[],
  transaction: <T>(fn: (trx: Knex.Transaction) => Promise<T>) => Promise<T> = (fn) => knex.transaction(fn)
): Promise<string[]> => {
  planMigrations(sets, []); // a bad list fails before touching the database
  return transaction(async (trx) => {
    if (!(await trx.schema.hasTable(MIGRATIONS))) {
      await trx.schema.createTable(MIGRATIONS, (t) => {
        t.string('name', 255).primary();
        t.string('applied_at', 32).notNullable();
      });
    }
    const applied = (await trx(MIGRATIONS).select('name')).map((row: { name: string }) => row.name);
    const plan = planMigrations(sets, applied);
    for (const { id, migration } of plan) {
      try {
        await migration.up(trx, { client });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw Object.assign(new Error(`master-data: migration ${id} failed, no migration was applied: ${reason}`), { cause: error });
      }
      await trx(MIGRATIONS).insert({ name: id, applied_at: new Date().toISOString() });
    }
    return plan.map((p) => p.id);
  });
};

export const migrationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const sets: MigrationSet[] = [];
  return {
    /** Registers a capability's migrations (in order). Throws on a bad list. */
    add(capability: string, migrations: Migration[]) {
      planMigrations([...sets, { capability, migrations }], []);
      sets.push({ capability, migrations });
    },

    /**
     * Applies the pending migrations under the start-up lock; returns their ids. Throws naming the
     * failing migration (nothing applied) — start-up stops.
     */
    async run(): Promise<string[]> {
      const knex = strapi.db.connection;
      const applied = await applyMigrations(knex, strapi.db.dialect.client, sets, (fn) => withStartupLock(strapi, fn));
      for (const id of applied) strapi.log.info(`[master-data] applied migration ${id}`);
      return applied;
    },

    /** The ids recorded as applied, oldest first. */
    async applied(): Promise<{ name: string; appliedAt: string }[]> {
      const rows = await strapi.db.connection(MIGRATIONS).select('name', 'applied_at').orderBy([{ column: 'applied_at' }, { column: 'name' }]);
      return rows.map((row: { name: string; applied_at: string }) => ({ name: row.name, appliedAt: row.applied_at }));
    },
  };
};

export type MigrationService = ReturnType<typeof migrationService>;
