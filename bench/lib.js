/* Shared benchmark helpers: databases, servers, statistics, payloads. */
const { fork } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const { usccCheckCharacter } = require(path.join(root, 'dist/src/plugins/master-data/server/src/validation/domain/uscc.js'));

const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '', database: 'postgres' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/**
 * A fresh database; returns the DATABASE_* env for it and a drop function. `existing`: a database
 * an earlier run kept (its name), used as it is and never dropped.
 */
const databaseEnv = (client, name) =>
  client === 'postgres'
    ? { DATABASE_CLIENT: 'postgres', DATABASE_HOST: PG.host, DATABASE_PORT: String(PG.port), DATABASE_USERNAME: PG.user, DATABASE_PASSWORD: '', DATABASE_NAME: name }
    : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join('.tmp', `${name}.db`) };

const createDatabase = async (client, existing) => {
  const name = existing ?? `mdh_bench_${crypto.randomBytes(4).toString('hex')}`;
  const env = databaseEnv(client, name);
  if (existing) return { name, env, drop: async () => undefined };
  if (client === 'postgres') {
    const c = new Client(PG);
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    return {
      name,
      env,
      drop: async () => {
        const d = new Client(PG);
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await d.end();
      },
    };
  }
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  return {
    name,
    env,
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(root, env.DATABASE_FILENAME + suffix), { force: true });
    },
  };
};

const SECRETS = {
  APP_KEYS: 'bench-app-key-a-0123456789,bench-app-key-b-0123456789', // NODE_ENV=production: at least 16 characters each
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  JWT_SECRET: 'bench-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  ENCRYPTION_KEY: 'bench-encryption-key-0123456789ab',
  SERVE_ADMIN_PANEL: 'false',
  STRAPI_TELEMETRY_DISABLED: 'true',
  NODE_ENV: 'production',
};

/**
 * Starts scripts/child-server.js on a fresh database (or on `database`, one a run kept); resolves
 * { url, token, env, database, stop }. `keep`: stop leaves the database for a later run.
 */
const startServer = async ({ client, governance, env = {}, database, keep = false }) => {
  const db = await createDatabase(client, database);
  const port = await freePort();
  const child = fork(path.join(root, 'scripts', 'child-server.js'), [], {
    cwd: root,
    env: { ...process.env, ...SECRETS, ...db.env, HOST: '127.0.0.1', PORT: String(port), MASTER_DATA_GOVERNANCE: String(governance), ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'], // the start-up banner is noise here
  });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${ready.port}`,
    token: ready.token,
    env: db.env,
    database: db.name,
    /** Sends an IPC command to the server and resolves its answer. */
    ask: (message) =>
      new Promise((resolve) => {
        child.once('message', resolve);
        child.send(message);
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
      if (!keep) await db.drop();
    },
  };
};

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const median = (values) => quantile(values, 0.5);

let counter = 0;
/** A valid, distinct CN customer. */
const customer = () => {
  counter += 1;
  const n = counter + Math.floor(Math.random() * 1e6) * 1000;
  const first17 = `91440300${String(100000000 + (n % 900000000)).slice(-9)}`;
  return {
    name: `Shenzhen Bench Trading ${n} Co., Ltd.`,
    legalName: `深圳市基准贸易${n}有限公司`,
    customerType: 'organization',
    taxId: first17 + usccCheckCharacter(first17),
    country: 'CN',
    city: 'Shenzhen',
    phone: '0755 8601 3388',
    email: `buyer${n}@example.com`,
    currency: 'CNY',
    creditLimit: 500000,
    addresses: [{ type: 'registered', line1: '1 Keji Road', city: 'Shenzhen', country: 'CN', isPrimary: true }],
    contacts: [{ name: 'Li Wei', email: 'li.wei@example.com', phone: '138 0013 8000', isPrimary: true }],
    bankAccounts: [{ bankName: 'Bank of China', accountNumber: '6222000011112222', swift: 'BKCHCNBJ' }],
    externalIds: [{ system: 'SAP', externalId: `SAP-${n}` }],
  };
};

/** The value after `--name` on the command line, or the fallback. */
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};

const machine = () => `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

module.exports = { root, startServer, createDatabase, quantile, median, customer, machine, SECRETS, arg };
