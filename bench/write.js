#!/usr/bin/env node
/*
 * npm run bench:write -- [--db sqlite,postgres] [--rounds 3] [--n 300] [--existing 100000] [--stats none|fresh]
 *
 * --existing N: each run first loads N customers straight into the table (bench/match/generator.js,
 * as bench:match does; the governed run then builds their match keys in the server), so that writes
 * are measured on a populated table. --stats none (the default): no ANALYZE of the customers table,
 * as after a bulk load on a server without autovacuum (PostgreSQL then still holds the statistics
 * the empty table's indexes got when Strapi created them: every index believed empty); fresh:
 * ANALYZE of the whole database after the load, in both modes.
 *
 * Create and update latency (p50, p95, sequential) and create throughput (8 concurrent clients) over
 * REST, with the governed-write pipeline on (validation, code, audit) and off (MASTER_DATA_GOVERNANCE
 * =false: plain Strapi on the same content type), alternating on/off in each round on fresh databases.
 * Prints medians across rounds and the on/off ratios; writes bench/results/write-<date>.json.
 */
const fs = require('node:fs');
const path = require('node:path');
const { startServer, quantile, median, customer, machine, root, arg } = require('./lib');

const DBS = arg('db', 'sqlite,postgres').split(',');
const ROUNDS = Number(arg('rounds', 3));
const N = Number(arg('n', 300));
const CONCURRENCY = 8;
const EXISTING = Number(arg('existing', 0));
const STATS = arg('stats', 'none');

let existingRecords;
/** Bulk-loads the existing customers (draft rows, as bench:match does) and, when governed, builds their keys. */
const populate = async (server, governance) => {
  if (!EXISTING) return;
  existingRecords ??= require('./match/generator').generate({ seed: 11, size: EXISTING, queries: 1 }).records;
  const knex = require('knex')(
    server.env.DATABASE_CLIENT === 'postgres'
      ? { client: 'pg', connection: { host: server.env.DATABASE_HOST, port: Number(server.env.DATABASE_PORT), user: server.env.DATABASE_USERNAME, password: '', database: server.env.DATABASE_NAME } }
      : { client: 'better-sqlite3', connection: { filename: path.join(root, server.env.DATABASE_FILENAME) }, useNullAsDefault: true }
  );
  try {
    const now = new Date().toISOString();
    const rows = existingRecords.map((r, i) => ({
      document_id: `existing${i}`, code: `E-${String(i + 1).padStart(7, '0')}`, name: r.name, tax_id: r.taxId, phone: r.phone, email: r.email,
      website: r.website, city: r.city, country: r.country, lifecycle_stage: 'active', customer_type: 'organization', created_at: now, updated_at: now, published_at: null,
    }));
    const batch = server.env.DATABASE_CLIENT === 'postgres' ? 2000 : 500;
    for (let i = 0; i < rows.length; i += batch * 10) {
      await knex.transaction(async (trx) => {
        for (let j = i; j < Math.min(i + batch * 10, rows.length); j += batch) await trx('customers').insert(rows.slice(j, j + batch));
      });
    }
    if (governance) await server.ask({ cmd: 'rebuild-match-keys', uid: 'api::customer.customer' });
    if (STATS === 'fresh') await knex.raw('ANALYZE');
  } finally {
    await knex.destroy();
  }
};

const request = async (server, method, url, body) => {
  const started = performance.now();
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json.error)}`);
  return { ms: performance.now() - started, json };
};

const workload = async (server) => {
  for (let i = 0; i < 30; i += 1) await request(server, 'POST', '/api/customers', { data: customer() }); // warm-up
  const create = [];
  const ids = [];
  for (let i = 0; i < N; i += 1) {
    const { ms, json } = await request(server, 'POST', '/api/customers', { data: customer() });
    create.push(ms);
    ids.push(json.data.documentId);
  }
  const update = [];
  for (let i = 0; i < N; i += 1) {
    const { ms } = await request(server, 'PUT', `/api/customers/${ids[i]}`, { data: { segment: `Segment ${i}`, phone: '+86 138 0013 8001' } });
    update.push(ms);
  }
  const total = N * 2;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next += 1;
        await request(server, 'POST', '/api/customers', { data: customer() });
      }
    })
  );
  const throughput = total / ((performance.now() - started) / 1000);
  return {
    createP50: quantile(create, 0.5),
    createP95: quantile(create, 0.95),
    updateP50: quantile(update, 0.5),
    updateP95: quantile(update, 0.95),
    throughput,
  };
};

(async () => {
  const results = {};
  for (const client of DBS) {
    results[client] = { governed: [], plain: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? [true, false] : [false, true];
      for (const governance of order) {
        const server = await startServer({ client, governance });
        try {
          await populate(server, governance);
          const r = await workload(server);
          results[client][governance ? 'governed' : 'plain'].push(r);
          console.error(`${client} round ${round + 1} ${governance ? 'governed' : 'plain   '}: create p50 ${r.createP50.toFixed(1)} ms p95 ${r.createP95.toFixed(1)} ms, update p50 ${r.updateP50.toFixed(1)} ms p95 ${r.updateP95.toFixed(1)} ms, ${r.throughput.toFixed(1)} creates/s`);
        } finally {
          await server.stop();
        }
      }
    }
  }

  const summary = {};
  const lines = ['| database | mode | create p50 | create p95 | update p50 | update p95 | creates/s (8 clients) |', '|---|---|---|---|---|---|---|'];
  for (const [client, modes] of Object.entries(results)) {
    const med = (mode, key) => median(modes[mode].map((r) => r[key]));
    const row = (mode) => ({ createP50: med(mode, 'createP50'), createP95: med(mode, 'createP95'), updateP50: med(mode, 'updateP50'), updateP95: med(mode, 'updateP95'), throughput: med(mode, 'throughput') });
    const governed = row('governed');
    const plain = row('plain');
    const ratios = {
      createP50: governed.createP50 / plain.createP50,
      updateP50: governed.updateP50 / plain.updateP50,
      throughput: governed.throughput / plain.throughput,
    };
    summary[client] = { governed, plain, ratios };
    for (const [mode, r] of [['governed', governed], ['plain Strapi', plain]]) {
      lines.push(`| ${client} | ${mode} | ${r.createP50.toFixed(1)} ms | ${r.createP95.toFixed(1)} ms | ${r.updateP50.toFixed(1)} ms | ${r.updateP95.toFixed(1)} ms | ${r.throughput.toFixed(1)} |`);
    }
    lines.push(`| ${client} | **ratio** | **${ratios.createP50.toFixed(2)}** | | **${ratios.updateP50.toFixed(2)}** | | **${ratios.throughput.toFixed(2)}** |`);
  }
  const out = { date: new Date().toISOString(), machine: machine(), rounds: ROUNDS, n: N, concurrency: CONCURRENCY, existing: EXISTING, statistics: EXISTING ? STATS : undefined, summary, results };
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', `write-${EXISTING ? `existing${EXISTING}-${DBS.join('-')}-${STATS === 'fresh' ? 'fresh-' : ''}` : ''}${out.date.slice(0, 10)}.json`), JSON.stringify(out, null, 2));
  console.log(`Machine: ${out.machine}; ${ROUNDS} rounds, medians; ${N} sequential creates and updates, ${N * 2} creates from ${CONCURRENCY} clients per run\n`);
  console.log(lines.join('\n'));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
