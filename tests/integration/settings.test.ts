/**
 * Issue 12: governance configured from the admin API, without a restart. A Supplier type (as the
 * Content-Type Builder makes it) becomes governed by saving settings: then a bad tax id is a 400 and
 * a duplicate a 409, suppliers made before are found (their match keys rebuilt in the background,
 * with progress). A bad document is a 400 naming the key; versions, the audit trail, restore
 * (rollback), export/import round trip, a stale base version, permissions.
 */
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { makeAppVariant } from '../helpers/app-variant';
import { auditRows } from '../helpers/audit';
import { customerData } from '../helpers/fixtures';

const SUPPLIER = 'api::supplier.supplier';
const variant = makeAppVariant({
  types: {
    supplier: {
      displayName: 'Supplier',
      attributes: {
        name: { type: 'string', maxLength: 200 },
        taxId: { type: 'string', maxLength: 40 },
        country: { type: 'string', maxLength: 2 },
        city: { type: 'string', maxLength: 100 },
      },
    },
  },
});

let app: TestApp;
let admin: string;
let token: string;

const settings = async () => (await app.http.get('/master-data/settings').set(bearer(admin))).body;
const save = (data: unknown, extra: Record<string, unknown> = {}) => app.http.put('/master-data/settings').set(bearer(admin)).send({ data, ...extra });
const supplier = (data: Record<string, unknown>) => app.http.post('/api/suppliers').set(bearer(token)).send({ data });

/** The settings in force with the Supplier governed: tax id rule, matching on name + tax id. */
const governingSuppliers = (document: any) => ({
  ...document,
  governed: {
    ...document.governed,
    [SUPPLIER]: {
      fields: { taxId: { type: 'taxId', countryField: 'country' }, name: { type: 'name' } },
      matching: { fields: { name: 'name', taxId: 'taxId', city: 'city', country: 'country' } },
    },
  },
});

beforeAll(async () => {
  app = await startApp({ appDir: variant.dir, approvals: false });
  admin = (await adminToken(app)).token;
  token = await apiToken(app);
});

afterAll(async () => {
  await app?.stop();
  variant.remove();
});

test('the settings in force start as the file, with version 0', async () => {
  const body = await settings();
  expect(body.meta).toMatchObject({ version: 0, source: 'file', environmentKeys: expect.arrayContaining(['enabled', 'webhooks.allowedHosts']) });
  expect(Object.keys(body.data.governed)).toEqual(expect.arrayContaining(['api::customer.customer']));
  expect(body.data.governed[SUPPLIER]).toBeUndefined();
});

