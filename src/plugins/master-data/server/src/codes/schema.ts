/**
 * The code counters (SQLite; PostgreSQL uses one sequence per content type, created at start-up
 * from the configuration by the code service), as numbered migrations (see
 * governance/migrations.ts).
 */
import type { Migration } from '../governance/migrations';

export const COUNTERS = 'master_data_counters';

export const codeMigrations: Migration[] = [
  {
    name: '0001-counters',
    // Creates the table only if missing: it adopts a database where start-up created it before.
    async up(knex, { client }) {
      if (client === 'postgres' || (await knex.schema.hasTable(COUNTERS))) return;
      await knex.schema.createTable(COUNTERS, (table) => {
        table.string('name', 255).primary();
        table.bigInteger('value').notNullable();
      });
    },
  },
];
