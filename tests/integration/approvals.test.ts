/**
 * Approvals, end to end over HTTP: the golden (published) record keeps its governed values until a
 * change request is approved; what no policy governs goes live at once; four-eyes; N steps.
 */
import { startApp, adminToken, apiToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
const CR = '/master-data/change-requests';
let app: TestApp;
let token: string;
let steward: string;
let approver: string;
let approver2: string;
let finance: string;
let superAdmin: string;

const published = (documentId: string) => app.strapi.documents(UID).findOne({ documentId, status: 'published', populate: ['bankAccounts'] }) as Promise<any>;
const draft = (documentId: string) => app.strapi.documents(UID).findOne({ documentId, status: 'draft', populate: ['bankAccounts'] }) as Promise<any>;

const createLive = async (overrides: Record<string, unknown> = {}) => {
  const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData(overrides) });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  steward = (await adminToken(app, ['data-steward'])).token;
  approver = (await adminToken(app, ['approver'])).token;
  approver2 = (await adminToken(app, ['approver'])).token;
  finance = (await adminToken(app, ['finance'])).token;
  superAdmin = (await adminToken(app)).token;
});
afterAll(async () => {
  await app?.stop();
});

describe('REST writes to the golden record', () => {
  test('creating needs no approval', async () => {
    const id = await createLive();
    expect((await published(id)).creditRating).toBeNull();
    expect((await app.http.get(CR).query({ documentId: id }).set(bearer(superAdmin))).body.data).toEqual([]);
  });

  test('a governed change waits: 202, draft saved, golden untouched, Location', async () => {
    const id = await createLive();
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { creditRating: 'BBB' } });
    expect(res.status).toBe(202);
    expect(res.headers.location).toMatch(/^\/api\/master-data\/change-requests\/\d+$/);
    expect(res.body.data).toMatchObject({ documentId: id, creditRating: 'BBB', publishedAt: null });
    expect(res.body.meta.masterData.changeRequest).toMatchObject({ status: 'pending', fields: ['creditRating'], steps: [expect.objectContaining({ roles: ['Approver'] })] });
    expect((await published(id)).creditRating).toBeNull();
    expect((await draft(id)).creditRating).toBe('BBB');
  });

  test('a change outside every policy goes live at once', async () => {
    const id = await createLive();
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { segment: 'Retail' } });
    expect(res.status).toBe(200);
    expect((await published(id)).segment).toBe('Retail');
  });

  test('a mixed write: the ungoverned field goes live, the governed one waits', async () => {
    const id = await createLive();
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { segment: 'Wholesale', paymentTerms: 'NET60' } });
    expect(res.status).toBe(202);
    const live = await published(id);
    expect(live.segment).toBe('Wholesale');
    expect(live.paymentTerms).toBeNull();
    expect((await draft(id)).paymentTerms).toBe('NET60');
  });

  test('a later publish of an unrelated field does not carry the pending value', async () => {
    const id = await createLive();
    expect((await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { creditRating: 'A' } })).status).toBe(202);
    const other = await apiToken(app);
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(other)).send({ data: { segment: 'SMB' } });
    expect(res.status).toBe(200);
    const live = await published(id);
    expect(live.segment).toBe('SMB');
    expect(live.creditRating).toBeNull();
    expect((await draft(id)).creditRating).toBe('A');
  });

  test('another writer touching a governed field of a record with an open request: 409', async () => {
    const id = await createLive();
    const opened = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { creditRating: 'A' } });
    const other = await apiToken(app);
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(other)).send({ data: { creditRating: 'C' } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ name: 'ChangeRequestPendingError', details: { changeRequest: { id: opened.body.meta.masterData.changeRequest.id } } });
    expect((await draft(id)).creditRating).toBe('A');
  });

  test('delete of a published customer waits for approval', async () => {
    const id = await createLive();
    const res = await app.http.delete(`/api/customers/${id}`).set(bearer(token));
    expect(res.status).toBe(202);
    expect(res.body.meta.masterData.changeRequest).toMatchObject({ action: 'delete', status: 'pending' });
    expect(await published(id)).not.toBeNull();
  });
});

