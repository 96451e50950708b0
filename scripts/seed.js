#!/usr/bin/env node
/* Seeds the demo data into the database configured by .env / DATABASE_* (development only). */
const path = require('node:path');

const main = async () => {
  if (process.env.NODE_ENV === 'production') {
    console.error('seed: refusing to run with NODE_ENV=production');
    process.exit(1);
  }
  const { createStrapi } = require('@strapi/strapi');
  const root = path.resolve(__dirname, '..');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = 'warn';
  await strapi.load();
  try {
    const { seed } = require(path.join(root, 'dist/src/demo/seed'));
    const started = Date.now();
    const result = await seed(strapi);
    console.log(
      `seed: ${result.customers.created} customers created (${result.customers.total} in the demo set), ` +
        `${result.groups} groups, ${result.admins} admin users created, in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  } finally {
    await strapi.destroy();
  }
};

main().catch((error) => {
  console.error('seed failed:', error.details ? JSON.stringify(error.details) : '', error);
  process.exit(1);
});
