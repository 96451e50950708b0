/**
 * Settings saved in the admin panel: every save is a new version (the whole document, who, when,
 * why); the newest is in force on every instance. See governance/migrations.ts.
 */
import type { Migration } from '../governance/migrations';

export const VERSIONS = 'master_data_settings_versions';

export const settingsMigrations: Migration[] = [
  {
    name: '0001-settings-versions',
    async up(knex) {
      await knex.schema.createTable(VERSIONS, (t) => {
        t.increments('id').primary();
        t.text('document').notNullable();
        t.text('reason');
        t.string('actor_kind', 20).notNullable();
        t.string('actor_id', 64);
        t.string('actor_name', 255).notNullable();
        t.integer('restored_from');
        t.string('created_at', 32).notNullable();
      });
    },
  },
];