describe('deciding', () => {
  test('steward submits in the admin panel, cannot approve, an approver does: live', async () => {
    const id = await createLive();
    const doc = (await app.http.get(`${CM}/${id}`).set(bearer(steward))).body.data;
    const res = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward)).send({ ...doc, paymentTerms: 'NET30' });
    expect(res.status).toBe(202);
    expect((await published(id)).paymentTerms).toBeNull();
    const list = await app.http.get(CR).query({ documentId: id, status: 'pending' }).set(bearer(steward));
    const requestId = list.body.data[0].id;
    expect(list.body.data[0].can).toMatchObject({ approve: false });

    const own = await app.http.post(`${CR}/${requestId}/approve`).set(bearer(steward)).send({});
    expect(own.status).toBe(403);
    const ok = await app.http.post(`${CR}/${requestId}/approve`).set(bearer(approver)).send({ comment: 'fine' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ status: 'applied' });
    expect((await published(id)).paymentTerms).toBe('NET30');
  });

  test('four-eyes holds for a Super Admin maker too', async () => {
    const id = await createLive();
    const doc = (await app.http.get(`${CM}/${id}`).set(bearer(superAdmin))).body.data;
    expect((await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(superAdmin)).send({ ...doc, creditRating: 'AA' })).status).toBe(202);
    const requestId = (await app.http.get(CR).query({ documentId: id }).set(bearer(superAdmin))).body.data[0].id;
    const res = await app.http.post(`${CR}/${requestId}/approve`).set(bearer(superAdmin)).send({});
    expect(res.status).toBe(403);
    expect(res.body.error.details.rule).toBe('four-eyes');
  });

  test('a credit limit of 2,000,000 needs the Approver, then Finance', async () => {
    const id = await createLive();
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { creditLimit: 2000000 } });
    expect(res.status).toBe(202);
    const requestId = res.body.meta.masterData.changeRequest.id;
    expect(res.body.meta.masterData.changeRequest.steps.map((s: any) => s.roles)).toEqual([['Approver'], ['Finance']]);
    // Finance may not take the first step.
    expect((await app.http.post(`${CR}/${requestId}/approve`).set(bearer(finance)).send({})).body.error.details.rule).toBe('role');
    const first = await app.http.post(`${CR}/${requestId}/approve`).set(bearer(approver)).send({});
    expect(first.body.data).toMatchObject({ status: 'pending', currentStep: 1 });
    expect(Number((await published(id)).creditLimit)).toBe(500000);
    // The same approver cannot take the second step (one person counts once, and lacks the role).
    expect((await app.http.post(`${CR}/${requestId}/approve`).set(bearer(approver)).send({})).status).toBe(403);
    const second = await app.http.post(`${CR}/${requestId}/approve`).set(bearer(finance)).send({});
    expect(second.status).toBe(200);
    expect(second.body.data.status).toBe('applied');
    expect(Number((await published(id)).creditLimit)).toBe(2000000);
  });

  test('reject needs a comment and leaves the golden record and the draft', async () => {
    const id = await createLive();
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { legalName: '深圳市改名有限公司' } });
    const requestId = res.body.meta.masterData.changeRequest.id;
    expect((await app.http.post(`${CR}/${requestId}/reject`).set(bearer(approver)).send({})).status).toBe(400);
    const rejected = await app.http.post(`${CR}/${requestId}/reject`).set(bearer(approver2)).send({ comment: 'Not the registered name' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data.status).toBe('rejected');
    expect((await published(id)).legalName).not.toBe('深圳市改名有限公司');
    expect((await draft(id)).legalName).toBe('深圳市改名有限公司');
  });

  test('the integration reads its request over the content API', async () => {
    const id = await createLive();
    const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { creditRating: 'B' } });
    const got = await app.http.get(res.headers.location).set(bearer(token));
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ id: res.body.meta.masterData.changeRequest.id, status: 'pending', changes: { creditRating: { before: null, after: 'B' } } });
    const readOnly = await apiToken(app, 'custom', ['api::customer.customer.find']);
    expect((await app.http.get(res.headers.location).set(bearer(readOnly))).status).toBe(403);
  });
});
