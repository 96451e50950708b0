#!/usr/bin/env node
/* npm run audit:verify: recomputes the audit hash chain; prints the result as JSON; exit 1 if broken. */
const { withStrapi } = require('./boot');

withStrapi(async (strapi) => {
  const started = process.hrtime.bigint();
  const result = await strapi.plugin('master-data').service('audit').verify();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ ...result, seconds: Number(seconds.toFixed(3)), eventsPerSecond: Math.round(result.checked / seconds) }));
  process.exitCode = result.ok ? 0 : 1;
}).catch((error) => {
  console.error('audit:verify failed:', error);
  process.exit(2);
});
