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

/** Every file below `dir` (recursively), sorted; none when it does not exist. */
const filesUnder = (dir) => {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
};

/**
 * What the admin panel bundle is built from: the plugin's built admin code, the app's admin folder
 * and configuration, the locked dependencies, and the STRAPI_ADMIN_* variables the bundle inlines.
 */
const adminInputsHash = () => {
  const hash = crypto.createHash('sha256');
  const inputs = [
    ...filesUnder(path.join(root, 'src', 'plugins', 'master-data', 'dist', 'admin')),
    ...filesUnder(path.join(root, 'src', 'admin')),
    ...filesUnder(path.join(root, 'config')),
    path.join(root, 'package-lock.json'),
  ];
  for (const file of inputs) hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  for (const [name, value] of Object.entries(process.env).filter(([n]) => n.startsWith('STRAPI_ADMIN_')).sort()) hash.update(`${name}=${value}\0`);
  return hash.digest('hex');
};

const ADMIN_STAMP = path.join(root, 'dist', 'build', '.inputs-sha256');

/**
 * Builds the plugin, then the admin panel only when what it is built from changed since its last
 * build (`strapi build` compiles the app too); otherwise compiles the app alone. `strapi develop
 * --no-build-admin` serves that build: the panel is built at most once, not on every start.
 */
const buildWithAdmin = () => {
  run('npm', ['run', '--silent', 'build:plugin']);
  const inputs = adminInputsHash();
  const built = fs.existsSync(path.join(root, 'dist', 'build', 'index.html')) && fs.existsSync(ADMIN_STAMP) && fs.readFileSync(ADMIN_STAMP, 'utf8') === inputs;
  if (built) {
    console.log('Admin panel: up to date (dist/build), not rebuilt.');
    run('npm', ['run', '--silent', 'build:app']);
    return;
  }
  run('npx', ['strapi', 'build']);
  fs.writeFileSync(ADMIN_STAMP, inputs);
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

module.exports = { root, run, ensureDependencies, build, buildWithAdmin, ensureDotEnv };
