/**
 * Issue 11, several instances: two Strapi instances on one PostgreSQL database share the delivery
 * work (FOR UPDATE SKIP LOCKED). Over 10,000 events, none is lost, none is delivered (2xx) twice,
 * and each record's events arrive in order; a dispatcher killed with SIGKILL in the middle of
 * deliveries loses nothing (its claims are taken over when their lease runs out).
 * (SQLite is a single-process database: this applies to PostgreSQL only.)
 */
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { isPostgres } from '../helpers/database';
import { startInstance, type Instance } from '../helpers/instance';
import { startReceiver, verify, type Receiver, type Received } from '../helpers/receiver';

const describePg = isPostgres() ? describe : describe.skip;
const UID = 'api::customer.customer';
const ENV = { WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1', WEBHOOKS_RETRY_SCHEDULE: '0.2,0.2,0.2,0.2,0.2,0.2', WEBHOOKS_TIMEOUT_MS: '5000', WEBHOOKS_LEASE_MARGIN_MS: '1000' };

let app: TestApp;
let admin: string;
let token: string;
let receiver: Receiver;

/** What the receiver acknowledged (2xx), by webhook-id. */
const acknowledged = (received: Received[], ok: Set<Received>) => {
  const byId = new Map<string, Received[]>();
  for (const r of received) {
    if (!ok.has(r)) continue;
    const id = String(r.headers['webhook-id']);
    byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  return byId;
};

const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

const pending = async () => {
  const [{ n }] = await app.strapi.db.connection('master_data_webhook_deliveries').whereIn('status', ['pending', 'delivering']).count({ n: '*' });
  return Number(n);
};

/** Emits `count` customer.updated events over `documentIds` through the governance event stream (the writers' path). */
const emitUpdates = async (documentIds: string[], count: number) => {
  const governance = app.strapi.plugin('master-data').service('governance');
  for (let start = 0; start < count; start += 200) {
    await app.strapi.db.transaction(async ({ trx }: any) => {
      for (let i = start; i < Math.min(start + 200, count); i += 1) {
        await governance.emit({ trx, event: { type: 'customer.updated', action: 'update', uid: UID, documentId: documentIds[i % documentIds.length], changes: { note: { before: i - 1, after: i } } } });
      }
    });
  }
};

describePg('webhooks on two instances sharing one PostgreSQL', () => {
  let other: Instance;

  beforeAll(async () => {
    app = await startApp({ approvals: false, env: ENV });
    admin = (await adminToken(app)).token;
    token = await apiToken(app);
    receiver = await startReceiver();
    other = await startInstance({ ...ENV, MASTER_DATA_APPROVALS: 'false' });
  });

  afterAll(async () => {
    await other?.stop();
    await receiver?.close();
    await app?.stop();
  });

  test('10,000 events: none lost, none delivered twice, in order per record, both instances delivering', async () => {
    const ok = new Set<Received>();
    receiver.answer = (r) => {
      // About 2 % fail once or more: retries must not turn into double deliveries or reordering.
      if (Math.random() < 0.02) return { status: 500 };
      ok.add(r);
      return { status: 204 };
    };
    const created = await app.http.post('/master-data/webhooks').set(bearer(admin)).send({ url: receiver.url(), events: ['customer.*'] });
    expect(created.status).toBe(201);
    const secret = created.body.data.secret;

    // Real writes through both instances at once, then 10,000 events through the event stream.
    const viaOther = (data: unknown) =>
      fetch(`${other.url}/api/customers`, { method: 'POST', headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ data }) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const viaThis = (data: unknown) => app.http.post('/api/customers').set(bearer(token)).send({ data }).then((r) => ({ status: r.status, body: r.body }));
    const writes = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? viaOther(customerData()) : viaThis(customerData()))));
    expect(writes.map((w) => w.status)).toEqual(Array(40).fill(201));
    const documentIds = writes.map((w) => w.body.data.documentId as string);
    await emitUpdates(documentIds, 10_000);

    const [{ n: queued }] = await app.strapi.db.connection('master_data_webhook_deliveries').count({ n: '*' });
    expect(Number(queued)).toBe(10_080);
    await waitFor(async () => (await pending()) === 0, 240_000, 'every delivery done');

    const byId = acknowledged(receiver.received, ok);
    // None lost: every event acknowledged; none twice.
    expect(byId.size).toBe(10_080);
    const twice = [...byId.values()].filter((list) => list.length > 1);
    expect(twice).toHaveLength(0);
    const dead = await app.strapi.db.connection('master_data_webhook_deliveries').where({ status: 'dead' }).count({ n: '*' });
    expect(Number(dead[0].n)).toBe(0);

    // In order per record: the acknowledged sequence numbers of a record only go up.
    const lastSeen = new Map<string, number>();
    let outOfOrder = 0;
    for (const r of receiver.received) {
      if (!ok.has(r)) continue;
      const { documentId, sequence } = r.json.data;
      if ((lastSeen.get(documentId) ?? 0) >= sequence) outOfOrder += 1;
      lastSeen.set(documentId, sequence);
    }
    expect(outOfOrder).toBe(0);

    // Signed, and both instances delivered.
    for (const r of receiver.received.slice(0, 50)) expect(verify(secret, r)).toBeTruthy();
    const claimedBy = await app.strapi.db.connection('master_data_webhook_deliveries').distinct('claimed_by');
    expect(claimedBy.length).toBeGreaterThanOrEqual(2);
  }, 300_000);

  test('a dispatcher killed with SIGKILL mid-delivery loses nothing', async () => {
    await app.strapi.plugin('master-data').service('webhooks').stopDispatcher();
    const victim = await startInstance({ ...ENV, MASTER_DATA_APPROVALS: 'false' });
    receiver.received.length = 0;
    const ok = new Set<Received>();
    // Slow answers: the victim is killed while it holds deliveries in flight.
    receiver.answer = (r) => {
      ok.add(r);
      return { status: 200, delayMs: 1500 };
    };
    const before = new Set((await app.strapi.db.connection('master_data_webhook_deliveries').select('event_id')).map((r: any) => r.event_id));
    const customers = await app.strapi.db.connection('customers').distinct('document_id').limit(10);
    await emitUpdates(
      customers.map((c: any) => c.document_id),
      300
    );
    await other.kill();
    await waitFor(() => receiver.received.length >= 5, 30_000, 'deliveries in flight');
    await victim.kill();
    const inFlight = await app.strapi.db.connection('master_data_webhook_deliveries').where({ status: 'delivering' }).count({ n: '*' });
    expect(Number(inFlight[0].n)).toBeGreaterThan(0);

    // This instance takes over once the leases of the dead one run out.
    receiver.answer = (r) => {
      ok.add(r);
      return { status: 204 };
    };
    app.strapi.plugin('master-data').service('webhooks').startDispatcher();
    await waitFor(async () => (await pending()) === 0, 120_000, 'every delivery done after the kill');
    const events = (await app.strapi.db.connection('master_data_webhook_deliveries').select('event_id')).map((r: any) => r.event_id).filter((id: string) => !before.has(id));
    expect(events).toHaveLength(300);
    const acked = acknowledged(receiver.received, ok);
    for (const id of events) expect(acked.has(`msg_${id}`)).toBe(true);
  }, 200_000);
});
