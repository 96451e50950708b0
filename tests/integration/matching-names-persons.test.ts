/**
 * Issue 13 over HTTP: persons are never blocked by their name (with or without the city), only by
 * an identifier; a Chinese name written in pinyin or English, and a homophone typo, with the same
 * phone reach review; the indexes a hub needs exist; on PostgreSQL the fuzzy candidate query uses
 * the trigram index on a table that has never been analysed.
 */
import { startApp, apiToken, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, uscc, CUSTOMER_TABLES } from '../helpers/fixtures';
import { isPostgres } from '../helpers/database';

const UID = 'api::customer.customer';
const KEYS = 'master_data_match_keys';
let app: TestApp;
let token: string;

const person = (overrides: Record<string, unknown>) =>
  customerData({ customerType: 'person', taxId: null, email: null, phone: null, website: null, contacts: [], legalName: null, ...overrides });
const create = (data: Record<string, unknown>) => app.http.post('/api/customers').set(bearer(token)).send({ data });
const match = (data: Record<string, unknown>) => app.http.post('/api/master-data/match').set(bearer(token)).send({ data });

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('persons are not blocked by their name', () => {
  test('two people called 张伟 in one city, each with their own phone: both created, not even review', async () => {
    const first = await create(person({ name: '张伟', city: '北京', phone: '139 1000 0001' }));
    expect(first.status).toBe(201);
    const before = await rowCounts(app, CUSTOMER_TABLES);
    const second = await create(person({ name: '张伟', city: '北京市', phone: '139 1000 0002' }));
    expect(second.status).toBe(201);
    expect(second.headers['x-duplicate-review']).toBeUndefined();
    expect((await rowCounts(app, CUSTOMER_TABLES)).customers).toBe(before.customers + 2); // draft and published
  });

  test('Sarah Lewis three times in one city: created, not queued on the name; the same phone is review, never 409', async () => {
    const gb = { city: 'Leeds', country: 'GB', currency: 'GBP' };
    const first = await create(person({ ...gb, name: 'Sarah Lewis', phone: '0113 496 0001' }));
    expect(first.status).toBe(201);
    const second = await create(person({ ...gb, name: 'Lewis, Sarah' }));
    expect([second.status, second.headers['x-duplicate-review']]).toEqual([201, undefined]);
    // Also a name that reads as a person's when the record does not say it is one.
    const third = await create(person({ ...gb, name: 'Sarah Lewis', customerType: undefined, email: 'sarah.lewis@example.co.uk' }));
    expect([third.status, third.headers['x-duplicate-review']]).toEqual([201, undefined]);
    const same = await create(person({ ...gb, name: 'Sarah Lewis', customerType: undefined, phone: '+44 113 496 0001' }));
    expect(same.status).toBe(201);
    expect(same.body.meta.masterData.duplicates.candidates[0]).toMatchObject({ documentId: first.body.data.documentId, decision: 'review' });
  });

  test('an identifier still blocks a person (the same tax id); the same phone and email are review', async () => {
    const id = uscc();
    const first = await create(person({ name: '王芳', city: '上海', taxId: id, phone: '139 2000 0001', email: 'wang.fang@example.cn' }));
    expect(first.status).toBe(201);
    expect((await create(person({ name: '王芳', city: '杭州', taxId: id }))).status).toBe(409);
    const both = await create(person({ name: '王芳', city: '上海', phone: '139 2000 0001', email: 'Wang.Fang@example.cn' }));
    expect(both.status).toBe(201);
    expect(both.body.meta.masterData.duplicates.candidates[0]).toMatchObject({ documentId: first.body.data.documentId, decision: 'review' });
  });

  test('organisations keep the name + city rule', async () => {
    const org = { taxId: null, phone: null, email: null, contacts: [], name: '深圳市华科电子有限公司', city: '深圳' };
    expect((await create(customerData(org))).status).toBe(201);
    const copy = await create(customerData({ ...org, name: '华科电子（深圳）有限公司', city: '深圳市' }));
    expect(copy.status).toBe(409);
    expect(copy.body.error.details.candidates[0].reasons[0]).toMatchObject({ comparator: 'rule', field: 'name+city' });
  });
});

