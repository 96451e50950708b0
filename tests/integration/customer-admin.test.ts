import { startApp, adminToken, upUser, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, uscc, INVALID_CASES, CUSTOMER_TABLES } from '../helpers/fixtures';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await startApp();
  admin = (await adminToken(app)).token;
});
afterAll(async () => {
  await app?.stop();
});

describe('admin content manager goes through the same validation', () => {
  test('create standardises and generates the code (draft)', async () => {
    const res = await app.http.post(CM).set(bearer(admin)).send(customerData({ email: ' Steward@Example.COM ' }));
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ email: 'steward@example.com', code: expect.stringMatching(/^C-\d{6}$/), publishedAt: null });
  });

  test.each(INVALID_CASES)('create with a bad %s: 400 naming the field, nothing written', async (_label, bad, path, reason) => {
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const res = await app.http.post(CM).set(bearer(admin)).send(customerData(bad));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path, message: expect.stringContaining(reason) })]);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });

  test.each(INVALID_CASES)('update with a bad %s: 400 naming the field, record unchanged', async (_label, bad, path, reason) => {
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData());
    const id = created.body.data.documentId;
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const stored = await app.strapi.documents(UID).findOne({ documentId: id, populate: '*' });
    const res = await app.http.put(`${CM}/${id}`).set(bearer(admin)).send({ ...created.body.data, segment: 'Changed', ...bad });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path, message: expect.stringContaining(reason) })]);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
    expect(await app.strapi.documents(UID).findOne({ documentId: id, populate: '*' })).toEqual(stored);
  });

  test('update with a bad phone in a contact: 400, record unchanged', async () => {
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData());
    const id = created.body.data.documentId;
    const res = await app.http
      .put(`${CM}/${id}`)
      .set(bearer(admin))
      .send({ ...created.body.data, segment: 'Changed', contacts: [{ name: 'X', phone: '999' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['contacts', '0', 'phone']);
    const stored = await app.strapi.documents(UID).findOne({ documentId: id, populate: ['contacts'] });
    expect(stored!.segment).toBeNull();
    expect(stored!.contacts.map((c: any) => c.phone)).toEqual(['+8613800138000']);
  });

  test('publish makes the validated draft the golden record; code survives', async () => {
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData());
    const id = created.body.data.documentId;
    const res = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(admin)).send({});
    expect(res.status).toBe(200);
    const published = await app.strapi.documents(UID).findOne({ documentId: id, status: 'published' });
    expect(published).toMatchObject({ code: created.body.data.code, phone: '+8675586013388' });
  });

  test('clone gets a new code and is validated', async () => {
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData());
    const id = created.body.data.documentId;
    const bad = await app.http.post(`${CM}/clone/${id}`).set(bearer(admin)).send({ email: 'broken' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['email']);
    // A clone keeping the tax id is a duplicate (see duplicates.test.ts), one keeping the source's
    // external id a conflict (see sync.test.ts); one with its own is a new customer.
    const res = await app.http.post(`${CM}/clone/${id}`).set(bearer(admin)).send({ name: 'Cloned Trading Co.', taxId: uscc(), externalIds: [{ system: 'SAP', externalId: `clone-of-${id}` }] });
    expect(res.status).toBe(200);
    expect(res.body.data.code).toMatch(/^C-\d{6}$/);
    expect(res.body.data.code).not.toBe(created.body.data.code);
  });

  test('the edit view shows the code read-only', async () => {
    const res = await app.http.get(`/content-manager/content-types/${UID}/configuration`).set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.data.contentType.metadatas.code.edit.editable).toBe(false);
  });

  test('a code edited in the admin panel is refused', async () => {
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData());
    const res = await app.http.put(`${CM}/${created.body.data.documentId}`).set(bearer(admin)).send({ ...created.body.data, code: 'C-000042' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['code']);
  });
});

describe('field-level access by role', () => {
  let id: string;
  beforeAll(async () => {
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData({ creditLimit: 750000, paymentTerms: 'NET30' }));
    id = created.body.data.documentId;
  });

  test('sales reads the customer without bank accounts or credit data', async () => {
    const { token } = await adminToken(app, ['sales']);
    const res = await app.http.get(`${CM}/${id}`).set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: expect.any(String), contacts: expect.any(Array) });
    for (const hidden of ['bankAccounts', 'creditLimit', 'creditRating', 'paymentTerms']) {
      expect(res.body.data).not.toHaveProperty(hidden);
    }
  });

  test('finance reads bank accounts and credit data', async () => {
    const { token } = await adminToken(app, ['finance']);
    const res = await app.http.get(`${CM}/${id}`).set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.data.bankAccounts[0]).toMatchObject({ bankName: 'Bank of China', swift: 'BKCHCNBJ' });
    expect(Number(res.body.data.creditLimit)).toBe(750000);
  });

  test('the approver can read but not create', async () => {
    const { token } = await adminToken(app, ['approver']);
    expect((await app.http.get(`${CM}/${id}`).set(bearer(token))).status).toBe(200);
    expect((await app.http.post(CM).set(bearer(token)).send(customerData())).status).toBe(403);
  });
});

describe('users-permissions users go through the same validation', () => {
  test('an authenticated user with create permission: bad data 400, good data 201', async () => {
    const { jwt } = await upUser(app, ['api::customer.customer.create']);
    const bad = await app.http.post('/api/customers').set(bearer(jwt)).send({ data: customerData({ currency: 'EURO' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['currency']);
    const good = await app.http.post('/api/customers').set(bearer(jwt)).send({ data: customerData({ currency: 'eur' }) });
    expect(good.status).toBe(201);
    expect(good.body.data.currency).toBe('EUR');
  });
});

describe('code in the app goes through the same validation', () => {
  test('strapi.documents().create with bad data throws a ValidationError', async () => {
    await expect(app.strapi.documents(UID).create({ data: customerData({ email: 'x@' }) as any })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['email'] })] },
    });
  });
});
