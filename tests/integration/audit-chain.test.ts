import { startApp, apiToken, adminToken, upUser, bearer, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';
import { auditRows, withTriggersLifted, EVENTS, queryError, asText } from '../helpers/audit';
import { isPostgres } from '../helpers/database';

let app: TestApp;
let token: string;
let admin: string;

const verify = async () => (await app.http.get('/master-data/audit-events/verify').set(bearer(admin))).body.data;

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
  // 40 concurrent writers (creates, then updates of the same records): the chain must not fork.
  const created = await Promise.all(
    Array.from({ length: 20 }, () => app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() }))
  );
  expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
  const updated = await Promise.all(
    created.map((r, i) => app.http.put(`/api/customers/${r.body.data.documentId}`).set(bearer(token)).send({ data: { segment: `S${i}` } }))
  );
  expect(updated.map((r) => r.status)).toEqual(Array(20).fill(200));
});
afterAll(async () => {
  await app?.stop();
});

describe('chain integrity under concurrent writers', () => {
  test('sequences are contiguous, each prevHash is the previous hash, and the verifier agrees', async () => {
    const rows = await auditRows(app);
    expect(rows.length).toBe(80); // each REST write is a create/update and a publish event
    rows.forEach((row: any, i: number) => {
      expect(Number(row.sequence)).toBe(i + 1);
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1].hash);
    });
    expect(await verify()).toEqual({
      ok: true,
      checked: 80,
      firstBrokenSequence: null,
      reason: null,
      fromCheckpoint: null,
      head: { sequence: 80, hash: rows[79].hash },
    });
  });
});

describe('append-only at the database level', () => {
  test('UPDATE is refused', async () => {
    expect(await queryError(app.strapi.db.connection(EVENTS).where({ sequence: 3 }).update({ reason: 'rewritten' }))).toMatch(/append-only/);
  });
  test('DELETE is refused', async () => {
    expect(await queryError(app.strapi.db.connection(EVENTS).where({ sequence: 3 }).del())).toMatch(/append-only/);
  });
  if (isPostgres()) {
    test('TRUNCATE is refused', async () => {
      expect(await queryError(app.strapi.db.connection.raw(`TRUNCATE ${EVENTS}`))).toMatch(/append-only/);
    });
  }
});

describe('tampering by someone with database access is detected and pinpointed', () => {
  const knex = () => app.strapi.db.connection;

  test('altered data', async () => {
    const original = await knex()(EVENTS).where({ sequence: 7 }).first();
    await withTriggersLifted(app, async () => {
      await knex()(EVENTS).where({ sequence: 7 }).update({ changes: original.changes.replace(/"S\d+"|"C-\d+"/, '"FORGED"') });
    });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: 7, reason: 'stored hash does not match the event data' });
    await withTriggersLifted(app, async () => {
      await knex()(EVENTS).where({ sequence: 7 }).update({ changes: original.changes });
    });
    expect((await verify()).ok).toBe(true);
  });

  test('a deleted event', async () => {
    const original = await knex()(EVENTS).where({ sequence: 12 }).first();
    await withTriggersLifted(app, async () => {
      await knex()(EVENTS).where({ sequence: 12 }).del();
    });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: 12, reason: expect.stringContaining('missing') });
    await knex()(EVENTS).insert(original);
    expect((await verify()).ok).toBe(true);
  });

  test('a forged event appended with a recomputed-looking hash', async () => {
    const last = await knex()(EVENTS).orderBy('sequence', 'desc').first();
    const forged = { ...last, sequence: Number(last.sequence) + 1, prev_hash: last.hash, action: 'delete', hash: 'f'.repeat(64) };
    await knex()(EVENTS).insert(forged); // inserts are allowed: appending is how the trail grows
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: forged.sequence, reason: 'stored hash does not match the event data' });
    await withTriggersLifted(app, async () => {
      await knex()(EVENTS).where({ sequence: forged.sequence }).del();
    });
    expect((await verify()).ok).toBe(true);
  });

  test('reordered events', async () => {
    const [a, b] = await knex()(EVENTS).whereIn('sequence', [20, 21]).orderBy('sequence');
    await withTriggersLifted(app, async () => {
      await knex()(EVENTS).whereIn('sequence', [20, 21]).del();
      await knex()(EVENTS).insert([{ ...b, sequence: 20 }, { ...a, sequence: 21 }]);
    });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: 20 });
    await withTriggersLifted(app, async () => {
      await knex()(EVENTS).whereIn('sequence', [20, 21]).del();
      await knex()(EVENTS).insert([a, b]);
    });
    expect((await verify()).ok).toBe(true);
  });
});

