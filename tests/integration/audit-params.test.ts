/**
 * The trail describes what changed in the database, whatever parameters the request carried
 * (locale, status, fields, populate, filters, sort, pagination) and on every path.
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
  test.each(QUERIES)('PUT ?%s', async (query) => {
    const id = await create();
    const res = await app.http.put(`/api/customers/${id}?${query}`).set(bearer(token)).send({ data: { segment: 'Enterprise' } });
    const events = (await eventsOf(app, id)).slice(2);
    const draft = await stored(id, 'draft');
    const published = await stored(id);
    // Whatever Strapi did with the parameter, the trail says it.
    if (draft!.segment === 'Enterprise') {
      expect(res.status).toBe(200);
      expect(events[0]).toMatchObject({ action: 'update', locale: null, changes: { segment: { before: 'SME', after: 'Enterprise' } } });
    } else {
      expect(events.filter((e) => e.action === 'update')).toEqual([]);
    }
    if (published!.segment === 'Enterprise') {
      expect(events.find((e) => e.action === 'publish')).toMatchObject({ locale: null, changes: { segment: { before: 'SME', after: 'Enterprise' } } });
    } else {
      expect(events.filter((e) => e.action === 'publish')).toEqual([]);
    }
    expect(await app.strapi.db.query(UID).count({ where: { documentId: id } })).toBe(2);
  });

  test.each(QUERIES)('DELETE ?%s', async (query) => {
    const id = await create();
    await app.http.delete(`/api/customers/${id}?${query}`).set(bearer(token));
    const events = (await eventsOf(app, id)).slice(2);
    const left = await app.strapi.db.query(UID).count({ where: { documentId: id } });
    if (left === 0) {
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'delete', locale: null, changes: { segment: { before: 'SME', after: null } } });
    } else {
      expect(events).toEqual([]);
    }
  });
});
