/**
 * Issue 11, inbound sync (ERP → hub): upsert by (system, external id) through the governed
 * pipeline, idempotency keys, batches (JSON and NDJSON), per-system permissions, and the rule that
 * an external id pair names one record, on every write path.
 */
import { startApp, apiToken, adminToken, upUser, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, uscc, CUSTOMER_TABLES } from '../helpers/fixtures';
import { isPostgres } from '../helpers/database';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
const SYNC = '/api/master-data/sync';
const KEYS = 'master_data_sync_idempotency_keys';
let app: TestApp;
let token: string;
let admin: string;
const captured: any[] = [];

const governance = () => app.strapi.plugin('master-data').service('governance');

/** Customer fields as an ERP sends them: no external ids (the URL names the pair). */
const erpData = (overrides: Record<string, unknown> = {}) => {
  const { externalIds: _ignored, ...data } = customerData(overrides);
  return data;
};

let n = 0;
const newId = (prefix = 'E') => `${prefix}-${process.pid}-${(n += 1)}`;

const put = (system: string, externalId: string, data: unknown, headers: Record<string, string> = {}, auth = token) =>
  app.http.put(`${SYNC}/${system}/${encodeURIComponent(externalId)}`).set(bearer(auth)).set(headers).send({ data });

/** The documentIds whose draft or published version holds the pair (straight from the database). */
const holders = async (system: string, externalId: string): Promise<string[]> => {
  const rows = await app.strapi.db.query(UID).findMany({ where: { externalIds: { system, externalId } }, select: ['documentId'] });
  return [...new Set(rows.map((r: any) => r.documentId))];
};

const published = (documentId: string) =>
  app.strapi.documents(UID).findOne({ documentId, status: 'published', populate: ['externalIds'] } as any) as Promise<any>;

const pairs = (record: any) => record.externalIds.map((e: any) => `${e.system}:${e.externalId}`).sort();

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
  governance().addConsumer({ name: 'test-sync-capture', handle: async (event: any) => void captured.push(event) });
});
afterAll(async () => {
  governance().removeConsumer('test-sync-capture');
  await app?.stop();
});