describe('names in another script or with a homophone typo', () => {
  test('the English name of a Chinese company with the same phone is review, ranked first', async () => {
    const cn = await create(customerData({ name: '上海市恒通创新科技有限公司', city: '上海', phone: '021 6123 4567', email: null, contacts: [], taxId: null }));
    expect(cn.status).toBe(201);
    const res = await match({ name: 'Shanghai Hengtongchuangxin Technology Co., Ltd.', city: 'Shanghai', country: 'CN', phone: '+86 21 6123 4567' });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ documentId: cn.body.data.documentId, decision: 'review' });
    expect(res.body.data[0].reasons).toContainEqual(expect.objectContaining({ field: 'name', comparator: 'transliteration' }));
    // Found by its romanised name alone (no phone): a candidate, below review.
    const alone = await match({ name: 'Hengtongchuangxin Technology', country: 'CN' });
    expect(alone.body.data[0]?.documentId).toBe(cn.body.data.documentId);
  });

  test('a person written in pinyin, surname last, and a homophone typo, with the same phone, are review', async () => {
    const zhou = await create(person({ name: '周红磊', city: '杭州', phone: '139 3000 0001' }));
    expect(zhou.status).toBe(201);
    const pinyin = await create(person({ name: 'Honglei Zhou', city: 'Hangzhou', phone: '+86 139 3000 0001' }));
    expect(pinyin.status).toBe(201);
    expect(pinyin.body.meta.masterData.duplicates.candidates[0]).toMatchObject({ documentId: zhou.body.data.documentId, decision: 'review' });

    const he = await create(person({ name: '何盈', city: '深圳', phone: '139 3000 0002' }));
    const typo = await create(person({ name: '何颖', city: '深圳', phone: '13930000002' }));
    expect([he.status, typo.status]).toEqual([201, 201]);
    expect(typo.body.meta.masterData.duplicates.candidates[0]).toMatchObject({ documentId: he.body.data.documentId, decision: 'review' });
  });
});

describe('common names', () => {
  test('a name twenty records already carry skips the fuzzy name search; a rarer one does not', async () => {
    const knex = app.strapi.db.connection;
    const matching = app.strapi.plugin('master-data').service('matching');
    const rows = Array.from({ length: 20 }, (_, i) => ({ uid: UID, document_id: `lewis${i}`, version: 'draft', name_key: 'sarahlewis', roman_key: 'lewissarah', city: 'leeds', person: true }));
    await knex(KEYS).insert(rows);
    const statements = async (name: string) => {
      const seen: string[] = [];
      const listen = (q: { sql: string }) => seen.push(q.sql);
      knex.on('query', listen);
      try {
        const found = await matching.candidates({ uid: UID, keys: matching.keysOf({ uid: UID, record: { name, city: 'Leeds', customerType: 'person' } }) });
        return { found, seen };
      } finally {
        knex.removeListener('query', listen);
      }
    };
    const fuzzy = (sql: string) => sql.includes('name_key %') || sql.includes('master_data_match_gram');
    const common = await statements('Sarah Lewis');
    expect(common.found.size).toBeGreaterThanOrEqual(20);
    expect(common.seen.some(fuzzy)).toBe(false);
    const rare = await statements('Sarah Lewisham');
    expect(rare.seen.some(fuzzy)).toBe(true);
    await knex(KEYS).whereIn('document_id', rows.map((r) => r.document_id)).delete();
  });
});

describe('romanised names many records share', () => {
  test('sixty homophone companies reading "yuyuan" or "runyuan" crowd out neither the longer reading nor the one in the city the query names', async () => {
    const knex = app.strapi.db.connection;
    const matching = app.strapi.plugin('master-data').service('matching');
    const row = (id: string, name: string, roman: string, city: string) => ({
      uid: UID, document_id: id, version: 'draft', name_key: name, roman_key: roman, city, person: false, name_tokens: roman, name_terms: null,
    });
    // More than a capped lookup takes (50), inserted before the records looked for.
    const crowd = Array.from({ length: 60 }, (_, i) => [
      row(`yuyuan${i}`, `玉源${i}`, 'yuyuan', '北京'),
      row(`runyuan${i}`, `润源${i}`, 'runyuan', '杭州'),
    ]).flat();
    await knex(KEYS).insert(crowd);
    await knex(KEYS).insert([row('yuyuanzhong', '宇远中科技', 'yuyuanzhong', '成都'), row('runyuan-sz', '润远医疗器械', 'runyuan', '深圳')]);
    try {
      const candidates = (record: Record<string, unknown>) => matching.candidates({ uid: UID, keys: matching.keysOf({ uid: UID, record }) });
      // "YuYuanZhong" is also looked up as yuyua, yuyuan, …: the full reading is not lost among them.
      const chengdu = await candidates({ name: 'Chengdu YuYuanZhong Technologies', city: 'Chengdu', country: 'CN' });
      expect(chengdu.has('yuyuanzhong')).toBe(true);
      // No city, but the name starts with one (in pinyin; the record's city is in Chinese).
      const shenzhen = await candidates({ name: 'Shenzhen RunYuan Medical Equipment Ltd.', country: 'CN' });
      expect(shenzhen.has('runyuan-sz')).toBe(true);
      const ranked = await matching.match({ uid: UID, keys: matching.keysOf({ uid: UID, record: { name: 'Shenzhen RunYuan Medical Equipment Ltd.', country: 'CN' } }), includeAllow: true });
      expect(ranked.map((c: { documentId: string }) => c.documentId)).toContain('runyuan-sz');
    } finally {
      await knex(KEYS).whereIn('document_id', [...crowd.map((r) => r.document_id), 'yuyuanzhong', 'runyuan-sz']).delete();
    }
  });
});

