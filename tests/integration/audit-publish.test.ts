/**
 * A publish event lists every field that changed on the published (golden) copy, not only the
 * fields of the request that published it.
 */
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { eventsOf } from '../helpers/audit';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let token: string;
let admin: string;

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
});
afterAll(async () => {
  await app?.stop();
});

const newGroup = async (name: string) => (await app.strapi.documents('api::customer-group.customer-group').create({ data: { name, code: name.toUpperCase().slice(0, 8) } as any })).documentId;
const line1s = (value: unknown) => (value as Array<{ line1: string }> | null)?.map((a) => a.line1) ?? null;

test('REST: an update that publishes earlier draft-only changes (scalar, component, relation) lists them all', async () => {
  const g1 = await newGroup('Retail one');
  const g2 = await newGroup('Retail two');
  const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ segment: 'SME', tier: 'C', group: g1 }) });
  const id = created.body.data.documentId;
  const draftOnly = await app.http
    .put(`/api/customers/${id}?status=draft`)
    .set(bearer(token))
    .send({ data: { segment: 'Retail', group: g2, addresses: [{ type: 'billing', line1: '9 Harbour Road', city: 'Shenzhen', country: 'CN' }] } });
  expect(draftOnly.status).toBe(200);
  const publishing = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { tier: 'A' } });
  expect(publishing.status).toBe(200);

  const events = (await eventsOf(app, id)).slice(2);
  expect(events.map((e) => e.action)).toEqual(['update', 'update', 'publish']);
  expect(events[1].changes).toEqual({ tier: { before: 'C', after: 'A' } });
  const publish = events[2].changes;
  expect(Object.keys(publish).sort()).toEqual(['addresses', 'group', 'segment', 'tier']);
  expect(publish.segment).toEqual({ before: 'SME', after: 'Retail' });
  expect(publish.tier).toEqual({ before: 'C', after: 'A' });
  expect(publish.group).toEqual({ before: g1, after: g2 });
  expect(line1s(publish.addresses.before)).toEqual(['1 Keji Zhong Yi Road']);
  expect(line1s(publish.addresses.after)).toEqual(['9 Harbour Road']);

  // Back in step: the next publishing update records only its own field again.
  await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { tier: 'B' } });
  expect((await eventsOf(app, id)).slice(-1)[0]).toMatchObject({ action: 'publish', changes: { tier: { before: 'A', after: 'B' } } });
  expect(Object.keys((await eventsOf(app, id)).slice(-1)[0].changes)).toEqual(['tier']);
});

test('REST: the first publish of a draft-only record lists every field of the new published copy', async () => {
  const created = await app.http.post('/api/customers?status=draft').set(bearer(token)).send({ data: customerData({ segment: 'SME' }) });
  const id = created.body.data.documentId;
  expect((await eventsOf(app, id)).map((e) => e.action)).toEqual(['create']);
  await app.http.put(`/api/customers/${id}?status=draft`).set(bearer(token)).send({ data: { contacts: [{ name: 'Zhang San', email: 'zhang@example.com' }] } });
  await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { tier: 'A' } });
  const publish = (await eventsOf(app, id)).slice(-1)[0];
  expect(publish.action).toBe('publish');
  expect(publish.changes).toMatchObject({
    name: { before: null, after: created.body.data.name },
    code: { before: null, after: created.body.data.code },
    tier: { before: null, after: 'A' },
    segment: { before: null, after: 'SME' },
    addresses: { before: null },
    externalIds: { before: null },
  });
  expect(publish.changes.contacts.after).toEqual([expect.objectContaining({ name: 'Zhang San' })]);
  expect(line1s(publish.changes.addresses.after)).toEqual(['1 Keji Zhong Yi Road']);
});

test('admin: publish after several draft saves lists every field changed since the last publish', async () => {
  const g1 = await newGroup('Wholesale one');
  const created = await app.http.post(CM).set(bearer(admin)).send(customerData({ tier: 'C', segment: 'SME' }));
  const id = created.body.data.documentId;
  expect((await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(admin)).send({})).status).toBe(200);
  const base = created.body.data;
  await app.http.put(`${CM}/${id}`).set(bearer(admin)).send({ ...base, tier: 'B' });
  await app.http.put(`${CM}/${id}`).set(bearer(admin)).send({ ...base, tier: 'B', segment: 'Retail', group: { connect: [{ documentId: g1 }] } });
  await app.http.put(`${CM}/${id}`).set(bearer(admin)).send({ ...base, tier: 'B', segment: 'Retail', contacts: [] });
  expect((await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(admin)).send({})).status).toBe(200);
  const publish = (await eventsOf(app, id)).slice(-1)[0];
  expect(publish.action).toBe('publish');
  expect(Object.keys(publish.changes).sort()).toEqual(['contacts', 'group', 'segment', 'tier']);
  expect(publish.changes.group).toEqual({ before: null, after: g1 });
  expect(publish.changes.contacts.after).toEqual([]);
});
