#!/usr/bin/env node
/* npm run test:browser: build the plugin and the admin panel, then drive it with Debian's Chromium. */
const { run, ensureDependencies } = require('./lib');

ensureDependencies();
run('npm', ['run', '--silent', 'build:plugin']);
run('npx', ['strapi', 'build']);
run('npx', ['jest', '--config', 'jest.browser.config.js', '--runInBand', ...process.argv.slice(2)]);
