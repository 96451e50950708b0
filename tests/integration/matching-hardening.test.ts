/**
 * Duplicate matching that cannot be walked around: both versions of a record (published and
 * pending draft) are matched, publish/unpublish/discard/delete keep the keys of each version
 * right; tax ids compare on their registered root; invisible and look-alike characters hide
 * nothing; adversarial names cost linear time; the match API standardises like a write.
 */
import { startApp, adminToken, apiToken, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, uscc, CUSTOMER_TABLES } from '../helpers/fixtures';
import { preVersionKeyTable } from '../helpers/legacy-schema';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
const KEYS = 'master_data_match_keys';
let app: TestApp;
let token: string;
let steward: string;
let n = 0;

/** A customer that matches nothing but what a test makes match (no phone, own email). */
const record = (overrides: Record<string, unknown> = {}) => {
  n += 1;
  return customerData({
    name: `Versioned ${['Lumen', 'Quarry', 'Vector', 'Nimbus', 'Oxbow'][n % 5]} ${n}q${n} Holdings`,
    phone: null,
    email: `office@versioned-${n}.example`,
    city: `Testville ${n}`,
    contacts: [],
    externalIds: [{ system: 'SAP', externalId: `SAP-V-${n}` }],
    ...overrides,
  });
};

const create = (data: Record<string, unknown>, query = '') => app.http.post(`/api/customers${query}`).set(bearer(token)).send({ data });
const keyRows = (documentId: string) => app.strapi.db.connection(KEYS).where({ uid: UID, document_id: documentId }).orderBy('version').select('version', 'tax_id', 'name_key');

beforeAll(async () => {
  // Approvals are tested in approvals*.test.ts; here governed edits go live as they did before them.
  app = await startApp({ approvals: false });
  token = await apiToken(app);
  steward = (await adminToken(app, ['data-steward'])).token;
});
afterAll(async () => {
  await app?.stop();
});

