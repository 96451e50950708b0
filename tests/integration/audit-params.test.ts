/**
 * The trail describes what changed in the database, whatever parameters the request carried
 * (locale, status, fields, populate, filters, sort, pagination) and on every path.
 */
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData, uscc } from '../helpers/fixtures';
import { eventsOf } from '../helpers/audit';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let token: string;
let admin: string;

beforeAll(async () => {
  // Approvals are tested in approvals*.test.ts; here governed edits go live as they did before them.
  app = await startApp({ approvals: false });
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
});
afterAll(async () => {
  await app?.stop();
});

const create = async (overrides: Record<string, unknown> = {}) => {
  const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ segment: 'SME', ...overrides }) });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const stored = (documentId: string, status: 'draft' | 'published' = 'published') => app.strapi.documents(UID).findOne({ documentId, status });

const QUERIES = [
  'locale=en',
  'locale=fr',
  'status=draft',
  'fields[0]=name',
  'populate=*',
  'populate[addresses]=true',
  'filters[name][$eq]=nobody',
  'filters[segment][$eq]=SME',
  'sort=name',
  'pagination[page]=2',
];

describe('REST update and delete record what changed whatever the query string', () => {
  // Strapi ignores every one of these on an update except `status=draft` (no publish).
  test.each(QUERIES)('PUT ?%s', async (query) => {
    const id = await create();
    const res = await app.http.put(`/api/customers/${id}?${query}`).set(bearer(token)).send({ data: { segment: 'Enterprise' } });
    expect(res.status).toBe(200);
    const publishes = query !== 'status=draft';
    expect((await stored(id, 'draft'))!.segment).toBe('Enterprise');
    expect((await stored(id))!.segment).toBe(publishes ? 'Enterprise' : 'SME');
    const change = { segment: { before: 'SME', after: 'Enterprise' } };
    const events = (await eventsOf(app, id)).slice(2);
    expect(events.map((e) => [e.action, e.locale, e.changes])).toEqual([['update', null, change], ...(publishes ? [['publish', null, change]] : [])]);
  });

  // `status=draft` is refused by Strapi (with a 500 of its own: reported to the input-bounds work).
  test.each(QUERIES.filter((q) => q !== 'status=draft'))('DELETE ?%s', async (query) => {
    const id = await create();
    const del = await app.http.delete(`/api/customers/${id}?${query}`).set(bearer(token));
    expect(del.status).toBe(204);
    const events = (await eventsOf(app, id)).slice(2);
    const left = await app.strapi.db.query(UID).count({ where: { documentId: id } });
    if (query === 'filters[name][$eq]=nobody') {
      // Strapi answers 204 but the filter matched no row: nothing was deleted, so nothing is recorded.
      expect(left).toBe(2);
      expect(events).toEqual([]);
    } else {
      expect(left).toBe(0);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'delete', locale: null, changes: { segment: { before: 'SME', after: null }, name: { after: null } } });
    }
  });
});

