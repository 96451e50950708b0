import { startApp, type TestApp } from '../helpers/strapi';

// MASTER_DATA_GOVERNANCE=false (config/plugins.ts) runs the same app as plain Strapi: the baseline
// that benchmarks compare against, and proof that the checks elsewhere come from the plugin.
let app: TestApp;
beforeAll(async () => {
  process.env.MASTER_DATA_GOVERNANCE = 'false';
  app = await startApp();
});
afterAll(async () => {
  delete process.env.MASTER_DATA_GOVERNANCE;
  await app?.stop();
});

test('with governance switched off, writes are neither validated nor standardised', async () => {
  const created = await app.strapi.documents('api::customer.customer').create({ data: { name: '  Plain  ', email: 'NOT-AN-EMAIL' } as any });
  expect(created).toMatchObject({ name: '  Plain  ', email: 'NOT-AN-EMAIL', code: null });
});