describe('both versions of a record are matched', () => {
  test('a draft that moves away from a tax id does not free it while the published version carries it; discard brings it back', async () => {
    const [x, y] = [uscc(), uscc()];
    const a = (await create(record({ taxId: x, city: 'Hangzhou' }))).body.data;
    const moved = await app.http.put(`/api/customers/${a.documentId}?status=draft`).set(bearer(token)).send({ data: { taxId: y } });
    expect(moved.status).toBe(200);
    expect(await keyRows(a.documentId)).toEqual([
      expect.objectContaining({ version: 'draft', tax_id: `CN:${y}` }),
      expect.objectContaining({ version: 'published', tax_id: `CN:${x}` }),
    ]);

    // The golden record still carries X: a new customer with its name, city and X is a duplicate.
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const copy = await create(record({ name: a.name, city: 'Hangzhou', taxId: x }));
    expect(copy.status).toBe(409);
    expect(copy.body.error.details.candidates[0]).toMatchObject({ documentId: a.documentId, decision: 'block' });
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
    // And the pending draft's Y is taken too.
    expect((await create(record({ taxId: y }))).status).toBe(409);

    // Discard (admin): the draft is the published version again, keyed as such; Y is free.
    const discard = await app.http.post(`${CM}/${a.documentId}/actions/discard`).set(bearer(steward)).send({});
    expect(discard.status).toBe(200);
    expect((await keyRows(a.documentId)).map((r: any) => [r.version, r.tax_id])).toEqual([
      ['draft', `CN:${x}`],
      ['published', `CN:${x}`],
    ]);
    expect((await create(record({ taxId: y }))).status).toBe(201);
    expect((await create(record({ taxId: x }))).status).toBe(409);
  });

  test('publish keys the published version; unpublish frees what only the published version held; delete removes both', async () => {
    const [x, y] = [uscc(), uscc()];
    const a = (await create(record({ taxId: x }), '?status=draft')).body.data;
    expect((await keyRows(a.documentId)).map((r: any) => r.version)).toEqual(['draft']);
    expect((await app.http.post(`${CM}/${a.documentId}/actions/publish`).set(bearer(steward)).send({})).status).toBe(200);
    expect((await keyRows(a.documentId)).map((r: any) => [r.version, r.tax_id])).toEqual([
      ['draft', `CN:${x}`],
      ['published', `CN:${x}`],
    ]);
    await app.http.put(`/api/customers/${a.documentId}?status=draft`).set(bearer(token)).send({ data: { taxId: y } });
    expect((await app.http.post(`${CM}/${a.documentId}/actions/unpublish`).set(bearer(steward)).send({})).status).toBe(200);
    expect((await keyRows(a.documentId)).map((r: any) => [r.version, r.tax_id])).toEqual([['draft', `CN:${y}`]]);
    expect((await create(record({ taxId: x }))).status).toBe(201);
    expect((await create(record({ taxId: y }))).status).toBe(409);

    expect((await app.http.delete(`/api/customers/${a.documentId}`).set(bearer(token))).status).toBe(204);
    expect(await keyRows(a.documentId)).toEqual([]);
    expect((await create(record({ taxId: y }))).status).toBe(201);
  });

  test('a REST update that publishes keys both versions, also when it touches no matched field', async () => {
    const [x, y] = [uscc(), uscc()];
    const a = (await create(record({ taxId: x }))).body.data;
    await app.http.put(`/api/customers/${a.documentId}?status=draft`).set(bearer(token)).send({ data: { taxId: y } });
    // Publishes the draft's earlier change with an edit of an unmatched field.
    const published = await app.http.put(`/api/customers/${a.documentId}`).set(bearer(token)).send({ data: { creditLimit: 1234 } });
    expect(published.status).toBe(200);
    expect((await keyRows(a.documentId)).map((r: any) => [r.version, r.tax_id])).toEqual([
      ['draft', `CN:${y}`],
      ['published', `CN:${y}`],
    ]);
    expect((await create(record({ taxId: x }))).status).toBe(201);
  });

  test('admin bulk publish, unpublish and delete keep the keys of each version', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await app.http.post(CM).set(bearer(steward)).send(record())).body.data.documentId);
    const versions = async () => Promise.all(ids.map(async (id) => (await keyRows(id)).map((r: any) => r.version)));
    expect(await versions()).toEqual(ids.map(() => ['draft']));
    const bulk = async (action: string) => expect((await app.http.post(`${CM}/actions/${action}`).set(bearer(steward)).send({ documentIds: ids })).status).toBe(200);
    await bulk('bulkPublish');
    expect(await versions()).toEqual(ids.map(() => ['draft', 'published']));
    await bulk('bulkUnpublish');
    expect(await versions()).toEqual(ids.map(() => ['draft']));
    await bulk('bulkDelete');
    expect(await versions()).toEqual(ids.map(() => []));
  });

  test('discard is a checked write: a published version that blocks another record is a 409, the draft stays', async () => {
    const [x, y] = [uscc(), uscc()];
    const a = (await create(record({ taxId: x }))).body.data;
    await app.http.put(`/api/customers/${a.documentId}?status=draft`).set(bearer(token)).send({ data: { taxId: y } });
    // A database keyed before versions were: the published version's keys are missing, so B got in.
    await app.strapi.db.connection(KEYS).where({ uid: UID, document_id: a.documentId, version: 'published' }).delete();
    const b = await create(record({ taxId: x }));
    expect(b.status).toBe(201);

    const discard = await app.http.post(`${CM}/${a.documentId}/actions/discard`).set(bearer(steward)).send({});
    expect(discard.status).toBe(409);
    expect(discard.body.error.name).toBe('DuplicateError');
    expect(discard.body.error.details.candidates[0]).toMatchObject({ documentId: b.body.data.documentId, decision: 'block' });
    const draft = await app.strapi.db.query(UID).findOne({ where: { documentId: a.documentId, publishedAt: null } });
    expect(draft.taxId).toBe(y);

    // With a reason, a steward discards over the block; the pair is queued with it.
    const over = await app.http.post(`${CM}/${a.documentId}/actions/discard`).set(bearer(steward)).set('X-Duplicate-Override', 'Checked: same ledger').send({});
    expect(over.status).toBe(200);
    const [lo, hi] = [a.documentId, b.body.data.documentId].sort();
    expect(await app.strapi.db.connection('master_data_match_pairs').where({ uid: UID, a: lo, b: hi }).first('override_reason')).toMatchObject({
      override_reason: 'Checked: same ledger',
    });
  });

  test('rebuild keys both versions of every record', async () => {
    const [x, y] = [uscc(), uscc()];
    const a = (await create(record({ taxId: x }))).body.data;
    await app.http.put(`/api/customers/${a.documentId}?status=draft`).set(bearer(token)).send({ data: { taxId: y } });
    const before = await keyRows(a.documentId);
    await app.strapi.plugin('master-data').service('matching').rebuild({ uid: UID });
    expect(await keyRows(a.documentId)).toEqual(before);
    expect(before.map((r: any) => [r.version, r.tax_id])).toEqual([
      ['draft', `CN:${y}`],
      ['published', `CN:${x}`],
    ]);
    expect((await create(record({ taxId: x }))).status).toBe(409);
  });
});