describe('the trigram search (PostgreSQL)', () => {
  (isPostgres() ? test : test.skip)('a long name brings back its one-typo look-alike, not a record two typos away that 0.6 let in', async () => {
    const knex = app.strapi.db.connection;
    const matching = app.strapi.plugin('master-data').service('matching');
    // Stored without a romanised key or a city: only the trigram search can find them.
    const row = (id: string, name: string) => ({ uid: UID, document_id: id, version: 'draft', name_key: name, roman_key: null, city: null, person: false });
    await knex(KEYS).insert([row('swapped', 'northwindlogisticsservcies'), row('twice', 'nqrthwindlogisticsservicqs')]);
    try {
      const query = 'northwindlogisticsservices';
      const { rows } = await knex.raw(`SELECT similarity(?, 'northwindlogisticsservcies') AS one, similarity(?, 'nqrthwindlogisticsservicqs') AS two`, [query, query]);
      // What the test is about: both were candidates at 0.6; the second is two typos away.
      expect(Number(rows[0].two)).toBeGreaterThanOrEqual(0.6);
      expect(Number(rows[0].one)).toBeGreaterThan(Number(rows[0].two));
      const found = await matching.candidates({ uid: UID, keys: { ...matching.keysOf({ uid: UID, record: { name: 'Northwind Logistics Services' } }), name: query } });
      expect(found.has('swapped')).toBe(true);
      expect(found.has('twice')).toBe(false);
    } finally {
      await knex(KEYS).whereIn('document_id', ['swapped', 'twice']).delete();
    }
  });
});

