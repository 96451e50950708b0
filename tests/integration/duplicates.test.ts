/**
 * Duplicate detection on every write path: block (409 DuplicateError with the candidates), review
 * (write succeeds, pair queued, response says so), override with a reason (permission, audited),
 * "not a duplicate" remembered, the match API, and two identical creates at once.
 */
import { startApp, adminToken, apiToken, upUser, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, uscc, CUSTOMER_TABLES } from '../helpers/fixtures';
import { auditRows } from '../helpers/audit';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let token: string;
let steward: string;
let n = 0;

/** A customer with its own name, phone, email and tax id: matches nothing but what a test makes match. */
const distinct = (overrides: Record<string, unknown> = {}) => {
  n += 1;
  return customerData({
    name: `${['Aurora', 'Borealis', 'Cobalt', 'Dynamo', 'Emerald', 'Fjord', 'Granite', 'Harbor'][n % 8]} ${['Precision', 'Textiles', 'Robotics', 'Foods', 'Optics'][n % 5]} ${n}x${n} GmbH`,
    phone: `+49 30 ${String(4000000 + n * 7919).slice(0, 7)}`,
    email: `desk@company${n}-unique.de`,
    country: 'DE',
    taxId: null,
    city: 'Berlin',
    contacts: [],
    externalIds: [{ system: 'SAP', externalId: `SAP-D-${n}` }],
    ...overrides,
  });
};

const create = (data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  app.http.post('/api/customers').set(bearer(token)).set(headers).send({ data });

beforeAll(async () => {
  // Approvals are tested in approvals*.test.ts; here governed edits go live as they did before them.
  app = await startApp({ approvals: false });
  token = await apiToken(app);
  steward = (await adminToken(app, ['data-steward'])).token;
});
afterAll(async () => {
  await app?.stop();
});

describe('block: 409 DuplicateError, nothing written', () => {
  test('same tax id, any name', async () => {
    const taxId = uscc();
    const first = await create(customerData({ taxId, name: '深圳市华科电子科技有限公司', city: '深圳' }));
    expect(first.status).toBe(201);
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const second = await create(customerData({ taxId, name: 'Completely Renamed Holdings Ltd', city: 'Shanghai' }));
    expect(second.status).toBe(409);
    expect(second.body.error.name).toBe('DuplicateError');
    const [candidate] = second.body.error.details.candidates;
    expect(candidate).toMatchObject({ documentId: first.body.data.documentId, score: 1, decision: 'block' });
    expect(candidate.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'taxId', outcome: 'same' }), expect.objectContaining({ comparator: 'rule', field: 'taxId' })]));
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });

  test('same normalised name in the same city: region bracketed, traditional characters, legal form swapped', async () => {
    const first = await create(customerData({ taxId: null, name: '深圳市龙腾贸易有限公司', city: '深圳市', phone: '0755 2345 6781', email: 'a@longteng-trade.cn' }));
    expect(first.status).toBe(201);
    const second = await create(customerData({ taxId: null, name: '龍騰貿易（深圳）有限責任公司', city: '深圳', phone: '0755 8765 4329', email: 'b@other-mail.cn' }));
    expect(second.status).toBe(409);
    expect(second.body.error.details.candidates[0]).toMatchObject({ documentId: first.body.data.documentId, decision: 'block' });
    expect(second.body.error.details.candidates[0].reasons[0]).toMatchObject({ comparator: 'rule', field: 'name+city' });
  });

  test('the same name in another city with another tax id is allowed', async () => {
    const first = await create(customerData({ name: '深圳市华星光电有限公司', city: '深圳', phone: null, email: null }));
    expect(first.status).toBe(201);
    // No tax id on this side: only the other city keeps it apart (different tax ids alone would veto the rule).
    const second = await create(customerData({ name: '上海华星光电有限公司', city: '上海', phone: null, email: null, taxId: null }));
    expect(second.status).toBe(201);
    expect(second.body.meta?.masterData).toBeUndefined();
  });

  test('admin content manager: create, update and clone are checked too', async () => {
    const original = await create(distinct());
    const data = original.body.data;
    const created = await app.http.post(CM).set(bearer(steward)).send(distinct({ name: data.name, city: data.city }));
    expect(created.status).toBe(409);
    expect(created.body.error.name).toBe('DuplicateError');

    const other = await app.http.post(CM).set(bearer(steward)).send(distinct());
    expect(other.status).toBe(201);
    const updated = await app.http.put(`${CM}/${other.body.data.documentId}`).set(bearer(steward)).send({ ...other.body.data, name: data.name });
    expect(updated.status).toBe(409);

    // A clone of its own external id (the source's pair would be refused by the external id rule, see sync.test.ts).
    const cloned = await app.http.post(`${CM}/clone/${data.documentId}`).set(bearer(steward)).send({ externalIds: [{ system: 'SAP', externalId: `SAP-D-clone-${data.documentId}` }] });
    expect(cloned.status).toBe(409);
    expect(cloned.body.error.details.candidates[0].documentId).toBe(data.documentId);
  });

  test('code writes (document service) are checked too', async () => {
    const original = await create(distinct());
    await expect(app.strapi.documents(UID).create({ data: distinct({ name: original.body.data.name }) as any })).rejects.toMatchObject({ status: 409, name: 'DuplicateError' });
  });
});

