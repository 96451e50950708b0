/**
 * Browser tests that need development mode (the Content-Type Builder writes schema files and the
 * server restarts): a copy of the app's sources under .tmp/apps/ run with `strapi develop
 * --no-watch-admin --no-build-admin` as a child process, exactly as a business admin's development
 * instance runs, serving the admin panel `npm run test:browser` built. A type made in the
 * Content-Type Builder is written into the copy, which develop compiles before it restarts; the
 * project's own sources are never touched. The demo data is seeded first, on a fresh SQLite file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createStrapi } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createTestDatabase, openTestDatabase, ROOT, type TestDatabase } from '../helpers/database';
import { drain } from '../helpers/strapi';
import { CHROMIUM_FLAGS, freePort, SCREENSHOTS } from './harness';

/** The app's sources in a directory of their own; the plugin and node_modules are the project's. */
const copyApp = (dir: string) => {
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'tsconfig.json', 'favicon.png']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  for (const folder of ['config', 'database', 'types']) fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true, filter: (source) => !source.startsWith(path.join(ROOT, 'src', 'plugins')) });
  // config/plugins.ts resolves the plugin as ./src/plugins/master-data (loaded from its built dist/).
  fs.symlinkSync(path.join(ROOT, 'src', 'plugins'), path.join(dir, 'src', 'plugins'), 'dir');
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  // The compiled app (for the seed) and the built admin panel, which develop serves and keeps.
  fs.mkdirSync(path.join(dir, 'dist'));
  for (const folder of ['config', 'src', 'build']) fs.cpSync(path.join(ROOT, 'dist', folder), path.join(dir, 'dist', folder), { recursive: true });
};

const seedDemo = async (dir: string) => {
  const strapi = createStrapi({ appDir: dir, distDir: path.join(dir, 'dist') });
  strapi.log.level = 'error';
  await strapi.load();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seed } = require(path.join(dir, 'dist/src/demo/seed'));
    await seed(strapi);
  } finally {
    await drain(strapi);
    await strapi.destroy();
  }
};

export interface DevelopApp {
  dir: string;
  baseUrl: string;
  browser: Browser;
  /** A connection to the app's database, for assertions (the app runs in another process). */
  db: Knex;
  /** What `strapi develop` printed (for a failure message). */
  output(): string;
  /** Resolves when the server answers /_health (after a start or a restart). */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves once the server has stopped answering (a restart began, within a minute) and answers again. */
  restarted(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export const startDevelopApp = async (): Promise<DevelopApp> => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) {
    throw new Error('The admin panel is not built: run `npx strapi build` first (npm run test:browser does).');
  }
  const dir = path.join(ROOT, '.tmp', 'apps', `develop-${randomBytes(4).toString('hex')}`);
  copyApp(dir);
  const database: TestDatabase = await createTestDatabase(dir);
  await seedDemo(dir);

  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'develop', '--no-watch-admin', '--no-build-admin'],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), SERVE_ADMIN_PANEL: 'true', BROWSER: 'none', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;

  const healthy = () =>
    fetch(`${baseUrl}/_health`, { signal: AbortSignal.timeout(5000) }).then(
      (res) => res.status === 204,
      () => false,
    );
  const ready = async (timeoutMs = 180_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`strapi develop exited (${child.exitCode}):\n${output.slice(-4000)}`);
      if (await healthy()) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`strapi develop did not answer within ${timeoutMs} ms:\n${output.slice(-4000)}`);
  };
  const restarted = async (timeoutMs = 420_000) => {
    const down = Date.now() + 60_000;
    while (Date.now() < down && (await healthy())) await new Promise((resolve) => setTimeout(resolve, 250));
    await ready(timeoutMs);
  };
  await ready();

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const db = openTestDatabase(dir);
  return {
    dir,
    baseUrl,
    browser,
    db,
    output: () => output,
    ready,
    restarted,
    async stop() {
      await browser.close();
      await db.destroy();
      // The develop process and the worker it forked: the whole group.
      if (child.exitCode === null && child.pid) {
        let timer: NodeJS.Timeout | undefined;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
