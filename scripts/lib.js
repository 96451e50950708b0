/* Helpers for the project's commands. Node built-ins only: they run before `npm ci`. */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Runs a command in the project root, inheriting stdio; exits on failure. */
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** Installs dependencies from the lock file when they are missing or older than it. */
const ensureDependencies = () => {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (npm ci)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
};

/** Builds the plugin (Strapi loads it from its dist/) and compiles the app to dist/. */
const build = () => {
  run('npm', ['run', '--silent', 'build:plugin']);
  run('npm', ['run', '--silent', 'build:app']);
};

/** Writes a .env with fresh random secrets when there is none (development only). */
const ensureDotEnv = () => {
  const file = path.join(root, '.env');
  if (fs.existsSync(file)) return;
  const secret = () => crypto.randomBytes(16).toString('base64');
  const lines = [
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'));
  console.log('Wrote .env with fresh secrets.');
};

module.exports = { root, run, ensureDependencies, build, ensureDotEnv };
