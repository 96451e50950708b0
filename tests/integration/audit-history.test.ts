import { spawnSync } from 'node:child_process';
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { eventsOf, withTriggersLifted, EVENTS, queryError } from '../helpers/audit';
import { ROOT } from '../helpers/database';

let app: TestApp;
let token: string;
let admin: string;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
});
afterAll(async () => {
  await app?.stop();
});

test('"as of": the state of one record at a past time, rebuilt from its events', async () => {
  const created = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData({ segment: 'SME', tier: 'C' }) });
  const id = created.body.data.documentId;
  await pause(15);
  await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { segment: 'Mid-market' } });
  await pause(15);
  await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { segment: 'Enterprise', tier: 'A' } });
  const [create, first, second] = (await eventsOf(app, id)).filter((e) => e.action !== 'publish');
  const between = (a: string, b: string) => new Date((Date.parse(a) + Date.parse(b)) / 2).toISOString();

  const asOf = (at: string) => app.http.get(`/master-data/audit-events/as-of?uid=api::customer.customer&documentId=${id}&at=${encodeURIComponent(at)}`).set(bearer(admin));
  const before = await asOf('2000-01-01T00:00:00Z');
  expect(before.body.data).toMatchObject({ state: null, eventsApplied: 0 });
  const afterCreate = await asOf(between(create.occurred_at, first.occurred_at));
  expect(afterCreate.body.data.state).toMatchObject({ segment: 'SME', tier: 'C', code: created.body.data.code, phone: '+8675586013388' });
  const afterFirst = await asOf(between(first.occurred_at, second.occurred_at));
  expect(afterFirst.body.data.state).toMatchObject({ segment: 'Mid-market', tier: 'C' });
  const now = await asOf(new Date().toISOString());
  expect(now.body.data).toMatchObject({ state: { segment: 'Enterprise', tier: 'A' }, eventsApplied: 6 });
  expect((await asOf('not-a-date')).status).toBe(400);
});

test('npm run audit:verify checks the chain from the command line and fails on a broken one', async () => {
  const run = () => spawnSync('node', ['scripts/audit-verify.js'], { cwd: ROOT, env: process.env, encoding: 'utf8' });
  const result = (out: string) => JSON.parse(out.trim().split('\n').pop()!);
  const ok = run();
  expect(ok.status).toBe(0);
  expect(result(ok.stdout)).toMatchObject({ ok: true, checked: 6, firstBrokenSequence: null });

  const knex = app.strapi.db.connection;
  const original = await knex(EVENTS).where({ sequence: 2 }).first();
  await withTriggersLifted(app, async () => {
    await knex(EVENTS).where({ sequence: 2 }).update({ actor_name: 'someone else' });
  });
  const broken = run();
  expect(broken.status).toBe(1);
  expect(result(broken.stdout)).toMatchObject({ ok: false, firstBrokenSequence: 2 });
  await withTriggersLifted(app, async () => {
    await knex(EVENTS).where({ sequence: 2 }).update({ actor_name: original.actor_name });
  });
  expect(run().status).toBe(0);
});

test('retention removes old events only through the procedure, and the rest still verifies from its checkpoint', async () => {
  for (let i = 0; i < 3; i += 1) await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
  const all = await app.strapi.db.connection(EVENTS).orderBy('sequence');
  expect(all.length).toBe(12);
  await pause(5);
  // Events 1-4 are two earlier requests (a create and its publish each, possibly in the same millisecond): cut after the second.
  const cutoff = new Date(Date.parse(all[3].occurred_at) + 1).toISOString(); // removes events 1-4

  const cli = spawnSync('node', ['scripts/audit-retention.js', '--before', cutoff, '--reason', 'retention test'], { cwd: ROOT, env: process.env, encoding: 'utf8' });
  expect(cli.status).toBe(0);
  expect(JSON.parse(cli.stdout.trim().split('\n').pop()!)).toEqual({ removed: 4, checkpoint: 4 });

  const left = await app.strapi.db.connection(EVENTS).orderBy('sequence');
  expect(left.map((e: any) => Number(e.sequence))).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
  expect(left[8]).toMatchObject({ action: 'audit.retention', reason: 'retention test', uid: 'plugin::master-data.audit' });
  expect(JSON.parse(left[8].changes).checkpoint.after).toEqual({ sequence: 4, hash: all[3].hash });
  const verify = await app.http.get('/master-data/audit-events/verify').set(bearer(admin));
  expect(verify.body.data).toMatchObject({ ok: true, checked: 9, firstBrokenSequence: null, reason: null, fromCheckpoint: 4 });
  // Deleting is still refused outside the procedure.
  expect(await queryError(app.strapi.db.connection(EVENTS).where({ sequence: 5 }).del())).toMatch(/append-only/);
  // And new writes keep extending the same chain.
  await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
  expect((await app.http.get('/master-data/audit-events/verify').set(bearer(admin))).body.data).toMatchObject({ ok: true, checked: 11 });
  // A checkpoint forged into the table (the procedure not run) does not make earlier events vanish.
  await app.strapi.db.connection('master_data_audit_checkpoints').insert({ sequence: 8, hash: left[3].hash, created_at: new Date().toISOString(), removed: 0, reason: 'forged' });
  expect((await app.http.get('/master-data/audit-events/verify').set(bearer(admin))).body.data).toMatchObject({ ok: false, firstBrokenSequence: 5, fromCheckpoint: 8 });
  expect(await queryError(app.strapi.db.connection('master_data_audit_checkpoints').where({ sequence: 8 }).del())).toMatch(/append-only/);
});
