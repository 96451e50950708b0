/**
 * Issue 11: what each kind of change sends. With approvals on: a change held for approval sends the
 * draft save and `changeRequest.submitted` (the record still the golden one), the last approval sends
 * `changeRequest.approved`/`.applied` and the published change; merge and unmerge send
 * `customer.merged`/`.unmerged`; deleting a draft sends `customer.deleted` with the code and
 * external ids it had and no record. Sequence numbers of a record only go up.
 */
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { approve } from '../helpers/approvals';
import { startReceiver, type Receiver, type Received } from '../helpers/receiver';

let app: TestApp;
let admin: string;
let approver: string;
let token: string;
let receiver: Receiver;

const of = (documentId: string) => receiver.received.filter((r: Received) => r.json?.data?.documentId === documentId);
const types = (documentId: string) => of(documentId).map((r) => r.json.type);

/** Waits until no delivery is pending or in flight. */
const settled = async () => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [{ n }] = await app.strapi.db.connection('master_data_webhook_deliveries').whereIn('status', ['pending', 'delivering']).count({ n: '*' });
    if (Number(n) === 0) return;
    if (Date.now() > deadline) {
      const stuck = await app.strapi.db.connection('master_data_webhook_deliveries').whereIn('status', ['pending', 'delivering']);
      throw new Error(`deliveries still pending: ${JSON.stringify(stuck)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  app = await startApp({ env: { WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1' } });
  admin = (await adminToken(app)).token;
  approver = (await adminToken(app, ['approver'])).token;
  token = await apiToken(app);
  receiver = await startReceiver();
  const res = await app.http.post('/master-data/webhooks').set(bearer(admin)).send({ url: receiver.url(), events: ['*'] });
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await receiver?.close();
  await app?.stop();
});

test('a change held for approval, then approved', async () => {
  const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ name: 'Pearl River Tea Trading Co., Ltd.' }) });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  const held = await app.http.put(`/api/customers/${documentId}`).set(bearer(token)).send({ data: { name: 'Pearl River Tea Holdings Co., Ltd.' } });
  expect(held.status).toBe(202);
  const requestId = held.body.meta.masterData.changeRequest.id;
  await settled();
  expect(types(documentId)).toEqual(['customer.created', 'customer.published', 'customer.updated', 'changeRequest.submitted']);
  const submitted = of(documentId)[3].json;
  expect(submitted.data.changeRequest).toBe(requestId);
  // The golden record has not changed yet.
  expect(submitted.data.record.name).toBe('Pearl River Tea Trading Co., Ltd.');

  const approved = await approve(app, approver, requestId);
  expect(approved.status).toBe(200);
  await settled();
  const after = types(documentId).slice(4);
  expect(after).toEqual(expect.arrayContaining(['changeRequest.approved', 'changeRequest.applied', 'customer.published']));
  const published = of(documentId).filter((r) => r.json.type === 'customer.published').pop()!.json;
  expect(published.data.changes.name).toEqual({ before: 'Pearl River Tea Trading Co., Ltd.', after: 'Pearl River Tea Holdings Co., Ltd.' });
  expect(published.data.record.name).toBe('Pearl River Tea Holdings Co., Ltd.');
  const sequences = of(documentId).map((r) => r.json.data.sequence);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  expect(new Set(sequences).size).toBe(sequences.length);
});

test('merge and unmerge', async () => {
  const make = async (name: string) =>
    (await app.http.post('/api/customers').set(bearer(token)).set('X-Duplicate-Override', 'test').send({ data: customerData({ name }) })).body.data.documentId as string;
  const survivor = await make('Lotus Garden Foods Co., Ltd.');
  const merged = await make('Lotus Garden Food Co. Ltd.');
  const res = await app.http.post('/master-data/merges').set(bearer(admin)).send({ survivor, merged: [merged] });
  expect(res.status).toBe(200);
  await settled();
  // The merge is an event of the survivor (`changes.merged`: the record merged into it); the merged
  // record's own events show it becoming a merged record.
  const mergeEvent = of(survivor).find((r) => r.json.type === 'customer.merged')!.json;
  expect(mergeEvent.data.changes.merged).toEqual({ before: null, after: [merged] });
  expect(of(merged).pop()!.json.data.record).toMatchObject({ lifecycleStage: 'merged', mergedInto: { documentId: survivor } });
  const undo = await app.http.post(`/master-data/merges/${res.body.data.id}/unmerge`).set(bearer(admin)).send({});
  expect(undo.status).toBe(200);
  await settled();
  expect(types(survivor)).toContain('customer.unmerged');
  expect(of(merged).pop()!.json.data.record.lifecycleStage).not.toBe('merged');
});

test('echo suppression: a change synced in from SAP is not sent back to SAP, but is to the CRM', async () => {
  const toSap = await app.http.post('/master-data/webhooks').set(bearer(admin)).send({ url: receiver.url('/sap'), events: ['customer.*'], system: 'sap' });
  const toCrm = await app.http.post('/master-data/webhooks').set(bearer(admin)).send({ url: receiver.url('/crm'), events: ['customer.*'], system: 'crm' });
  const echoing = await app.http.post('/master-data/webhooks').set(bearer(admin)).send({ url: receiver.url('/sap-echo'), events: ['customer.*'], system: 'sap', suppressEcho: false });
  expect([toSap.status, toCrm.status, echoing.status]).toEqual([201, 201, 201]);
  const synced = await app.http.put('/api/master-data/sync/sap/SAP-ECHO-1').set(bearer(token)).send({ data: customerData({ externalIds: undefined }) });
  expect(synced.status).toBe(201);
  const { documentId } = synced.body.data;
  await settled();
  const paths = (path: string) => of(documentId).filter((r) => r.path === path).map((r) => r.json.type);
  expect(paths('/sap')).toEqual([]);
  expect(paths('/crm')).toEqual(['customer.created', 'customer.published']);
  expect(paths('/sap-echo')).toEqual(['customer.created', 'customer.published']);
  expect(of(documentId).find((r) => r.path === '/crm')!.json.data.externalIds).toEqual([{ system: 'sap', externalId: 'SAP-ECHO-1' }]);
  // A change made in the hub itself goes to SAP too.
  const edited = await app.http.put(`/api/customers/${documentId}?status=draft`).set(bearer(token)).send({ data: { city: 'Xiamen' } });
  expect(edited.status).toBe(200);
  await settled();
  expect(paths('/sap')).toEqual(['customer.updated']);
  for (const hook of [toSap, toCrm, echoing]) await app.http.delete(`/master-data/webhooks/${hook.body.data.id}`).set(bearer(admin));
});

test('deleting a draft sends what it was', async () => {
  const draft = await app.http.post('/api/customers?status=draft').set(bearer(token)).send({ data: customerData({ externalIds: [{ system: 'CRM', externalId: 'crm-77' }] }) });
  expect(draft.status).toBe(201);
  const { documentId, code } = draft.body.data;
  const removed = await app.http.delete(`/api/customers/${documentId}`).set(bearer(token));
  expect(removed.status).toBe(204);
  await settled();
  expect(types(documentId)).toEqual(['customer.created', 'customer.deleted']);
  const deleted = of(documentId)[1].json;
  expect(deleted.data).toMatchObject({ code, record: null, externalIds: [{ system: 'CRM', externalId: 'crm-77' }] });
  // A draft-only record has no golden version: no record in its events.
  expect(of(documentId)[0].json.data.record).toBeNull();
});