describe('a database keyed before versions existed', () => {
  test('start-up adds the version column and rebuilds the keys of both versions', async () => {
    const [x, y] = [uscc(), uscc()];
    const a = (await create(record({ taxId: x }))).body.data;
    await app.http.put(`/api/customers/${a.documentId}?status=draft`).set(bearer(token)).send({ data: { taxId: y } });
    const knex = app.strapi.db.connection;
    // The earlier schema: one row per document (its draft), unique on (uid, document_id).
    await preVersionKeyTable(knex);
    await knex(KEYS).insert({ uid: UID, document_id: a.documentId, tax_id: y });
    // ... where the migration that versions the keys, and those after it, have not run yet.
    const later = ['matching/0002-match-keys-version', 'matching/0003-match-keys-fold-look-alikes', 'matching/0004-match-keys-name-forms', 'matching/0005-record-indexes', 'matching/0006-record-indexes-not-partial', 'matching/0007-trigram-index-small-pending-list'];
    await knex('master_data_migrations').whereIn('name', later).delete();
    const matching = app.strapi.plugin('master-data').service('matching');
    const migrations = app.strapi.plugin('master-data').service('migrations');
    expect(await migrations.run()).toEqual(later);
    await matching.ensureKeys({ uid: UID });
    expect((await keyRows(a.documentId)).map((r: any) => [r.version, r.tax_id])).toEqual([
      ['draft', `CN:${y}`],
      ['published', `CN:${x}`],
    ]);
    expect((await create(record({ taxId: x }))).status).toBe(409);
    // Run again: nothing to migrate, the keys stay.
    const rows = await knex(KEYS).where({ uid: UID }).count({ n: '*' });
    expect(await migrations.run()).toEqual([]);
    expect(await knex(KEYS).where({ uid: UID }).count({ n: '*' })).toEqual(rows);
    expect(await keyRows(a.documentId)).toHaveLength(2);
  });
});

describe('one company, two forms of its identifier', () => {
  test.each([
    ['FR', 'FR40303265045', '303265045', 'Paris', '40303265045'],
    ['NO', '974760673MVA', '974760673', 'Oslo', '974760673MVA'],
    ['CH', 'CHE116281710MWST', 'CHE116281710', 'Bern', 'CHE116281710MWST'],
    ['IN', '27AAPFU0939F1ZV', 'AAPFU0939F', 'Mumbai', '27AAPFU0939F1ZV'],
  ])('%s: %s then %s is a duplicate; the stored value is what was entered (standardised)', async (country, first, second, city, stored) => {
    const a = await create(record({ country, taxId: first, city, currency: 'EUR' }));
    expect(a.status).toBe(201);
    expect(a.body.data.taxId).toBe(stored);
    const b = await create(record({ country, taxId: second, city, currency: 'EUR' }));
    expect(b.status).toBe(409);
    expect(b.body.error.details.candidates[0]).toMatchObject({ documentId: a.body.data.documentId, decision: 'block' });
    expect(b.body.error.details.candidates[0].reasons).toContainEqual(expect.objectContaining({ field: 'taxId', outcome: 'same' }));
  });
});

describe('invisible and look-alike characters', () => {
  test('a zero-width space, soft hyphen or bidi control hides no duplicate and is not stored', async () => {
    const a = (await create(record({ name: 'Zenwave Trading Ltd', city: 'Leeds', taxId: null }))).body.data;
    for (const name of ['Zen\u200Bwave Trading Ltd', 'Zen\u00ADwave Trading Ltd', '\u202EZenwave Trading Ltd', 'Zenwave\u2060 Trading Ltd']) {
      const match = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: { name, city: 'Leeds' } });
      expect([name, match.body.meta.decision, match.body.data[0]?.documentId]).toEqual([name, 'block', a.documentId]);
      expect([name, (await create(record({ name, city: 'Leeds', taxId: null }))).status]).toEqual([name, 409]);
    }
    // A name of nothing but invisible characters is no name: 400 naming the field, nothing written.
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const blank = await create(record({ name: '\u200B\u2060\u202E', taxId: null }));
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/name/);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
    const stored = await create(record({ name: 'Nova\u00ADtech\u200B Solutions\u202E', taxId: null }));
    expect(stored.status).toBe(201);
    expect(stored.body.data.name).toBe('Novatech Solutions');
  });

  test('Cyrillic and Greek look-alikes in a Latin name are the Latin letters', async () => {
    const a = (await create(record({ name: 'Harbor Quill Foods Ltd', city: 'York', taxId: null }))).body.data;
    for (const name of ['Hаrbor Quill Foods Ltd', 'Ηarbor Quill Fοods Ltd', 'HARBOR QUILL FООDS LTD']) {
      const res = await create(record({ name, city: 'York', taxId: null }));
      expect([name, res.status, res.body.error?.details?.candidates?.[0]?.documentId]).toEqual([name, 409, a.documentId]);
    }
    // Names wholly in Cyrillic match each other, and not a Latin transliteration.
    const ru = (await create(record({ name: 'ООО Ромашка Трейд', city: 'Kazan', taxId: null }))).body.data;
    expect((await create(record({ name: 'ооо  РОМАШКА трейд', city: 'Kazan', taxId: null }))).body.error?.details?.candidates?.[0]?.documentId).toBe(ru.documentId);
  });
});

