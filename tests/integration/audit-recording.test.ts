import { errors } from '@strapi/utils';
import { startApp, apiToken, adminToken, upUser, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, CUSTOMER_TABLES } from '../helpers/fixtures';
import { auditRows, eventsOf, EVENTS, asText } from '../helpers/audit';
import { isPostgres } from '../helpers/database';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let token: string;

beforeAll(async () => {
  // Approvals are tested in approvals*.test.ts; here governed edits go live as they did before them.
  app = await startApp({ approvals: false });
  token = await apiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('every path is recorded with who, what, why and where', () => {
  test('REST with an API token: create then update, with before/after of changed fields only', async () => {
    const created = await app.http
      .post('/api/customers')
      .set(bearer(token))
      .set('User-Agent', 'ERP-connector/1.0')
      .set('X-Request-Id', 'req-create-1')
      .send({ data: customerData({ segment: 'SME' }) });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe('req-create-1');
    const id = created.body.data.documentId;
    const updateRes = await app.http
      .put(`/api/customers/${id}`)
      .set(bearer(token))
      .set('X-Change-Reason', encodeURIComponent('Customer moved to key accounts / 客户升级'))
      .send({ data: { segment: 'Enterprise' } });
    expect(updateRes.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/); // made up when none is sent

    const events = await eventsOf(app, id);
    // REST publishes as it writes: the golden record's change is its own event.
    expect(events.map((e) => e.action)).toEqual(['create', 'publish', 'update', 'publish']);
    const [create, firstPublish, update, publish] = events;
    expect(firstPublish.changes.code).toEqual({ before: null, after: created.body.data.code });
    expect(publish.changes).toEqual({ segment: { before: 'SME', after: 'Enterprise' } });
    expect(publish.request_id).toBe(update.request_id);
    expect(create).toMatchObject({ actor_kind: 'api-token', actor_name: expect.stringMatching(/^test-/), uid: UID, request_id: 'req-create-1', user_agent: 'ERP-connector/1.0', outcome: 'success' });
    expect(create.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(create.changes.code).toEqual({ before: null, after: created.body.data.code });
    expect(create.changes.contacts.after[0]).toMatchObject({ name: 'Li Wei', phone: '+8613800138000' });
    expect(update.changes).toEqual({ segment: { before: 'SME', after: 'Enterprise' } });
    expect(update.reason).toBe('Customer moved to key accounts / 客户升级');
    expect(update.request_id).toBe(updateRes.headers['x-request-id']);
    expect(new Date(update.occurred_at).toISOString()).toBe(update.occurred_at);
  });

  test('a reason that would end in half a character or holds NUL is stored cleanly and still verifies', async () => {
    const reason = `${'x'.repeat(1999)}😀\u0000`;
    const res = await app.http
      .post('/api/customers')
      .set(bearer(token))
      .set('X-Change-Reason', encodeURIComponent(reason))
      .set('User-Agent', '=HYPERLINK("http://evil.example")')
      .send({ data: customerData() });
    expect(res.status).toBe(201);
    const [event] = await eventsOf(app, res.body.data.documentId);
    expect(event.reason).toBe('x'.repeat(1999) + '😀');
    const { token: admin } = await adminToken(app);
    expect((await app.http.get('/master-data/audit-events/verify').set(bearer(admin))).body.data.ok).toBe(true);
    const csv = await app.http.get(`/master-data/audit-events/export?documentId=${res.body.data.documentId}`).set(bearer(admin)).buffer(true).parse(asText as any);
    // Formula-looking text is escaped for spreadsheets.
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  test('REST as a users-permissions user', async () => {
    const { jwt, user } = await upUser(app, ['api::customer.customer.create']);
    const res = await app.http.post('/api/customers').set(bearer(jwt)).send({ data: customerData() });
    const [event] = await eventsOf(app, res.body.data.documentId);
    expect(event).toMatchObject({ action: 'create', actor_kind: 'users-permissions', actor_id: String(user.id), actor_name: user.username });
  });

  test('admin content manager: create, update, publish, unpublish, discard, delete', async () => {
    const { token: admin, user } = await adminToken(app);
    const created = await app.http.post(CM).set(bearer(admin)).send(customerData({ tier: 'C' }));
    const id = created.body.data.documentId;
    await app.http.put(`${CM}/${id}`).set(bearer(admin)).send({ ...created.body.data, tier: 'B' });
    await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(admin)).send({});
    await app.http.put(`${CM}/${id}`).set(bearer(admin)).send({ ...created.body.data, tier: 'A' });
    await app.http.post(`${CM}/${id}/actions/discard`).set(bearer(admin)).send({});
    await app.http.post(`${CM}/${id}/actions/unpublish`).set(bearer(admin)).send({});
    await app.http.delete(`${CM}/${id}`).set(bearer(admin));

    const events = await eventsOf(app, id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'publish', 'update', 'discard', 'unpublish', 'delete']);
    expect(new Set(events.map((e) => e.actor_kind))).toEqual(new Set(['admin']));
    expect(events[0].actor_id).toBe(String(user.id));
    expect(events[0].actor_name).toContain(user.email);
    expect(events[1].changes).toEqual({ tier: { before: 'C', after: 'B' } });
    expect(events[2].changes.tier).toEqual({ before: null, after: 'B' }); // first published version
    expect(events[4].changes).toEqual({ tier: { before: 'A', after: 'B' } }); // draft back to the published values
    expect(events[6].changes.tier).toEqual({ before: 'B', after: null });
  });

  test('code in the app is recorded as system', async () => {
    const doc = await app.strapi.documents(UID).create({ data: customerData() as any });
    const [event] = await eventsOf(app, doc.documentId);
    expect(event).toMatchObject({ action: 'create', actor_kind: 'system', actor_id: null, actor_name: 'system', request_id: null });
  });

  test('a refused write (validation) leaves no audit event', async () => {
    const before = (await auditRows(app)).length;
    const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ email: 'x@' }) });
    expect(res.status).toBe(400);
    expect((await auditRows(app)).length).toBe(before);
  });
});