describe('review: the write succeeds, the pair is queued, the response says so', () => {
  let first: any;
  let second: any;
  test('similar name and a shared phone', async () => {
    first = (await create(distinct({ name: 'Northwind Logistics GmbH', phone: '+49 40 3344 5566' }))).body.data;
    const res = await create(distinct({ name: 'Northwind Logistik GmbH', phone: '040 33445566', city: 'Hamburg' }));
    expect(res.status).toBe(201);
    second = res.body.data;
    expect(res.headers['x-duplicate-review']).toBe('1');
    expect(res.body.meta.masterData.duplicates).toMatchObject({ decision: 'review', overridden: false });
    const [candidate] = res.body.meta.masterData.duplicates.candidates;
    expect(candidate).toMatchObject({ documentId: first.documentId, decision: 'review' });
    expect(candidate.score).toBeGreaterThanOrEqual(0.5);
    expect(candidate.score).toBeLessThan(1);
    expect(candidate.reasons.map((r: any) => `${r.field}:${r.outcome}`)).toEqual(expect.arrayContaining(['name:similar', 'phone:same']));

    const queue = await app.http.get('/master-data/duplicates').set(bearer(steward));
    expect(queue.status).toBe(200);
    const pair = queue.body.results.find((p: any) => [p.a, p.b].includes(second.documentId));
    expect(pair).toMatchObject({ status: 'open', decision: 'review' });
    expect([pair.a, pair.b].sort()).toEqual([first.documentId, second.documentId].sort());
    expect(queue.body.records[first.documentId]).toMatchObject({ name: 'Northwind Logistics GmbH' });
  });

  test('"not a duplicate" is remembered: the pair is never flagged again', async () => {
    const queue = await app.http.get('/master-data/duplicates').set(bearer(steward));
    const pair = queue.body.results.find((p: any) => [p.a, p.b].includes(second.documentId));
    const dismissed = await app.http.post(`/master-data/duplicates/${pair.id}/not-duplicate`).set(bearer(steward));
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.data.status).toBe('not-duplicate');

    // The name is sent again, so the duplicate check runs; the dismissed pair is not flagged.
    const touched = await app.http.put(`/api/customers/${second.documentId}`).set(bearer(token)).send({ data: { name: 'Northwind Logistik GmbH', segment: 'Retail' } });
    expect(touched.status).toBe(200);
    expect(touched.headers['x-duplicate-review']).toBeUndefined();
    const match = await app.http.post('/master-data/match').set(bearer(steward)).send({ documentId: second.documentId });
    expect(match.body.data.map((c: any) => c.documentId)).not.toContain(first.documentId);
    const open = await app.http.get('/master-data/duplicates').set(bearer(steward));
    expect(open.body.results.map((p: any) => p.id)).not.toContain(pair.id);
  });
});

