/**
 * Issue 8, item 10 (secrets) and item 9 (remote transfer off by default).
 */
import { startApp, adminToken, bearer, type TestApp } from '../helpers/strapi';

const withEnv = async <T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> => {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
};

test('without ENCRYPTION_KEY the app refuses to start (no fallback to APP_KEYS)', async () => {
  await withEnv({ ENCRYPTION_KEY: undefined }, () =>
    expect(startApp()).rejects.toThrow(/master-data refuses to start:\n {2}- ENCRYPTION_KEY is not set/)
  );
});

test('in production a placeholder ENCRYPTION_KEY stops start-up with a clear message', async () => {
  await withEnv({ ENCRYPTION_KEY: 'toBeModified', NODE_ENV: 'production' }, () =>
    expect(startApp()).rejects.toThrow(/refuses to start in production:[\s\S]*ENCRYPTION_KEY holds a placeholder/)
  );
});

describe('remote data transfer', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('is switched off by default: no transfer token can be made, the runner is not there', async () => {
    expect(app.strapi.config.get('server.transfer.remote.enabled')).toBe(false);
    const { token } = await adminToken(app);
    const create = await app.http
      .post('/admin/transfer/tokens')
      .set(bearer(token))
      .send({ name: 'migration', description: '', permissions: ['push'], lifespan: null });
    expect(create.status).toBe(404);
    const tokens = await app.strapi.db.query('admin::transfer-token').count();
    expect(tokens).toBe(0);
  });
});