describe('accents and look-alike letters of any script', () => {
  const match = (data: Record<string, unknown>) => app.http.post('/api/master-data/match').set(bearer(token)).send({ data });

  test('Brightwater Foods Ltd, Shenzhen: every look-alike or accented spelling is a duplicate (409), in the same city spelt with an accent too', async () => {
    const a = (await create(record({ name: 'Brightwater Foods Ltd', city: 'Shenzhen', taxId: null }))).body.data;
    const variants = [
      'Brıghtwater Foods Ltd', // dotless i U+0131
      'Brɪghtwater Foods Ltd', // Latin small capital I U+026A
      'Brightwater Fօods Ltd', // Armenian o U+0585
      'Brightwater Foods Lꓔd', // Lisu T U+A4D4
      'Brightwater Ƒoods Ltd', // F with hook U+0191
      'Brightwater Foods Ltḍ', // combining dot below (precomposed)
      'Brightwater Foods Ltd\u0323', // combining dot below
      'Brightwater Foods L\u0338td', // combining long solidus overlay
      'Brightwáter Foods Ltd', // accent
      'BrightwᎪter Foods Ltd', // Cherokee A U+13AA
    ];
    for (const name of variants) {
      const res = await create(record({ name, city: 'Shenzhen', taxId: null }));
      expect([name, res.status, res.body.error?.details?.candidates?.[0]?.documentId]).toEqual([name, 409, a.documentId]);
    }
    const city = await create(record({ name: 'Brightwater Foods Ltd', city: 'Shenzheń', taxId: null }));
    expect([city.status, city.body.error?.details?.candidates?.[0]?.documentId]).toEqual([409, a.documentId]);
  });

  test('an email address with a Cyrillic і in its domain matches the address and the domain', async () => {
    const a = (await create(record({ name: 'Northwind Pastry Supply', city: 'Lyon', email: 'sales@northwind-pastry.com', taxId: null }))).body.data;
    const res = await match({ name: 'Completely Other Bakery', city: 'Nice', email: 'sales@northwіnd-pastry.com' });
    expect(res.status).toBe(200);
    const candidate = res.body.data.find((c: any) => c.documentId === a.documentId);
    expect(candidate).toBeDefined();
    expect(candidate.reasons).toContainEqual(expect.objectContaining({ field: 'email', outcome: 'same' }));
    const other = await match({ name: 'Completely Other Bakery', city: 'Nice', email: 'orders@northwіnd-pastry.com' });
    expect(other.body.data.map((c: any) => c.documentId)).toContain(a.documentId);
  });

  test('two different names that differ by a letter that is no look-alike are not blocked', async () => {
    const a = (await create(record({ name: 'Marlow Cables Ltd', city: 'Derby', taxId: null }))).body.data;
    const res = await create(record({ name: 'Barlow Cables Ltd', city: 'Derby', taxId: null }));
    expect([res.status, res.body.error?.details?.candidates?.[0]?.documentId]).not.toEqual([409, a.documentId]);
    expect(res.status).toBe(201);
  });

  test('keys stored in the old format are rebuilt: migration 0003 empties them, ensureKeys refills them', async () => {
    const knex = app.strapi.db.connection;
    const a = (await create(record({ name: 'Kjøbenhavn Brød ApS', city: 'Odense', taxId: null }))).body.data;
    // As an earlier version keyed it: ø and accents kept.
    await knex(KEYS).where({ uid: UID, document_id: a.documentId }).update({ name_key: 'kjøbenhavnbrød' });
    const later = ['matching/0003-match-keys-fold-look-alikes', 'matching/0004-match-keys-name-forms', 'matching/0005-record-indexes', 'matching/0006-record-indexes-not-partial', 'matching/0007-trigram-index-small-pending-list'];
    await knex('master_data_migrations').whereIn('name', later).delete();
    const migrations = app.strapi.plugin('master-data').service('migrations');
    expect(await migrations.run()).toEqual(later);
    expect(Number((await knex(KEYS).count({ n: '*' }).first())?.n)).toBe(0);
    await app.strapi.plugin('master-data').service('matching').ensureKeys({ uid: UID });
    expect((await keyRows(a.documentId)).map((r: any) => r.name_key)).toEqual(['kjobenhavnbrodaps', 'kjobenhavnbrodaps']);
    const copy = await create(record({ name: 'Kjobenhavn Brod ApS', city: 'Odense', taxId: null }));
    expect([copy.status, copy.body.error?.details?.candidates?.[0]?.documentId]).toEqual([409, a.documentId]);
  });
});

