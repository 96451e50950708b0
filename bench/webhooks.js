#!/usr/bin/env node
/*
 * npm run bench:webhooks -- [--db postgres,sqlite] [--rounds 3] [--backlog 10000] [--n 200]
 *
 * Against a local receiver on 127.0.0.1 (answers 204, keep-alive), on a fresh database per round:
 * 1. Deliveries per second: a backlog of --backlog deliveries (outbox rows and deliveries inserted
 *    straight into the tables, over 1,000 records, with the endpoint disabled), then the endpoint is
 *    enabled and the time until the last one is delivered is measured.
 * 2. Commit -> delivery latency: --n sequential REST updates; for each event, the time from its
 *    creation in the write's transaction (payload timestamp) to its arrival at the receiver.
 * 3. The write cost of webhooks: REST creates (sequential p50 and throughput from 4 clients) with two
 *    subscribed endpoints vs none, in the order none, two, two, none on the same server (--only cost:
 *    this measure alone; --dispatcher false: with the writing instance delivering nothing).
 * 4. Sync: records/s of one batch request (POST /api/master-data/sync/:system) against the same
 *    records created one by one over REST (PUT /api/master-data/sync/:system/:externalId).
 * Prints medians across rounds; writes bench/results/webhooks-<date>.json.
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const crypto = require('node:crypto');
const { startServer, quantile, median, customer, machine, root, arg } = require('./lib');

const DBS = arg('db', 'postgres,sqlite').split(',');
const ROUNDS = Number(arg('rounds', 3));
const BACKLOG = Number(arg('backlog', 10_000));
const N = Number(arg('n', 200));
const CONCURRENCY = 4;
const SYNC_BATCH = Number(arg('batch', 500));
/** --dispatcher false: the writing instance delivers nothing (the outbox alone; deliveries wait), measures 3 only. */
const DISPATCHER = arg('dispatcher', 'true') !== 'false';
/** --only cost: just the write cost (3). */
const ONLY_COST = arg('only', '') === 'cost';

