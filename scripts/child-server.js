/*
 * A Strapi server in a child process, for benchmarks (bench/write.js) and for tests that need a
 * second instance on the same database: boots the compiled app on the database given by DATABASE_*
 * (MASTER_DATA_GOVERNANCE=false for plain Strapi), creates a full-access API token and reports
 * { port, token } to the parent over IPC; stops on the message 'stop'; rebuilds match keys on
 * { cmd: 'rebuild-match-keys', uid } (benchmarks) and makes an admin user of a role on
 * { cmd: 'admin-token', role } (approvals benchmark: it logs in over HTTP).
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const { drainPool } = require('./boot');

const root = path.resolve(__dirname, '..');

(async () => {
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = 'error';
  await strapi.start();
  const token = await strapi
    .service('admin::api-token')
    .create({ name: `instance-${process.pid}`, type: 'full-access', lifespan: null, permissions: [] });
  // PORT=0 lets the system pick a free port: report the real one.
  process.send({ port: strapi.server.httpServer.address().port, token: token.accessKey });
  process.on('message', async (message) => {
    if (message && message.cmd === 'rebuild-match-keys') {
      // Benchmarks load records straight into the table, then build their match keys here.
      const started = process.hrtime.bigint();
      const count = await strapi.plugin('master-data').service('matching').rebuild({ uid: message.uid });
      process.send({ rebuilt: count, ms: Number(process.hrtime.bigint() - started) / 1e6 });
      return;
    }
    if (message && message.cmd === 'admin-token') {
      // Benchmarks act as admin users of a role (approvals): a user of that role, logged in.
      const role = await strapi.service('admin::role').findOne({ code: message.role });
      const email = `${message.role}-${process.pid}-${Date.now()}@bench.local`;
      const user = await strapi.service('admin::user').create({ email, firstname: message.role, lastname: 'Bench', password: 'Bench-Passw0rd!', isActive: true, roles: [role.id] });
      process.send({ id: user.id, email, password: 'Bench-Passw0rd!' });
      return;
    }
    if (message === 'stop') {
      await drainPool(strapi);
      await strapi.destroy();
      process.exit(0);
    }
  });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
