#!/usr/bin/env node
/*
 * npm run audit:retention -- --before 2025-01-01T00:00:00Z --reason "7-year retention, ticket OPS-42"
 * Removes audit events older than --before, leaving a checkpoint so that the rest of the chain still
 * verifies, and records the removal as an audit event. The only way events leave the trail.
 * A cut-off younger than master-data.config.audit.retention.minimumAgeDays (default 365) is refused.
 */
const { withStrapi } = require('./boot');

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};

const before = arg('before');
const reason = arg('reason');
if (!before || Number.isNaN(Date.parse(before)) || !reason) {
  console.error('usage: npm run audit:retention -- --before <ISO date> --reason "<why>"');
  process.exit(2);
}

withStrapi(async (strapi) => {
  const { purgeAuditEvents } = strapi.plugin('master-data').service('audit');
  const result = await purgeAuditEvents({ before: new Date(before).toISOString(), reason });
  console.log(JSON.stringify(result));
}).catch((error) => {
  // A refused cut-off (too recent) is a plain message, not a stack trace.
  console.error('audit:retention failed:', error?.name === 'ValidationError' ? error.message : error);
  process.exit(2);
});
