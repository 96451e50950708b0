#!/usr/bin/env node
/*
 * npm test: install if needed, build the plugin and the app, run jest (extra arguments pass through).
 * TEST_BUILT=1: the caller has just built both (CI runs two suites side by side: two builds into
 * the same dist/ at once would race).
 */
const { run, ensureDependencies, build } = require('./lib');

if (process.env.TEST_BUILT !== '1') {
  ensureDependencies();
  build();
}
run('npx', ['jest', '--runInBand', ...process.argv.slice(2)]);
