/**
 * Issue 9: one write context (origin, actor, request) for every path, a write a stage diverts, and
 * one stream of domain events that several consumers receive in the write's transaction.
 */
import { errors } from '@strapi/utils';
import { startApp, apiToken, adminToken, upUser, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, CUSTOMER_TABLES } from '../helpers/fixtures';
import { EVENTS, eventsOf } from '../helpers/audit';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
const SINK = 'test_event_sink';
let app: TestApp;
let token: string;
let admin: string;
const captured: any[] = [];

const governance = () => app.strapi.plugin('master-data').service('governance');

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
  governance().addConsumer({ name: 'test-capture', handle: async (event: any) => void captured.push(event) });
});
afterAll(async () => {
  governance().removeConsumer('test-capture');
  await app?.stop();
});

const eventsFor = (documentId: string) => captured.filter((e) => e.documentId === documentId);

describe('the write context: origin and actor on the events of every path', () => {
  test('REST with an API token', async () => {
    const res = await app.http.post('/api/customers').set(bearer(token)).set('X-Request-Id', 'ctx-rest-1').set('X-Change-Reason', 'onboarding').send({ data: customerData() });
    expect(res.status).toBe(201);
    const events = eventsFor(res.body.data.documentId);
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.published']);
    for (const e of events) {
      expect(e).toMatchObject({ origin: 'rest', actor: { kind: 'api-token' }, request: { id: 'ctx-rest-1', reason: 'onboarding' }, reason: 'onboarding', uid: UID });
    }
  });

  test('REST as a users-permissions user', async () => {
    const { jwt, user } = await upUser(app, ['api::customer.customer.create']);
    const res = await app.http.post('/api/customers').set(bearer(jwt)).send({ data: customerData() });
    expect(res.status).toBe(201);
    expect(eventsFor(res.body.data.documentId)[0]).toMatchObject({ origin: 'rest', actor: { kind: 'users-permissions', id: String(user.id) } });
  });

  test('the admin content manager', async () => {
    const res = await app.http.post(CM).set(bearer(admin)).send(customerData());
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    const published = await app.http.post(`${CM}/${id}/actions/publish`).set(bearer(admin)).send({});
    expect(published.status).toBe(200);
    expect(eventsFor(id).map((e) => [e.type, e.action, e.origin, e.actor.kind])).toEqual([
      ['customer.created', 'create', 'admin', 'admin'],
      ['customer.published', 'publish', 'admin', 'admin'],
    ]);
  });

  test('code (no request): origin code, actor system', async () => {
    const created: any = await app.strapi.documents(UID).create({ data: customerData() as any });
    await app.strapi.documents(UID).update({ documentId: created.documentId, data: { segment: 'SME' } as any });
    expect(eventsFor(created.documentId).map((e) => [e.type, e.origin, e.actor.kind])).toEqual([
      ['customer.created', 'code', 'system'],
      ['customer.updated', 'code', 'system'],
    ]);
  });

  test('merge and unmerge: their writes carry their own origin, the events name the admin', async () => {
    const a = (await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() })).body.data.documentId;
    const b = (await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() })).body.data.documentId;
    captured.length = 0;
    const merged = await app.http.post('/master-data/merges').set(bearer(admin)).send({ survivor: a, merged: [b] });
    expect(merged.status).toBe(200);
    expect(eventsFor(b).map((e) => [e.type, e.origin])).toEqual([
      ['customer.updated', 'merge'],
      ['customer.published', 'merge'],
    ]);
    expect(eventsFor(a).find((e) => e.type === 'customer.merged')).toMatchObject({ origin: 'merge', action: 'merge' });
    for (const e of captured) expect(e.actor.kind).toBe('admin');
    captured.length = 0;
    const undone = await app.http.post(`/master-data/merges/${merged.body.data.id}/unmerge`).set(bearer(admin)).send({});
    expect(undone.status).toBe(200);
    expect(eventsFor(b).every((e) => e.origin === 'unmerge')).toBe(true);
    expect(eventsFor(a).find((e) => e.type === 'customer.unmerged')).toMatchObject({ origin: 'unmerge', action: 'unmerge' });
  });
});

describe('a stage may divert a write', () => {
  test('a publishing REST update is held: the draft is saved instead, the caller gets 202 with the draft', async () => {
    const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ notes: 'as published' }) });
    const id = created.body.data.documentId;
    governance().addStage({
      name: 'test-hold',
      order: 700,
      async before(write: any) {
        const notes = write.params.data?.notes;
        if (write.action !== 'update' || typeof notes !== 'string' || !notes.startsWith('HOLD:')) return;
        const documentId = write.params.documentId;
        write.divert({
          status: 202,
          run: () => app.strapi.documents(UID).update({ documentId, data: { ...write.params.data, notes: notes.replace('HOLD:', 'HELD:') }, status: 'draft' } as any),
        });
      },
    });
    try {
      captured.length = 0;
      const res = await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { notes: 'HOLD: please review' } });
      expect(res.status).toBe(202);
      expect(res.body.data).toMatchObject({ documentId: id, notes: 'HELD: please review' });
      // The golden record is untouched; the draft carries the proposal.
      const live = await app.http.get(`/api/customers/${id}`).set(bearer(token));
      expect(live.body.data.notes).toBe('as published');
      const draft = await app.strapi.documents(UID).findOne({ documentId: id, status: 'draft' } as any);
      expect((draft as any).notes).toBe('HELD: please review');
      // Only what happened is an event: the draft's update, no publish.
      expect(eventsFor(id).map((e) => [e.type, e.changes.notes])).toEqual([['customer.updated', { before: 'as published', after: 'HELD: please review' }]]);
    } finally {
      governance().removeStage('test-hold');
    }
  });
});

describe('one event, two consumers, one transaction', () => {
  beforeAll(async () => {
    const knex = app.strapi.db.connection;
    await knex.schema.dropTableIfExists(SINK);
    await knex.schema.createTable(SINK, (t) => {
      t.increments('id');
      t.string('type', 64);
      t.string('document_id', 64);
    });
    governance().addConsumer({
      name: 'test-sink',
      order: 200,
      async handle(event: any, trx: any) {
        if (event.type === 'customer.created' && String(event.changes.name?.after).startsWith('SINK-FAIL')) {
          throw new errors.ApplicationError('the second consumer refused the event');
        }
        await trx(SINK).insert({ type: event.type, document_id: event.documentId });
      },
    });
  });
  afterAll(async () => {
    governance().removeConsumer('test-sink');
  });

  test('both consumers write their rows with the change', async () => {
    const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    const audit = await eventsOf(app, id);
    const sink = await app.strapi.db.connection(SINK).where({ document_id: id }).orderBy('id');
    expect(audit.map((e) => e.action)).toEqual(['create', 'publish']);
    expect(sink.map((r: any) => r.type)).toEqual(['customer.created', 'customer.published']);
  });

  test('when one consumer fails, neither row and not the change is written', async () => {
    const tables = [...CUSTOMER_TABLES, EVENTS, SINK];
    const before = await rowCounts(app, tables);
    const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ name: 'SINK-FAIL Trading' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('the second consumer refused the event');
    expect(await rowCounts(app, tables)).toEqual(before);
  });
});
