/* Loads the compiled app (no HTTP server) for command-line tools; run `npm run build:app` first. */
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Runs `fn(strapi)` with a loaded Strapi and destroys it afterwards; exits non-zero on error. */
const withStrapi = async (fn) => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  strapi.log.level = process.env.LOG_LEVEL || 'warn';
  await strapi.load();
  try {
    return await fn(strapi);
  } finally {
    await drainPool(strapi);
    await strapi.destroy();
  }
};

/**
 * Waits until no database connection is in use or awaited. Strapi emits entry events after commit
 * without awaiting them (document-service/events); destroying the pool under such a query makes it
 * fail later as an unhandled rejection. Call before `strapi.destroy()`.
 */
const drainPool = async (strapi, timeoutMs = 5000) => {
  const pool = strapi.db.connection.client.pool;
  const busy = () => pool && pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    quiet = busy() ? 0 : quiet + 1;
  }
};

module.exports = { root, withStrapi, drainPool };
