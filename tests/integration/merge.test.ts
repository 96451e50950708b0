/**
 * Merge and unmerge: survivorship with manual picks, component union, external ids moved,
 * relations re-pointed, merged records kept but hidden from REST lists; unmerge restores all of it;
 * both in one transaction; conflicts are 409.
 */
import { startApp, adminToken, apiToken, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, uscc, CUSTOMER_TABLES } from '../helpers/fixtures';
import { auditRows } from '../helpers/audit';

const UID = 'api::customer.customer';
let app: TestApp;
let token: string;
let steward: string;

const create = async (data: Record<string, unknown>) => {
  const res = await app.http.post('/api/customers').set(bearer(token)).set('X-Duplicate-Override', 'test setup').send({ data });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};
const full = (documentId: string, status: 'draft' | 'published' = 'draft') =>
  app.strapi.documents(UID).findOne({ documentId, status, populate: ['addresses', 'contacts', 'externalIds', 'mergedInto', 'group'] } as any) as Promise<any>;

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  steward = (await adminToken(app, ['data-steward'])).token;
});
afterAll(async () => {
  await app?.stop();
});

test('merge three records into one, then unmerge', async () => {
  const survivor = await create(customerData({ name: 'Harbor Freight Systems Ltd', city: 'Shanghai', segment: null, website: null, externalIds: [{ system: 'SAP', externalId: 'SAP-100' }] }));
  const b = await create(customerData({ name: 'Harbour Freight Systems Limited', city: 'Shanghai', segment: 'Logistics', website: 'https://harbor-freight.cn', externalIds: [{ system: 'SALESFORCE', externalId: '001-B' }], addresses: [{ type: 'billing', line1: '88 Century Avenue', city: 'Shanghai', country: 'CN' }] }));
  const c = await create(customerData({ name: 'HARBOR FREIGHT SYSTEMS', city: 'Shanghai', segment: 'Retail', externalIds: [{ system: 'ORACLE', externalId: 'ORA-C' }, { system: 'SAP', externalId: 'SAP-101' }] }));
  // A record merged into B earlier: its pointer must follow B to the survivor.
  // (Merged through the merge API: a plain write may not set the merge markers, see merge-markers.test.ts.)
  const earlier = await create(customerData({ name: 'Harbor Freight (old)', city: 'Shanghai', addresses: [], contacts: [], bankAccounts: [], externalIds: [] }));
  const setup = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: b.documentId, merged: [earlier.documentId] });
  if (setup.status !== 200) throw new Error(`setup merge: ${setup.status} ${setup.text}`);
  // The survivor's group (a to-one relation) must survive the merge; B's group is taken where the survivor has none.
  const group = await app.strapi.documents('api::customer-group.customer-group').create({ data: { name: 'Logistics partners', code: 'LOGI' } as any });
  await app.strapi.documents(UID).update({ documentId: survivor.documentId, data: { group: group.documentId } as any });
  await app.strapi.documents(UID).publish({ documentId: survivor.documentId });
  const before = { survivor: await full(survivor.documentId), b: await full(b.documentId), c: await full(c.documentId) };

  const preview = await app.http.post('/master-data/merges/preview').set(bearer(steward)).send({ survivor: survivor.documentId, merged: [b.documentId, c.documentId], picks: { segment: c.documentId } });
  expect(preview.status).toBe(200);
  expect(preview.body.data.values).toMatchObject({ name: 'Harbor Freight Systems Ltd', segment: 'Retail', website: 'https://harbor-freight.cn' });
  expect(preview.body.data.conflicts).toEqual(expect.arrayContaining(['name', 'segment', 'taxId']));

  const merged = await app.http
    .post('/master-data/merges')
    .set(bearer(steward))
    .set('X-Change-Reason', 'Same company, three systems')
    .send({ survivor: survivor.documentId, merged: [b.documentId, c.documentId], picks: { segment: c.documentId } });
  expect(merged.status).toBe(200);
  expect(merged.body.data).toMatchObject({ survivor: survivor.documentId, merged: [b.documentId, c.documentId], status: 'merged' });

  const after = await full(survivor.documentId);
  expect(after).toMatchObject({ name: 'Harbor Freight Systems Ltd', segment: 'Retail', website: 'https://harbor-freight.cn', code: survivor.code, taxId: survivor.taxId, group: { documentId: group.documentId } });
  // External ids of every record resolve to the survivor (a pair names one record, so none repeats); addresses united without duplicates.
  expect(after.externalIds.map((e: any) => `${e.system}:${e.externalId}`).sort()).toEqual(['ORACLE:ORA-C', 'SALESFORCE:001-B', 'SAP:SAP-100', 'SAP:SAP-101']);
  expect(after.addresses.map((a: any) => a.line1).sort()).toEqual(['1 Keji Zhong Yi Road', '88 Century Avenue']);
  for (const id of [b.documentId, c.documentId]) {
    const record = await full(id);
    expect(record).toMatchObject({ lifecycleStage: 'merged', mergedInto: { documentId: survivor.documentId }, externalIds: [] });
    expect(await full(id, 'published')).toMatchObject({ lifecycleStage: 'merged' });
  }
  expect((await full(earlier.documentId)).mergedInto.documentId).toBe(survivor.documentId);
  // The published survivor is the merged golden record.
  expect(await full(survivor.documentId, 'published')).toMatchObject({ segment: 'Retail' });

  // REST lists leave merged records out; they are still found by id, pointing at the survivor.
  const list = await app.http.get('/api/customers?pagination[pageSize]=100&filters[name][$containsi]=harb').set(bearer(token));
  expect(list.body.data.map((r: any) => r.documentId)).toEqual([survivor.documentId]);
  const mergedList = await app.http.get('/api/customers?filters[lifecycleStage]=merged&filters[name][$containsi]=harb').set(bearer(token));
  expect(mergedList.body.data.map((r: any) => r.documentId).sort()).toEqual([b.documentId, c.documentId, earlier.documentId].sort());
  expect((await app.http.get(`/api/customers/${b.documentId}?populate=mergedInto`).set(bearer(token))).body.data.mergedInto.documentId).toBe(survivor.documentId);
  // Merged records are not matched any more.
  const match = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: { name: 'Harbour Freight Systems Limited', city: 'Shanghai' } });
  expect(match.body.data.map((m: any) => m.documentId)).toEqual([survivor.documentId]);

  const events = await auditRows(app, { document_id: survivor.documentId, action: 'merge' });
  expect(events).toHaveLength(1);
  expect(events[0].reason).toBe('Same company, three systems');

  // Merging a merged record again is a conflict.
  const again = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: survivor.documentId, merged: [b.documentId] });
  expect(again.status).toBe(409);

  const unmerged = await app.http.post(`/master-data/merges/${merged.body.data.id}/unmerge`).set(bearer(steward));
  expect(unmerged.status).toBe(200);
  expect(unmerged.body.data.status).toBe('unmerged');
  const strip = (r: any) => ({
    name: r.name,
    segment: r.segment,
    website: r.website,
    lifecycleStage: r.lifecycleStage,
    mergedInto: r.mergedInto?.documentId ?? null,
    group: r.group?.documentId ?? null,
    externalIds: r.externalIds.map((e: any) => `${e.system}:${e.externalId}`),
    addresses: r.addresses.map((a: any) => a.line1),
  });
  expect(strip(await full(survivor.documentId))).toEqual(strip(before.survivor));
  expect(strip(await full(b.documentId))).toEqual(strip(before.b));
  expect(strip(await full(c.documentId))).toEqual(strip(before.c));
  expect((await full(earlier.documentId)).mergedInto.documentId).toBe(b.documentId);
  expect((await app.http.post(`/master-data/merges/${merged.body.data.id}/unmerge`).set(bearer(steward))).status).toBe(409);
});