describe('PUT /sync/:system/:externalId', () => {
  test('creates (201) a published customer holding the pair; its events carry origin sync and the system', async () => {
    const id = newId('SAP');
    captured.length = 0;
    const res = await put('sap', id, erpData({ segment: 'Retail' }));
    expect(res.status).toBe(201);
    const documentId = res.body.data.documentId;
    expect(res.body.data).toMatchObject({ segment: 'Retail', code: expect.stringMatching(/^C-\d{6}$/), externalIds: [expect.objectContaining({ system: 'sap', externalId: id })] });
    expect(await holders('sap', id)).toEqual([documentId]);
    expect(pairs(await published(documentId))).toEqual([`sap:${id}`]);
    const events = captured.filter((e) => e.documentId === documentId);
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.published']);
    for (const e of events) expect(e).toMatchObject({ origin: 'sync', source: 'sap', actor: { kind: 'api-token' } });
  });

  test('updates (200) the record holding the pair, keeping the ids of every system', async () => {
    const id = newId('SAP');
    const created = await put('sap', id, erpData());
    const documentId = created.body.data.documentId;
    // A steward links the CRM's id over REST.
    const linked = await app.http.put(`/api/customers/${documentId}`).set(bearer(token)).send({ data: { externalIds: [{ system: 'sap', externalId: id }, { system: 'crm', externalId: `CRM-${id}` }] } });
    expect(linked.status).toBe(200);
    captured.length = 0;
    const res = await put('sap', id, { segment: 'Wholesale', city: 'Shenzhen' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId, segment: 'Wholesale' });
    expect(pairs(await published(documentId))).toEqual([`crm:CRM-${id}`, `sap:${id}`]);
    expect(captured.filter((e) => e.documentId === documentId).map((e) => [e.type, e.origin, e.source])).toEqual([
      ['customer.updated', 'sync', 'sap'],
      ['customer.published', 'sync', 'sap'],
    ]);
    // The CRM finds the same record by its own id, and writes to it as itself.
    const crm = await put('crm', `CRM-${id}`, { segment: 'Key account' });
    expect([crm.status, crm.body.data.documentId]).toEqual([200, documentId]);
    expect(captured.filter((e) => e.documentId === documentId).at(-1)).toMatchObject({ origin: 'sync', source: 'crm' });
  });

  test('externalIds in the body is refused (400 naming it): the URL names the pair, other ids stay', async () => {
    const id = newId();
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const res = await put('sap', id, { ...erpData(), externalIds: [{ system: 'crm', externalId: 'X' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['externalIds']);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });

  test('validation: 400 naming the field, nothing written', async () => {
    const id = newId();
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const res = await put('sap', id, erpData({ taxId: '9144030071526726XH' }));
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([['taxId']]);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
    expect(await holders('sap', id)).toEqual([]);
  });

  test('unknown fields and a body without data are 400s', async () => {
    expect((await put('sap', newId(), { ...erpData(), notAField: 1 })).status).toBe(400);
    const res = await app.http.put(`${SYNC}/sap/${newId()}`).set(bearer(token)).send({ name: 'no data wrapper' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['data']);
    const blank = await app.http.put(`${SYNC}/sap/%20x%20`).set(bearer(token)).send({ data: erpData() });
    expect([blank.status, blank.body.error.details.errors[0].path]).toEqual([400, ['params', 'externalId']]);
  });

  test('a duplicate of another customer is a 409 DuplicateError, nothing written', async () => {
    const taxId = uscc();
    expect((await put('sap', newId(), erpData({ taxId }))).status).toBe(201);
    const id = newId();
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const res = await put('sap', id, erpData({ taxId, name: 'Entirely Other Name Ltd' }));
    expect(res.status).toBe(409);
    expect(res.body.error.name).toBe('DuplicateError');
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });

  test('a governed change of the golden record waits for approval: 202, the draft, the change request', async () => {
    const id = newId();
    const documentId = (await put('sap', id, erpData())).body.data.documentId;
    const res = await put('sap', id, { creditRating: 'BBB', segment: 'SMB' });
    expect(res.status).toBe(202);
    expect(res.headers.location).toMatch(/^\/api\/master-data\/change-requests\/\d+$/);
    expect(res.body.data).toMatchObject({ documentId, creditRating: 'BBB', publishedAt: null });
    expect(res.body.meta.masterData.changeRequest).toMatchObject({ status: 'pending', fields: ['creditRating'] });
    const live = await published(documentId);
    expect([live.creditRating, live.segment]).toEqual([null, 'SMB']);
    // Replayed with its key: the same 202, the same change request, no second one.
    const key = `held-${id}`;
    const held = await put('sap', id, { paymentTerms: 'NET90' }, { 'Idempotency-Key': key });
    expect(held.status).toBe(202);
    const again = await put('sap', id, { paymentTerms: 'NET90' }, { 'Idempotency-Key': key });
    expect([again.status, again.headers.location, again.body]).toEqual([202, held.headers.location, held.body]);
  });
});

describe('GET /sync/:system/:externalId', () => {
  test('answers the published customer with its components; 404 for an unknown id or system', async () => {
    const id = newId();
    const documentId = (await put('sap', id, erpData({ notes: 'from SAP' }))).body.data.documentId;
    const res = await app.http.get(`${SYNC}/sap/${id}`).set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId, notes: 'from SAP', externalIds: [expect.objectContaining({ system: 'sap', externalId: id })] });
    expect(res.body.data.addresses).toHaveLength(1);
    expect((await app.http.get(`${SYNC}/sap/${newId()}`).set(bearer(token))).status).toBe(404);
    expect((await app.http.get(`${SYNC}/crm/${id}`).set(bearer(token))).status).toBe(404);
    const unknown = await app.http.get(`${SYNC}/oracle/${id}`).set(bearer(token));
    expect([unknown.status, unknown.body.error.message]).toEqual([404, 'No system "oracle" syncs here (configured: sap, crm)']);
    expect((await app.http.put(`${SYNC}/oracle/${id}`).set(bearer(token)).send({ data: erpData() })).status).toBe(404);
    expect((await app.http.post(`${SYNC}/oracle`).set(bearer(token)).send({ data: [] })).status).toBe(404);
  });

  test('a pair entered by hand in another case is the same pair', async () => {
    const id = newId();
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ externalIds: [{ system: 'SAP', externalId: id }] }) });
    expect(created.status).toBe(201);
    const res = await app.http.get(`${SYNC}/sap/${id}`).set(bearer(token));
    expect([res.status, res.body.data?.documentId]).toEqual([200, created.body.data.documentId]);
    const updated = await put('sap', id, { segment: 'Found by case-insensitive system' });
    expect([updated.status, updated.body.data.documentId]).toEqual([200, created.body.data.documentId]);
  });
});

