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
    await strapi.destroy();
  }
};

module.exports = { root, withStrapi };
