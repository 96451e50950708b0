/**
 * Every read surface of the plugin shows recorded values through the reader's field-level read
 * permissions: the audit list (admin and content API), the CSV export, as-of, merge preview and the
 * merges list. Sales may not read credit fields or bank accounts (src/roles/definitions.ts).
 */
import { startApp, adminRole, adminToken, apiToken, bearer, fieldPaths, upUser, type TestApp } from '../helpers/strapi';
import { customerData } from '../helpers/fixtures';

const UID = 'api::customer.customer';
const GROUP = 'api::customer-group.customer-group';
const AUDIT_READ = 'plugin::master-data.audit.read';
const IBAN = 'DE89370400440532013000';
// Values that must never reach a reader who may not read them (a fingerprint included).
const SECRET_VALUES = ['777777', 'Bank of Secrets', 'fp:'];

let app: TestApp;
let token: string;
let steward: string;
let salesAuditor: string;
let ibanBlind: string;
let auditOnly: string;
let record: { documentId: string };
let group: { documentId: string };

const create = async (data: Record<string, unknown>) => {
  const res = await app.http.post('/api/customers').set(bearer(token)).set('X-Duplicate-Override', 'test setup').send({ data });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};
const leaks = (text: string) => SECRET_VALUES.filter((value) => text.includes(value));
const events = async (who: string, documentId = record.documentId) => {
  const res = await app.http.get(`/master-data/audit-events?documentId=${documentId}`).set(bearer(who));
  expect(res.status).toBe(200);
  return res.body.data as any[];
};
const changesOf = (list: any[], action: string) => list.find((e) => e.action === action).changes;
const asText = (res: any, callback: (error: Error | null, body: string) => void) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => callback(null, text));
};

beforeAll(async () => {
  // Approvals are tested in approvals*.test.ts; here governed edits go live as they did before them.
  app = await startApp({ approvals: false });
  token = await apiToken(app);
  steward = (await adminToken(app, ['data-steward'])).token;
  // Sales granted the audit trail: a second role holding only audit.read.
  const auditReader = await adminRole(app, [{ action: AUDIT_READ }]);
  salesAuditor = (await adminToken(app, ['sales', auditReader])).token;
  auditOnly = (await adminToken(app, [auditReader])).token;
  // Reads every customer field but a bank account's number and IBAN (sub-fields of a component).
  const blind = await adminRole(app, [
    { action: AUDIT_READ },
    { action: 'plugin::content-manager.explorer.read', subject: UID, fields: fieldPaths(app, UID).filter((f) => !['bankAccounts.iban', 'bankAccounts.accountNumber'].includes(f)) },
  ]);
  ibanBlind = (await adminToken(app, [blind])).token;

  group = await app.strapi.documents(GROUP).create({ data: { name: 'Key accounts', code: 'KEYA' } as any });
  record = await create(customerData({ name: 'Read Permission Trading Ltd', creditLimit: 777777, group: group.documentId, bankAccounts: [{ bankName: 'Bank of Secrets', iban: IBAN }] }));
  const update = await app.http
    .put(`/api/customers/${record.documentId}`)
    .set(bearer(token))
    .send({ data: { name: 'Read Permission Trading Limited', creditLimit: 888888, bankAccounts: [{ bankName: 'Bank of Secrets', iban: 'GB82WEST12345698765432' }] } });
  expect(update.status).toBe(200);
});
afterAll(async () => {
  await app?.stop();
});

