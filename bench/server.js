/*
 * A Strapi server for benchmarks, started by bench/write.js in a child process: boots the compiled
 * app on the database given by DATABASE_* (MASTER_DATA_GOVERNANCE=false for plain Strapi), creates a
 * full-access API token and reports { port, token } to the parent.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const { drainPool } = require('../scripts/boot');

const root = path.resolve(__dirname, '..');

(async () => {
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = 'error';
  await strapi.start();
  const token = await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null, permissions: [] });
  process.send({ port: Number(process.env.PORT), token: token.accessKey });
  process.on('message', async (message) => {
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
