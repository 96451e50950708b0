import { startApp, adminToken, bearer, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

test('the master-data plugin is loaded from its build and governs customers', async () => {
  expect(app.strapi.plugin('master-data')).toBeDefined();
  const { token } = await adminToken(app);
  const res = await app.http.get('/master-data/governance').set(bearer(token));
  expect(res.status).toBe(200);
  expect(res.body.data.enabled).toBe(true);
  const customer = res.body.data.governed.find((g: { uid: string }) => g.uid === 'api::customer.customer');
  expect(customer.code).toEqual({ field: 'code', prefix: 'C-', digits: 6 });
  expect(customer.fields).toEqual(expect.arrayContaining([{ path: 'taxId', type: 'taxId' }]));
});

test('the governance route refuses callers without an admin session', async () => {
  const res = await app.http.get('/master-data/governance');
  expect(res.status).toBe(401);
});
