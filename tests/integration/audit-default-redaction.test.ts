import { startApp, apiToken, bearer, type TestApp } from '../helpers/strapi';
import { makeAppVariant } from '../helpers/app-variant';
import { customerData } from '../helpers/fixtures';
import { auditRows, eventsOf } from '../helpers/audit';

// A configuration that forgot `audit.sensitive`: values validated as IBANs are still never stored in clear.
const variant = makeAppVariant({
  pluginConfig: (config) => {
    const customer = { ...config.governed['api::customer.customer'] };
    delete customer.audit;
    return { ...config, governed: { 'api::customer.customer': customer } };
  },
});

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ appDir: variant.dir });
});
afterAll(async () => {
  await app?.stop();
  variant.remove();
});

test('fields with an iban rule are fingerprinted even when not listed as sensitive', async () => {
  const token = await apiToken(app);
  const res = await app.http
    .post('/api/customers')
    .set(bearer(token))
    .send({ data: customerData({ bankAccounts: [{ bankName: 'Deutsche Bank', accountNumber: '12345', iban: 'DE89 3704 0044 0532 0130 00' }] }) });
  expect(res.status).toBe(201);
  expect(JSON.stringify(await auditRows(app))).not.toContain('DE89370400440532013000');
  const [create] = await eventsOf(app, res.body.data.documentId);
  expect(create.changes.bankAccounts.after[0]).toMatchObject({
    iban: expect.stringMatching(/^fp:[0-9a-f]{16}$/),
    accountNumber: '12345', // not listed and not an IBAN rule: stored as configured
  });
});