describe('admin: the Content Manager read permissions apply to the audit trail', () => {
  test('Sales with audit.read: credit and bank fields are restricted in the list; a steward sees them', async () => {
    const sales = await events(salesAuditor);
    expect(sales.map((e) => e.action).sort()).toEqual(['create', 'publish', 'publish', 'update']);
    const update = changesOf(sales, 'update');
    expect(update.creditLimit).toEqual({ restricted: true });
    expect(update.bankAccounts).toEqual({ restricted: true });
    expect(update.name).toEqual({ before: 'Read Permission Trading Ltd', after: 'Read Permission Trading Limited' });
    expect(changesOf(sales, 'create').currency).toEqual({ restricted: true });
    expect(leaks(JSON.stringify(sales))).toEqual([]);

    const full = await events(steward);
    expect(changesOf(full, 'update').creditLimit).toEqual({ before: 777777, after: 888888 });
    expect(changesOf(full, 'update').bankAccounts.after[0]).toMatchObject({ bankName: 'Bank of Secrets', iban: expect.stringMatching(/^fp:/) });
    expect(leaks(JSON.stringify(full)).sort()).toEqual(['777777', 'Bank of Secrets', 'fp:'].sort());
  });

  test('a component read in part: sub-fields the role may not read (and their fingerprints) are left out and named', async () => {
    const update = changesOf(await events(ibanBlind), 'update');
    expect(update.bankAccounts).toEqual({
      before: [{ bankName: 'Bank of Secrets', accountName: null, swift: null }],
      after: [{ bankName: 'Bank of Secrets', accountName: null, swift: null }],
      hidden: ['bankAccounts.accountNumber', 'bankAccounts.iban'],
    });
    expect(update.creditLimit).toEqual({ before: 777777, after: 888888 });
  });

  test('an admin who may not read the content type sees its events without any value', async () => {
    const list = await events(auditOnly);
    expect(list).toHaveLength(4);
    for (const event of list) for (const change of Object.values(event.changes)) expect(change).toEqual({ restricted: true });
    expect(changesOf(list, 'update')).toHaveProperty('name');
  });

  test('a read granted only under a condition (is creator) cannot be judged for a trail entry: no values', async () => {
    const creatorOnly = await adminRole(app, [{ action: AUDIT_READ }, { action: 'plugin::content-manager.explorer.read', subject: UID, conditions: ['admin::is-creator'] }]);
    const granted = await app.strapi.db.query('admin::permission').findMany({ where: { role: { code: creatorOnly }, subject: UID } });
    expect(granted.map((p: any) => p.conditions)).toEqual([['admin::is-creator']]);
    const list = await events((await adminToken(app, [creatorOnly])).token);
    expect(list).toHaveLength(4);
    for (const event of list) for (const change of Object.values(event.changes)) expect(change).toEqual({ restricted: true });
  });

  test('events of a content type since removed from the schema show no values, even to a steward', async () => {
    await app.strapi.db.transaction(({ trx }: any) =>
      (app.strapi.plugin('master-data').service('audit') as any).record({ trx, uid: 'api::gone.gone', documentId: 'gone1', action: 'update', changes: { iban: { before: 'fp:1', after: 'fp:2' } } })
    );
    const res = await app.http.get('/master-data/audit-events?documentId=gone1').set(bearer(steward));
    expect(res.body.data.map((e: any) => e.changes)).toEqual([{ iban: { restricted: true } }]);
  });

  test('CSV export: the same values withheld, row by row', async () => {
    const csv = async (who: string) => {
      const res = await app.http.get(`/master-data/audit-events/export?documentId=${record.documentId}`).set(bearer(who)).buffer(true).parse(asText as any);
      expect(res.status).toBe(200);
      return res.body as string;
    };
    const sales = await csv(salesAuditor);
    expect(sales.split('\n').filter(Boolean)).toHaveLength(5);
    expect(sales).toContain('Read Permission Trading Limited');
    expect(sales).toContain('""restricted"":true');
    expect(leaks(sales)).toEqual([]);
    expect(leaks(await csv(steward)).sort()).toEqual(['777777', 'Bank of Secrets', 'fp:'].sort());
    expect(leaks(await csv(auditOnly))).toEqual([]);
  });

  test('as-of: fields the role may not read are left out of the state and named', async () => {
    const asOf = (who: string) =>
      app.http.get(`/master-data/audit-events/as-of?uid=${UID}&documentId=${record.documentId}&at=${encodeURIComponent(new Date().toISOString())}`).set(bearer(who));
    const sales = await asOf(salesAuditor);
    expect(sales.status).toBe(200);
    expect(sales.body.data.state.name).toBe('Read Permission Trading Limited');
    expect(sales.body.data.state).not.toHaveProperty('creditLimit');
    expect(sales.body.data.state).not.toHaveProperty('bankAccounts');
    expect(sales.body.data.restricted).toEqual(expect.arrayContaining(['bankAccounts', 'creditLimit', 'currency']));
    expect(leaks(JSON.stringify(sales.body))).toEqual([]);

    const blind = await asOf(ibanBlind);
    expect(blind.body.data.state.bankAccounts).toEqual([{ bankName: 'Bank of Secrets', accountName: null, swift: null }]);
    expect(blind.body.data.restricted).toEqual(['bankAccounts.accountNumber', 'bankAccounts.iban']);

    const full = await asOf(steward);
    expect(full.body.data.state).toMatchObject({ creditLimit: 888888, bankAccounts: [{ bankName: 'Bank of Secrets', iban: expect.stringMatching(/^fp:/) }] });
    expect(full.body.data.restricted).toEqual([]);
  });
});

