/**
 * Issue 8, item 9: rows written past the pipeline (what `strapi import` does) are reconciled by
 * `npm run data:reconcile`: match keys rebuilt, duplicates among them queued, invalid rows listed,
 * one audit event recorded.
 */
import { randomUUID } from 'node:crypto';
import { startApp, adminToken, bearer, type TestApp } from '../helpers/strapi';
import { customerData, uscc } from '../helpers/fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** A customer row as an import writes it: straight into the table, no document service. */
const imported = (data: Record<string, unknown>) => {
  const { addresses, contacts, bankAccounts, externalIds, ...root } = data as any;
  const now = new Date().toISOString();
  return app.strapi.db.query('api::customer.customer').create({
    data: { ...root, documentId: randomUUID().replace(/-/g, '').slice(0, 24), lifecycleStage: 'active', publishedAt: null, createdAt: now, updatedAt: now },
  });
};

test('reconcile keys imported rows, queues their duplicates, lists invalid ones and is audited', async () => {
  const taxId = uscc();
  const a = await imported(customerData({ name: 'Imported Twin Trading', taxId, email: 'twin@imported-one.com' }));
  const b = await imported(customerData({ name: 'Imported Twin Trading', taxId, email: 'twin@imported-two.com' }));
  const bad = await imported(customerData({ name: 'Imported Broken Tax Id', taxId: '9144030071526726XH' }));
  const knex = app.strapi.db.connection;

  // The import left the hub blind: no keys for these rows, so a new write with the twin's tax id would pass.
  const [{ n: before }] = await knex('master_data_match_keys').whereIn('document_id', [a.documentId, b.documentId, bad.documentId]).count({ n: '*' });
  expect(Number(before)).toBe(0);

  const result = await app.strapi.plugin('master-data').service('imports').reconcile({ uid: 'api::customer.customer', reason: 'import OPS-77' });
  expect(result.records).toBe(3);
  expect(result.matchKeys).toBe(3);
  expect(result.pairsQueued).toBe(1);
  expect(result.invalid).toBe(1);
  expect(result.invalidRecords).toEqual([{ documentId: bad.documentId, errors: [expect.objectContaining({ path: 'taxId', message: expect.stringContaining('expected G') })] }]);

  const keyed = await knex('master_data_match_keys').whereIn('document_id', [a.documentId, b.documentId, bad.documentId]).select('document_id');
  expect(new Set(keyed.map((r: any) => r.document_id))).toEqual(new Set([a.documentId, b.documentId, bad.documentId]));

  const { token } = await adminToken(app);
  const pairs = await app.http.get('/master-data/duplicates').query({ documentId: a.documentId }).set(bearer(token));
  expect(pairs.status).toBe(200);
  expect(pairs.body.results).toEqual([expect.objectContaining({ decision: 'block', status: 'open' })]);
  expect([pairs.body.results[0].a, pairs.body.results[0].b].sort()).toEqual([a.documentId, b.documentId].sort());

  const events = await app.http.get('/master-data/audit-events').query({ action: 'import.reconcile' }).set(bearer(token));
  expect(events.status).toBe(200);
  expect(events.body.data).toHaveLength(1);
  expect(events.body.data[0]).toMatchObject({
    uid: 'api::customer.customer',
    reason: 'import OPS-77',
    actor: { kind: 'system' },
    changes: { records: { after: 3 }, pairsQueued: { after: 1 }, invalid: { after: 1 }, invalidRecords: { after: [bad.documentId] } },
  });

  // Now governed again: a create with the twin's tax id is blocked by the rebuilt keys.
  const viaCode = app.strapi.documents('api::customer.customer').create({ data: customerData({ name: 'Imported Twin Trading', taxId }) as any });
  await expect(viaCode).rejects.toMatchObject({ status: 409, name: 'DuplicateError' });
});
