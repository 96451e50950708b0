#!/usr/bin/env node
/*
 * npm run demo: install, build, seed the demo data, start Strapi in development mode on SQLite.
 * The admin panel is built here, and only when its inputs changed since the last build; `strapi
 * develop` then serves that build instead of building it again on every start.
 */
const { run, ensureDependencies, buildWithAdmin, ensureDotEnv } = require('./lib');

ensureDependencies();
ensureDotEnv();
buildWithAdmin();
run('node', ['scripts/seed.js']);
// The demo may deliver webhooks to a receiver on this machine (the SSRF guard refuses loopback otherwise).
run('npx', ['strapi', 'develop', '--no-watch-admin', '--no-build-admin'], { BROWSER: 'none', WEBHOOKS_ALLOWED_HOSTS: process.env.WEBHOOKS_ALLOWED_HOSTS ?? '127.0.0.1,localhost' });
