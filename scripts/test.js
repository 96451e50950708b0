#!/usr/bin/env node
/* npm test: install if needed, build the plugin and the app, run jest (extra arguments pass through). */
const { run, ensureDependencies, build } = require('./lib');

ensureDependencies();
build();
run('npx', ['jest', '--runInBand', ...process.argv.slice(2)]);
