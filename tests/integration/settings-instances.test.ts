/**
 * Issue 12: settings saved on one instance are enforced by another sharing the PostgreSQL database
 * within a second, without a restart. (SQLite is a single-process database: PostgreSQL only.)
 */
import { startApp, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { isPostgres } from '../helpers/database';
import { startInstance, type Instance } from '../helpers/instance';

const describePg = isPostgres() ? describe : describe.skip;
const UID = 'api::customer.customer';

describePg('settings on two instances sharing one PostgreSQL', () => {
  let app: TestApp;
  let other: Instance;
  let admin: string;

  beforeAll(async () => {
    app = await startApp({ approvals: false });
    admin = (await adminToken(app)).token;
    other = await startInstance({ MASTER_DATA_APPROVALS: 'false' });
  });

  afterAll(async () => {
    await other?.stop();
    await app?.stop();
  });

  const createOnOther = (data: unknown) =>
    fetch(`${other.url}/api/customers`, { method: 'POST', headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ data }) }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));

  test('a rule saved on this instance is enforced by the other within a second', async () => {
    expect((await createOnOther(customerData({ segment: 'not an email' }))).status).toBe(201);
    const current = (await app.http.get('/master-data/settings').set(bearer(admin))).body.data;
    const next = structuredClone(current);
    next.governed[UID].fields.segment = { type: 'email' };
    const saved = await app.http.put('/master-data/settings').set(bearer(admin)).send({ data: next, reason: 'segments are mailboxes now' });
    expect(saved.status).toBe(200);
    const at = Date.now();
    let refused: { status: number; body: any } | undefined;
    while (Date.now() - at < 1000) {
      const attempt = await createOnOther(customerData({ segment: 'not an email' }));
      if (attempt.status === 400) {
        refused = attempt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(refused?.body.error.details.errors[0].path).toEqual(['segment']);
    expect(Date.now() - at).toBeLessThan(1000);
  });
});
