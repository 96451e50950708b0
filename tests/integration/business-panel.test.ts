/**
 * What a business user sees in the admin panel: readable labels, help text and list columns in the
 * Content Manager (src/admin-layout), the country and currency pickers, and records named by code and
 * name in the audit trail.
 */
import { startApp, adminToken, adminRole, apiToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { applyAdminLayouts } from '../../src/admin-layout/apply';
import { LAYOUTS } from '../../src/admin-layout/declarations';

const UID = 'api::customer.customer';
const CONFIGURATION = `/content-manager/content-types/${UID}/configuration`;
let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await startApp({ approvals: false });
  admin = (await adminToken(app)).token;
});
afterAll(async () => {
  await app?.stop();
});

describe('Content Manager layout of the governed types', () => {
  test('the customer edit view has readable labels and help text; the list shows code, name, city, country, lifecycle stage', async () => {
    const res = await app.http.get(CONFIGURATION).set(bearer(admin));
    expect(res.status).toBe(200);
    const { contentType, components } = res.body.data;
    const label = (field: string) => contentType.metadatas[field].edit.label;
    expect(label('legalName')).toBe('Legal name');
    expect(label('customerType')).toBe('Customer type');
    expect(label('creditRating')).toBe('Credit rating');
    expect(label('taxId')).toBe('Tax ID');
    expect(label('lifecycleStage')).toBe('Lifecycle stage');
    expect(contentType.metadatas.taxId.edit.description).toMatch(/unified social credit code/);
    expect(contentType.metadatas.lifecycleStage.list.label).toBe('Lifecycle stage');
    expect(contentType.layouts.list).toEqual(['code', 'name', 'city', 'country', 'lifecycleStage']);
    expect(contentType.settings).toMatchObject({ mainField: 'name', defaultSortBy: 'code', pageSize: 20 });
    // The code stays read-only, with the plugin's help text (an earlier start-up step set it).
    expect(contentType.metadatas.code.edit).toMatchObject({ label: 'Customer code', editable: false, description: 'Generated on create; never editable' });
    // Components of the customer, in the same answer.
    expect(components['customer.address'].metadatas.postalCode.edit.label).toBe('Postal code');
    expect(components['customer.bank-account'].metadatas.swift.edit.label).toBe('SWIFT / BIC');
    expect(components['customer.external-id'].metadatas.externalId.edit.label).toBe('ID in that system');
  });

  test('customer groups too', async () => {
    const res = await app.http.get('/content-manager/content-types/api::customer-group.customer-group/configuration').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.data.contentType.metadatas.parent.edit.label).toBe('Parent group');
    expect(res.body.data.contentType.layouts.list).toEqual(['code', 'name', 'parent']);
  });

  test("an admin's own changes in Configure the view survive the next start; the rest follows the declarations", async () => {
    const service = app.strapi.plugin('content-manager').service('content-types') as any;
    const { settings, metadatas, layouts } = await service.findConfiguration(service.findContentType(UID));
    // What the Content Manager's "Configure the view" page sends.
    metadatas.legalName.edit.label = 'Registered name';
    metadatas.creditRating.edit.description = 'From our rating agency';
    const saved = await app.http.put(CONFIGURATION).set(bearer(admin)).send({ settings: { ...settings, pageSize: 50 }, metadatas, layouts: { ...layouts, list: ['code', 'name', 'taxId'] } });
    expect(saved.status).toBe(200);

    // A start-up with the declarations changed meanwhile.
    const changed = LAYOUTS.map((layout) =>
      layout.uid === UID
        ? { ...layout, fields: { ...layout.fields, legalName: { label: 'Legal name (registered)' }, customerType: { label: 'Kind of customer' }, creditRating: { label: 'Rating', description: 'Agency rating' } } }
        : layout
    );
    const results = await applyAdminLayouts(app.strapi, changed);
    const customer = results.find((r) => r.uid === UID)!;
    expect(customer.kept.sort()).toEqual(['layouts.list', 'metadatas.creditRating.edit.description', 'metadatas.legalName.edit.label', 'settings.pageSize']);

    const res = await app.http.get(CONFIGURATION).set(bearer(admin));
    const { contentType } = res.body.data;
    expect(contentType.metadatas.legalName.edit.label).toBe('Registered name');
    expect(contentType.metadatas.creditRating.edit).toMatchObject({ label: 'Rating', description: 'From our rating agency' });
    expect(contentType.metadatas.customerType.edit.label).toBe('Kind of customer');
    expect(contentType.settings.pageSize).toBe(50);
    expect(contentType.layouts.list).toEqual(['code', 'name', 'taxId']);

    // Run again: nothing to do.
    const again = await applyAdminLayouts(app.strapi, changed);
    expect(again.every((r) => r.changed.length === 0)).toBe(true);
  });
});

