/**
 * A fresh database per test file: a new SQLite file under .tmp/, or, with DATABASE_CLIENT=postgres,
 * a new PostgreSQL database that is dropped afterwards. Sets the DATABASE_* variables that
 * config/database.ts reads.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { knex as knexFactory, type Knex } from 'knex';

export const ROOT = path.resolve(__dirname, '..', '..');

export const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || '',
  database: 'postgres',
});

export interface TestDatabase {
  name: string;
  drop(): Promise<void>;
}

/** `root`: the app directory that config/database.ts resolves the SQLite file against. */
export const createTestDatabase = async (root = ROOT): Promise<TestDatabase> => {
  const name = `mdh_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (isPostgres()) {
    const admin = pgAdminConfig();
    const client = new Client(admin);
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    Object.assign(process.env, {
      DATABASE_HOST: admin.host,
      DATABASE_PORT: String(admin.port),
      DATABASE_USERNAME: admin.user,
      DATABASE_PASSWORD: admin.password,
      DATABASE_NAME: name,
    });
    return {
      name,
      async drop() {
        const c = new Client(admin);
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  process.env.DATABASE_CLIENT = 'sqlite';
  const filename = path.join('.tmp', `${name}.db`);
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  process.env.DATABASE_FILENAME = filename;
  return {
    name,
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(root, filename + suffix), { force: true });
    },
  };
};

/** A knex connection of its own to the database createTestDatabase set up last (destroy it after use). */
export const openTestDatabase = (root = ROOT): Knex =>
  isPostgres()
    ? knexFactory({
        client: 'pg',
        connection: {
          host: process.env.DATABASE_HOST,
          port: Number(process.env.DATABASE_PORT),
          user: process.env.DATABASE_USERNAME,
          password: process.env.DATABASE_PASSWORD,
          database: process.env.DATABASE_NAME,
        },
      })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(root, process.env.DATABASE_FILENAME!) }, useNullAsDefault: true });
