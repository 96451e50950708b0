/**
 * Customer groups are governed, and a relation changed from its inverse side (the group's
 * `customers`, a group's `children`) is recorded on the trail of each record whose stored link
 * changed, in the same transaction as the write.
 */
import { errors } from '@strapi/utils';
import { startApp, apiToken, adminToken, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { eventsOf, EVENTS } from '../helpers/audit';

const UID = 'api::customer.customer';
const GROUP = 'api::customer-group.customer-group';
let app: TestApp;
let token: string;
let counter = 0;

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

const group = async (extra: Record<string, unknown> = {}) => {
  counter += 1;
  const res = await app.http.post('/api/customer-groups').set(bearer(token)).send({ data: { name: `Key accounts ${counter}`, code: `KEY${counter}`, ...extra } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const customer = async (groupId: string | null) => {
  const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ group: groupId }) });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
/** The customer events after its create and first publish. */
const laterEvents = async (id: string) => (await eventsOf(app, id)).slice(2).map((e) => [e.action, e.changes]);
const groupOf = async (id: string, status: 'draft' | 'published') =>
  ((await app.strapi.documents(UID).findOne({ documentId: id, status, populate: ['group'] } as any)) as any)?.group?.documentId ?? null;

test('customer groups are governed: their writes are validated and audited', async () => {
  const res = await app.http.post('/api/customer-groups').set(bearer(token)).send({ data: { name: '  Key   accounts  North ', code: 'KAN' } });
  expect(res.status).toBe(201);
  expect(res.body.data.name).toBe('Key accounts North');
  const id = res.body.data.documentId;
  await app.http.put(`/api/customer-groups/${id}`).set(bearer(token)).send({ data: { name: 'Key accounts N' } });
  await app.http.delete(`/api/customer-groups/${id}`).set(bearer(token));
  const events = await eventsOf(app, id);
  expect(events.map((e) => [e.action, e.uid])).toEqual([
    ['create', GROUP],
    ['update', GROUP],
    ['delete', GROUP],
  ]);
  expect(events[1].changes).toEqual({ name: { before: 'Key accounts North', after: 'Key accounts N' } });
});

test('set: [] from the group unlinks its customers, and each one gets an event', async () => {
  const g = await group();
  const a = await customer(g);
  const b = await customer(g);
  const res = await app.http.put(`/api/customer-groups/${g}`).set(bearer(token)).send({ data: { customers: { set: [] } } });
  expect(res.status).toBe(200);
  for (const id of [a, b]) {
    expect(await groupOf(id, 'draft')).toBeNull();
    expect(await groupOf(id, 'published')).toBeNull();
    expect(await laterEvents(id)).toEqual([
      ['update', { group: { before: g, after: null } }],
      ['publish', { group: { before: g, after: null } }],
    ]);
  }
  // The same request id ties the group's write and the customers' events together.
  const groupEvent = (await eventsOf(app, g)).slice(-1)[0];
  expect((await eventsOf(app, a)).slice(-1)[0].request_id).toBe(groupEvent.request_id);
});

test('connect and disconnect from the group side; connecting moves a customer from its old group', async () => {
  const g1 = await group();
  const g2 = await group();
  const a = await customer(g1);
  const b = await customer(null);
  const connect = await app.http.put(`/api/customer-groups/${g2}`).set(bearer(token)).send({ data: { customers: { connect: [a, { documentId: b }] } } });
  expect(connect.status).toBe(200);
  // Strapi links both versions of each customer (draft and published): one event per version.
  for (const id of [a, b]) {
    expect(await groupOf(id, 'draft')).toBe(g2);
    expect(await groupOf(id, 'published')).toBe(g2);
  }
  const moved = { group: { before: g1, after: g2 } };
  const added = { group: { before: null, after: g2 } };
  expect(await laterEvents(a)).toEqual([
    ['update', moved],
    ['publish', moved],
  ]);
  expect(await laterEvents(b)).toEqual([
    ['update', added],
    ['publish', added],
  ]);

  const disconnect = await app.http.put(`/api/customer-groups/${g2}`).set(bearer(token)).send({ data: { customers: { disconnect: [a] } } });
  expect(disconnect.status).toBe(200);
  const removed = { group: { before: g2, after: null } };
  expect((await laterEvents(a)).slice(2)).toEqual([
    ['update', removed],
    ['publish', removed],
  ]);
  // b is untouched by the disconnect of a.
  expect((await laterEvents(b)).length).toBe(2);

  // Setting the list it already has (with a locale the type does not have) changes no link: no customer event.
  const same = await app.http.put(`/api/customer-groups/${g2}?locale=en`).set(bearer(token)).send({ data: { customers: { set: [b] } } });
  expect(same.status).toBe(200);
  expect((await laterEvents(b)).length).toBe(2);
  expect((await laterEvents(a)).length).toBe(4);
});

test('deleting a group records that its customers lost their group', async () => {
  const g = await group();
  const a = await customer(g);
  const res = await app.http.delete(`/api/customer-groups/${g}`).set(bearer(token));
  expect(res.status).toBe(204);
  expect(await groupOf(a, 'draft')).toBeNull();
  const lost = { group: { before: g, after: null } };
  expect(await laterEvents(a)).toEqual([
    ['update', lost],
    ['publish', lost],
  ]);
});

test('a group created with customers, and children set from the parent side (a self relation)', async () => {
  const a = await customer(null);
  const g = await group({ customers: [a] });
  const joined = { group: { before: null, after: g } };
  expect(await laterEvents(a)).toEqual([
    ['update', joined],
    ['publish', joined],
  ]);

  const parent = await group();
  const child = await group();
  const res = await app.http.put(`/api/customer-groups/${parent}`).set(bearer(token)).send({ data: { children: { connect: [child] } } });
  expect(res.status).toBe(200);
  expect((await eventsOf(app, child)).slice(1).map((e) => [e.action, e.changes])).toEqual([['update', { parent: { before: null, after: parent } }]]);
});

test('the customers\' events roll back with the group write', async () => {
  const g = await group();
  const a = await customer(g);
  const governance = app.strapi.plugin('master-data').service('governance');
  governance.addStage({
    name: 'test-fail-inverse',
    async after(write: any) {
      if (write.uid === GROUP) throw new errors.ApplicationError('injected failure after the group write');
    },
  });
  try {
    const counts = await rowCounts(app, [EVENTS, 'customers_group_lnk']);
    const res = await app.http.put(`/api/customer-groups/${g}`).set(bearer(token)).send({ data: { customers: { set: [] } } });
    expect(res.status).toBe(400);
    expect(await rowCounts(app, [EVENTS, 'customers_group_lnk'])).toEqual(counts);
    expect(await groupOf(a, 'draft')).toBe(g);
  } finally {
    governance.removeStage('test-fail-inverse');
  }
});

test('the same from the admin content manager and from code', async () => {
  const { token: admin } = await adminToken(app);
  const g = await group();
  const a = await customer(g);
  const b = await customer(g);
  const row = await app.strapi.db.query(UID).findOne({ where: { documentId: a, publishedAt: null } });
  const res = await app.http
    .put(`/content-manager/collection-types/${GROUP}/${g}`)
    .set(bearer(admin))
    .send({ customers: { disconnect: [{ id: row.id, documentId: a }], connect: [] } });
  expect(res.status).toBe(200);
  const lost = { group: { before: g, after: null } };
  expect(await laterEvents(a)).toEqual([
    ['update', lost],
    ['publish', lost],
  ]);
  expect(await laterEvents(b)).toEqual([]);
  expect((await eventsOf(app, g)).slice(-1)[0].actor_kind).toBe('admin');

  await app.strapi.documents(GROUP).update({ documentId: g, data: { customers: { set: [] } } as any });
  expect(await laterEvents(b)).toEqual([
    ['update', lost],
    ['publish', lost],
  ]);
  expect((await eventsOf(app, b)).slice(-1)[0].actor_kind).toBe('system');
});

test('an admin clone of a group takes its customers with it (one group per customer): each one gets an event', async () => {
  const { token: admin } = await adminToken(app);
  const g = await group();
  const a = await customer(g);
  const res = await app.http.post(`/content-manager/collection-types/${GROUP}/clone/${g}`).set(bearer(admin)).send({ name: 'Cloned key accounts', code: `CLONE${counter}` });
  expect(res.status).toBe(200);
  const copy = res.body.data.documentId;
  // Strapi copies the relation; a customer has one group, so the clone now holds it.
  expect(await groupOf(a, 'draft')).toBe(copy);
  expect(await groupOf(a, 'published')).toBe(copy);
  const moved = { group: { before: g, after: copy } };
  expect(await laterEvents(a)).toEqual([
    ['update', moved],
    ['publish', moved],
  ]);
});
