/**
 * The merge markers (lifecycleStage "merged" and the mergedInto pointer) belong to merge and
 * unmerge. A plain write that sets them — REST, admin create/update/clone, code — is a 400 naming
 * the field with nothing written; so is one that clears them on a merged record (only unmerge
 * reactivates it). Before: an exact duplicate created as "merged" got no match keys, escaped the
 * block and hid from lists.
 */
import { errors } from '@strapi/utils';
import { startApp, adminToken, apiToken, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, CUSTOMER_TABLES } from '../helpers/fixtures';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let token: string;
let admin: string;
let survivor: any;
let merged: any;

const TABLES = [...CUSTOMER_TABLES, 'master_data_match_keys', 'master_data_match_pairs', 'master_data_merges'];

const create = async (data: Record<string, unknown>) => {
  const res = await app.http.post('/api/customers').set(bearer(token)).set('X-Duplicate-Override', 'test setup').send({ data });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${res.text}`);
  return res.body.data;
};
const stored = (documentId: string, status: 'draft' | 'published' = 'draft') =>
  app.strapi.documents(UID).findOne({ documentId, status, populate: { mergedInto: { fields: ['documentId'] } } } as any) as Promise<any>;

/** Expects a 400 naming `field`, and no row written anywhere. */
const refused = async (field: string, send: () => Promise<any>) => {
  const before = await rowCounts(app, TABLES);
  const res = await send();
  expect(res.status).toBe(400);
  expect(res.body.error.message).toContain(field);
  expect(res.body.error.details.errors[0].path).toEqual([field]);
  expect(await rowCounts(app, TABLES)).toEqual(before);
};

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
  survivor = await create(customerData({ name: 'Orchid Valve Works', city: 'Wuxi' }));
  merged = await create(customerData({ name: 'Orchid Valves', city: 'Wuxi' }));
  const res = await app.http.post('/master-data/merges').set(bearer(admin)).send({ survivor: survivor.documentId, merged: [merged.documentId] });
  if (res.status !== 200) throw new Error(`merge: ${res.status} ${res.text}`);
});
afterAll(async () => {
  await app?.stop();
});

describe('a plain write may not set the markers', () => {
  test('an exact duplicate created as "merged" over REST is a 400, not a record hidden from the block', async () => {
    const original = await create(customerData({ name: 'Quill Paper Mills', city: 'Hangzhou' }));
    const copy = { ...customerData(), name: original.name, city: original.city, taxId: original.taxId };
    await refused('lifecycleStage', () => app.http.post('/api/customers').set(bearer(token)).send({ data: { ...copy, lifecycleStage: 'merged' } }));
    await refused('mergedInto', () => app.http.post('/api/customers').set(bearer(token)).send({ data: { ...copy, mergedInto: original.documentId } }));
    await refused('mergedInto', () => app.http.post('/api/customers').set(bearer(token)).send({ data: { ...copy, mergedInto: { connect: [original.documentId] } } }));
    // Without the marker it is what it is: a duplicate, blocked.
    expect((await app.http.post('/api/customers').set(bearer(token)).send({ data: copy })).status).toBe(409);
  });

  test('REST update of a live record setting either marker is a 400, record unchanged', async () => {
    const live = await create(customerData({ name: 'Saffron Looms', city: 'Xiamen' }));
    await refused('lifecycleStage', () => app.http.put(`/api/customers/${live.documentId}`).set(bearer(token)).send({ data: { lifecycleStage: 'merged' } }));
    await refused('mergedInto', () => app.http.put(`/api/customers/${live.documentId}`).set(bearer(token)).send({ data: { mergedInto: survivor.documentId } }));
    await refused('mergedInto', () => app.http.put(`/api/customers/${live.documentId}`).set(bearer(token)).send({ data: { mergedInto: { set: [survivor.documentId] } } }));
    expect(await stored(live.documentId)).toMatchObject({ lifecycleStage: 'prospect', mergedInto: null });
    // Other lifecycle stages and an empty pointer stay writable.
    const ok = await app.http.put(`/api/customers/${live.documentId}`).set(bearer(token)).send({ data: { lifecycleStage: 'active', mergedInto: null } });
    expect(ok.status).toBe(200);
  });

  test('admin create, update and clone setting the markers are 400', async () => {
    const draft = (await app.http.post(CM).set(bearer(admin)).send(customerData({ name: 'Tamarind Foods', city: 'Kunming' }))).body.data;
    await refused('lifecycleStage', () => app.http.post(CM).set(bearer(admin)).send(customerData({ lifecycleStage: 'merged' })));
    await refused('mergedInto', () => app.http.post(CM).set(bearer(admin)).send(customerData({ mergedInto: { connect: [{ documentId: survivor.documentId }] } })));
    await refused('lifecycleStage', () => app.http.put(`${CM}/${draft.documentId}`).set(bearer(admin)).send({ lifecycleStage: 'merged' }));
    await refused('mergedInto', () => app.http.put(`${CM}/${draft.documentId}`).set(bearer(admin)).send({ mergedInto: { connect: [{ documentId: survivor.documentId }], disconnect: [] } }));
    await refused('lifecycleStage', () => app.http.post(`${CM}/${draft.documentId}/actions/publish`).set(bearer(admin)).send({ lifecycleStage: 'merged' }));
    await refused('lifecycleStage', () => app.http.post(`${CM}/clone/${draft.documentId}`).set(bearer(admin)).send({ name: 'Tamarind Foods Clone', lifecycleStage: 'merged' }));
  });

  test('code (the Document Service) setting a marker is refused with a ValidationError', async () => {
    const live = await create(customerData({ name: 'Umber Tiles', city: 'Foshan' }));
    await expect(app.strapi.documents(UID).update({ documentId: live.documentId, data: { lifecycleStage: 'merged' } } as any)).rejects.toBeInstanceOf(errors.ValidationError);
    await expect(app.strapi.documents(UID).create({ data: { ...customerData(), mergedInto: survivor.documentId } } as any)).rejects.toBeInstanceOf(errors.ValidationError);
    expect(await stored(live.documentId)).toMatchObject({ lifecycleStage: 'prospect' });
  });
});

describe('a plain write may not clear them either', () => {
  test('reactivating a merged record or dropping its pointer is a 400 (REST, admin, code); only unmerge does it', async () => {
    await refused('lifecycleStage', () => app.http.put(`/api/customers/${merged.documentId}`).set(bearer(token)).send({ data: { lifecycleStage: 'active' } }));
    await refused('mergedInto', () => app.http.put(`/api/customers/${merged.documentId}`).set(bearer(token)).send({ data: { mergedInto: null } }));
    await refused('mergedInto', () => app.http.put(`/api/customers/${merged.documentId}`).set(bearer(token)).send({ data: { mergedInto: { disconnect: [survivor.documentId] } } }));
    await refused('lifecycleStage', () => app.http.put(`${CM}/${merged.documentId}`).set(bearer(admin)).send({ lifecycleStage: 'active' }));
    await expect(app.strapi.documents(UID).update({ documentId: merged.documentId, data: { lifecycleStage: null } } as any)).rejects.toBeInstanceOf(errors.ValidationError);
    expect(await stored(merged.documentId)).toMatchObject({ lifecycleStage: 'merged', mergedInto: { documentId: survivor.documentId } });
    expect(await stored(merged.documentId, 'published')).toMatchObject({ lifecycleStage: 'merged', mergedInto: { documentId: survivor.documentId } });
  });

  test('a merged record cannot be cloned (the clone would be a hidden, unmatched copy)', async () => {
    await refused('lifecycleStage', () => app.http.post(`${CM}/clone/${merged.documentId}`).set(bearer(admin)).send({ name: 'Orchid Valves Copy' }));
  });

  test('edits of a merged record that leave the markers alone still work (the admin form sends them unchanged)', async () => {
    const view = await app.http.get(`${CM}/${merged.documentId}`).set(bearer(admin));
    expect(view.status).toBe(200);
    const { id, documentId, createdAt, updatedAt, publishedAt, createdBy, updatedBy, code, mergedInto, group, localizations, locale, ...form } = view.body.data;
    const res = await app.http.put(`${CM}/${merged.documentId}`).set(bearer(admin)).send({ ...form, notes: 'Checked by the steward', mergedInto: { connect: [], disconnect: [] } });
    expect(res.status).toBe(200);
    const rest = await app.http.put(`/api/customers/${merged.documentId}`).set(bearer(token)).send({ data: { segment: 'Archive', lifecycleStage: 'merged' } });
    expect(rest.status).toBe(200);
    expect(await stored(merged.documentId)).toMatchObject({ notes: 'Checked by the steward', lifecycleStage: 'merged', mergedInto: { documentId: survivor.documentId } });
  });

  test('unmerge reactivates it (the merge service marks its own writes)', async () => {
    const [row] = await app.strapi.db.connection('master_data_merges').where({ survivor: survivor.documentId });
    const res = await app.http.post(`/master-data/merges/${row.id}/unmerge`).set(bearer(admin));
    expect(res.status).toBe(200);
    expect(await stored(merged.documentId)).toMatchObject({ lifecycleStage: 'prospect', mergedInto: null });
  });
});
