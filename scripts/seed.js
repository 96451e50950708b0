#!/usr/bin/env node
/* Seeds the demo data into the database configured by .env / DATABASE_* (development only). */
const path = require('node:path');
const { root, withStrapi } = require('./boot');

const main = async () => {
  if (process.env.NODE_ENV === 'production') {
    console.error('seed: refusing to run with NODE_ENV=production');
    process.exit(1);
  }
  await withStrapi(async (strapi) => {
    const { seed } = require(path.join(root, 'dist/src/demo/seed'));
    const started = Date.now();
    const result = await seed(strapi);
    console.log(
      `seed: ${result.customers.created} customers created (${result.customers.total} in the demo set), ` +
        `${result.duplicates} near-duplicates, ${result.changeRequests} change requests, ` +
        `${result.groups} groups, ${result.admins} admin users created, in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  });
};

main().catch((error) => {
  console.error('seed failed:', error.details ? JSON.stringify(error.details) : '', error);
  process.exit(1);
});
