#!/usr/bin/env node
/*
 * npm run bench:audit-verify -- [--db sqlite,postgres] [--events 1000000]
 *
 * Fills a fresh database with a valid hash chain of N audit events (written straight to the table in
 * batches, as the audit service would have chained them), then times the verifier over all of them.
 */
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { createDatabase, root, machine, SECRETS, arg } = require('./lib');
const { drainPool } = require('../scripts/boot');

const DBS = arg('db', 'sqlite,postgres').split(',');
const EVENTS = Number(arg('events', 1_000_000));
const BATCH = 1000;


const boot = async (env) => {
  Object.assign(process.env, SECRETS, env, { NODE_ENV: 'production' });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = 'error';
  await strapi.load();
  return strapi;
};

const fill = async (strapi, chain) => {
  const knex = strapi.db.connection;
  // The key the server derives from ENCRYPTION_KEY, so that the verifier accepts these events.
  const key = chain.chainKey(SECRETS.ENCRYPTION_KEY);
  let prevHash = chain.GENESIS_HASH;
  const started = performance.now();
  for (let from = 1; from <= EVENTS; from += BATCH) {
    const rows = [];
    for (let sequence = from; sequence < Math.min(from + BATCH, EVENTS + 1); sequence += 1) {
      const fields = {
        sequence,
        occurredAt: new Date(Date.UTC(2026, 0, 1) + sequence * 1000).toISOString(),
        actorKind: 'api-token',
        actorId: '1',
        actorName: 'ERP connector',
        action: sequence % 3 === 0 ? 'create' : 'update',
        uid: 'api::customer.customer',
        documentId: `doc${sequence % 50000}`,
        locale: null,
        changes: { segment: { before: `S${sequence - 1}`, after: `S${sequence}` }, phone: { before: null, after: '+8613800138000' } },
        reason: null,
        requestId: `req-${sequence}`,
        ip: '127.0.0.1',
        userAgent: 'bench',
        outcome: 'success',
        prevHash,
      };
      const hash = chain.hashEvent(fields, key);
      rows.push({
        sequence, occurred_at: fields.occurredAt, actor_kind: fields.actorKind, actor_id: fields.actorId, actor_name: fields.actorName,
        action: fields.action, uid: fields.uid, document_id: fields.documentId, locale: null, changes: JSON.stringify(fields.changes),
        reason: null, request_id: fields.requestId, ip: fields.ip, user_agent: fields.userAgent, outcome: fields.outcome, prev_hash: prevHash, hash,
      });
      prevHash = hash;
    }
    await knex.transaction((trx) => trx.batchInsert('master_data_audit_events', rows, 250));
  }
  return (performance.now() - started) / 1000;
};

(async () => {
  // The plugin's own chain code (pure TypeScript), compiled for this script.
  const out = path.join(root, '.tmp', 'bench-domain');
  execFileSync('npx', ['tsc', '--outDir', out, '--module', 'commonjs', '--target', 'es2020', '--skipLibCheck', '--types', 'node', 'src/plugins/master-data/server/src/audit/domain/chain.ts'], { cwd: root, stdio: 'inherit' });
  const chain = require(path.join(out, 'chain.js'));
  const lines = ['| database | events | fill (s) | verify (s) | events/s verified |', '|---|---|---|---|---|'];
  for (const client of DBS) {
    const db = await createDatabase(client);
    const strapi = await boot(db.env);
    try {
      const fillSeconds = await fill(strapi, chain);
      const started = performance.now();
      const result = await strapi.plugin('master-data').service('audit').verify();
      const seconds = (performance.now() - started) / 1000;
      if (!result.ok || result.checked !== EVENTS) throw new Error(`verifier disagreed: ${JSON.stringify(result)}`);
      lines.push(`| ${client} | ${EVENTS.toLocaleString('en')} | ${fillSeconds.toFixed(1)} | ${seconds.toFixed(1)} | ${Math.round(EVENTS / seconds).toLocaleString('en')} |`);
      console.error(lines[lines.length - 1]);
    } finally {
      await drainPool(strapi);
      await strapi.destroy();
      await db.drop();
    }
  }
  console.log(`Machine: ${machine()}\n`);
  console.log(lines.join('\n'));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
