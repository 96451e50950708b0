import { spawnSync } from 'node:child_process';
import { startApp, apiToken, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { eventsOf, withTriggersLifted, EVENTS, queryError } from '../helpers/audit';
import { ROOT } from '../helpers/database';

let app: TestApp;
let token: string;
let admin: string;

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
  await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { segment: 'Mid-market' } });
  await app.http.put(`/api/customers/${id}`).set(bearer(token)).send({ data: { segment: 'Enterprise', tier: 'A' } });
  const events = await eventsOf(app, id);
  expect(events.map((e) => e.action)).toEqual(['create', 'publish', 'update', 'publish', 'update', 'publish']);
  // The record after each request (two events each: the write and its publish).
  const states = [
    { segment: 'SME', tier: 'C', code: created.body.data.code, phone: '+8675586013388' },
    { segment: 'Mid-market', tier: 'C' },
    { segment: 'Enterprise', tier: 'A' },
  ];

  const asOf = (at: string) => app.http.get(`/master-data/audit-events/as-of?uid=api::customer.customer&documentId=${id}&at=${encodeURIComponent(at)}`).set(bearer(admin));
  const before = await asOf('2000-01-01T00:00:00Z');
  expect(before.body.data).toMatchObject({ state: null, eventsApplied: 0 });
  // As of the recorded time of each request's last event: every event recorded up to that instant
  // applies (a later request recorded in the same millisecond included), and no other. No timers.
  for (const k of [0, 1, 2]) {
    const at = events[2 * k + 1].occurred_at;
    const applied = events.filter((e) => Date.parse(e.occurred_at) <= Date.parse(at)).length;
    expect(applied).toBeGreaterThanOrEqual(2 * k + 2);
    const res = await asOf(at);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ eventsApplied: applied, state: states[Math.floor((applied - 1) / 2)] });
  }
  // Just before the first event: nothing yet.
  expect((await asOf(new Date(Date.parse(events[0].occurred_at) - 1).toISOString())).body.data).toMatchObject({ state: null, eventsApplied: 0 });
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

const retention = (before: string, env: Record<string, string> = {}) =>
  spawnSync('node', ['scripts/audit-retention.js', '--before', before, '--reason', 'retention test'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });

test('retention refuses a cut-off younger than the configured minimum age (default 365 days)', async () => {
  const count = async () => Number((await app.strapi.db.connection(EVENTS).count({ n: '*' }))[0].n);
  const events = await count();
  const recent = retention(new Date(Date.now() - 364 * 24 * 3600 * 1000).toISOString());
  expect(recent.status).toBe(2);
  expect(recent.stderr).toContain('is too recent');
  expect(recent.stderr).toContain('365 days (master-data.config.audit.retention.minimumAgeDays)');
  expect(recent.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  expect(await count()).toBe(events);
  // A shorter minimum is a configuration choice; the refusal follows it.
  const shorter = retention(new Date(Date.now() - 20 * 24 * 3600 * 1000).toISOString(), { MASTER_DATA_AUDIT_MINIMUM_AGE_DAYS: '30' });
  expect(shorter.status).toBe(2);
  expect(shorter.stderr).toContain('30 days (master-data.config.audit.retention.minimumAgeDays)');
  expect(await count()).toBe(events);
  // Old enough: accepted (nothing that old here, so nothing removed and no retention event).
  const old = retention(new Date(Date.now() - 366 * 24 * 3600 * 1000).toISOString());
  expect(old.status).toBe(0);
  expect(JSON.parse(old.stdout.trim().split('\n').pop()!)).toEqual({ removed: 0, checkpoint: null });
  expect(await count()).toBe(events);
  // Not a date: refused by the script before anything runs.
  expect(retention('last year').status).toBe(2);
});

test('retention removes old events only through the procedure, and the rest still verifies from its checkpoint', async () => {
  for (let i = 0; i < 3; i += 1) await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
  const all = await app.strapi.db.connection(EVENTS).orderBy('sequence');
  expect(all.length).toBe(12);
  // Cut at the first event of the third request: events recorded strictly before it go (events 1-4,
  // or fewer if the second request's publish shares its millisecond). Counted from the recorded times, no timers.
  const cutoff = all[4].occurred_at;
  const removed = all.filter((e: any) => Date.parse(e.occurred_at) < Date.parse(cutoff)).length;
  expect(removed).toBeGreaterThanOrEqual(2);
  expect(removed).toBeLessThanOrEqual(4);

  // The minimum age is lowered for this run only (this test's events are seconds old).
  const cli = retention(cutoff, { MASTER_DATA_AUDIT_MINIMUM_AGE_DAYS: '0' });
  expect(cli.status).toBe(0);
  expect(JSON.parse(cli.stdout.trim().split('\n').pop()!)).toEqual({ removed, checkpoint: removed });

  const left = await app.strapi.db.connection(EVENTS).orderBy('sequence');
  expect(left.map((e: any) => Number(e.sequence))).toEqual(Array.from({ length: 13 - removed }, (_, i) => removed + 1 + i));
  const retentionEvent = left[left.length - 1];
  expect(retentionEvent).toMatchObject({ action: 'audit.retention', reason: 'retention test', uid: 'plugin::master-data.audit' });
  expect(JSON.parse(retentionEvent.changes).checkpoint.after).toEqual({ sequence: removed, hash: all[removed - 1].hash });
  const verify = await app.http.get('/master-data/audit-events/verify').set(bearer(admin));
  expect(verify.body.data).toMatchObject({ ok: true, checked: 13 - removed, firstBrokenSequence: null, reason: null, fromCheckpoint: removed });
  // Deleting is still refused outside the procedure.
  expect(await queryError(app.strapi.db.connection(EVENTS).where({ sequence: removed + 1 }).del())).toMatch(/append-only/);
  // And new writes keep extending the same chain.
  await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
  expect((await app.http.get('/master-data/audit-events/verify').set(bearer(admin))).body.data).toMatchObject({ ok: true, checked: 15 - removed });
  // A checkpoint forged into the table (the procedure not run) does not make earlier events vanish.
  await app.strapi.db.connection('master_data_audit_checkpoints').insert({ sequence: 8, hash: left[3].hash, created_at: new Date().toISOString(), removed: 0, reason: 'forged' });
  expect((await app.http.get('/master-data/audit-events/verify').set(bearer(admin))).body.data).toMatchObject({ ok: false, firstBrokenSequence: removed + 1, fromCheckpoint: 8 });
  expect(await queryError(app.strapi.db.connection('master_data_audit_checkpoints').where({ sequence: 8 }).del())).toMatch(/append-only/);
});
