/**
 * Who is recorded: a request without credentials (users-permissions Public role) is `public`,
 * never `system`; and the actor filter takes its text literally.
 */
import { startApp, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { eventsOf } from '../helpers/audit';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await startApp();
  admin = (await adminToken(app)).token;
});
afterAll(async () => {
  await app?.stop();
});

const namedToken = async (name: string) =>
  ((await (app.strapi.service('admin::api-token') as any).create({ name, type: 'full-access', lifespan: null, permissions: [] })).accessKey as string);

test('a write by the users-permissions Public role is recorded as public, not system', async () => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const permission = await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::customer.customer.create', role: role.id } });
  try {
    const res = await app.http.post('/api/customers').send({ data: customerData() });
    expect(res.status).toBe(201);
    const events = await eventsOf(app, res.body.data.documentId);
    expect(events.map((e) => [e.action, e.actor_kind, e.actor_id, e.actor_name])).toEqual([
      ['create', 'public', null, 'public'],
      ['publish', 'public', null, 'public'],
    ]);
    expect(events[0].request_id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await app.http.get(`/master-data/audit-events?documentId=${res.body.data.documentId}`).set(bearer(admin));
    expect(listed.body.data[0].actor).toEqual({ kind: 'public', id: null, name: 'public' });
  } finally {
    await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
  }
  // Code outside a request is still system.
  const doc = await app.strapi.documents('api::customer.customer').create({ data: customerData() as any });
  expect((await eventsOf(app, doc.documentId))[0]).toMatchObject({ actor_kind: 'system', actor_name: 'system' });
});

test('the actor filter matches % and _ literally', async () => {
  const names = ['rate 100% sync', 'rate 1000 sync', 'erp_sync', 'erpXsync'];
  for (const name of names) {
    const res = await app.http.post('/api/customers').set(bearer(await namedToken(name))).send({ data: customerData() });
    expect(res.status).toBe(201);
  }
  const actors = async (actor: string) => {
    const res = await app.http.get(`/master-data/audit-events?actor=${encodeURIComponent(actor)}&limit=500`).set(bearer(admin));
    expect(res.status).toBe(200);
    return [...new Set(res.body.data.map((e: any) => e.actor.name))].sort();
  };
  expect(await actors('%')).toEqual(['rate 100% sync']);
  expect(await actors('0%')).toEqual(['rate 100% sync']);
  expect(await actors('_')).toEqual(['erp_sync']);
  expect(await actors('erp_sync')).toEqual(['erp_sync']);
  expect(await actors('erp')).toEqual(['erpXsync', 'erp_sync']);
  expect(await actors('\\')).toEqual([]);
  // Plain text still matches a part of the name.
  expect(await actors('rate 10')).toEqual(['rate 100% sync', 'rate 1000 sync']);
});