describe('override', () => {
  test('a full-access token creates over a block with a reason; the override is queued and audited', async () => {
    const original = await create(distinct());
    const res = await create(distinct({ name: original.body.data.name }), { 'X-Duplicate-Override': encodeURIComponent('Separate legal entity, confirmed by finance') });
    expect(res.status).toBe(201);
    expect(res.body.meta.masterData.duplicates).toMatchObject({ decision: 'block', overridden: true });
    const events = await auditRows(app, { document_id: res.body.data.documentId, action: 'duplicate.override' });
    expect(events).toHaveLength(1);
    expect(events[0].reason).toBe('Separate legal entity, confirmed by finance');
    const pairs = await app.strapi.db.connection('master_data_match_pairs').where({ status: 'open' }).whereIn('a', [res.body.data.documentId, original.body.data.documentId]).whereIn('b', [res.body.data.documentId, original.body.data.documentId]);
    expect(pairs[0]).toMatchObject({ decision: 'block', override_reason: 'Separate legal entity, confirmed by finance' });
  });

  test('without the permission: 403; without a reason: 400', async () => {
    const original = await create(distinct());
    const sales = (await adminToken(app, ['sales'])).token;
    const denied = await app.http.post(CM).set(bearer(sales)).set('X-Duplicate-Override', 'because').send(distinct({ name: original.body.data.name }));
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe('X-Duplicate-Override: you may not override a duplicate block');
    const stewardOverride = await app.http.post(CM).set(bearer(steward)).set('X-Duplicate-Override', 'Branch office, own ledger').send(distinct({ name: original.body.data.name }));
    expect(stewardOverride.status).toBe(201);
    const noReason = await create(distinct({ name: original.body.data.name }), { 'X-Duplicate-Override': ' x ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors[0].path).toEqual(['X-Duplicate-Override']);
  });
});

describe('publish and delete', () => {
  test('publishing is checked too; an override is remembered for the pair, so the later publish is review, not block', async () => {
    const original = await create(distinct());
    const draft = await app.http
      .post('/api/customers?status=draft')
      .set(bearer(token))
      .set('X-Duplicate-Override', 'Subsidiary with its own ledger')
      .send({ data: distinct({ name: original.body.data.name }) });
    expect(draft.status).toBe(201);
    const id = draft.body.data.documentId;
    const publish = () => app.http.post(`${CM}/${id}/actions/publish`).set(bearer(steward)).send({});

    const published = await publish();
    expect(published.status).toBe(200);
    expect(published.body.meta.masterData.duplicates.candidates[0]).toMatchObject({ documentId: original.body.data.documentId, decision: 'review' });
    expect(published.body.meta.masterData.duplicates.candidates[0].reasons).toContainEqual(expect.objectContaining({ field: 'override', outcome: 'accepted' }));

    // Without the steward's decision on record, the same publish is a duplicate.
    await app.strapi.db.connection('master_data_match_pairs').where({ override_reason: 'Subsidiary with its own ledger' }).delete();
    const blocked = await publish();
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.name).toBe('DuplicateError');
  });

  test('a deleted record leaves the review queue and is no longer a candidate', async () => {
    const first = (await create(distinct({ name: 'Tailspin Toys Manufacturing', phone: '+49 30 5556 6677' }))).body.data;
    const second = await create(distinct({ name: 'Tailspin Toy Manufacturing', phone: '030 55566677', city: 'Potsdam' }));
    expect(second.headers['x-duplicate-review']).toBe('1');
    const pairs = () => app.strapi.db.connection('master_data_match_pairs').where((q) => q.where('a', first.documentId).orWhere('b', first.documentId));
    expect(await pairs()).toHaveLength(1);
    expect((await app.http.delete(`/api/customers/${first.documentId}`).set(bearer(token))).status).toBe(204);
    expect(await pairs()).toHaveLength(0);
    const match = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: { name: 'Tailspin Toys Manufacturing', city: 'Berlin' } });
    expect(match.body.data.map((c: any) => c.documentId)).not.toContain(first.documentId);
  });
});