describe('Idempotency-Key', () => {
  test('a retry returns the first answer (status and body) and writes nothing again', async () => {
    const id = newId();
    const key = `key-${id}`;
    const data = erpData();
    const first = await put('sap', id, data, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const eventsBefore = captured.length;
    const retry = await put('sap', id, data, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
    expect(captured.length).toBe(eventsBefore);
    // Without the key the same request is an update (200): the replay really was the first answer.
    expect((await put('sap', id, data)).status).toBe(200);
  });

  test('the same key with another body or record is refused (422) naming the header; nothing written', async () => {
    const id = newId();
    const key = `key-${id}`;
    expect((await put('sap', id, erpData(), { 'Idempotency-Key': key })).status).toBe(201);
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const other = await put('sap', id, { segment: 'changed' }, { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ name: 'IdempotencyKeyReusedError', details: { header: 'Idempotency-Key' } });
    const elsewhere = await put('sap', newId(), erpData(), { 'Idempotency-Key': key });
    expect(elsewhere.status).toBe(422);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });

  test('keys belong to one caller; a refusal is an answer too; a bad key is a 400', async () => {
    const id = newId();
    const data = erpData();
    const key = `key-${id}`;
    expect((await put('sap', id, data, { 'Idempotency-Key': key })).status).toBe(201);
    // Another token's key of the same text is its own: its request runs (an update).
    const other = await apiToken(app);
    expect((await put('sap', id, data, { 'Idempotency-Key': key }, other)).status).toBe(200);
    // A refused request keeps its answer for the key.
    const bad = erpData({ email: 'not-an-email' });
    const badKey = `bad-${id}`;
    const badId = newId();
    const refused = await put('sap', badId, bad, { 'Idempotency-Key': badKey });
    expect(refused.status).toBe(400);
    const again = await put('sap', badId, bad, { 'Idempotency-Key': badKey });
    expect([again.status, again.headers['idempotent-replayed']]).toEqual([400, 'true']);
    expect(again.body).toEqual(refused.body);
    const invalid = await put('sap', newId(), data, { 'Idempotency-Key': 'with space' });
    expect([invalid.status, invalid.body.error.details.errors[0].path]).toEqual([400, ['headers', 'Idempotency-Key']]);
  });

  test('an expired key is free again', async () => {
    const id = newId();
    const key = `key-${id}`;
    expect((await put('sap', id, erpData(), { 'Idempotency-Key': key })).status).toBe(201);
    await app.strapi.db.connection(KEYS).where({ idempotency_key: key }).update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    const later = await put('sap', id, { segment: 'a day later' }, { 'Idempotency-Key': key });
    expect([later.status, later.headers['idempotent-replayed']]).toEqual([200, undefined]);
  });
});

describe('concurrency', () => {
  test('identical PUTs at once for a new external id create one customer', async () => {
    const id = newId();
    const data = erpData();
    const results = await Promise.all(Array.from({ length: 4 }, () => put('sap', id, data)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const documentIds = new Set(results.map((r) => r.body.data.documentId));
    expect(documentIds.size).toBe(1);
    expect(await holders('sap', id)).toEqual([...documentIds]);
  });

  test('the same Idempotency-Key at once: one write, the others replay it or are told it runs (409)', async () => {
    const id = newId();
    const data = erpData();
    const key = `key-${id}`;
    const results = await Promise.all(Array.from({ length: 3 }, () => put('sap', id, data, { 'Idempotency-Key': key })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(statuses.filter((s) => s !== 409).length);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.error.name).toBe('IdempotencyKeyInProgressError');
    expect((await holders('sap', id)).length).toBe(1);
  });
});

describe('POST /sync/:system (batch)', () => {
  test('JSON: per-record results, one bad record never blocks the others', async () => {
    const existing = newId();
    const existingDoc = (await put('sap', existing, erpData())).body.data.documentId;
    const [a, b, c] = [newId(), newId(), newId()];
    captured.length = 0;
    const res = await app.http
      .post(`${SYNC}/sap`)
      .set(bearer(token))
      .send({
        data: [
          { externalId: a, ...erpData() },
          { externalId: b, ...erpData({ phone: '12' }) },
          { ...erpData() },
          'not a record',
          { externalId: existing, segment: 'Batch-updated' },
          { externalId: c, ...erpData(), externalIds: [] },
          { externalId: a, segment: 'Second row of the same id' },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => [r.index, r.externalId, r.status])).toEqual([
      [0, a, 201],
      [1, b, 400],
      [2, null, 400],
      [3, null, 400],
      [4, existing, 200],
      [5, c, 400],
      [6, a, 200],
    ]);
    expect(res.body.data[1].error).toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['phone'] })] } });
    expect(res.body.data[2].error.details.errors[0].path).toEqual(['externalId']);
    expect(res.body.data[4].documentId).toBe(existingDoc);
    expect(res.body.meta).toEqual({ total: 7, succeeded: 3, failed: 4 });
    expect(await holders('sap', b)).toEqual([]);
    expect((await published(res.body.data[0].documentId)).segment).toBe('Second row of the same id');
    expect((await published(existingDoc)).segment).toBe('Batch-updated');
    for (const e of captured) expect(e).toMatchObject({ origin: 'sync', source: 'sap' });
    expect(captured.length).toBeGreaterThan(0);
  });

  test('NDJSON: one record a line; a malformed line is a 400 of its own', async () => {
    const [a, b] = [newId(), newId()];
    const longLine = JSON.stringify({ externalId: newId(), notes: 'x'.repeat(130 * 1024) });
    const body = [
      JSON.stringify({ externalId: a, ...erpData() }),
      '{"externalId": "broken", ',
      '',
      '[1, 2]',
      longLine,
      JSON.stringify({ externalId: b, ...erpData() }),
      '',
    ].join('\n');
    const res = await app.http.post(`${SYNC}/sap`).set(bearer(token)).set('Content-Type', 'application/x-ndjson').send(body);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => [r.line, r.status])).toEqual([
      [1, 201],
      [2, 400],
      [4, 400],
      [5, 400],
      [6, 201],
    ]);
    expect(res.body.data[1].error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^line 2 is not JSON/) });
    expect(res.body.data[3].error.message).toMatch(/line 5 is \d+ bytes long/);
    expect((await holders('sap', a)).length).toBe(1);
    expect((await holders('sap', b)).length).toBe(1);
  });

  test('over the limits: more than 1,000 records (JSON or NDJSON) or bytes is a 413 before any work; other types 415', async () => {
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const many = Array.from({ length: 1001 }, (_, i) => ({ externalId: `many-${i}`, name: `Many ${i}` }));
    const json = await app.http.post(`${SYNC}/sap`).set(bearer(token)).send({ data: many });
    expect([json.status, json.body.error.details]).toEqual([413, { limit: 1000, count: 1001 }]);
    const ndjson = await app.http
      .post(`${SYNC}/sap`)
      .set(bearer(token))
      .set('Content-Type', 'application/x-ndjson')
      .send(many.map((r) => JSON.stringify(r)).join('\n'));
    expect([ndjson.status, ndjson.body.error.details]).toEqual([413, { limit: 1000, count: 1001 }]);
    const huge = await app.http.post(`${SYNC}/sap`).set(bearer(token)).set('Content-Type', 'application/x-ndjson').send(' '.repeat(8 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    const text = await app.http.post(`${SYNC}/sap`).set(bearer(token)).set('Content-Type', 'text/csv').send('externalId,name\n1,a');
    expect(text.status).toBe(415);
    const empty = await app.http.post(`${SYNC}/sap`).set(bearer(token)).send({ data: [] });
    expect(empty.status).toBe(400);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });

  test('a batch retried with its Idempotency-Key gets the first results', async () => {
    const key = `batch-${newId()}`;
    const body = { data: [{ externalId: newId(), ...erpData() }, { externalId: newId(), ...erpData({ currency: 'RMB' }) }] };
    const first = await app.http.post(`${SYNC}/sap`).set(bearer(token)).set('Idempotency-Key', key).send(body);
    expect(first.body.data.map((r: any) => r.status)).toEqual([201, 400]);
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const retry = await app.http.post(`${SYNC}/sap`).set(bearer(token)).set('Idempotency-Key', key).send(body);
    expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(retry.body).toEqual(first.body);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });
});

