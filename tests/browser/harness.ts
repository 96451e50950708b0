/**
 * Browser tests: a real Strapi with the built admin panel on a fresh SQLite database with the demo
 * data, driven by Debian's Chromium through playwright-core. Screenshots go to artifacts/screenshots/.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, ROOT, type TestDatabase } from '../helpers/database';
import { drain } from '../helpers/strapi';

export const SCREENSHOTS = path.join(ROOT, 'artifacts', 'screenshots');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

export interface BrowserApp {
  strapi: Core.Strapi;
  browser: Browser;
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Boots the app with the admin panel on a free port. `env` is set for this app only (e.g.
 * WEBHOOKS_ALLOWED_HOSTS) and put back as it was on stop.
 */
export const startBrowserApp = async ({ env = {} }: { env?: Record<string, string> } = {}): Promise<BrowserApp> => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) {
    throw new Error('The admin panel is not built: run `npx strapi build` first (npm run test:browser does).');
  }
  const port = await freePort();
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, { SERVE_ADMIN_PANEL: 'true', HOST: '127.0.0.1', PORT: String(port) }, env);
  const db: TestDatabase = await createTestDatabase();
  const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') });
  strapi.log.level = 'error';
  await strapi.start();
  // The demo data, through the same seed as `npm run demo`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { seed } = require(path.join(ROOT, 'dist/src/demo/seed'));
  await seed(strapi);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    strapi,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await browser.close();
      await drain(strapi);
      await strapi.destroy();
      await db.drop();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
};

/** A new page logged in to the admin panel as the given demo user. */
export const loginAs = async (app: Pick<BrowserApp, 'browser' | 'baseUrl'>, email: string): Promise<Page> => {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  // Playwright's own default is 30 s a step; the admin panel on a busy two-core machine (CI runs
  // there) takes longer for some, and a step that never comes still fails by its own name.
  context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'Demo-Passw0rd!');
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30000 });
  return page;
};

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/**
 * Picks a value in a Content Manager combobox (the country and currency pickers) by typing part of
 * it and clicking the option, as a user does; typed text alone is not a value.
 */
export const pick = async (page: Page, name: string, search: string, option: string | RegExp) => {
  const input = page.locator(`input[name="${name}"]`);
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
};