describe('sensitive values are stored only as fingerprints', () => {
  test('bank account numbers and IBANs never reach the audit table in clear', async () => {
    const res = await app.http
      .post('/api/customers')
      .set(bearer(token))
      .send({ data: customerData({ bankAccounts: [{ bankName: 'Deutsche Bank', accountNumber: '9988776655', iban: 'DE89 3704 0044 0532 0130 00' }] }) });
    const [event] = await eventsOf(app, res.body.data.documentId);
    expect(event.changes.bankAccounts.after[0]).toEqual({
      bankName: 'Deutsche Bank',
      accountName: null,
      accountNumber: expect.stringMatching(/^fp:[0-9a-f]{16}$/),
      iban: expect.stringMatching(/^fp:[0-9a-f]{16}$/),
      swift: null,
    });
    const raw = JSON.stringify(await auditRows(app));
    expect(raw).not.toContain('9988776655');
    expect(raw).not.toContain('DE89370400440532013000');
  });
});

describe('the audit event is written in the same transaction as the change', () => {
  test('a failure after the write and after the audit insert rolls back both', async () => {
    const governance = app.strapi.plugin('master-data').service('governance');
    governance.addStage({
      name: 'test-fail-late',
      async after(write: any) {
        if (String(write.params.data?.name).startsWith('FAIL-LATE')) throw new errors.ApplicationError('injected failure after the audit insert');
      },
    });
    try {
      const tables = await rowCounts(app, [...CUSTOMER_TABLES, EVENTS]);
      const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ name: 'FAIL-LATE Trading' }) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('injected failure after the audit insert');
      expect(await rowCounts(app, [...CUSTOMER_TABLES, EVENTS])).toEqual(tables);
    } finally {
      governance.removeStage('test-fail-late');
    }
  });

  test('an audit insert that fails rolls the write back', async () => {
    const knex = app.strapi.db.connection;
    // The database refuses this one audit row, as a full disk or a broken constraint would.
    if (isPostgres()) {
      await knex.raw(`CREATE FUNCTION test_refuse_audit() RETURNS trigger AS $$ BEGIN
        IF NEW.changes LIKE '%FAIL-AUDIT%' THEN RAISE EXCEPTION 'injected audit insert failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await knex.raw(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON ${EVENTS} FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`);
    } else {
      await knex.raw(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON ${EVENTS} WHEN NEW.changes LIKE '%FAIL-AUDIT%'
        BEGIN SELECT RAISE(ABORT, 'injected audit insert failure'); END`);
    }
    try {
      const tables = await rowCounts(app, [...CUSTOMER_TABLES, EVENTS]);
      const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ name: 'FAIL-AUDIT Trading' }) });
      // A database failure is the server's, not the client's: exactly a 500, and nothing written.
      expect(res.status).toBe(500);
      expect(res.body.error).toMatchObject({ status: 500, name: 'InternalServerError' });
      expect(await rowCounts(app, [...CUSTOMER_TABLES, EVENTS])).toEqual(tables);
      // An update refused the same way leaves the stored record as it was.
      const ok = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ segment: 'Kept' }) });
      const upd = await app.http.put(`/api/customers/${ok.body.data.documentId}`).set(bearer(token)).send({ data: { segment: 'FAIL-AUDIT' } });
      expect(upd.status).toBe(500);
      expect(upd.body.error).toMatchObject({ status: 500, name: 'InternalServerError' });
      expect((await app.strapi.documents(UID).findOne({ documentId: ok.body.data.documentId }))!.segment).toBe('Kept');
    } finally {
      await knex.raw(`DROP TRIGGER test_refuse_audit${isPostgres() ? ` ON ${EVENTS}` : ''}`);
      if (isPostgres()) await knex.raw('DROP FUNCTION test_refuse_audit()');
    }
  });
});

describe('bulk actions of the admin panel (several documents in one transaction)', () => {
  test('bulk publish, unpublish and delete record one event per document and keep the chain whole', async () => {
    const { token: admin } = await adminToken(app);
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push((await app.http.post(CM).set(bearer(admin)).send(customerData())).body.data.documentId);
    for (const action of ['bulkPublish', 'bulkUnpublish', 'bulkDelete']) {
      const res = await app.http.post(`${CM}/actions/${action}`).set(bearer(admin)).send({ documentIds: ids });
      expect(res.status).toBe(200);
    }
    for (const id of ids) {
      expect((await eventsOf(app, id)).map((e) => e.action)).toEqual(['create', 'publish', 'unpublish', 'delete']);
    }
    const verify = await app.http.get('/master-data/audit-events/verify').set(bearer(admin));
    expect(verify.body.data.ok).toBe(true);
  });
});