test('govern a new type from the settings: rules and duplicates apply at once, earlier records are keyed in the background', async () => {
  // Before: not governed, anything goes.
  expect((await supplier({ name: 'Acme Metals GmbH', taxId: 'DE136695976', country: 'DE', city: 'Berlin' })).status).toBe(201);
  expect((await supplier({ name: 'Nordic Parts', taxId: 'nonsense', country: 'SE' })).status).toBe(201);

  const before = await settings();
  const saved = await save(governingSuppliers(before.data), { reason: 'govern suppliers', baseVersion: 0 });
  expect(saved.status).toBe(200);
  expect(saved.body.meta).toMatchObject({ version: 1, source: 'saved' });

  const bad = await supplier({ name: 'Bad Tax Ltd', taxId: 'DE136695977', country: 'DE' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors[0].path).toEqual(['taxId']);
  const [{ n }] = await app.strapi.db.connection('suppliers').where({ name: 'Bad Tax Ltd' }).count({ n: '*' });
  expect(Number(n)).toBe(0);

  // The supplier made before governance is found once the background job has keyed it.
  const deadline = Date.now() + 20_000;
  let jobs: any[] = [];
  while (Date.now() < deadline) {
    jobs = (await app.http.get('/master-data/settings/jobs').set(bearer(admin))).body.data;
    if (jobs.some((j) => j.scope === SUPPLIER && j.status === 'done')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(jobs.find((j) => j.scope === SUPPLIER)).toMatchObject({ kind: 'match-keys', status: 'done', done: 2, total: 2 });
  const duplicate = await supplier({ name: 'ACME Metals', taxId: 'DE 136 695 976', country: 'DE', city: 'Berlin' });
  expect(duplicate.status).toBe(409);
  expect(duplicate.body.error.name).toBe('DuplicateError');

  const audit = await auditRows(app, { uid: 'plugin::master-data.settings' });
  expect(audit.map((r: any) => r.action)).toEqual(['settings.save']);
  expect(audit[0].reason).toBe('govern suppliers');
  expect(JSON.parse(audit[0].changes)).toHaveProperty([`governed.${SUPPLIER}`]);
});

test.each([
  ['a field the type does not have', (d: any) => ({ ...d, governed: { ...d.governed, [SUPPLIER]: { fields: { vatNumber: { type: 'taxId' } } } } }), ['data', 'governed', SUPPLIER, 'fields', 'vatNumber'], 'no attribute "vatNumber"'],
  ['a content type that does not exist', (d: any) => ({ ...d, governed: { ...d.governed, 'api::nope.nope': {} } }), ['data', 'governed', 'api::nope.nope'], 'no content type'],
  ['an unknown rule', (d: any) => ({ ...d, governed: { ...d.governed, [SUPPLIER]: { fields: { taxId: { type: 'vat' } } } } }), ['data', 'governed', SUPPLIER, 'fields', 'taxId', 'type'], ''],
  ['a threshold out of range', (d: any) => governingSuppliers({ ...d, governed: { ...d.governed, [SUPPLIER]: undefined } }) && { ...d, governed: { ...d.governed, [SUPPLIER]: { matching: { fields: { name: 'name' }, thresholds: { block: 2 } } } } }, ['data', 'governed', SUPPLIER, 'matching', 'thresholds', 'block'], ''],
  ['an unknown key', (d: any) => ({ ...d, colour: 'blue' }), ['data'], 'colour'],
  ['not an object', () => 'settings', ['data'], ''],
])('refuses %s with a 400 naming the key, and keeps the settings in force', async (_label, edit, path, reason) => {
  const before = await settings();
  const res = await save(edit(before.data));
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors[0].path).toEqual(path);
  expect(res.body.error.details.errors[0].message).toContain(reason);
  expect((await settings()).meta.version).toBe(before.meta.version);
});

test('field checks from the settings: required, allowed values, a pattern tried on a sample; sensitive fields fingerprinted', async () => {
  const current = (await settings()).data;
  const withChecks = (fields: Record<string, unknown>) => ({ ...current, governed: { ...current.governed, [SUPPLIER]: { ...current.governed[SUPPLIER], fields: { ...current.governed[SUPPLIER].fields, ...fields } } } });
  const unsafe = await save(withChecks({ city: { pattern: '^(\\w+\\s?)*$', sample: 'Berlin' } }));
  expect(unsafe.status).toBe(400);
  expect(unsafe.body.error.details.errors[0]).toMatchObject({ path: ['data', 'governed', SUPPLIER, 'fields', 'city', 'pattern'], message: expect.stringContaining('exponential') });
  const wrongSample = await save(withChecks({ city: { pattern: '^[A-Z][a-z]+$', sample: 'berlin' } }));
  expect(wrongSample.body.error.details.errors[0].path).toEqual(['data', 'governed', SUPPLIER, 'fields', 'city', 'sample']);

  const saved = await save(withChecks({ city: { type: 'name', required: true, pattern: '^[A-Z][a-z]+$', sample: 'Berlin', patternMessage: 'one capitalised word' }, country: { type: 'country', allowed: ['DE', 'SE'] }, name: { type: 'name', sensitive: true } }));
  expect(saved.status).toBe(200);
  const refused = await supplier({ name: 'Check Ltd', taxId: 'DE136695976', country: 'FR', city: 'paris' });
  expect(refused.status).toBe(400);
  expect(refused.body.error.details.errors.map((e: any) => [e.path.join('.'), e.message])).toEqual(
    expect.arrayContaining([
      ['country', 'must be one of DE, SE'],
      ['city', 'one capitalised word'],
    ])
  );
  expect((await supplier({ name: 'Check Ltd', taxId: 'SE556036079301', country: 'se' })).body.error.details.errors[0]).toMatchObject({ path: ['city'], message: 'is required' });
  const ok = await supplier({ name: 'Check Sweden AB', taxId: 'SE556036079301', country: 'se', city: 'Malmo' });
  expect(ok.status).toBe(201);
  const rows = await auditRows(app, { uid: SUPPLIER, document_id: ok.body.data.documentId });
  expect(JSON.parse(rows[0].changes).name.after).toMatch(/^fp:[0-9a-f]{16}$/);
  await save(current);
});

test('deployment keys keep the environment values whatever a document says', async () => {
  const current = await settings();
  const res = await save({ ...current.data, enabled: false, webhooks: { ...current.data.webhooks, allowedHosts: ['169.254.169.254'] } });
  expect(res.status).toBe(200);
  expect(res.body.data.enabled).toBe(true);
  expect(res.body.data.webhooks.allowedHosts).toEqual(current.data.webhooks.allowedHosts);
});

test('history, rollback, export/import round trip and a stale base version', async () => {
  const governed = await settings();
  // Stop governing suppliers: bad tax ids go through again.
  const { [SUPPLIER]: _dropped, ...rest } = governed.data.governed;
  const ungoverned = await save({ ...governed.data, governed: rest }, { reason: 'pause supplier rules' });
  expect(ungoverned.status).toBe(200);
  expect((await supplier({ name: 'Loose Ltd', taxId: 'whatever', country: 'DE' })).status).toBe(201);

  const versions = (await app.http.get('/master-data/settings/versions').set(bearer(admin))).body;
  const reasons = versions.data.map((v: any) => v.reason);
  expect(reasons[0]).toBe('pause supplier rules');
  expect(reasons[reasons.length - 1]).toBe('govern suppliers');
  const first = versions.data[versions.data.length - 1];
  const detail = (await app.http.get(`/master-data/settings/versions/${first.id}`).set(bearer(admin))).body.data;
  expect(detail.document.governed[SUPPLIER]).toBeDefined();
  expect(Object.keys(detail.changes)).toContain(`governed.${SUPPLIER}`);

  // Roll back to the first version: the rules apply again, and the rollback is a version of its own.
  const restored = await app.http.post(`/master-data/settings/versions/${first.id}/restore`).set(bearer(admin)).send({ reason: 'back on' });
  expect(restored.status).toBe(200);
  expect((await supplier({ name: 'Strict Ltd', taxId: 'whatever', country: 'DE' })).status).toBe(400);
  const restoredVersion = restored.body.meta.version;
  const audit = await auditRows(app, { uid: 'plugin::master-data.settings' });
  expect(audit.map((r: any) => r.action).slice(-1)).toEqual(['settings.restore']);

  // Export, then import the same document: an equal document, nothing changed but the version.
  const exported = (await settings()).data;
  const imported = await save(JSON.parse(JSON.stringify(exported)), { reason: 'import from staging' });
  expect(imported.status).toBe(200);
  expect(imported.body.data).toEqual(exported);
  expect(imported.body.meta.version).toBe(restoredVersion + 1);

  // A save based on an older version is refused: nothing overwritten unseen.
  const stale = await save(exported, { baseVersion: restoredVersion });
  expect(stale.status).toBe(409);
  expect(stale.body.error.name).toBe('SettingsConflictError');
  expect(stale.body.error.details).toMatchObject({ baseVersion: restoredVersion, version: restoredVersion + 1 });
});

test('"try a record" shows the match result under edited settings, before they are saved', async () => {
  const UID = 'api::customer.customer';
  const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
  expect(created.status).toBe(201);
  const record = { name: 'Completely Different Name Ltd', taxId: created.body.data.taxId, country: 'CN' };
  const inForce = await app.http.post('/master-data/settings/try-match').set(bearer(admin)).send({ uid: UID, record });
  expect(inForce.status).toBe(200);
  expect(inForce.body.meta.decision).toBe('block');
  expect(inForce.body.data[0].documentId).toBe(created.body.data.documentId);
  expect(inForce.body.records[created.body.data.documentId]).toMatchObject({ code: created.body.data.code });

  // Edited (not saved): the tax id alone no longer blocks.
  const current = (await settings()).data;
  const edited = structuredClone(current);
  edited.governed[UID].matching.blockWhen = [['name', 'city']];
  edited.governed[UID].matching.weights = { ...edited.governed[UID].matching.weights, taxId: 0.3 };
  const tried = await app.http.post('/master-data/settings/try-match').set(bearer(admin)).send({ data: edited, uid: UID, record });
  expect(tried.status).toBe(200);
  expect(tried.body.meta.decision).not.toBe('block');
  expect(tried.body.data[0].reasons.some((r: any) => r.field === 'taxId')).toBe(true);
  // Nothing was saved.
  expect((await settings()).data).toEqual(current);

  const bad = await app.http.post('/master-data/settings/try-match').set(bearer(admin)).send({ data: { ...edited, colour: 1 }, uid: UID, record });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors[0].path).toEqual(['data']);
  const noMatching = await app.http.post('/master-data/settings/try-match').set(bearer(admin)).send({ uid: 'api::customer-group.customer-group', record: { name: 'x' } });
  expect(noMatching.status).toBe(400);
  expect(noMatching.body.error.details.errors[0].path).toEqual(['uid']);
});

test('needs the settings permissions', async () => {
  const editor = (await adminToken(app, ['strapi-editor'])).token;
  expect((await app.http.get('/master-data/settings').set(bearer(editor))).status).toBe(403);
  expect((await app.http.put('/master-data/settings').set(bearer(editor)).send({ data: {} })).status).toBe(403);
  expect((await app.http.post('/master-data/settings/try-match').set(bearer(editor)).send({ uid: 'api::customer.customer', record: {} })).status).toBe(403);
});