describe('country and currency pickers (custom fields of the plugin)', () => {
  const CM = `/content-manager/collection-types/${UID}`;

  test('country, currency and the address country are the plugin’s custom fields, stored as strings of 2 and 3', async () => {
    expect(app.strapi.get('custom-fields').get('plugin::master-data.country')).toMatchObject({ type: 'string' });
    expect(app.strapi.get('custom-fields').get('plugin::master-data.currency')).toMatchObject({ type: 'string' });
    // What the admin panel reads to choose the input.
    const res = await app.http.get('/content-manager/init').set(bearer(admin));
    expect(res.status).toBe(200);
    const customer = res.body.data.contentTypes.find((t: any) => t.uid === UID);
    expect(customer.attributes.country).toMatchObject({ type: 'string', customField: 'plugin::master-data.country', maxLength: 2 });
    expect(customer.attributes.currency).toMatchObject({ type: 'string', customField: 'plugin::master-data.currency', maxLength: 3 });
    const address = res.body.data.components.find((c: any) => c.uid === 'customer.address');
    expect(address.attributes.country).toMatchObject({ type: 'string', customField: 'plugin::master-data.country', maxLength: 2 });
  });

  test('the server still standardises and validates what a picker (or anything else) sends', async () => {
    const good = await app.http.post(CM).set(bearer(admin)).send(customerData({ country: 'cn', currency: 'cny', addresses: [{ type: 'billing', line1: 'x', country: 'de' }] }));
    expect(good.status).toBe(201);
    expect(good.body.data).toMatchObject({ country: 'CN', currency: 'CNY', addresses: [expect.objectContaining({ country: 'DE' })] });
    for (const [bad, path] of [
      [{ country: 'CHN' }, ['country']],
      [{ country: 'XK' }, ['country']],
      [{ currency: 'EURO' }, ['currency']],
      [{ addresses: [{ type: 'billing', line1: 'x', country: 'ZZ' }] }, ['addresses', '0', 'country']],
    ] as const) {
      const res = await app.http.post(CM).set(bearer(admin)).send(customerData(bad));
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(path);
    }
  });
});

describe('the audit trail names records by code and name', () => {
  const CM = `/content-manager/collection-types/${UID}`;
  const AUDIT_READ = 'plugin::master-data.audit.read';
  const trail = async (who: string, query: string, prefix = '') => {
    const res = await app.http.get(`${prefix}/master-data/audit-events?${query}`).set(bearer(who));
    expect(res.status).toBe(200);
    return res.body.data as Array<{ action: string; uid: string; documentId: string | null; label: unknown }>;
  };
  let customer: { documentId: string; code: string };

  beforeAll(async () => {
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData({ name: 'Label Test Trading' }));
    expect(created.status).toBe(201);
    customer = created.body.data;
    await app.http.post(`${CM}/${customer.documentId}/actions/publish`).set(bearer(admin)).send({});
  });

  test("each event carries the record's current code and name", async () => {
    const events = await trail(admin, `uid=${UID}&documentId=${customer.documentId}`);
    expect(events.map((e) => e.action)).toEqual(['publish', 'create']);
    for (const event of events) expect(event.label).toEqual({ code: customer.code, name: 'Label Test Trading' });
    // Renamed: earlier events name the record as it is now.
    const renamed = await app.http.put(`${CM}/${customer.documentId}`).set(bearer(admin)).send({ name: 'Label Test Trading (renamed)' });
    expect(renamed.status).toBe(200);
    const after = await trail(admin, `uid=${UID}&documentId=${customer.documentId}`);
    expect(after).toHaveLength(3);
    for (const event of after) expect(event.label).toEqual({ code: customer.code, name: 'Label Test Trading (renamed)' });
  });

  test('groups are named by their code and name; a deleted record by its documentId only', async () => {
    const group = await app.strapi.documents('api::customer-group.customer-group').create({ data: { name: 'Label group', code: 'LBL' } as any });
    const doomed = await app.http.post(CM).set(bearer(admin)).send(customerData({ name: 'Soon Gone Trading' }));
    expect((await app.http.delete(`${CM}/${doomed.body.data.documentId}`).set(bearer(admin))).status).toBe(200);
    const events = await trail(admin, 'limit=20');
    const groupEvent = events.find((e) => e.documentId === group.documentId)!;
    expect(groupEvent.label).toEqual({ code: 'LBL', name: 'Label group' });
    const gone = events.filter((e) => e.documentId === doomed.body.data.documentId);
    expect(gone.map((e) => e.action)).toEqual(['delete', 'create']);
    for (const event of gone) expect(event.label).toBeNull();
  });

  test("a reader's read permissions apply: no read on the type, the documentId only; no read on the name, the code only", async () => {
    const auditOnly = (await adminToken(app, [await adminRole(app, [{ action: AUDIT_READ }])])).token;
    const codeOnly = (
      await adminToken(app, [await adminRole(app, [{ action: AUDIT_READ }, { action: 'plugin::content-manager.explorer.read', subject: UID, fields: ['code', 'city'] }])])
    ).token;
    const query = `uid=${UID}&documentId=${customer.documentId}`;
    for (const event of await trail(auditOnly, query)) expect(event.label).toBeNull();
    for (const event of await trail(codeOnly, query)) expect(event.label).toEqual({ code: customer.code, name: null });
  });

  test('the content API trail names records for a token that may read them', async () => {
    const full = await apiToken(app);
    const events = await trail(full, `uid=${UID}&documentId=${customer.documentId}`, '/api');
    expect(events[0].label).toEqual({ code: customer.code, name: 'Label Test Trading (renamed)' });
    const trailOnly = await apiToken(app, 'custom', ['plugin::master-data.audit.readTrail']);
    for (const event of await trail(trailOnly, `uid=${UID}&documentId=${customer.documentId}`, '/api')) expect(event.label).toBeNull();
  });
});