describe('admin: merge preview and the merges list', () => {
  test('Sales sees no credit or bank value, source, conflict or pick; a steward sees them', async () => {
    const a = await create(customerData({ name: 'Merge Read Check Ltd', creditLimit: 777777, bankAccounts: [{ bankName: 'Bank of Secrets', iban: IBAN }] }));
    const b = await create(customerData({ name: 'Merge Read Check Limited', creditLimit: 100, bankAccounts: [] }));
    const request = { survivor: a.documentId, merged: [b.documentId], picks: { creditLimit: a.documentId, paymentTerms: b.documentId } };

    const sales = await app.http.post('/master-data/merges/preview').set(bearer(salesAuditor)).send(request);
    expect(sales.status).toBe(200);
    expect(sales.body.data.values).toMatchObject({ name: 'Merge Read Check Ltd' });
    for (const field of ['creditLimit', 'bankAccounts', 'currency', 'paymentTerms']) {
      expect(sales.body.data.values).not.toHaveProperty(field);
      expect(sales.body.data.sources).not.toHaveProperty(field);
    }
    expect(sales.body.data.conflicts).toContain('name');
    expect(sales.body.data.conflicts).not.toContain('creditLimit');
    expect(sales.body.data.restricted).toEqual(expect.arrayContaining(['bankAccounts', 'creditLimit']));
    expect(leaks(JSON.stringify(sales.body))).toEqual([]);

    const full = await app.http.post('/master-data/merges/preview').set(bearer(steward)).send(request);
    expect(full.body.data.values).toMatchObject({ creditLimit: 777777, bankAccounts: [{ bankName: 'Bank of Secrets', iban: IBAN }] });
    expect(full.body.data.conflicts).toContain('creditLimit');

    const merged = await app.http.post('/master-data/merges').set(bearer(steward)).set('X-Change-Reason', 'same company').send(request);
    expect(merged.status).toBe(200);
    expect(merged.body.data.picks).toMatchObject({ creditLimit: a.documentId, paymentTerms: b.documentId });

    const list = async (who: string) => {
      const res = await app.http.get(`/master-data/merges?documentId=${a.documentId}`).set(bearer(who));
      expect(res.status).toBe(200);
      return res.body.data[0];
    };
    const salesList = await list(salesAuditor);
    expect(salesList.picks).toHaveProperty('name');
    expect(salesList.picks).not.toHaveProperty('creditLimit');
    expect(salesList.picks).not.toHaveProperty('paymentTerms');
    expect((await list(steward)).picks).toMatchObject({ creditLimit: a.documentId, paymentTerms: b.documentId });
  });

  test('an admin with duplicates.read but no read of the type sees records only by their document id', async () => {
    const noRead = (await adminToken(app, [await adminRole(app, [{ action: 'plugin::master-data.duplicates.read' }])])).token;
    const a = await create(customerData({ name: 'Nobody Reads This Ltd', creditLimit: 777777 }));
    const b = await create(customerData({ name: 'Nobody Reads This Limited', creditLimit: 5 }));
    const preview = await app.http.post('/master-data/merges/preview').set(bearer(noRead)).send({ survivor: a.documentId, merged: [b.documentId] });
    expect(preview.status).toBe(200);
    expect(preview.body.data.values).toEqual({});
    expect(preview.body.data.sources).toEqual({});
    expect(preview.body.data.conflicts).toEqual([]);
    expect(JSON.stringify(preview.body)).not.toContain('Nobody Reads');

    const match = await app.http.post('/master-data/match').set(bearer(noRead)).send({ documentId: a.documentId });
    expect(match.status).toBe(200);
    expect(match.body.records[b.documentId]).toEqual({ documentId: b.documentId });
    expect(JSON.stringify(match.body)).not.toContain('Nobody Reads');
  });
});

describe('content API: values only for readers of the type, through the content API sanitiser', () => {
  const trail = async (key: string) => {
    const res = await app.http.get(`/api/master-data/audit-events?documentId=${record.documentId}`).set(bearer(key));
    expect(res.status).toBe(200);
    return res.body.data as any[];
  };

  test('a custom token with readTrail but without customer find sees no values; with find it does', async () => {
    const without = await trail(await apiToken(app, 'custom', ['plugin::master-data.audit.readTrail']));
    expect(without).toHaveLength(4);
    for (const event of without) for (const change of Object.values(event.changes)) expect(change).toEqual({ restricted: true });
    expect(JSON.stringify(without)).not.toContain('Read Permission Trading');
    expect(leaks(JSON.stringify(without))).toEqual([]);

    const withFind = await trail(await apiToken(app, 'custom', ['plugin::master-data.audit.readTrail', `${UID}.find`]));
    const update = changesOf(withFind, 'update');
    expect(update.name).toEqual({ before: 'Read Permission Trading Ltd', after: 'Read Permission Trading Limited' });
    expect(update.creditLimit).toEqual({ before: 777777, after: 888888 });
    // The content API sanitiser removes relations to types the token may not read.
    expect(changesOf(withFind, 'create').group).toEqual({ restricted: true });

    const withGroup = await trail(await apiToken(app, 'custom', ['plugin::master-data.audit.readTrail', `${UID}.findOne`, `${GROUP}.find`]));
    expect(changesOf(withGroup, 'create').group).toEqual({ before: null, after: group.documentId });
  });

  test('a full-access token sees every value', async () => {
    const all = await trail(token);
    expect(leaks(JSON.stringify(all)).sort()).toEqual(['777777', 'Bank of Secrets', 'fp:'].sort());
  });

  test("users-permissions: the role's find permission decides", async () => {
    const reader = await upUser(app, ['plugin::master-data.audit.readTrail']);
    const without = await trail(reader.jwt);
    for (const event of without) for (const change of Object.values(event.changes)) expect(change).toEqual({ restricted: true });
    await upUser(app, [`${UID}.find`]); // same Authenticated role
    const update = changesOf(await trail(reader.jwt), 'update');
    expect(update.creditLimit).toEqual({ before: 777777, after: 888888 });
  });
});