test('unmerge restores the published version and a pending draft separately', async () => {
  const a = await create(customerData({ name: 'Lumen Glassworks', city: 'Suzhou', segment: 'Published segment' }));
  const b = await create(customerData({ name: 'Lumen Glass Works', city: 'Suzhou' }));
  // A pending draft change on the survivor, not published.
  await app.strapi.documents(UID).update({ documentId: a.documentId, data: { segment: 'Draft segment' } } as any);
  const merged = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: [b.documentId] });
  expect(merged.status).toBe(200);
  const unmerged = await app.http.post(`/master-data/merges/${merged.body.data.id}/unmerge`).set(bearer(steward));
  expect(unmerged.status).toBe(200);
  expect((await full(a.documentId, 'published')).segment).toBe('Published segment');
  expect((await full(a.documentId, 'draft')).segment).toBe('Draft segment');
  expect((await full(b.documentId, 'published')).lifecycleStage).toBe('prospect');
});

test('the compare view shows only the fields a role may read; merging needs update and publish rights', async () => {
  const a = await create(customerData({ name: 'Nimbus Cables', city: 'Ningbo' }));
  const b = await create(customerData({ name: 'Nimbus Cable', city: 'Ningbo', phone: a.phone, taxId: null }));
  const [pair] = await app.strapi.db.connection('master_data_match_pairs').whereIn('a', [a.documentId, b.documentId]).whereIn('b', [a.documentId, b.documentId]);
  expect(pair).toBeDefined();
  const sales = (await adminToken(app, ['sales'])).token;
  const seen = await app.http.get(`/master-data/duplicates/${pair.id}`).set(bearer(sales));
  expect(seen.status).toBe(200);
  expect(seen.body.records[a.documentId].name).toBe('Nimbus Cables');
  expect(seen.body.records[a.documentId]).not.toHaveProperty('bankAccounts');
  expect(seen.body.records[a.documentId]).not.toHaveProperty('creditLimit');
  const asSteward = await app.http.get(`/master-data/duplicates/${pair.id}`).set(bearer(steward));
  expect(asSteward.body.records[a.documentId].bankAccounts).toHaveLength(1);
  expect((await app.http.post('/master-data/merges').set(bearer(sales)).send({ survivor: a.documentId, merged: [b.documentId] })).status).toBe(403);
  expect((await app.http.get('/master-data/duplicates/99999999999').set(bearer(steward))).status).toBe(400);
});