describe('indexes', () => {
  test('code, tax id and email of customers are indexed, none of them partial', async () => {
    const knex = app.strapi.db.connection;
    const names: string[] = isPostgres()
      ? (await knex.raw(`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'customers'`)).rows.map((r: any) => r.name)
      : (await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'`)).map((r: any) => r.name);
    expect(names).toEqual(expect.arrayContaining(['md_customers_code_idx', 'md_customers_tax_id_idx', 'md_customers_email_idx']));
    // 0005 made the code index partial; 0006 replaced it.
    expect(names.filter((n) => n.startsWith('md_customers_code'))).toEqual(['md_customers_code_idx']);
  });

  (isPostgres() ? test : test.skip)('PostgreSQL, 20,000 key rows never analysed: the fuzzy query reads the trigram index, and the planner settings are back after it', async () => {
    const knex = app.strapi.db.connection;
    const han = (i: number) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000)) + String.fromCharCode(0x4e00 + ((i * 104729) % 20000));
    const trades = ['华科', '恒通', '鑫达', '宏盛', '金龙', '天宇'];
    const rows = Array.from({ length: 20000 }, (_, i) => ({
      uid: UID,
      document_id: `bulk${i}`,
      version: 'draft',
      name_key: `${trades[i % 6]}${han(i)}${['电子', '科技', '贸易', '物流'][(i >> 3) % 4]}`,
      city: '深圳',
      phone: `+86139${String(10000000 + i)}`,
    }));
    for (let i = 0; i < rows.length; i += 2000) await knex(KEYS).insert(rows.slice(i, i + 2000));
    const { rows: stats } = await knex.raw(`SELECT last_analyze, last_autoanalyze FROM pg_stat_user_tables WHERE relname = ?`, [KEYS]);
    expect(stats[0]).toEqual({ last_analyze: null, last_autoanalyze: null });
    // The trigram index keeps a small pending list, which searches read whole (no autovacuum merges
    // it): after 20,000 rows at most 256 kB of it is left (32 pages), not the default 4 MB.
    const { rows: pending } = await knex.raw(`SELECT gin_clean_pending_list('master_data_match_keys_trgm_idx'::regclass) AS pages`);
    expect(Number(pending[0].pages)).toBeLessThanOrEqual(33);

    // The statements the candidate search runs, as it runs them.
    const statements: { sql: string; bindings: unknown[] }[] = [];
    // (The pg driver numbers the placeholders; knex.raw wants them as ?.)
    const listen = (q: { sql: string; bindings: unknown[] }) => statements.push({ sql: q.sql.replace(/\$\d+/g, '?'), bindings: q.bindings });
    knex.on('query', listen);
    const keys = app.strapi.plugin('master-data').service('matching').keysOf({ uid: UID, record: { name: '深圳市恒通科技鑫达有限公司', city: '深圳' } });
    let after: string | undefined;
    try {
      await knex.transaction(async (trx) => {
        await app.strapi.plugin('master-data').service('matching').candidates({ uid: UID, keys, trx });
        after = (await trx.raw(`SELECT current_setting('enable_seqscan') AS s`)).rows[0].s;
      });
    } finally {
      knex.removeListener('query', listen);
    }
    expect(after).toBe('on');
    const fuzzy = statements.findIndex((s) => s.sql.includes('name_key % ?'));
    expect(fuzzy).toBeGreaterThan(0);
    // Replay: the settings statement before it, then EXPLAIN the fuzzy statement itself.
    const plan = await knex.transaction(async (trx) => {
      await trx.raw(statements[fuzzy - 1].sql, statements[fuzzy - 1].bindings as any[]);
      return (await trx.raw(`EXPLAIN ${statements[fuzzy].sql}`, statements[fuzzy].bindings as any[])).rows.map((r: any) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('master_data_match_keys_trgm_idx');
    expect(plan).not.toContain('Seq Scan');

    // Strapi's unique check of the code reads the code index, statistics or none.
    const now = new Date().toISOString();
    const customers = Array.from({ length: 20000 }, (_, i) => ({
      document_id: `bulkc${i}`,
      code: `B-${String(i).padStart(7, '0')}`,
      name: `Bulk ${i}`,
      customer_type: 'organization',
      lifecycle_stage: 'active',
      created_at: now,
      updated_at: now,
      published_at: i % 2 ? now : null,
    }));
    for (let i = 0; i < customers.length; i += 1000) await knex('customers').insert(customers.slice(i, i + 1000));
    const unique = (await knex.raw(`EXPLAIN SELECT id FROM customers WHERE code = 'C-000001' AND published_at IS NOT NULL AND id <> 1 LIMIT 1`)).rows.map((r: any) => r['QUERY PLAN']).join('\n');
    expect(unique).toContain('md_customers_code_idx');
    // Strapi's read of one version of a document reads the document index: the indexes this plugin
    // adds are not partial, so the planner, which believes every index of this never-analysed table
    // empty, has none whose predicate the condition implies to read whole instead.
    const read = (await knex.raw(`EXPLAIN SELECT * FROM customers WHERE document_id = 'bulkc4' AND published_at IS NULL`)).rows.map((r: any) => r['QUERY PLAN']).join('\n');
    expect(read).toContain('Index Cond');
    expect(read).not.toContain('md_customers_');

    // A rebuild loads the trigram index through a large pending list and leaves it merged, with its small list again.
    const keyed = await app.strapi.plugin('master-data').service('matching').rebuild({ uid: UID });
    expect(keyed).toBeGreaterThanOrEqual(20000);
    const { rows: options } = await knex.raw(`SELECT array_to_string(reloptions, ',') AS options FROM pg_class WHERE relname = 'master_data_match_keys_trgm_idx'`);
    expect(options[0].options).toBe('fastupdate=on,gin_pending_list_limit=256');
    const { rows: left } = await knex.raw(`SELECT gin_clean_pending_list('master_data_match_keys_trgm_idx'::regclass) AS pages`);
    expect(Number(left[0].pages)).toBe(0);
  });
});
