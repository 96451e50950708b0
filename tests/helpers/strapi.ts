/**
 * Boots a real Strapi (the compiled app in dist/) on a fresh database, and gives typed helpers to
 * speak to it as the different kinds of callers: admins of a role, API tokens, users-permissions users.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createTestDatabase, isPostgres, openTestDatabase, ROOT, type TestDatabase } from './database';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { drainPool } = require('../../scripts/boot');

export interface TestApp {
  strapi: Core.Strapi;
  http: ReturnType<typeof request>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Another app directory holding a compiled app in dist/ (default: this project). */
  appDir?: string;
  /** Lays out the new database before Strapi first starts on it (e.g. as an earlier version left it). */
  prepare?: (knex: Knex, client: 'postgres' | 'sqlite') => Promise<void>;
  /**
   * false: the app without approval policies (MASTER_DATA_APPROVALS=false), for files that test
   * another capability through writes that the shipped policies would hold for approval.
   */
  approvals?: boolean;
  /** Environment variables set while Strapi is created and loaded (config/plugins.ts reads them then). */
  env?: Record<string, string>;
}

/** Boots Strapi on a new database. Call `stop()` in afterAll. */
export const startApp = async ({ appDir = ROOT, prepare, approvals = true, env = {} }: StartOptions = {}): Promise<TestApp> => {
  const db: TestDatabase = await createTestDatabase(appDir);
  if (prepare) {
    const knex = openTestDatabase(appDir);
    try {
      await prepare(knex, isPostgres() ? 'postgres' : 'sqlite');
    } catch (error) {
      await db.drop();
      throw error;
    } finally {
      await knex.destroy();
    }
  }
  // The configuration is read while Strapi is created and loaded; the variable does not outlive this boot.
  const variables: Record<string, string> = { ...env, ...(approvals ? {} : { MASTER_DATA_APPROVALS: 'false' }) };
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  strapi.log.level = process.env.TEST_LOG_LEVEL ?? 'error';
  try {
    await strapi.load();
  } catch (error) {
    // A failed boot must not leave connections open (jest would hang) or a database behind.
    await strapi.destroy().catch(() => undefined);
    await db.drop();
    throw error;
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  strapi.server.mount();
  return {
    strapi,
    http: request(strapi.server.httpServer),
    async stop() {
      await drain(strapi);
      await strapi.destroy();
      await db.drop();
    },
  };
};

/** See scripts/boot.js: lets Strapi's after-commit event queries finish before the pool goes. */
export const drain = (strapi: Core.Strapi): Promise<void> => drainPool(strapi);

const unique = () => randomBytes(4).toString('hex');

/** Creates an active admin user with the given role codes and logs in; returns its bearer token. */
export const adminToken = async (app: TestApp, roleCodes: string[] = ['strapi-super-admin']) => {
  const roles = await Promise.all(
    roleCodes.map((code) => (app.strapi.service('admin::role') as any).findOne({ code }))
  );
  if (roles.some((r) => !r)) throw new Error(`unknown admin role among ${roleCodes.join(', ')}`);
  const email = `admin-${unique()}@test.local`;
  const password = 'Test-Passw0rd!';
  const user = await (app.strapi.service('admin::user') as any).create({
    email,
    firstname: roleCodes.join('+'),
    lastname: 'Tester',
    password,
    isActive: true,
    roles: roles.map((r) => r.id),
  });
  const res = await app.http.post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.data.token as string, user };
};

/**
 * Creates an API token (full-access unless told) and returns its access key. A `custom` token holds
 * exactly `permissions` (content API actions such as `api::customer.customer.find`).
 */
export const apiToken = async (app: TestApp, type: 'full-access' | 'read-only' | 'custom' = 'full-access', permissions: string[] = []) => {
  const token = await (app.strapi.service('admin::api-token') as any).create({
    name: `test-${unique()}`,
    type,
    lifespan: null,
    permissions,
  });
  return token.accessKey as string;
};

export interface AdminPermission {
  action: string;
  subject?: string | null;
  /** Field paths (`name`, `bankAccounts.iban`) for content-manager create/read/update; all when omitted. */
  fields?: string[];
  /** Condition names, e.g. `admin::is-creator`. */
  conditions?: string[];
}

/** Creates an admin role with exactly these permissions (for adminToken); returns its code. */
export const adminRole = async (app: TestApp, permissions: AdminPermission[]) => {
  const roles = app.strapi.service('admin::role') as any;
  const code = `test-role-${unique()}`;
  const role = await roles.create({ name: code, code, description: 'test role' });
  await roles.assignPermissions(
    role.id,
    permissions.map(({ action, subject = null, fields, conditions = [] }) => ({ action, subject, properties: fields ? { fields } : {}, conditions }))
  );
  return code;
};

/** Every field path of a content type as the admin's permissions name them (components' sub-fields included). */
export const fieldPaths = (app: TestApp, uid: string): string[] =>
  (app.strapi.service('admin::content-type') as any).getNestedFields((app.strapi.contentTypes as any)[uid], { components: app.strapi.components });

/** Creates a confirmed users-permissions user in the Authenticated role, with the given actions allowed. */
export const upUser = async (app: TestApp, actions: string[] = []) => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  for (const action of actions) {
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  const email = `user-${unique()}@test.local`;
  const password = 'Test-Passw0rd!';
  const user = await app.strapi.plugin('users-permissions').service('user').add({
    username: email,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  const res = await app.http.post('/api/auth/local').send({ identifier: email, password });
  if (res.status !== 200) throw new Error(`users-permissions login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { jwt: res.body.jwt as string, user };
};

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Row counts per table. */
export const rowCounts = async (app: TestApp, tables: string[]) => {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await app.strapi.db.connection(table).count({ n: '*' });
    counts[table] = Number(n);
  }
  return counts;
};