describe('reading the trail', () => {
  test('filters, newest first, cursor pagination', async () => {
    const page1 = await app.http.get('/master-data/audit-events?action=update&limit=15').set(bearer(admin));
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(15);
    expect(page1.body.data.every((e: any) => e.action === 'update')).toBe(true);
    const sequences = page1.body.data.map((e: any) => e.sequence);
    expect([...sequences].sort((x, y) => y - x)).toEqual(sequences);
    const page2 = await app.http.get(`/master-data/audit-events?action=update&limit=15&cursor=${page1.body.meta.nextCursor}`).set(bearer(admin));
    expect(page2.body.data).toHaveLength(5);
    expect(page2.body.meta.nextCursor).toBeNull();
    expect(Math.max(...page2.body.data.map((e: any) => e.sequence))).toBeLessThan(Math.min(...sequences));

    const one = page1.body.data[0];
    const byDoc = await app.http.get(`/master-data/audit-events?uid=api::customer.customer&documentId=${one.documentId}`).set(bearer(admin));
    expect(byDoc.body.data.map((e: any) => e.action)).toEqual(['publish', 'update', 'publish', 'create']);
    expect(byDoc.body.data[1]).toMatchObject({ actor: { kind: 'api-token' }, changes: { segment: { before: null, after: expect.any(String) } }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const byActor = await app.http.get(`/master-data/audit-events?actor=${encodeURIComponent(one.actor.name)}&limit=100`).set(bearer(admin));
    expect(byActor.body.data.length).toBeGreaterThanOrEqual(40);
    const none = await app.http.get('/master-data/audit-events?from=2999-01-01T00:00:00Z').set(bearer(admin));
    expect(none.body.data).toEqual([]);
    const window = await app.http.get(`/master-data/audit-events?from=${one.occurredAt}&to=${one.occurredAt}`).set(bearer(admin));
    expect(window.body.data.map((e: any) => e.sequence)).toContain(one.sequence);
  });

  test('a bad query parameter is a 400 naming it', async () => {
    const res = await app.http.get('/master-data/audit-events?from=yesterday&limit=9999').set(bearer(admin));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path[0]).sort()).toEqual(['from', 'limit']);
  });

  test('a date outside years 0000-9999 (or not in ISO 8601 form) is a 400: stored times compare as text, so "+099999-…" sorted before every event', async () => {
    const cases = ['from=%2B099999-01-01T00:00:00Z', 'to=%2B099999-01-01T00:00:00Z', 'from=-000001-01-01T00:00:00Z', 'from=1', 'to=9999-12-31T23:00:00-05:00'];
    for (const q of cases) {
      const res = await app.http.get(`/master-data/audit-events?${q}`).set(bearer(admin));
      expect([q, res.status]).toEqual([q, 400]);
      expect(res.body.error.details.errors.map((e: any) => e.path[0])).toEqual([q.split('=')[0]]);
    }
    const asOf = await app.http.get('/master-data/audit-events/as-of?uid=api::customer.customer&documentId=x&at=%2B010000-01-01T00:00:00Z').set(bearer(admin));
    expect(asOf.status).toBe(400);
    expect(asOf.body.error.details.errors.map((e: any) => e.path[0])).toEqual(['at']);
    expect((await app.http.get('/master-data/audit-events?from=2026-01-01&to=9999-12-31T23:59:59.999Z').set(bearer(admin))).status).toBe(200);
  });

  test('admins without the audit permission are refused; the approver role may read', async () => {
    expect((await app.http.get('/master-data/audit-events').set(bearer((await adminToken(app, ['sales'])).token))).status).toBe(403);
    expect((await app.http.get('/master-data/audit-events').set(bearer((await adminToken(app, ['approver'])).token))).status).toBe(200);
  });

  test('content API: a full-access token reads it, a read-only token does not; users-permissions needs the permission', async () => {
    const res = await app.http.get('/api/master-data/audit-events?limit=5').set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(5);
    const readOnly = await apiToken(app, 'read-only');
    expect((await app.http.get('/api/customers').set(bearer(readOnly))).status).toBe(200);
    expect((await app.http.get('/api/master-data/audit-events').set(bearer(readOnly))).status).toBe(403);
    const { jwt } = await upUser(app, []);
    expect((await app.http.get('/api/master-data/audit-events').set(bearer(jwt))).status).toBe(403);
    const granted = await upUser(app, ['plugin::master-data.audit.readTrail']);
    expect((await app.http.get('/api/master-data/audit-events?limit=1').set(bearer(granted.jwt))).status).toBe(200);
  });

  test('a cursor too large to be a sequence is a 400, not a database error', async () => {
    const res = await app.http.get(`/master-data/audit-events?cursor=${'9'.repeat(30)}`).set(bearer(admin));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['cursor']);
  });

  test('CSV export streams every matching event with a header row', async () => {
    const res = await app.http.get('/master-data/audit-events/export?action=create').set(bearer(admin)).buffer(true).parse(asText as any);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (res.body as string).trim().split('\n');
    expect(lines[0]).toBe('sequence,occurredAt,actorKind,actorId,actorName,action,uid,documentId,locale,fields,changes,reason,requestId,ip,userAgent,outcome,prevHash,hash');
    expect(lines.filter((l) => /^\d+,/.test(l))).toHaveLength(20);
  });
});
