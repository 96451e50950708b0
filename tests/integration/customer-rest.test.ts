import { startApp, apiToken, adminToken, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, INVALID_CASES, CUSTOMER_TABLES } from '../helpers/fixtures';

const UID = 'api::customer.customer';
let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('customer CRUD over REST with an API token', () => {
  test('create standardises the data and generates the code', async () => {
    const res = await app.http.post('/api/customers?populate=*').set(bearer(token)).send({ data: customerData({ name: '  Ｔｅｎｃｅｎｔ   Holdings ' }) });
    expect(res.status).toBe(201);
    const c = res.body.data;
    expect(c.code).toMatch(/^C-\d{6}$/);
    expect(c.name).toBe('Tencent Holdings');
    expect(c.phone).toBe('+8675586013388');
    expect(c.email).toMatch(/^buyer\d+@example\.com$/);
    expect(c.addresses[0].country).toBe('CN');
    expect(c.contacts[0]).toMatchObject({ name: 'Li Wei', phone: '+8613800138000' });
    expect(c.publishedAt).not.toBeNull();
  });

  test('read, update, delete', async () => {
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
    const id = created.body.data.documentId;

    const read = await app.http.get(`/api/customers/${id}?populate=*`).set(bearer(token));
    expect(read.status).toBe(200);
    expect(read.body.data.externalIds[0].system).toBe('SAP');

    const updated = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { phone: '+49 30 901820', segment: 'Retail' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ phone: '+4930901820', segment: 'Retail', code: created.body.data.code });

    // Deleting a published customer waits for an approver (see approvals.test.ts).
    const removed = await app.http.delete(`/api/customers/${id}`).set(bearer(token));
    expect(removed.status).toBe(202);
    expect(removed.body).toMatchObject({ data: null, meta: { masterData: { changeRequest: { action: 'delete', status: 'pending' } } } });
    expect((await app.http.get(`/api/customers/${id}`).set(bearer(token))).status).toBe(200);
    const approver = (await adminToken(app, ['approver'])).token;
    const approved = await app.http.post(`/master-data/change-requests/${removed.body.meta.masterData.changeRequest.id}/approve`).set(bearer(approver)).send({});
    expect(approved.body.data.status).toBe('applied');
    expect((await app.http.get(`/api/customers/${id}`).set(bearer(token))).status).toBe(404);
  });

  test('a code sent on create is replaced by a generated one; changing it later is refused', async () => {
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ code: 'C-999999' }) });
    expect(created.status).toBe(201);
    expect(created.body.data.code).not.toBe('C-999999');
    const id = created.body.data.documentId;

    const same = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { code: created.body.data.code, segment: 'SME' } });
    expect(same.status).toBe(200);

    const changed = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { code: 'C-000001', segment: 'Key account' } });
    expect(changed.status).toBe(400);
    expect(changed.body.error.details.errors[0]).toMatchObject({ path: ['code'], message: 'is generated and cannot be changed' });
    const stored = await app.strapi.documents(UID).findOne({ documentId: id });
    expect(stored).toMatchObject({ code: created.body.data.code, segment: 'SME' });
  });

  test('codes are unique under 20 concurrent creates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() }))
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const codes = responses.map((r) => r.body.data.code);
    expect(new Set(codes).size).toBe(20);
    // Draft and published rows of one document share its code; no two documents do.
    const rows = await app.strapi.db.query(UID).findMany({ where: { code: { $in: codes } }, select: ['code', 'documentId'] });
    const documentsPerCode = new Map<string, Set<string>>();
    for (const row of rows) documentsPerCode.set(row.code, (documentsPerCode.get(row.code) ?? new Set()).add(row.documentId));
    expect([...documentsPerCode.values()].every((docs) => docs.size === 1)).toBe(true);
  });
});

describe('validation over REST: 400 naming the field, nothing written', () => {
  test.each(INVALID_CASES)('rejects a bad %s on create', async (_label, bad, path, reason) => {
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData(bad) });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path, message: expect.stringContaining(reason) })]);
    expect(res.body.error.message).toContain(path.join('.'));
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });

  test('rejects a bad value on update and leaves the record as it was', async () => {
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
    const id = created.body.data.documentId;
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { segment: 'Changed', phone: '12' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['phone']);
    const stored = await app.strapi.db.query(UID).findMany({ where: { documentId: id } });
    expect(stored.map((r: any) => [r.segment, r.phone])).toEqual([
      [null, '+8675586013388'],
      [null, '+8675586013388'],
    ]);
  });

  test('a phone sent without a country is read in the stored country', async () => {
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
    const res = await app.http.put(`/api/customers/${created.body.data.documentId}`).set(bearer(token)).send({ data: { phone: '138 0013 8000' } });
    expect(res.status).toBe(200);
    expect(res.body.data.phone).toBe('+8613800138000');
  });

  test('changing the country re-checks the stored tax id', async () => {
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
    const res = await app.http.put(`/api/customers/${created.body.data.documentId}`).set(bearer(token)).send({ data: { country: 'DE' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['taxId'], message: expect.stringContaining('DE') });
  });

  test('several bad fields are all reported at once', async () => {
    const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ email: 'x', country: 'ZZ', currency: 'XYZ1' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path[0]).sort()).toEqual(['country', 'currency', 'email']);
  });
});