describe('a permission per system', () => {
  test('a token allowed for sap is refused (403) on crm; a read-only token may read', async () => {
    const sapOnly = await apiToken(app, 'custom', ['plugin::master-data.sync-sap.upsert', 'plugin::master-data.sync-sap.findOne']);
    const id = newId();
    expect((await put('sap', id, erpData(), {}, sapOnly)).status).toBe(201);
    expect((await app.http.get(`${SYNC}/sap/${id}`).set(bearer(sapOnly))).status).toBe(200);
    expect((await put('crm', id, erpData(), {}, sapOnly)).status).toBe(403);
    expect((await app.http.get(`${SYNC}/crm/${id}`).set(bearer(sapOnly))).status).toBe(403);
    // Not granted: batch.
    expect((await app.http.post(`${SYNC}/sap`).set(bearer(sapOnly)).send({ data: [{ externalId: newId(), ...erpData() }] })).status).toBe(403);
    const readOnly = await apiToken(app, 'read-only');
    expect((await app.http.get(`${SYNC}/sap/${id}`).set(bearer(readOnly))).status).toBe(200);
    expect((await put('sap', id, { segment: 'x' }, {}, readOnly)).status).toBe(403);
    expect((await app.http.get(`${SYNC}/sap/${id}`)).status).toBe(403);
  });

  test('users-permissions roles too', async () => {
    const { jwt } = await upUser(app, ['plugin::master-data.sync-crm.upsert']);
    const id = newId();
    const res = await put('crm', id, erpData(), {}, jwt);
    expect(res.status).toBe(201);
    expect(captured.find((e) => e.documentId === res.body.data.documentId)).toMatchObject({ origin: 'sync', source: 'crm', actor: { kind: 'users-permissions' } });
    expect((await put('sap', id, erpData(), {}, jwt)).status).toBe(403);
  });

  test('each system is its own set of actions in the API token and role editors', async () => {
    const tokens = await app.http.get('/admin/content-api/permissions').set(bearer(admin));
    expect(tokens.status).toBe(200);
    const controllers = tokens.body.data['plugin::master-data'].controllers;
    expect(controllers['sync-sap'].sort()).toEqual(['batch', 'findOne', 'upsert']);
    expect(controllers['sync-crm'].sort()).toEqual(['batch', 'findOne', 'upsert']);
    const roles = await app.http.get('/users-permissions/permissions').set(bearer(admin));
    expect(roles.status).toBe(200);
    expect(Object.keys(roles.body.permissions['plugin::master-data'].controllers['sync-sap']).sort()).toEqual(['batch', 'findOne', 'upsert']);
  });
});

