/*
 * Matching benchmark: quality and latency of the duplicate check at scale.
 *
 *   node bench/match.js --db sqlite --size 100000 --queries 2000
 *   node bench/match.js --db postgres --size 1000000 --queries 2000
 *   node bench/match.js --db postgres --set hard --size 100000 --stats none   (issue 13 classes, no statistics)
 *
 * --set basic (bench/match/generator.js) or hard (bench/match/hard.js: transliteration, persons with
 * common names, English variants, homophones, identifiers in other formats, renamed companies, and
 * look-alike negatives; reported per class in `byClass`). --stats fresh (ANALYZE after the load) or
 * none (PostgreSQL: the statistics of the key and customer tables wiped, as after a bulk load on a
 * server without autovacuum). --dump FILE writes every query the matcher got wrong, with its top
 * candidates and the label's rank. --keep leaves the database (its name is printed) and --reuse NAME
 * runs on such a database without loading it again (the same --set, --size and --seed; the match
 * keys are rebuilt unless --rebuild no), for looking into one size without paying its load again.
 *
 * Generates seeded synthetic customers with labelled duplicates (bench/match/generator.js), loads
 * them straight into the customers table of a fresh database, builds their match keys in the server
 * (the plugin's rebuild), then sends every query to POST /api/master-data/match, one at a time, and
 * reports recall@1, recall@10, precision / recall / F1 of the block+review decision and latency
 * p50/p95. On PostgreSQL it also runs the naive baseline: pg_trgm similarity on the raw names, top 10.
 */
const fs = require('node:fs');
const path = require('node:path');
const knexFactory = require('knex');
const { startServer, quantile, machine, arg, root } = require('./lib');
const { generate: generateBasic } = require('./match/generator');
const { generate: generateHard, DUPLICATE_CLASSES, NEGATIVE_CLASSES } = require('./match/hard');

const UID = 'api::customer.customer';
const client = arg('db', 'sqlite');
const size = Number(arg('size', client === 'postgres' ? 1000000 : 100000));
const queryCount = Number(arg('queries', 2000));
const set = arg('set', 'basic'); // basic: bench/match/generator.js; hard: bench/match/hard.js (issue 13 classes)
const seed = Number(arg('seed', set === 'hard' ? 7 : 42));
// fresh: ANALYZE after the load (as before); none: the key and customer tables' statistics wiped (PostgreSQL),
// as after a bulk load on a server without autovacuum.
const stats = arg('stats', 'fresh');
const generate = set === 'hard' ? generateHard : generateBasic;
const log = (...a) => console.error(`[bench:match ${client}]`, ...a);

const connect = (env) =>
  knexFactory(
    env.DATABASE_CLIENT === 'postgres'
      ? { client: 'pg', connection: { host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, password: '', database: env.DATABASE_NAME } }
      : { client: 'better-sqlite3', connection: { filename: path.join(root, env.DATABASE_FILENAME) }, useNullAsDefault: true }
  );

const load = async (knex, records) => {
  const now = new Date().toISOString();
  const started = Date.now();
  const rows = records.map((r, i) => ({
    document_id: r.id,
    code: `B-${String(i + 1).padStart(7, '0')}`,
    name: r.name,
    tax_id: r.taxId,
    phone: r.phone,
    email: r.email,
    website: r.website,
    city: r.city,
    country: r.country,
    industry: r.industry,
    lifecycle_stage: 'active',
    customer_type: r.customerType ?? 'organization',
    created_at: now,
    updated_at: now,
    published_at: null,
  }));
  const batch = client === 'postgres' ? 2000 : 500;
  for (let i = 0; i < rows.length; i += batch) {
    await knex.transaction(async (trx) => {
      for (let j = i; j < Math.min(i + batch * 10, rows.length); j += batch) await trx('customers').insert(rows.slice(j, j + batch));
    });
    i += batch * 9;
    if ((i / batch) % 100 < 10) log(`loaded ${Math.min(i + batch, rows.length)} / ${rows.length}`);
  }
  return { rows: rows.length, seconds: (Date.now() - started) / 1000 };
};

