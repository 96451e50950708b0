#!/usr/bin/env node
/* npm run test:browser: build the plugin and the admin panel (when changed), then drive it with Debian's Chromium. */
const { run, ensureDependencies, buildWithAdmin } = require('./lib');

ensureDependencies();
buildWithAdmin();
run('npx', ['jest', '--config', 'jest.browser.config.js', '--runInBand', ...process.argv.slice(2)]);
