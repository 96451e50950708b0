/**
 * Issue 11: webhooks to other systems. Endpoints over the admin API (checked input, the secret shown
 * once, audited changes), the transactional outbox (no delivery for a rolled-back write, every
 * committed write delivered), Standard Webhooks signatures verified with the official library on a
 * real receiver on 127.0.0.1, the payload, retries (5xx, 3xx, timeout, 429 + Retry-After), order per
 * record, 410 Gone, dead letters and replay, re-sync, fields and masking, secret rotation, the
 * delivery log, the test event, permissions.
 */
import { startApp, apiToken, adminToken, adminRole, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { auditRows } from '../helpers/audit';
import { startReceiver, verify, type Receiver, type Received } from '../helpers/receiver';

const UID = 'api::customer.customer';
const HOOKS = '/master-data/webhooks';

let app: TestApp;
let admin: string;
let token: string;
let receiver: Receiver;

const createEndpoint = async (input: Record<string, unknown>) => {
  const res = await app.http.post(HOOKS).set(bearer(admin)).send({ url: receiver.url(), events: ['customer.*'], ...input });
  expect(res.status).toBe(201);
  return res.body.data as { id: number; secret: string };
};

const deleteAllEndpoints = async () => {
  const res = await app.http.get(HOOKS).set(bearer(admin));
  for (const endpoint of res.body.data) await app.http.delete(`${HOOKS}/${endpoint.id}`).set(bearer(admin));
};

const createCustomer = async (overrides: Record<string, unknown> = {}) => {
  const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData(overrides) });
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; code: string };
};

const forRecord = (documentId: string) => (r: Received) => r.json?.data?.documentId === documentId;

const deliveriesOf = async (endpointId: number, query = '') => (await app.http.get(`${HOOKS}/${endpointId}/deliveries${query}`).set(bearer(admin))).body;

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  app = await startApp({
    approvals: false,
    env: { WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1', WEBHOOKS_RETRY_SCHEDULE: '0.3,0.3,0.3', WEBHOOKS_TIMEOUT_MS: '1500' },
  });
  admin = (await adminToken(app)).token;
  token = await apiToken(app);
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await app?.stop();
});

beforeEach(async () => {
  await deleteAllEndpoints();
  receiver.received.length = 0;
  receiver.answer = () => ({ status: 204 });
});