const evaluate = (queries, results) => {
  let dups = 0, at1 = 0, at10 = 0, tp = 0, fp = 0;
  const perKind = {};
  queries.forEach((q, i) => {
    const list = results[i];
    const positives = list.filter((c) => c.decision !== 'allow');
    if (q.truth) {
      dups += 1;
      const k = (perKind[q.kind] ??= { n: 0, found: 0 });
      k.n += 1;
      if (list[0]?.documentId === q.truth) at1 += 1;
      if (list.slice(0, 10).some((c) => c.documentId === q.truth)) at10 += 1;
      if (positives.some((c) => c.documentId === q.truth)) {
        tp += 1;
        k.found += 1;
      }
      fp += positives.filter((c) => c.documentId !== q.truth).length;
    } else {
      fp += positives.length;
    }
  });
  const precision = tp / (tp + fp || 1);
  const recall = tp / (dups || 1);
  return {
    duplicates: dups,
    negatives: queries.length - dups,
    recallAt1: at1 / dups,
    recallAt10: at10 / dups,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
    truePositives: tp,
    falsePositives: fp,
    recallByKind: Object.fromEntries(Object.entries(perKind).map(([k, v]) => [k, `${v.found}/${v.n}`])),
  };
};

/**
 * Per class (bench/match/hard.js): duplicates: precision, recall, F1, recall@10 within the class
 * (flagged records other than the label are false positives); negatives: queries with any record
 * flagged, and with a block. falseBlocks: blocks of a record other than the label, over all queries.
 */
const evaluateByClass = (queries, results, ms) => {
  const classes = {};
  const times = {};
  let falseBlocks = 0;
  queries.forEach((q, i) => {
    const list = results[i];
    const c = (classes[q.kind] ??= { queries: 0, tp: 0, fp: 0, at10: 0, flagged: 0, blocked: 0 });
    c.queries += 1;
    (times[q.kind] ??= []).push(ms[i]);
    const wrong = list.filter((x) => x.decision !== 'allow' && x.documentId !== q.truth);
    falseBlocks += wrong.filter((x) => x.decision === 'block').length;
    c.fp += wrong.length;
    if (wrong.length) c.flagged += 1;
    if (wrong.some((x) => x.decision === 'block')) c.blocked += 1;
    if (q.truth) {
      if (list.some((x) => x.documentId === q.truth && x.decision !== 'allow')) c.tp += 1;
      if (list.slice(0, 10).some((x) => x.documentId === q.truth)) c.at10 += 1;
    }
  });
  const r3 = (x) => Math.round(x * 1000) / 1000;
  const out = {};
  for (const [kind, c] of Object.entries(classes)) {
    if (kind.startsWith('neg_')) {
      out[kind] = { queries: c.queries, flagged: c.flagged, blocked: c.blocked, falsePositives: c.fp, latencyMs: latency(times[kind]) };
    } else {
      const precision = c.tp / (c.tp + c.fp || 1);
      const recall = c.tp / c.queries;
      out[kind] = { queries: c.queries, precision: r3(precision), recall: r3(recall), f1: r3((2 * precision * recall) / (precision + recall || 1)), recallAt10: r3(c.at10 / c.queries), falsePositives: c.fp, latencyMs: latency(times[kind]) };
    }
  }
  return { falseBlocks, classes: out };
};

/** PostgreSQL: forget the statistics of the key and customer tables and their indexes (never analysed). */
const wipeStatistics = async (knex) => {
  const tables = ['master_data_match_keys', 'customers'];
  await knex.raw(`DELETE FROM pg_statistic WHERE starelid IN (${tables.map(() => '?::regclass').join(', ')})`, tables);
  await knex.raw(
    `UPDATE pg_class SET reltuples = -1, relpages = 0, relallvisible = 0
      WHERE oid IN (${tables.map(() => '?::regclass').join(', ')})
         OR oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (${tables.map(() => '?::regclass').join(', ')}))`,
    [...tables, ...tables]
  );
};

const latency = (ms) => ({ p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms) });