describe('match API', () => {
  test('a stored record is matched on its draft, unpublished changes included', async () => {
    const b = (await create(distinct({ name: 'Quasar Optics', phone: '+49 30 7770 1234', city: 'Berlin' }))).body.data;
    const a = (await create(distinct({ name: 'Quasar Optik', city: 'München', phone: '+49 89 1234 5678' }))).body.data;
    await app.strapi.documents(UID).update({ documentId: a.documentId, data: { phone: '+49 30 7770 1234' } } as any); // draft only
    const res = await app.http.post('/master-data/match').set(bearer(steward)).send({ documentId: a.documentId });
    expect(res.status).toBe(200);
    const candidate = res.body.data.find((c: any) => c.documentId === b.documentId);
    expect(candidate.reasons).toContainEqual(expect.objectContaining({ field: 'phone', outcome: 'same' }));
    expect(res.body.records[b.documentId]).toMatchObject({ name: 'Quasar Optics', publishedAt: null });
  });

  test('POST /api/master-data/match returns scored, explained candidates, best first', async () => {
    const original = (await create(distinct({ name: 'Contoso Pharma AG', email: 'info@contoso-pharma.de', website: 'https://www.contoso-pharma.de' }))).body.data;
    const res = await app.http
      .post('/api/master-data/match')
      .set(bearer(token))
      .send({ data: { name: 'CONTOSO PHARMA', city: 'Berlin', country: 'DE', email: 'sales@contoso-pharma.de' } });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ documentId: original.documentId, decision: 'block' });
    expect(res.body.meta).toMatchObject({ uid: UID, decision: 'block', limit: 10 });
    const scores = res.body.data.map((c: any) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const nothing = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: { name: 'Zyxwvut Quasar Instruments', city: 'Lima' } });
    expect(nothing.body).toMatchObject({ data: [], meta: { decision: 'allow' } });
  });

  test('bad bodies are a 400 naming the field; users without the permission get 403', async () => {
    const bad = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['data']);
    const unknown = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: {}, uid: 'api::nope.nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['uid']);
    const { jwt } = await upUser(app, ['plugin::master-data.matching.match']);
    expect((await app.http.post('/api/master-data/match').set(bearer(jwt)).send({ data: { name: 'Contoso Pharma' } })).status).toBe(200);
    const readOnly = await apiToken(app, 'read-only');
    expect((await app.http.post('/api/master-data/match').set(bearer(readOnly)).send({ data: { name: 'x' } })).status).toBe(403);
  });

  test('a caller that may match but not find customers learns the decision, not which records match or why', async () => {
    const original = (await create(distinct({ taxId: uscc(), country: 'CN' }))).body.data;
    const query = { data: { name: 'Unrelated Name Ltd', taxId: original.taxId, country: 'CN' } };
    const matchOnly = await apiToken(app, 'custom', ['plugin::master-data.matching.match']);
    const res = await app.http.post('/api/master-data/match').set(bearer(matchOnly)).send(query);
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ decision: 'block', restricted: true });
    expect(res.body.data[0]).toEqual({ score: expect.any(Number), decision: 'block' });
    expect(JSON.stringify(res.body)).not.toContain(original.documentId);
    // Nor may it probe a stored record (drafts included) by its documentId.
    const probe = await app.http.post('/api/master-data/match').set(bearer(matchOnly)).send({ documentId: original.documentId });
    expect(probe.status).toBe(403);
    expect(probe.body.error.message).toMatch(/^documentId: /);
    // With find on customers, the candidates and reasons are there.
    const reader = await apiToken(app, 'custom', ['plugin::master-data.matching.match', 'api::customer.customer.find']);
    const full = await app.http.post('/api/master-data/match').set(bearer(reader)).send(query);
    expect(full.body.data[0]).toMatchObject({ documentId: original.documentId, decision: 'block', reasons: expect.any(Array) });
    expect(full.body.meta.restricted).toBeUndefined();
  });
});

describe('concurrency', () => {
  test('two identical creates at once: exactly one succeeds, 15 times over', async () => {
    for (let round = 0; round < 15; round += 1) {
      const data = distinct({ taxId: uscc(), country: 'CN', city: 'Shenzhen', phone: null });
      const results = await Promise.all([create(data), create(data)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    }
  });

  test('two creates with the same name in the same city and no tax id at once: exactly one succeeds, 10 times over', async () => {
    for (let round = 0; round < 10; round += 1) {
      const data = distinct({ phone: null });
      const results = await Promise.all([create(data), create({ ...data, email: `other${round}@elsewhere-${round}.de` })]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    }
  });
});