test('a record saved as a draft only is no longer matched once merged; its other pairs move to the survivor', async () => {
  const a = await create(customerData({ name: 'Orchid Textiles', city: 'Hangzhou', phone: '0571 8888 1234', taxId: null, email: 'info@orchid-tex.cn' }));
  const draft = await app.http.post('/api/customers?status=draft').set(bearer(token)).set('X-Duplicate-Override', 'test setup')
    .send({ data: customerData({ name: 'Orchid Textile', city: 'Hangzhou', phone: '0571 8888 1234', taxId: null, email: 'sales@orchid-tex.cn' }) });
  expect(draft.status).toBe(201);
  const b = draft.body.data;
  // C shares B's email: a pair (B, C) is queued.
  const c = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ name: 'Orchid Textile Trading', city: 'Hangzhou', phone: null, taxId: null, email: 'sales@orchid-tex.cn' }) });
  expect(c.status).toBe(201);
  const pairsOf = (id: string) => app.strapi.db.connection('master_data_match_pairs').where({ status: 'open' }).where((q: any) => q.where('a', id).orWhere('b', id));
  expect((await pairsOf(c.body.data.documentId)).map((p: any) => [p.a, p.b].sort().join())).toContain([b.documentId, c.body.data.documentId].sort().join());

  const merged = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: [b.documentId], picks: { email: b.documentId } });
  expect(merged.status).toBe(200);
  const match = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: { name: 'Orchid Textile', city: 'Hangzhou', email: 'sales@orchid-tex.cn' } });
  expect(match.body.data.map((m: any) => m.documentId)).not.toContain(b.documentId);
  // (B, C) is gone; the survivor, which took B's email, is queued with C.
  const open = (await pairsOf(c.body.data.documentId)).map((p: any) => [p.a, p.b].sort().join());
  expect(open).not.toContain([b.documentId, c.body.data.documentId].sort().join());
  expect(open).toContain([a.documentId, c.body.data.documentId].sort().join());
});