describe('adversarial names cost linear time', () => {
  test.each([
    ['(', '('.repeat(60000)],
    ['（', '（'.repeat(60000)],
    ['(a', '(a'.repeat(30000)],
  ])('60,000 characters of %s: an answer (no 5xx) within a second', async (_shape, name) => {
    let started = Date.now();
    const match = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: { name, city: 'Berlin' } });
    expect(match.status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(1000);
    started = Date.now();
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const write = await create(record({ name }));
    expect(write.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await rowCounts(app, CUSTOMER_TABLES)).toEqual(before);
  });
});

describe('the match API standardises its input like a write', () => {
  test('GB100654027 finds the record stored as 100654027; a 00 prefix reads as +; the admin route too', async () => {
    const a = await create(record({ country: 'GB', taxId: 'GB100654027', city: 'London', currency: 'GBP' }));
    expect(a.status).toBe(201);
    expect(a.body.data.taxId).toBe('100654027');
    const ask = (path: string, auth: string, data: Record<string, unknown>) => app.http.post(path).set(bearer(auth)).send({ data });
    for (const [path, auth] of [['/api/master-data/match', token], ['/master-data/match', steward]]) {
      const res = await ask(path, auth, { taxId: 'GB 100 6540 27', country: 'gb' });
      expect(res.status).toBe(200);
      expect(res.body.meta).toMatchObject({ decision: 'block', ignored: [] });
      expect(res.body.data[0]).toMatchObject({ documentId: a.body.data.documentId, decision: 'block' });
    }

    // Without a country a write reads 0044… as +44…; so does the match API now.
    const b = await create(record({ country: null, taxId: null, phone: '+44 20 7946 0321', city: 'Reading', name: 'Phonebox Analytics' }));
    expect(b.status).toBe(201);
    const byPhone = await ask('/api/master-data/match', token, { phone: '0044 20 7946 0321', name: 'Phonebox Analytics', city: 'Reading' });
    expect(byPhone.body.data[0]).toMatchObject({ documentId: b.body.data.documentId });
    expect(byPhone.body.data[0].reasons).toContainEqual(expect.objectContaining({ field: 'phone', outcome: 'same' }));
  });

  test('a value a write would refuse is left out of the search and reported, not refused', async () => {
    const res = await app.http
      .post('/api/master-data/match')
      .set(bearer(token))
      .send({ data: { name: 'Ignored Values Ltd', country: 'GB', taxId: 'GB100654028', email: 'not-an-email', phone: '12' } });
    expect(res.status).toBe(200);
    expect(res.body.meta.ignored).toEqual(
      expect.arrayContaining([
        { path: ['taxId'], message: expect.stringContaining('not a valid GB tax number') },
        { path: ['email'], message: expect.stringContaining('not a valid email address') },
        { path: ['phone'], message: expect.stringContaining('phone number') },
      ])
    );
    expect(res.body.meta.ignored).toHaveLength(3);
    expect(res.body.data.every((c: any) => !c.reasons.some((r: any) => r.field === 'taxId'))).toBe(true);
    // A value of the wrong type is not a value that fails validation: the request is malformed (400, the field named).
    const wrongType = await app.http.post('/api/master-data/match').set(bearer(token)).send({ data: { name: 'Ignored Values Ltd', phone: 12 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.errors[0].path).toEqual(['data', 'phone']);
  });
});
