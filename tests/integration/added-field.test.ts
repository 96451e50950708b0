import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { makeAppVariant } from '../helpers/app-variant';
import { customerData } from '../helpers/fixtures';

// What the Content-Type Builder writes when a business admin adds fields to Customer: new attributes
// in its schema.json, no code. The governed-write pipeline must carry them end to end.
const variant = makeAppVariant({
  schemas: {
    customer: (schema) => {
      schema.attributes.loyaltyNumber = { type: 'string', maxLength: 40 };
      schema.attributes.annualRevenue = { type: 'decimal' };
    },
  },
});

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startApp({ appDir: variant.dir });
  token = await apiToken(app);
});
afterAll(async () => {
  await app?.stop();
  variant.remove();
});

test('fields added in the Content-Type Builder are written and read over REST, with governance still applied', async () => {
  const created = await app.http
    .post('/api/customers')
    .set(bearer(token))
    .send({ data: customerData({ loyaltyNumber: 'GOLD-0042', annualRevenue: 1250000.5, email: ' New@Example.COM ' }) });
  expect(created.status).toBe(201);
  expect(created.body.data).toMatchObject({ loyaltyNumber: 'GOLD-0042', email: 'new@example.com', code: expect.stringMatching(/^C-\d{6}$/) });
  expect(Number(created.body.data.annualRevenue)).toBe(1250000.5);

  const id = created.body.data.documentId;
  const updated = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { loyaltyNumber: 'PLATINUM-7' } });
  expect(updated.status).toBe(200);
  expect(updated.body.data.loyaltyNumber).toBe('PLATINUM-7');

  const bad = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { loyaltyNumber: 'X', phone: '1' } });
  expect(bad.status).toBe(400);
  expect((await app.strapi.documents('api::customer.customer').findOne({ documentId: id }))!.loyaltyNumber).toBe('PLATINUM-7');
});

test('the admin content manager edits the added field', async () => {
  const { token: admin } = await adminToken(app);
  const created = await app.http
    .post('/content-manager/collection-types/api::customer.customer')
    .set(bearer(admin))
    .send(customerData({ loyaltyNumber: 'SILVER-1' }));
  expect(created.status).toBe(201);
  expect(created.body.data.loyaltyNumber).toBe('SILVER-1');
});
