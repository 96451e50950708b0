#!/usr/bin/env node
/*
 * npm run data:reconcile [-- --uid api::customer.customer] [--reason "import of 2026-11-29, OPS-77"]
 * Run after `strapi import` / `strapi transfer` (or any write to the database that bypassed Strapi):
 * rebuilds match keys, queues duplicates among the records for review, lists records that fail the
 * field rules, and records an `import.reconcile` audit event. Exit code 1 when invalid records remain.
 */
const { withStrapi } = require('./boot');

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};

withStrapi(async (strapi) => {
  const plugin = strapi.plugin('master-data');
  const governed = [...plugin.service('governance').load().governed.keys()];
  const uids = arg('uid') ? [arg('uid')] : governed;
  let invalid = 0;
  for (const uid of uids) {
    const result = await plugin.service('imports').reconcile({
      uid,
      reason: arg('reason'),
      onProgress: (done) => process.stderr.write(`\r${uid}: ${done} records`),
    });
    process.stderr.write('\n');
    console.log(JSON.stringify(result, null, 2));
    invalid += result.invalid;
  }
  if (invalid > 0) process.exitCode = 1;
}).catch((error) => {
  console.error('data:reconcile failed:', error.message ?? error);
  process.exit(2);
});