test('a merge and edits of the same records at the same moment are serialised: no deadlock, no lost edit', async () => {
  for (let round = 0; round < 5; round += 1) {
    const a = await create(customerData({ name: `Zephyr Pumps ${round}`, city: 'Wuxi' }));
    const b = await create(customerData({ name: `Zephyr Pump ${round}`, city: 'Wuxi' }));
    const [merge, editA, editB] = await Promise.all([
      app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: [b.documentId] }),
      app.http.put(`/api/customers/${a.documentId}`).set(bearer(token)).send({ data: { segment: `Edited ${round}` } }),
      app.http.put(`/api/customers/${b.documentId}`).set(bearer(token)).send({ data: { industry: `Pumps ${round}` } }),
    ]);
    expect([merge.status, editA.status, editB.status]).toEqual([200, 200, 200]);
    // Whichever ran first, the survivor's edit is kept (the merge either saw it or ran before it).
    expect((await full(a.documentId)).segment).toBe(`Edited ${round}`);
    expect((await full(b.documentId)).lifecycleStage).toBe('merged');
  }
  const verify = await app.http.get('/master-data/audit-events/verify').set(bearer(steward));
  expect(verify.body.data.ok).toBe(true);
});

test('unmerge is refused once the survivor changed after the merge', async () => {
  const a = await create(customerData({ name: 'Quill Paper Co', city: 'Tianjin' }));
  const b = await create(customerData({ name: 'Quill Paper Company', city: 'Tianjin' }));
  const merged = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: [b.documentId] });
  expect(merged.status).toBe(200);
  await app.http.put(`/api/customers/${a.documentId}`).set(bearer(token)).send({ data: { segment: 'Changed later' } });
  const refused = await app.http.post(`/master-data/merges/${merged.body.data.id}/unmerge`).set(bearer(steward));
  expect(refused.status).toBe(409);
  expect(refused.body.error.message).toMatch(/changed after the merge/);
});

test('a merge that fails half-way leaves nothing written', async () => {
  const a = await create(customerData({ name: 'Vertex Ceramics', city: 'Foshan' }));
  const b = await create(customerData({ name: 'Vertex Ceramic', city: 'Foshan' }));
  const tables = [...CUSTOMER_TABLES, 'master_data_merges', 'master_data_audit_events'];
  const counts = await rowCounts(app, tables);
  // A survivorship pick that fails validation (a bad phone on the picked field) is only found when the survivor is written.
  await app.strapi.db.connection('customers').where({ document_id: b.documentId }).update({ phone: '12' });
  const res = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: [b.documentId], picks: { phone: b.documentId } });
  expect(res.status).toBe(400);
  expect(await rowCounts(app, tables)).toEqual(counts);
  expect(await full(b.documentId)).toMatchObject({ lifecycleStage: 'prospect', mergedInto: null });
});

test('bad merge requests are 400 naming the field; unknown records 404; roles without manage 403', async () => {
  const a = await create(customerData());
  const empty = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: [] });
  expect(empty.status).toBe(400);
  expect(empty.body.error.details.errors[0].path).toEqual(['merged']);
  const self = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: [a.documentId] });
  expect(self.status).toBe(400);
  const badPick = await app.http.post('/master-data/merges/preview').set(bearer(steward)).send({ survivor: a.documentId, merged: [(await create(customerData())).documentId], picks: { nope: a.documentId } });
  expect(badPick.status).toBe(400);
  expect(badPick.body.error.details.errors[0].path).toEqual(['picks', 'nope']);
  const missing = await app.http.post('/master-data/merges').set(bearer(steward)).send({ survivor: a.documentId, merged: ['doesnotexist000000000000'] });
  expect(missing.status).toBe(404);
  const approver = (await adminToken(app, ['approver'])).token;
  expect((await app.http.post('/master-data/merges').set(bearer(approver)).send({ survivor: a.documentId, merged: [uscc()] })).status).toBe(403);
});