describe('endpoints over the admin API', () => {
  it('creates an endpoint, shows the secret once, and audits the change', async () => {
    const created = await createEndpoint({ description: 'ERP', headers: { 'X-Tenant': 'acme' } });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const shown = await app.http.get(`${HOOKS}/${created.id}`).set(bearer(admin));
    expect(shown.status).toBe(200);
    expect(shown.body.data.secret).toBeUndefined();
    expect(JSON.stringify(shown.body)).not.toContain(created.secret.slice(6));
    expect(shown.body.data).toMatchObject({ url: receiver.url(), events: ['customer.*'], enabled: true, headers: { 'X-Tenant': 'acme' }, secretHint: created.secret.slice(0, 10) + '…' });
    const rows = await auditRows(app, { uid: 'plugin::master-data.webhook-endpoint', document_id: String(created.id) });
    expect(rows.map((r: any) => r.action)).toEqual(['webhook.created']);
    expect(JSON.stringify(rows)).not.toContain(created.secret.slice(6));
    // Stored sealed, not in clear.
    const stored = await app.strapi.db.connection('master_data_webhook_endpoints').where({ id: created.id }).first();
    expect(stored.secrets).not.toContain(created.secret.slice(6));

    const changed = await app.http.put(`${HOOKS}/${created.id}`).set(bearer(admin)).send({ events: ['customer.updated'], enabled: false });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ events: ['customer.updated'], enabled: false, disabledReason: 'manual' });
    const removed = await app.http.delete(`${HOOKS}/${created.id}`).set(bearer(admin));
    expect(removed.status).toBe(200);
    expect((await app.http.get(`${HOOKS}/${created.id}`).set(bearer(admin))).status).toBe(404);
    const actions = (await auditRows(app, { uid: 'plugin::master-data.webhook-endpoint', document_id: String(created.id) })).map((r: any) => r.action);
    expect(actions).toEqual(['webhook.created', 'webhook.updated', 'webhook.deleted']);
  });

  it.each([
    ['a private address', { url: 'http://10.1.2.3/hook' }, ['url'], 'private'],
    ['the metadata service', { url: 'http://169.254.169.254/latest/meta-data' }, ['url'], 'metadata'],
    ['an IPv4-mapped IPv6 private address', { url: 'http://[::ffff:10.0.0.1]/hook' }, ['url'], 'private'],
    ['IPv6 loopback', { url: 'http://[::1]:1337/hook' }, ['url'], 'loopback'],
    ['localhost (not on the allow-list)', { url: 'http://localhost:1337/hook' }, ['url'], 'loopback'],
    ['a decimal-encoded private address', { url: 'http://167772161/hook' }, ['url'], '10.0.0.1 (private)'],
    ['another scheme', { url: 'ftp://example.com/hook' }, ['url'], 'http or https'],
    ['credentials in the URL', { url: 'http://user:pw@127.0.0.1/hook' }, ['url'], 'credentials'],
    ['not a URL', { url: 'hook' }, ['url'], 'absolute'],
    ['no events', { events: [] }, ['events'], 'at least one'],
    ['an unknown event type', { events: ['customer.exploded'] }, ['events', '0'], 'not an event type'],
    ['an unknown content type', { contentTypes: ['api::nope.nope'] }, ['contentTypes', '0'], 'not a governed content type'],
    ['an unknown field', { fields: ['nope'] }, ['fields', '0'], 'not an attribute'],
    ['a reserved header', { headers: { 'Webhook-Signature': 'x' } }, ['headers', 'Webhook-Signature'], 'cannot be overridden'],
    ['a header with a line break', { headers: { 'X-A': 'a\r\nInjected: 1' } }, ['headers', 'X-A'], 'line breaks'],
    ['an unknown key', { secret: 'whsec_mine' }, [], 'Unrecognized key'],
  ])('refuses %s with a 400 naming the key', async (_label, input, path, reason) => {
    const res = await app.http.post(HOOKS).set(bearer(admin)).send({ url: receiver.url(), events: ['customer.*'], ...input });
    expect(res.status).toBe(400);
    const errors = res.body.error.details.errors;
    if (path.length) expect(errors[0].path).toEqual(path);
    expect(errors[0].message).toContain(reason);
    expect((await app.http.get(HOOKS).set(bearer(admin))).body.data).toHaveLength(0);
  });

  it('needs the webhooks permissions', async () => {
    const editor = (await adminToken(app, ['strapi-editor'])).token;
    expect((await app.http.get(HOOKS).set(bearer(editor))).status).toBe(403);
    const reader = (await adminToken(app, [await adminRole(app, [{ action: 'plugin::master-data.webhooks.read' }])])).token;
    await createEndpoint({ headers: { Authorization: 'Bearer receiver-secret' } });
    const seen = await app.http.get(HOOKS).set(bearer(reader));
    expect(seen.status).toBe(200);
    // Header values (often credentials) only for those who manage endpoints.
    expect(seen.body.data[0].headers).toEqual({ Authorization: '[masked]' });
    expect((await app.http.get(HOOKS).set(bearer(admin))).body.data[0].headers).toEqual({ Authorization: 'Bearer receiver-secret' });
    expect((await app.http.post(HOOKS).set(bearer(reader)).send({ url: receiver.url(), events: ['*'] })).status).toBe(403);
  });
});