describe('a locale on the non-localised customer type neither hides nor empties an event, on any path', () => {
  test('REST (API token): PUT and DELETE ?locale=en', async () => {
    const id = await create();
    const res = await app.http.put(`/api/customers/${id}?locale=en`).set(bearer(token)).send({ data: { segment: 'Enterprise' } });
    expect(res.status).toBe(200);
    expect((await stored(id))!.segment).toBe('Enterprise');
    const del = await app.http.delete(`/api/customers/${id}?locale=en`).set(bearer(token));
    expect(del.status).toBe(204);
    const events = await eventsOf(app, id);
    expect(events.map((e) => [e.action, e.locale])).toEqual([
      ['create', null],
      ['publish', null],
      ['update', null],
      ['publish', null],
      ['delete', null],
    ]);
    expect(events[2].changes).toEqual({ segment: { before: 'SME', after: 'Enterprise' } });
    expect(events[3].changes).toEqual({ segment: { before: 'SME', after: 'Enterprise' } });
    expect(events[4].changes).toMatchObject({ segment: { before: 'Enterprise', after: null }, name: { after: null } });
  });

  test('REST create ?locale=en', async () => {
    const res = await app.http.post('/api/customers?locale=en').set(bearer(token)).send({ data: customerData({ segment: 'SME' }) });
    expect(res.status).toBe(201);
    expect((await eventsOf(app, res.body.data.documentId)).map((e) => [e.action, e.locale, e.changes.segment?.after])).toEqual([
      ['create', null, 'SME'],
      ['publish', null, 'SME'],
    ]);
  });

  test('REST as a users-permissions user: PUT ?locale=de', async () => {
    const { upUser } = await import('../helpers/strapi');
    const { jwt } = await upUser(app, ['api::customer.customer.update']);
    const id = await create();
    const res = await app.http.put(`/api/customers/${id}?locale=de`).set(bearer(jwt)).send({ data: { segment: 'Retail' } });
    expect(res.status).toBe(200);
    const events = (await eventsOf(app, id)).slice(2);
    expect(events.map((e) => [e.action, e.actor_kind, e.changes])).toEqual([
      ['update', 'users-permissions', { segment: { before: 'SME', after: 'Retail' } }],
      ['publish', 'users-permissions', { segment: { before: 'SME', after: 'Retail' } }],
    ]);
  });

  test('admin content manager with ?locale=en: update, publish, discard, unpublish, delete, bulk actions', async () => {
    const created = await app.http.post(`${CM}?locale=en`).set(bearer(admin)).send(customerData({ tier: 'C' }));
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await app.http.put(`${CM}/${id}?locale=en`).set(bearer(admin)).send({ ...created.body.data, tier: 'B' })).status).toBe(200);
    expect((await app.http.post(`${CM}/${id}/actions/publish?locale=en`).set(bearer(admin)).send({})).status).toBe(200);
    expect((await app.http.put(`${CM}/${id}?locale=en`).set(bearer(admin)).send({ ...created.body.data, tier: 'A' })).status).toBe(200);
    expect((await app.http.post(`${CM}/${id}/actions/discard?locale=en`).set(bearer(admin)).send({})).status).toBe(200);
    expect((await app.http.post(`${CM}/${id}/actions/unpublish?locale=en`).set(bearer(admin)).send({})).status).toBe(200);
    // The content manager looks the document up in that locale and finds none: nothing deleted, nothing recorded.
    expect((await app.http.delete(`${CM}/${id}?locale=en`).set(bearer(admin))).status).toBe(404);
    expect(await app.strapi.db.query(UID).count({ where: { documentId: id } })).toBe(1);
    expect((await eventsOf(app, id)).length).toBe(6);
    expect((await app.http.delete(`${CM}/${id}`).set(bearer(admin))).status).toBe(200);
    const events = await eventsOf(app, id);
    expect(events.map((e) => [e.action, e.locale])).toEqual([
      ['create', null],
      ['update', null],
      ['publish', null],
      ['update', null],
      ['discard', null],
      ['unpublish', null],
      ['delete', null],
    ]);
    expect(events.map((e) => e.changes.tier)).toEqual([
      { before: null, after: 'C' },
      { before: 'C', after: 'B' },
      { before: null, after: 'B' },
      { before: 'B', after: 'A' },
      { before: 'A', after: 'B' },
      { before: 'B', after: null },
      { before: 'B', after: null },
    ]);

    // Clone with a locale: the new document's create event holds its values.
    const source = (await app.http.post(CM).set(bearer(admin)).send(customerData({ tier: 'C' }))).body.data.documentId;
    const clone = await app.http.post(`${CM}/clone/${source}?locale=en`).set(bearer(admin)).send({ name: 'Cloned Locale Trading Co.', taxId: uscc(), externalIds: [{ system: 'SAP', externalId: `clone-of-${source}` }] });
    expect(clone.status).toBe(200);
    const cloned = await eventsOf(app, clone.body.data.documentId);
    expect(cloned.map((e) => [e.action, e.locale])).toEqual([['clone', null]]);
    expect(cloned[0].changes).toMatchObject({ name: { before: null, after: 'Cloned Locale Trading Co.' }, tier: { before: null, after: 'C' } });

    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) ids.push((await app.http.post(CM).set(bearer(admin)).send(customerData({ tier: 'C' }))).body.data.documentId);
    for (const action of ['bulkPublish', 'bulkUnpublish', 'bulkDelete']) {
      const res = await app.http.post(`${CM}/actions/${action}?locale=en`).set(bearer(admin)).send({ documentIds: ids });
      expect(res.status).toBe(200);
    }
    for (const bulkId of ids) {
      const bulk = await eventsOf(app, bulkId);
      expect(bulk.map((e) => e.action)).toEqual(['create', 'publish', 'unpublish', 'delete']);
      expect(bulk.slice(1).map((e) => e.changes.tier)).toEqual([
        { before: null, after: 'C' },
        { before: 'C', after: null },
        { before: 'C', after: null },
      ]);
    }
  });

  test('code: documents().update/delete with a locale', async () => {
    const id = await create();
    await app.strapi.documents(UID).update({ documentId: id, locale: 'en', data: { segment: 'Mid-market' } as any });
    await app.strapi.documents(UID).publish({ documentId: id, locale: 'en' });
    await app.strapi.documents(UID).delete({ documentId: id, locale: 'en' });
    const events = (await eventsOf(app, id)).slice(2);
    expect(events.map((e) => [e.action, e.actor_kind, e.changes.segment])).toEqual([
      ['update', 'system', { before: 'SME', after: 'Mid-market' }],
      ['publish', 'system', { before: 'SME', after: 'Mid-market' }],
      ['delete', 'system', { before: 'Mid-market', after: null }],
    ]);
  });
});