const receiver = async () => {
  const arrivals = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      try {
        arrivals.push({ at, path: req.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        arrivals.push({ at, path: req.url, body: null });
      }
      res.writeHead(204);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { arrivals, url: (p) => `http://127.0.0.1:${server.address().port}${p}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
};

const send = async (server, method, url, body, token = server.token) => {
  const started = performance.now();
  const res = await fetch(`${server.url}${url}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { ms: performance.now() - started, json, status: res.status };
};

const adminLogin = async (server) => {
  const user = await server.ask({ cmd: 'admin-token', role: 'strapi-super-admin' });
  const res = await fetch(`${server.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) });
  return (await res.json()).data.token;
};

const openDb = (env) => {
  const knex = require('knex');
  return env.DATABASE_CLIENT === 'postgres'
    ? knex({ client: 'pg', connection: { host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, password: env.DATABASE_PASSWORD, database: env.DATABASE_NAME }, pool: { min: 0, max: 2 } })
    : knex({ client: 'better-sqlite3', connection: { filename: path.join(root, env.DATABASE_FILENAME) }, useNullAsDefault: true });
};

const waitUntil = async (check, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Deliveries per second from a backlog. */
const throughput = async (server, admin, hook) => {
  const endpoint = (await send(server, 'POST', '/master-data/webhooks', { url: hook.url('/throughput'), events: ['customer.*'], enabled: false }, admin)).json.data;
  const db = openDb(server.env);
  try {
    const now = Date.now();
    for (let start = 0; start < BACKLOG; start += 500) {
      const events = [];
      const deliveries = [];
      for (let i = start; i < Math.min(start + 500, BACKLOG); i += 1) {
        const id = crypto.randomUUID();
        const documentId = `bench${String(i % 1000).padStart(6, '0')}`;
        const payload = { type: 'customer.updated', timestamp: new Date().toISOString(), data: { uid: 'api::customer.customer', documentId, code: null, sequence: i, changes: { segment: { before: null, after: `S${i}` } }, record: customer(), externalIds: [] } };
        events.push({ id, aggregate_type: 'api::customer.customer', aggregate_id: documentId, type: 'customer.updated', payload: JSON.stringify(payload), sequence: i, created_at: now });
        deliveries.push({ endpoint_id: endpoint.id, event_id: id, event_type: 'customer.updated', uid: 'api::customer.customer', document_id: documentId, sequence: i, record_key: `api::customer.customer|${documentId}`, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now });
      }
      await db('master_data_outbox').insert(events);
      await db.batchInsert('master_data_webhook_deliveries', deliveries, 100);
    }
    if (server.env.DATABASE_CLIENT === 'postgres') await db.raw('ANALYZE master_data_webhook_deliveries');
    const before = hook.arrivals.length;
    const started = performance.now();
    await send(server, 'PUT', `/master-data/webhooks/${endpoint.id}`, { enabled: true }, admin);
    await waitUntil(async () => {
      if (hook.arrivals.length - before < BACKLOG) return false;
      const [{ n }] = await db('master_data_webhook_deliveries').where({ endpoint_id: endpoint.id }).whereNot({ status: 'delivered' }).count({ n: '*' });
      return Number(n) === 0;
    }, 600_000);
    const seconds = (performance.now() - started) / 1000;
    await send(server, 'DELETE', `/master-data/webhooks/${endpoint.id}`, undefined, admin);
    return BACKLOG / seconds;
  } finally {
    await db.destroy();
  }
};

/** Event creation -> arrival, for sequential REST updates. */
const latency = async (server, admin, hook) => {
  const endpoint = (await send(server, 'POST', '/master-data/webhooks', { url: hook.url('/latency'), events: ['customer.updated'] }, admin)).json.data;
  const id = (await send(server, 'POST', '/api/customers', { data: customer() })).json.data.documentId;
  const marks = [];
  for (let i = 0; i < N + 10; i += 1) {
    const before = hook.arrivals.length;
    await send(server, 'PUT', `/api/customers/${id}?status=draft`, { data: { segment: `Latency ${i}` } });
    await waitUntil(() => hook.arrivals.length > before, 30_000);
    if (i < 10) continue;
    const arrival = hook.arrivals[hook.arrivals.length - 1];
    marks.push(arrival.at - Date.parse(arrival.body.timestamp));
  }
  await send(server, 'DELETE', `/master-data/webhooks/${endpoint.id}`, undefined, admin);
  return { p50: quantile(marks, 0.5), p95: quantile(marks, 0.95) };
};

/** REST creates: sequential p50 and throughput from 4 clients. */
const writes = async (server) => {
  const times = [];
  for (let i = 0; i < N; i += 1) times.push((await send(server, 'POST', '/api/customers', { data: customer() })).ms);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        next += 1;
        await send(server, 'POST', '/api/customers', { data: customer() });
      }
    })
  );
  return { p50: quantile(times, 0.5), throughput: N / ((performance.now() - started) / 1000) };
};

const writeCost = async (server, admin, hook) => {
  for (let i = 0; i < 30; i += 1) await send(server, 'POST', '/api/customers', { data: customer() }); // warm-up
  const none = [];
  const two = [];
  // A-B-B-A: the table grows through the runs; a drift then weighs on both sides alike.
  for (const subscribed of [false, true, true, false]) {
    const ids = [];
    if (subscribed) {
      for (const p of ['/erp', '/crm']) ids.push((await send(server, 'POST', '/master-data/webhooks', { url: hook.url(p), events: ['customer.*'] }, admin)).json.data.id);
    }
    (subscribed ? two : none).push(await writes(server));
    for (const id of ids) await send(server, 'DELETE', `/master-data/webhooks/${id}`, undefined, admin);
  }
  const med = (list, key) => median(list.map((r) => r[key]));
  return { none: { p50: med(none, 'p50'), throughput: med(none, 'throughput') }, two: { p50: med(two, 'p50'), throughput: med(two, 'throughput') } };
};

/** Sync: one batch request vs one PUT per record. */
const sync = async (server) => {
  const rows = (prefix) => Array.from({ length: SYNC_BATCH }, (_, i) => ({ externalId: `${prefix}-${i}`, ...customer(), externalIds: undefined }));
  const probe = await fetch(`${server.url}/api/master-data/sync/sap`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ data: [] }) });
  if (probe.status === 404 || probe.status === 405) return null; // no sync routes in this build
  const batchRows = rows(`B${Date.now()}`);
  const started = performance.now();
  const batch = await send(server, 'POST', '/api/master-data/sync/sap', { data: batchRows });
  const batchSeconds = (performance.now() - started) / 1000;
  const failed = (batch.json.data ?? []).filter((r) => r.status >= 300).length;
  const oneRows = rows(`O${Date.now()}`);
  const startedOne = performance.now();
  for (const { externalId, ...data } of oneRows) await send(server, 'PUT', `/api/master-data/sync/sap/${encodeURIComponent(externalId)}`, { data });
  const oneSeconds = (performance.now() - startedOne) / 1000;
  return { batch: SYNC_BATCH / batchSeconds, oneByOne: SYNC_BATCH / oneSeconds, failed };
};

(async () => {
  const hook = await receiver();
  const results = {};
  for (const client of DBS) {
    results[client] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const server = await startServer({ client, governance: true, env: { MASTER_DATA_APPROVALS: 'false', WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1', WEBHOOKS_CONCURRENCY: '64', WEBHOOKS_DISPATCHER: String(DISPATCHER) } });
      try {
        const admin = await adminLogin(server);
        const r = {};
        const full = DISPATCHER && !ONLY_COST;
        r.deliveriesPerSecond = full ? await throughput(server, admin, hook) : NaN;
        r.latency = full ? await latency(server, admin, hook) : { p50: NaN, p95: NaN };
        r.writeCost = await writeCost(server, admin, hook);
        r.sync = full ? await sync(server) : null;
        results[client].push(r);
        console.error(
          `${client} round ${round + 1}: ${r.deliveriesPerSecond.toFixed(0)} deliveries/s; latency p50 ${r.latency.p50.toFixed(0)} ms p95 ${r.latency.p95.toFixed(0)} ms; ` +
            `create p50 ${r.writeCost.none.p50.toFixed(1)} → ${r.writeCost.two.p50.toFixed(1)} ms, ${r.writeCost.none.throughput.toFixed(0)} → ${r.writeCost.two.throughput.toFixed(0)} creates/s` +
            (r.sync ? `; sync batch ${r.sync.batch.toFixed(0)} rec/s vs one by one ${r.sync.oneByOne.toFixed(0)} rec/s (${r.sync.failed} rows refused)` : '')
        );
      } finally {
        await server.stop();
      }
    }
  }
  await hook.close();
  const lines = ['| database | deliveries/s | commit → delivery p50 / p95 | create p50 none → 2 endpoints (ratio) | creates/s none → 2 endpoints (time ratio) | sync batch vs one by one (records/s) |', '|---|---|---|---|---|---|'];
  const summary = {};
  for (const [client, rounds] of Object.entries(results)) {
    const m = (f) => median(rounds.map(f));
    const s = {
      deliveriesPerSecond: m((r) => r.deliveriesPerSecond),
      latencyP50: m((r) => r.latency.p50),
      latencyP95: m((r) => r.latency.p95),
      p50None: m((r) => r.writeCost.none.p50),
      p50Two: m((r) => r.writeCost.two.p50),
      p50Ratio: m((r) => r.writeCost.two.p50 / r.writeCost.none.p50),
      tputNone: m((r) => r.writeCost.none.throughput),
      tputTwo: m((r) => r.writeCost.two.throughput),
      timeRatio: m((r) => r.writeCost.none.throughput / r.writeCost.two.throughput),
      syncBatch: rounds[0].sync ? m((r) => r.sync.batch) : null,
      syncOne: rounds[0].sync ? m((r) => r.sync.oneByOne) : null,
    };
    summary[client] = s;
    lines.push(
      `| ${client} | ${s.deliveriesPerSecond.toFixed(0)} | ${s.latencyP50.toFixed(0)} / ${s.latencyP95.toFixed(0)} ms | ${s.p50None.toFixed(1)} → ${s.p50Two.toFixed(1)} ms (**${s.p50Ratio.toFixed(2)}**) | ${s.tputNone.toFixed(0)} → ${s.tputTwo.toFixed(0)} (**${s.timeRatio.toFixed(2)}**) | ${s.syncBatch ? `${s.syncBatch.toFixed(0)} vs ${s.syncOne.toFixed(0)} (${(s.syncBatch / s.syncOne).toFixed(1)}×)` : 'n/a'} |`
    );
  }
  const out = { date: new Date().toISOString(), machine: machine(), rounds: ROUNDS, backlog: BACKLOG, n: N, dispatcher: DISPATCHER, summary, results };
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', `webhooks-${DISPATCHER ? '' : 'outbox-only-'}${ONLY_COST ? 'cost-' : ''}${out.date.slice(0, 10)}.json`), JSON.stringify(out, null, 2));
  console.log(`Machine: ${out.machine}; ${ROUNDS} rounds, medians; backlog ${BACKLOG}; ${N} writes per measure\n`);
  console.log(lines.join('\n'));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
