#!/usr/bin/env node
/* npm run demo: install, build, seed the demo data, start Strapi in development mode on SQLite. */
const { run, ensureDependencies, build, ensureDotEnv } = require('./lib');

ensureDependencies();
ensureDotEnv();
build();
run('node', ['scripts/seed.js']);
run('npx', ['strapi', 'develop', '--no-watch-admin'], { BROWSER: 'none' });
