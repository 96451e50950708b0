/**
 * The demo seed (npm run demo) shows a newcomer every capability at work: near-duplicates waiting in
 * the Duplicates queue (reviewable, never blocked) and changes waiting for approval, proposed by the
 * steward through the admin panel's own route. Running it again adds nothing.
 */
import { startApp, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { seed } from '../../src/demo/seed';
import { nearDuplicates, demoCustomers } from '../../src/demo/generator';

const UID = 'api::customer.customer';
let app: TestApp;
let first: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  app = await startApp();
  first = await seed(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const demoRecord = (demoId: string) =>
  app.strapi.documents(UID).findFirst({ filters: { externalIds: { system: 'DEMO', externalId: demoId } } as any, populate: ['externalIds'] });

test('the seed creates the demo customers, five near-duplicates and three pending changes', () => {
  expect(first).toMatchObject({ customers: { created: 200, total: 200 }, duplicates: 5, changeRequests: 3, admins: 5 });
});

test('every near-duplicate is a draft waiting in the review queue with its original', async () => {
  const steward = (await adminToken(app, ['data-steward'])).token;
  const res = await app.http.get(`/master-data/duplicates?uid=${UID}&status=open&pageSize=100`).set(bearer(steward));
  expect(res.status).toBe(200);
  const pairs = res.body.results as Array<{ a: string; b: string; decision: string }>;
  expect(pairs.every((p) => p.decision === 'review')).toBe(true);
  for (const variant of nearDuplicates(demoCustomers())) {
    const record = await demoRecord(variant.demoId);
    expect(record).toMatchObject({ name: variant.data.name, publishedAt: null });
    const withIt = pairs.filter((p) => p.a === record!.documentId || p.b === record!.documentId);
    expect([variant.demoId, withIt.length > 0]).toEqual([variant.demoId, true]);
  }
});

test('three changes wait for approval, made by the steward with a reason; the golden records are unchanged', async () => {
  const approver = (await adminToken(app, ['approver'])).token;
  const res = await app.http.get('/master-data/change-requests?status=pending&pageSize=100').set(bearer(approver));
  expect(res.status).toBe(200);
  const requests = res.body.data as Array<{ documentId: string; maker: { kind: string; name: string }; reason: string; changes: Record<string, unknown>; steps: unknown[] }>;
  expect(requests).toHaveLength(3);
  for (const request of requests) {
    expect(request.maker).toMatchObject({ kind: 'admin', name: expect.stringContaining('steward@demo.local') });
    expect(request.reason).toEqual(expect.any(String));
  }
  const rating = requests.find((r) => 'creditRating' in r.changes)!;
  const original = await demoRecord('demo-cn-000');
  const published = await app.strapi.documents(UID).findOne({ documentId: original!.documentId, status: 'published' });
  const { before, after } = rating.changes.creditRating as { before: string; after: string };
  expect(before).toBe(published!.creditRating);
  expect(after).not.toBe(before);
  // A credit limit of two million also needs the Finance step.
  expect(requests.find((r) => 'creditLimit' in r.changes)!.steps).toHaveLength(2);
  expect(requests.find((r) => 'legalName' in r.changes)!.reason).toMatch(/restructuring/);
});

test('running the seed again adds nothing', async () => {
  const again = await seed(app.strapi);
  expect(again).toMatchObject({ customers: { created: 0 }, duplicates: 0, changeRequests: 0, admins: 0 });
});