describe('delivery', () => {
  it('delivers every committed change, signed (Standard Webhooks, verified with the library), with the payload of the contract', async () => {
    const { secret } = await createEndpoint({ headers: { 'X-Tenant': 'acme' } });
    const customer = await createCustomer();
    await receiver.until((r) => r.filter(forRecord(customer.documentId)).length >= 2);
    const got = receiver.received.filter(forRecord(customer.documentId));
    expect(got.map((r) => r.json.type)).toEqual(['customer.created', 'customer.published']);
    for (const r of got) {
      expect(verify(secret, r)).toBeTruthy();
      expect(r.headers['webhook-id']).toMatch(/^msg_[0-9a-f-]{36}$/);
      expect(r.headers['x-tenant']).toBe('acme');
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(() => verify(secret, { ...got[0], body: got[0].body.replace('customer', 'Customer') })).toThrow();
    const published = got[1].json;
    expect(published).toMatchObject({
      type: 'customer.published',
      data: { uid: UID, documentId: customer.documentId, code: customer.code, sequence: 2, externalIds: [{ system: 'SAP' }] },
    });
    expect(published.data.record).toMatchObject({ documentId: customer.documentId, code: customer.code, country: 'CN' });
    expect(published.data.record.id).toBeUndefined();
    expect(got[0].json.data.sequence).toBe(1);
    // Sensitive values are masked unless the endpoint is allowed them.
    expect(published.data.record.bankAccounts[0].accountNumber).toBe('[masked]');

    const updated = await app.http.put(`/api/customers/${customer.documentId}`).set(bearer(token)).send({ data: { city: 'Guangzhou' } });
    expect(updated.status).toBe(200);
    await receiver.until((r) => r.filter(forRecord(customer.documentId)).length >= 4);
    const [update, publish] = receiver.received.filter(forRecord(customer.documentId)).slice(2);
    expect(update.json).toMatchObject({ type: 'customer.updated', data: { sequence: 3, changes: { city: { before: 'Shenzhen', after: 'Guangzhou' } } } });
    expect(publish.json.data.sequence).toBe(4);
  });

  it('writes no outbox row or delivery for a rolled-back write (validation 400, duplicate 409)', async () => {
    const { id } = await createEndpoint({});
    const before = await deliveriesOf(id);
    const bad = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ email: 'nope@' }) });
    expect(bad.status).toBe(400);
    const first = await createCustomer();
    const stored = await app.strapi.db.query(UID).findOne({ where: { documentId: first.documentId } });
    const duplicate = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ taxId: stored.taxId }) });
    expect(duplicate.status).toBe(409);
    const after = await deliveriesOf(id);
    // Only the two events of the one customer that was written.
    expect(after.meta.pagination.total - before.meta.pagination.total).toBe(2);
    const outbox = await app.strapi.db.connection('master_data_outbox').whereIn('id', after.data.map((d: any) => d.eventId.slice(4)));
    expect(outbox.every((row: any) => row.aggregate_id === first.documentId)).toBe(true);
  });

  it('sends only the events, content types and fields an endpoint asked for; sensitive values only when allowed', async () => {
    const narrow = await createEndpoint({ url: receiver.url('/narrow'), events: ['customer.updated'], fields: ['city', 'bankAccounts'] });
    const open = await createEndpoint({ url: receiver.url('/open'), events: ['customer.published'], allowSensitive: true });
    const customer = await createCustomer();
    await app.http.put(`/api/customers/${customer.documentId}?status=draft`).set(bearer(token)).send({ data: { city: 'Foshan' } });
    await receiver.until((r) => r.some((x) => x.path === '/narrow') && r.some((x) => x.path === '/open'));
    await new Promise((r) => setTimeout(r, 300));
    const toNarrow = receiver.received.filter((r) => r.path === '/narrow');
    expect(toNarrow.map((r) => r.json.type)).toEqual(['customer.updated']);
    expect(Object.keys(toNarrow[0].json.data.changes)).toEqual(['city']);
    const toOpen = receiver.received.filter((r) => r.path === '/open');
    expect(toOpen.map((r) => r.json.type)).toEqual(['customer.published']);
    expect(toOpen[0].json.data.record.bankAccounts[0].accountNumber).toBe('4563 5180 0012 3456');
    expect(narrow.id).not.toBe(open.id);
  });

  it('retries a failed attempt (5xx, 3xx not followed, timeout) and records every attempt in the log', async () => {
    const { id } = await createEndpoint({});
    let calls = 0;
    receiver.answer = (r) => {
      if (r.json?.type !== 'customer.created') return { status: 204 };
      calls += 1;
      if (calls === 1) return { status: 500, body: 'boom' };
      if (calls === 2) return { status: 302, headers: { location: 'http://10.0.0.1/' } };
      if (calls === 3) return { status: 204, delayMs: 2500 };
      return { status: 200, body: 'ok' };
    };
    const customer = await createCustomer();
    await waitFor(async () => (await deliveriesOf(id, '?status=delivered')).meta.pagination.total === 2);
    const log = await deliveriesOf(id);
    const first = log.data.find((d: any) => d.eventType === 'customer.created');
    const detail = (await app.http.get(`${HOOKS}/deliveries/${first.id}`).set(bearer(admin))).body.data;
    expect(detail.attemptLog.map((a: any) => a.statusCode)).toEqual([500, 302, null, 200]);
    expect(detail.attemptLog[0].responseExcerpt).toBe('boom');
    expect(detail.attemptLog[1].error).toContain('not followed');
    expect(detail.attemptLog[2].error).toContain('no response within 1500 ms');
    expect(detail).toMatchObject({ status: 'delivered', attempts: 4, documentId: customer.documentId });
    expect(detail.payload.type).toBe('customer.created');
    // The redirect's target was never called.
    expect(receiver.received.every((r) => r.path === '/hook')).toBe(true);
  });

  it('holds back later events of a failing record, not those of other records', async () => {
    await createEndpoint({});
    const stuck = await createCustomer();
    await receiver.until((r) => r.filter(forRecord(stuck.documentId)).length >= 2);
    let failing = true;
    receiver.answer = (r) => (failing && r.json?.data?.documentId === stuck.documentId ? { status: 503 } : { status: 204 });
    receiver.received.length = 0;
    await app.http.put(`/api/customers/${stuck.documentId}?status=draft`).set(bearer(token)).send({ data: { city: 'Zhuhai' } });
    await app.http.put(`/api/customers/${stuck.documentId}?status=draft`).set(bearer(token)).send({ data: { city: 'Dongguan' } });
    const other = await createCustomer();
    await receiver.until((r) => r.filter(forRecord(other.documentId)).length >= 2);
    await receiver.until((r) => r.filter(forRecord(stuck.documentId)).length >= 2);
    // The first update was tried (and failed) again; the second was never sent while the first failed.
    const tried = receiver.received.filter(forRecord(stuck.documentId));
    expect(new Set(tried.map((r) => r.json.data.changes.city.after))).toEqual(new Set(['Zhuhai']));
    failing = false;
    await receiver.until((r) => r.some((x) => forRecord(stuck.documentId)(x) && x.json.data.changes.city?.after === 'Dongguan'));
    const delivered = receiver.received.filter(forRecord(stuck.documentId)).map((r) => r.json.data.sequence);
    expect(delivered[delivered.length - 1]).toBeGreaterThan(delivered[0]);
    const order = receiver.received.filter(forRecord(stuck.documentId)).map((r) => r.json.data.changes.city.after);
    expect(order.indexOf('Dongguan')).toBe(order.length - 1);
  });

  it('honours Retry-After on 429', async () => {
    const { id } = await createEndpoint({});
    let calls = 0;
    receiver.answer = () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '2' } } : { status: 204 });
    await createCustomer();
    await waitFor(async () => (await deliveriesOf(id, '?status=delivered')).meta.pagination.total === 2);
    const created = receiver.received.filter((r) => r.json?.type === 'customer.created');
    expect(created.length).toBe(2);
    expect(created[1].at - created[0].at).toBeGreaterThanOrEqual(1900);
  });

  it('dead-letters after the last attempt; replay of one delivery and of all dead letters delivers them', async () => {
    const { id } = await createEndpoint({ events: ['customer.created'] });
    receiver.answer = () => ({ status: 500 });
    await createCustomer();
    await createCustomer();
    await waitFor(async () => (await deliveriesOf(id, '?status=dead')).meta.pagination.total === 2);
    const dead = (await deliveriesOf(id, '?status=dead')).data;
    expect(dead[0].attempts).toBe(4);
    receiver.answer = () => ({ status: 204 });
    const one = await app.http.post(`${HOOKS}/${id}/replay`).set(bearer(admin)).send({ deliveryId: dead[0].id });
    expect(one.status).toBe(202);
    expect(one.body.data).toEqual({ queued: 1 });
    await waitFor(async () => (await deliveriesOf(id, '?status=delivered')).meta.pagination.total === 1);
    const all = await app.http.post(`${HOOKS}/${id}/replay`).set(bearer(admin)).send({ dead: true });
    expect(all.body.data).toEqual({ queued: 1 });
    await waitFor(async () => (await deliveriesOf(id, '?status=delivered')).meta.pagination.total === 2);
    // A replay keeps the webhook-id: receivers deduplicate on it.
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(2);
    const bad = await app.http.post(`${HOOKS}/${id}/replay`).set(bearer(admin)).send({ dead: true, since: '2026-01-01T00:00:00Z' });
    expect(bad.status).toBe(400);
  });

  it('re-syncs every event since a time to an endpoint', async () => {
    const first = await createEndpoint({ url: receiver.url('/first') });
    const since = new Date(Date.now() - 1000).toISOString();
    const customer = await createCustomer();
    await receiver.until((r) => r.filter(forRecord(customer.documentId)).length >= 2);
    const second = await createEndpoint({ url: receiver.url('/second'), events: ['customer.published'] });
    const res = await app.http.post(`${HOOKS}/${second.id}/replay`).set(bearer(admin)).send({ since });
    expect(res.status).toBe(202);
    expect(res.body.data.queued).toBeGreaterThanOrEqual(1);
    await receiver.until((r) => r.some((x) => x.path === '/second' && forRecord(customer.documentId)(x)));
    expect(receiver.received.filter((x) => x.path === '/second').every((x) => x.json.type === 'customer.published')).toBe(true);
    expect(first.id).toBeDefined();
  });

  it('410 Gone disables the endpoint (audited); no new deliveries are queued for it', async () => {
    const { id } = await createEndpoint({});
    receiver.answer = () => ({ status: 410 });
    await createCustomer();
    await waitFor(async () => (await app.http.get(`${HOOKS}/${id}`).set(bearer(admin))).body.data.enabled === false);
    const endpoint = (await app.http.get(`${HOOKS}/${id}`).set(bearer(admin))).body.data;
    expect(endpoint.disabledReason).toBe('gone');
    const rows = await auditRows(app, { uid: 'plugin::master-data.webhook-endpoint', document_id: String(id), action: 'webhook.disabled' });
    expect(rows).toHaveLength(1);
    const queued = (await deliveriesOf(id)).meta.pagination.total;
    await createCustomer();
    expect((await deliveriesOf(id)).meta.pagination.total).toBe(queued);
  });

  it('disables an endpoint that has failed for longer than the configured days', async () => {
    const { id } = await createEndpoint({});
    await app.strapi.db.connection('master_data_webhook_endpoints').where({ id }).update({ failing_since: Date.now() - 6 * 86_400_000 });
    receiver.answer = () => ({ status: 500 });
    await createCustomer();
    await waitFor(async () => (await app.http.get(`${HOOKS}/${id}`).set(bearer(admin))).body.data.disabledReason === 'failing');
  });

  it('rotation: during the overlap both secrets sign; without overlap the old one stops', async () => {
    const { id, secret: old } = await createEndpoint({ events: ['customer.created'] });
    const rotated = await app.http.post(`${HOOKS}/${id}/rotate`).set(bearer(admin)).send({ overlapHours: 1 });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.data.secret;
    expect(fresh).not.toBe(old);
    expect(rotated.body.data.previousSecretExpiresAt).not.toBeNull();
    const a = await createCustomer();
    await receiver.until((r) => r.some(forRecord(a.documentId)));
    const got = receiver.received.find(forRecord(a.documentId))!;
    expect(verify(old, got)).toBeTruthy();
    expect(verify(fresh, got)).toBeTruthy();
    const again = await app.http.post(`${HOOKS}/${id}/rotate`).set(bearer(admin)).send({ overlapHours: 0 });
    const newest = again.body.data.secret;
    const b = await createCustomer();
    await receiver.until((r) => r.some(forRecord(b.documentId)));
    const next = receiver.received.find(forRecord(b.documentId))!;
    expect(verify(newest, next)).toBeTruthy();
    expect(() => verify(fresh, next)).toThrow();
    const actions = (await auditRows(app, { uid: 'plugin::master-data.webhook-endpoint', document_id: String(id) })).map((r: any) => r.action);
    expect(actions.filter((x: string) => x === 'webhook.rotated')).toHaveLength(2);
  });

  it('sends a test event to one endpoint and shows it in the log with filters', async () => {
    const { id, secret } = await createEndpoint({ events: ['customer.deleted'] });
    const res = await app.http.post(`${HOOKS}/${id}/test`).set(bearer(admin));
    expect(res.status).toBe(202);
    await receiver.until((r) => r.some((x) => x.json?.type === 'webhook.test'));
    expect(verify(secret, receiver.received.find((x) => x.json?.type === 'webhook.test')!)).toBeTruthy();
    await waitFor(async () => (await deliveriesOf(id, '?status=delivered&eventType=webhook.test')).meta.pagination.total === 1);
    expect((await deliveriesOf(id, '?eventType=customer.created')).meta.pagination.total).toBe(0);
    expect((await app.http.get(`${HOOKS}/${id}/deliveries?status=exploded`).set(bearer(admin))).status).toBe(400);
  });
});