const naiveBaseline = async (knex, queries) => {
  log('naive baseline: GIN trigram index on raw customers.name');
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.raw('CREATE INDEX IF NOT EXISTS bench_naive_name_trgm ON customers USING gin (name gin_trgm_ops)');
  await knex.raw('ANALYZE customers');
  const ms = [];
  const results = [];
  for (const q of queries) {
    const started = process.hrtime.bigint();
    const { rows } = await knex.raw('SELECT document_id FROM customers WHERE name % ? ORDER BY similarity(name, ?) DESC LIMIT 10', [q.data.name ?? '', q.data.name ?? '']);
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    results.push(rows.map((r) => ({ documentId: r.document_id, decision: 'review' })));
  }
  const quality = evaluate(queries, results);
  return { latencyMs: latency(ms), recallAt1: quality.recallAt1, recallAt10: quality.recallAt10 };
};

(async () => {
  log(`generating ${size} records and ${queryCount} queries (seed ${seed})`);
  let started = Date.now();
  const { records, queries } = generate({ seed, size, queries: queryCount });
  log(`generated in ${(Date.now() - started) / 1000} s`);

  const reuse = arg('reuse', '');
  const server = await startServer({ client, governance: true, database: reuse || undefined, keep: process.argv.includes('--keep') || Boolean(reuse) });
  if (process.argv.includes('--keep')) log(`the database is kept: --reuse ${server.database}`);
  const knex = connect(server.env);
  try {
    const loaded = reuse ? { rows: size, seconds: NaN } : await load(knex, records);
    if (!reuse) log(`loaded ${loaded.rows} rows in ${loaded.seconds} s`);
    const rebuilt = reuse && arg('rebuild', 'yes') === 'no' ? { rebuilt: size, ms: NaN } : await server.ask({ cmd: 'rebuild-match-keys', uid: UID });
    log(`match keys built for ${rebuilt.rebuilt} records in ${(rebuilt.ms / 1000).toFixed(1)} s`);
    if (client === 'postgres') {
      if (stats === 'none') await wipeStatistics(knex);
      else await knex.raw('ANALYZE master_data_match_keys');
      // The server's pool caches no plans across statements (knex sends unnamed ones): the wipe applies at once.
    }

    const call = async (q) => {
      const res = await fetch(`${server.url}/api/master-data/match`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify({ data: q.data }),
      });
      if (res.status !== 200) throw new Error(`match: ${res.status} ${await res.text()}`);
      return (await res.json()).data;
    };
    for (const q of queries.slice(0, 50)) await call(q); // warm-up
    const ms = [];
    const results = [];
    for (const q of queries) {
      const t = process.hrtime.bigint();
      results.push(await call(q));
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const report = {
      date: new Date().toISOString(),
      machine: machine(),
      command: `node bench/match.js --db ${client} --set ${set} --size ${size} --queries ${queryCount} --seed ${seed} --stats ${stats}`,
      database: client,
      set,
      statistics: stats,
      records: size,
      queries: queryCount,
      load: { insertRowsPerSecond: Math.round(loaded.rows / loaded.seconds), keysPerSecond: Math.round(rebuilt.rebuilt / (rebuilt.ms / 1000)) },
      matchLatencyMs: latency(ms),
      quality: evaluate(queries, results),
      byClass: set === 'hard' ? evaluateByClass(queries, results, ms) : undefined,
      naiveBaseline: client === 'postgres' && arg('baseline', set === 'hard' ? 'no' : 'yes') === 'yes' ? await naiveBaseline(knex, queries) : undefined,
    };
    const dump = arg('dump', '');
    if (dump) {
      // Every query the matcher got wrong (missed label, or another record flagged), with the top candidates.
      const wrong = queries
        .map((q, i) => ({ q, list: results[i] }))
        .filter(({ q, list }) => (q.truth && !list.some((c) => c.documentId === q.truth && c.decision !== 'allow')) || list.some((c) => c.decision !== 'allow' && c.documentId !== q.truth))
        .map(({ q, list }) => ({
          kind: q.kind,
          query: q.data,
          truth: q.truth && records.find((r) => r.id === q.truth),
          rank: q.truth ? list.findIndex((c) => c.documentId === q.truth) + 1 || null : undefined,
          top: list.slice(0, 3),
        }));
      fs.writeFileSync(dump, JSON.stringify(wrong, null, 1));
    }
    const out = path.join(root, 'bench', 'results', `match-${set === 'hard' ? 'hard-' : ''}${client}-${size}${stats === 'none' ? '-nostats' : ''}-${report.date.slice(0, 10)}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await knex.destroy();
    await server.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