describe('an external id pair names one record, on every path', () => {
  test('the lookup of a pair is indexed: the component table by external id, the join table by component', async () => {
    const knex = app.strapi.db.connection;
    const indexes = isPostgres()
      ? (await knex.raw(`SELECT tablename AS t, indexdef AS d FROM pg_indexes WHERE tablename IN ('components_customer_external_ids', 'customers_cmps')`)).rows
      : await knex.raw(`SELECT tbl_name AS t, sql AS d FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('components_customer_external_ids', 'customers_cmps')`);
    const defs = indexes.map((i: any) => `${i.t}: ${String(i.d).replace(/["`]/g, '')}`);
    expect(defs).toEqual(expect.arrayContaining([expect.stringMatching(/components_customer_external_ids: .*\(external_id\)/), expect.stringMatching(/customers_cmps: .*\(cmp_id\)/)]));
  });

  test('REST create and update that would share a pair: 409 naming the field and the record', async () => {
    const id = newId();
    const owner = (await put('sap', id, erpData())).body.data.documentId;
    const before = await rowCounts(app, CUSTOMER_TABLES);
    // The system compares without case.
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ externalIds: [{ system: 'crm', externalId: 'free' }, { system: 'SAP', externalId: id }] }) });
    expect(created.status).toBe(409);
    expect(created.body.error.name).toBe('ExternalIdConflictError');
    expect(created.body.error.details.errors).toEqual([expect.objectContaining({ path: ['externalIds', '1'], documentId: owner })]);
    expect(created.body.error.message).toContain(owner);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);

    const other = (await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() })).body.data.documentId;
    const updated = await app.http.put(`/api/customers/${other}`).set(bearer(token)).send({ data: { externalIds: [{ system: 'sap', externalId: id }] } });
    expect([updated.status, updated.body.error?.details?.documentIds]).toEqual([409, [owner]]);
    // A draft-only save is refused as well: the pair would be on two records.
    const draft = await app.http.put(`/api/customers/${other}?status=draft`).set(bearer(token)).send({ data: { externalIds: [{ system: 'sap', externalId: id }] } });
    expect(draft.status).toBe(409);
    // The owner may keep (re-save) its own pair.
    const own = await app.http.put(`/api/customers/${owner}`).set(bearer(token)).send({ data: { externalIds: [{ system: 'sap', externalId: id }, { system: 'crm', externalId: `C-${id}` }] } });
    expect(own.status).toBe(200);
  });

  test('two records given one pair at once (REST and sync): one gets it, the others 409', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = newId();
      const pair = [{ system: 'sap', externalId: id }];
      const results = await Promise.all([
        app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ externalIds: pair }) }),
        app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ externalIds: pair }) }),
        put('sap', id, erpData()),
      ]);
      const statuses = results.map((r) => r.status);
      // A PUT that finds the pair taken updates that record (200, or 202: its name and tax id are
      // governed fields of a published record); REST creates that lose get 409.
      expect([200, 201, 202]).toContain(statuses[2]);
      expect(statuses.slice(0, 2).filter((s) => s === 201).length).toBeLessThanOrEqual(1);
      for (const r of results.slice(0, 2).filter((r) => r.status !== 201)) expect([r.status, r.body.error.name]).toEqual([409, 'ExternalIdConflictError']);
      expect((await holders('sap', id)).length).toBe(1);
    }
  });

  test('one record listing a pair twice: 400 naming the entry', async () => {
    const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ externalIds: [{ system: 'sap', externalId: 'twice' }, { system: 'SAP', externalId: 'twice' }] }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['externalIds', '1'], message: expect.stringContaining('entry 0') })]);
  });

  test('the admin content manager and code are held to it too; a pair freed by its record can be taken', async () => {
    const id = newId();
    const owner = (await put('sap', id, erpData())).body.data.documentId;
    const viaAdmin = await app.http.post(CM).set(bearer(admin)).send(customerData({ externalIds: [{ system: 'sap', externalId: id }] }));
    expect([viaAdmin.status, viaAdmin.body.error?.name]).toEqual([409, 'ExternalIdConflictError']);
    await expect(app.strapi.documents(UID).create({ data: customerData({ externalIds: [{ system: 'sap', externalId: id }] }) as any })).rejects.toMatchObject({ status: 409, name: 'ExternalIdConflictError' });
    // The owner drops the pair (draft and published): another record may take it.
    expect((await app.http.put(`/api/customers/${owner}`).set(bearer(token)).send({ data: { externalIds: [] } })).status).toBe(200);
    const taker = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ externalIds: [{ system: 'sap', externalId: id }] }) });
    expect(taker.status).toBe(201);
    expect((await app.http.get(`${SYNC}/sap/${id}`).set(bearer(token))).body.data.documentId).toBe(taker.body.data.documentId);
  });

  test('a clone keeping its source\'s pair is refused; with its own it is a new record', async () => {
    const id = newId();
    const source = (await put('sap', id, erpData())).body.data.documentId;
    const changes = { name: `Clone of ${id} Ltd`, taxId: uscc() };
    const kept = await app.http.post(`${CM}/clone/${source}`).set(bearer(admin)).send(changes);
    expect([kept.status, kept.body.error?.name, kept.body.error?.details?.documentIds]).toEqual([409, 'ExternalIdConflictError', [source]]);
    const own = await app.http.post(`${CM}/clone/${source}`).set(bearer(admin)).send({ ...changes, externalIds: [{ system: 'sap', externalId: `${id}-clone` }] });
    expect(own.status).toBe(200);
    expect(await holders('sap', `${id}-clone`)).toEqual([own.body.data.documentId]);
  });

  test('a draft that dropped the pair does not free it while the published version holds it', async () => {
    const id = newId();
    const owner = (await put('sap', id, erpData())).body.data.documentId;
    expect((await app.http.put(`/api/customers/${owner}?status=draft`).set(bearer(token)).send({ data: { externalIds: [] } })).status).toBe(200);
    const taker = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ externalIds: [{ system: 'sap', externalId: id }] }) });
    expect([taker.status, taker.body.error?.details?.documentIds]).toEqual([409, [owner]]);
  });
});
