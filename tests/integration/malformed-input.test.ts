/**
 * Malformed input, as a careless integrator or an attacker sends it, over every route that takes
 * input: REST (API token), the admin content manager (create, update, clone, publish, bulk actions,
 * lists) and every plugin route (admin and content API). Generated from tables of bad values ×
 * fields × routes. For every request: never a 5xx; every 4xx carries an `error.message`; a refused
 * write leaves every customer table (components and links included) and every master_data_* table
 * as it was.
 */
import { startApp, adminToken, apiToken, bearer, rowCounts, type TestApp } from '../helpers/strapi';
import { customerData, uscc, CUSTOMER_TABLES } from '../helpers/fixtures';
import { isPostgres } from '../helpers/database';

const UID = 'api::customer.customer';
const CM = `/content-manager/collection-types/${UID}`;
let app: TestApp;
let token: string;
let admin: string;
let tables: string[];
let seeded: { documentId: string; id: number };
let other: { documentId: string };
let sent = 0;

type Request = { method: 'get' | 'post' | 'put' | 'delete'; url: string; body?: unknown; raw?: string; type?: string; auth: string };
interface Outcome {
  label: string;
  status: number;
  problem: string;
}

const masterDataTables = async (): Promise<string[]> => {
  const rows: any = isPostgres()
    ? (await app.strapi.db.connection.raw(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'master_data_%'`)).rows
    : await app.strapi.db.connection.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'master_data_%'`);
  return rows.map((r: any) => r.name).sort();
};

const send = async (r: Request) => {
  sent += 1;
  let req = app.http[r.method](r.url).set(bearer(r.auth));
  if (r.raw !== undefined) return req.set('Content-Type', r.type ?? 'application/json').send(r.raw);
  if (r.body !== undefined) req = req.send(r.body as object);
  return req;
};

/**
 * Sends each request and returns what went wrong: a 5xx, a 4xx without `error.message`, a write
 * that was refused but changed rows, or (with `expect4xx`) a success where a refusal was due.
 */
const probe = async (cases: Array<[string, Request] | [string, Request, 'may-accept']>, { write = true, expect4xx = true } = {}): Promise<Outcome[]> => {
  const problems: Outcome[] = [];
  for (const [label, r, mayAccept] of cases) {
    const before = write ? await rowCounts(app, tables) : null;
    const res = await send(r);
    const problem =
      res.status >= 500
        ? `5xx: ${JSON.stringify(res.body).slice(0, 300)}`
        : res.status >= 400 && !(typeof res.body?.error?.message === 'string' && res.body.error.message.length > 0)
          ? `4xx without error.message: ${res.text.slice(0, 200)}`
          : expect4xx && !mayAccept && res.status < 400
            ? `accepted (${res.status}): ${res.text.slice(0, 200)}`
            : '';
    if (problem) problems.push({ label, status: res.status, problem });
    if (before && res.status >= 400) {
      const after = await rowCounts(app, tables);
      if (JSON.stringify(after) !== JSON.stringify(before)) problems.push({ label, status: res.status, problem: `rows changed: ${JSON.stringify(before)} -> ${JSON.stringify(after)}` });
    }
  }
  return problems;
};

const deep = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i += 1) v = { a: v };
  return v;
};

/**
 * Keys the admin content manager drops before the write (its sanitizer keeps only the attributes
 * an admin may write): there a 2xx that ignores them is right; REST refuses them.
 */
const ADMIN_DROPS = new Set(['noSuchField', 'constructor', 'prototype', 'createdAt', 'publishedAt', 'locale', 'documentId', 'id']);

/** Bad values per attribute kind: [label, field, value]. */
const BAD_VALUES: Array<[string, string, unknown]> = [
  // string
  ['name of 60,000 "("', 'name', '('.repeat(60_000)],
  ['name with NUL', 'name', 'Acme\u0000 Ltd'],
  ['name only NUL', 'name', '\u0000'],
  ['name with a lone surrogate', 'name', 'Acme \ud800 Ltd'],
  ['name as a number', 'name', 12345],
  ['name as an object', 'name', { $ne: null }],
  ['name as an array', 'name', ['a', 'b']],
  ['name as a boolean', 'name', true],
  ['notes of 200,000 characters (text)', 'notes', 'x'.repeat(200_000)],
  ['taxId over maxLength', 'taxId', '9'.repeat(33)],
  // decimal
  ['creditLimit 1e308', 'creditLimit', 1e308],
  ['creditLimit 1e9 (decimal(10,2) overflow)', 'creditLimit', 1e9],
  ['creditLimit "NaN"', 'creditLimit', 'NaN'],
  ['creditLimit "Infinity"', 'creditLimit', 'Infinity'],
  ['creditLimit "1e999"', 'creditLimit', '1e999'],
  ['creditLimit "12abc"', 'creditLimit', '12abc'],
  ['creditLimit negative (min 0)', 'creditLimit', -5],
  ['creditLimit as an object', 'creditLimit', { a: 1 }],
  ['creditLimit as an array', 'creditLimit', [1]],
  ['creditLimit as a boolean', 'creditLimit', true],
  // enumeration
  ['tier not in the enum', 'tier', 'Z'],
  ['tier as a number', 'tier', 5],
  ['tier as an object', 'tier', {}],
  ['tier with NUL', 'tier', 'A\u0000'],
  ['customerType as an array', 'customerType', ['organization']],
  // relation
  ['group: unknown documentId', 'group', 'does-not-exist'],
  ['group: huge id', 'group', 99_999_999_999],
  ['group: negative id', 'group', -1],
  ['group: NUL documentId', 'group', '\u0000'],
  ['group: connect to an unknown documentId', 'group', { connect: [{ documentId: 'nope' }] }],
  ['group: connect as a string', 'group', { connect: 'nope' }],
  ['group: an array of empty objects', 'group', [{}]],
  ['group: deeply nested', 'group', deep(50)],
  // component
  ['addresses as a string', 'addresses', 'x'],
  ['addresses as an object without line1', 'addresses', {}],
  ['addresses: an array of numbers', 'addresses', [1, 2]],
  ['addresses: line1 as an object', 'addresses', [{ type: 'billing', line1: { a: 1 } }]],
  ['addresses: isPrimary as a string (boolean)', 'addresses', [{ type: 'billing', line1: 'x', isPrimary: 'maybe' }]],
  ['addresses: isPrimary as an object (boolean)', 'addresses', [{ type: 'billing', line1: 'x', isPrimary: {} }]],
  ['addresses: type not in the enum', 'addresses', [{ type: 'moon', line1: 'x' }]],
  ['addresses: 2,000 entries', 'addresses', Array.from({ length: 2000 }, (_, i) => ({ type: 'billing', line1: `${i} Road` }))],
  ['addresses: nested arrays', 'addresses', [[{ line1: 'x' }]]],
  ['addresses: line1 with NUL', 'addresses', [{ type: 'billing', line1: 'a\u0000' }]],
  ['contacts: name of 60,000 "("', 'contacts', [{ name: '('.repeat(60_000) }]],
  ['bankAccounts: unknown component id', 'bankAccounts', [{ id: 99_999_999_999, bankName: 'B' }]],
  // json
  ['preferences nested 5,000 deep', 'preferences', deep(5000)],
  ['preferences as a string', 'preferences', 'not an object'],
  ['preferences as a number', 'preferences', 42],
  ['preferences with a NUL value', 'preferences', { note: 'a\u0000b' }],
  ['preferences with a NUL key', 'preferences', { 'a\u0000': 1 }],
  ['preferences with a lone surrogate', 'preferences', { note: '\udc00' }],
  ['preferences of 200 kB', 'preferences', { blob: 'x'.repeat(200_000) }],
  // merge markers
  ['lifecycleStage "merged"', 'lifecycleStage', 'merged'],
  ['mergedInto set', 'mergedInto', 'MERGED_TARGET'],
  ['mergedInto connect', 'mergedInto', { connect: ['MERGED_TARGET'] }],
  // unknown and system fields
  ['unknown field', 'noSuchField', 'x'],
  ['constructor key', 'constructor', { prototype: { polluted: true } }],
  ['prototype key', 'prototype', 1],
  ['id as a string', 'id', 'abc'],
  ['documentId with NUL', 'documentId', '\u0000'],
  ['createdAt as garbage', 'createdAt', 'yesterday-ish'],
  ['publishedAt as an object', 'publishedAt', { a: 1 }],
  ['locale with NUL', 'locale', '\u0000'],
];

/** `MERGED_TARGET` stands for another stored record (known only once it is created). */
const withTarget = (value: unknown): unknown => {
  if (value === 'MERGED_TARGET') return other.documentId;
  if (value && typeof value === 'object' && (value as any).connect?.[0] === 'MERGED_TARGET') return { connect: [other.documentId] };
  return value;
};

const data = (field: string, value: unknown) => ({ ...customerData({ taxId: uscc() }), [field]: withTarget(value) });

/** Raw bodies: broken JSON, wrong types at the top, prototype keys (not expressible as a JS literal). */
const RAW_BODIES: Array<[string, string, string]> = [
  ['broken JSON', '{"data": {"name": "x"', 'application/json'],
  ['JSON with a trailing comma', '{"data": {"name": "x",}}', 'application/json'],
  ['data as a string', '{"data": "x"}', 'application/json'],
  ['data as an array', '{"data": [1, 2]}', 'application/json'],
  ['data as null', '{"data": null}', 'application/json'],
  ['no data', '{}', 'application/json'],
  ['body as an array', '[1, 2]', 'application/json'],
  ['body as a number', '42', 'application/json'],
  ['__proto__ in data', '{"data": {"name": "Proto Ltd", "__proto__": {"polluted": true}}}', 'application/json'],
  ['__proto__ in a component', '{"data": {"name": "Proto Ltd", "addresses": [{"line1": "x", "__proto__": {"a": 1}}]}}', 'application/json'],
  ['__proto__ in preferences', '{"data": {"name": "Proto Ltd", "preferences": {"__proto__": {"a": 1}}}}', 'application/json'],
  ['text/plain body', 'data=x', 'text/plain'],
  ['form body', 'data[name]=x&data[creditLimit]=1e308', 'application/x-www-form-urlencoded'],
  ['xml body', '<data><name>x</name></data>', 'application/xml'],
];

const unwrapForAdmin = (raw: string) => {
  try {
    const parsed = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'data' in parsed ? raw.replace(/^\{"data": /, '').replace(/\}$/, '') : raw;
  } catch {
    return raw;
  }
};

beforeAll(async () => {
  app = await startApp();
  token = await apiToken(app);
  admin = (await adminToken(app)).token;
  tables = [...CUSTOMER_TABLES, ...(await masterDataTables())];
  const res = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
  if (res.status !== 201) throw new Error(`seed: ${res.status} ${res.text}`);
  seeded = res.body.data;
  const second = await app.http.post('/api/customers').set(bearer(token)).send({ data: customerData() });
  other = second.body.data;
});
afterAll(async () => {
  await app?.stop();
  // eslint-disable-next-line no-console
  console.log(`malformed-input: ${sent} requests`);
});

describe('writes through REST (API token)', () => {
  test('create: every bad value is a 4xx with a message, nothing written', async () => {
    const cases = BAD_VALUES.map(([label, field, value]): [string, Request] => [label, { method: 'post', url: '/api/customers', body: { data: data(field, value) }, auth: token }]);
    expect(await probe(cases)).toEqual([]);
  });

  test('update: every bad value is a 4xx with a message, nothing written', async () => {
    const cases = BAD_VALUES.map(([label, field, value]): [string, Request] => [label, { method: 'put', url: `/api/customers/${seeded.documentId}`, body: { data: { [field]: withTarget(value) } }, auth: token }]);
    expect(await probe(cases)).toEqual([]);
  });

  test('raw bodies on create and update: 4xx with a message', async () => {
    const cases: Array<[string, Request]> = RAW_BODIES.flatMap(([label, raw, type]): Array<[string, Request]> => [
      [`create: ${label}`, { method: 'post', url: '/api/customers', raw, type, auth: token }],
      [`update: ${label}`, { method: 'put', url: `/api/customers/${seeded.documentId}`, raw, type, auth: token }],
    ]);
    expect(await probe(cases)).toEqual([]);
    expect(({} as any).polluted).toBeUndefined();
  });

  test('bad ids and params on single-record routes', async () => {
    const ids = ['does-not-exist', '%00', 'a'.repeat(300), '99999999999999999999', '-1', '%F0%9F', '..%2F..'];
    const cases: Array<[string, Request]> = ids.flatMap((id): Array<[string, Request]> => [
      [`get ${id}`, { method: 'get', url: `/api/customers/${id}`, auth: token }],
      [`update ${id}`, { method: 'put', url: `/api/customers/${id}`, body: { data: { segment: 'x' } }, auth: token }],
      [`delete ${id}`, { method: 'delete', url: `/api/customers/${id}`, auth: token }],
    ]);
    cases.push(
      ['update with ?locale=%00', { method: 'put', url: `/api/customers/${seeded.documentId}?locale=%00`, body: { data: { segment: 'x' } }, auth: token }],
      ['update with ?status=weird', { method: 'put', url: `/api/customers/${seeded.documentId}?status=weird`, body: { data: { segment: 'x' } }, auth: token }],
      ['create with ?status[$ne]=x', { method: 'post', url: '/api/customers?status[$ne]=x', body: { data: customerData() }, auth: token }]
    );
    expect(await probe(cases, { expect4xx: false })).toEqual([]);
  });
});

/** Query strings that Strapi's list endpoints receive from careless clients. */
const BAD_QUERIES: string[] = [
  'pagination[page]=-1',
  'pagination[page]=abc',
  'pagination[pageSize]=1e308',
  'pagination[pageSize]=99999999999',
  'pagination[start]=-5&pagination[limit]=abc',
  'filters[noSuchField][$eq]=1',
  'filters[name][$noSuchOperator]=1',
  'filters[name][$eq]=%00',
  'filters[name][$containsi]=%00',
  'filters[creditLimit][$gt]=1e999',
  'filters[creditLimit][$gt]=abc',
  'filters[createdAt][$gt]=not-a-date',
  'filters[$or][0][name][$eq]=%00',
  'filters[group][documentId][$eq]=%00',
  'filters[id][$eq]=99999999999999999999',
  'filters[id][$in][0]=abc',
  'sort=noSuchField:asc',
  'sort=name:sideways',
  'sort[0][name]=up',
  'fields[0]=noSuchField',
  'populate=noSuchRelation',
  'populate[addresses][populate]=deep',
  'locale=%00',
  'status=weird',
  'page=-1&pageSize=abc',
];

describe('lists', () => {
  test('REST list with odd query params: never a 5xx', async () => {
    const cases = BAD_QUERIES.map((q): [string, Request] => [q, { method: 'get', url: `/api/customers?${q}`, auth: token }]);
    expect(await probe(cases, { write: false, expect4xx: false })).toEqual([]);
  });

  test('admin content-manager list with odd query params: never a 5xx', async () => {
    const cases = BAD_QUERIES.map((q): [string, Request] => [q, { method: 'get', url: `${CM}?${q}`, auth: admin }]);
    expect(await probe(cases, { write: false, expect4xx: false })).toEqual([]);
  });
});

describe('writes through the admin content manager', () => {
  test('create, update, create-and-publish, publish and clone: every bad value is a 4xx, nothing written', async () => {
    const draft = await app.http.post(CM).set(bearer(admin)).send(customerData());
    const id = draft.body.data.documentId;
    const cases: Array<[string, Request, 'may-accept'] | [string, Request]> = BAD_VALUES.flatMap(([label, field, value]) => {
      const drop = ADMIN_DROPS.has(field) ? (['may-accept'] as const) : ([] as const);
      return [
        [`create: ${label}`, { method: 'post', url: CM, body: data(field, value), auth: admin }, ...drop],
        [`update: ${label}`, { method: 'put', url: `${CM}/${id}`, body: { [field]: withTarget(value) }, auth: admin }, ...drop],
        [`publish: ${label}`, { method: 'post', url: `${CM}/${id}/actions/publish`, body: { [field]: withTarget(value) }, auth: admin }, ...drop],
        [`clone: ${label}`, { method: 'post', url: `${CM}/clone/${id}`, body: { taxId: uscc(), [field]: withTarget(value) }, auth: admin }, ...drop],
      ] as Array<[string, Request, 'may-accept'] | [string, Request]>;
    });
    cases.push(...BAD_VALUES.slice(0, 12).map(([label, field, value]): [string, Request] => [`create and publish: ${label}`, { method: 'post', url: `${CM}/actions/publish`, body: data(field, value), auth: admin }]));
    expect(await probe(cases)).toEqual([]);
  });

  test('raw bodies on create and update: 4xx with a message', async () => {
    const cases: Array<[string, Request]> = RAW_BODIES.flatMap(([label, raw, type]): Array<[string, Request]> => [
      [`create: ${label}`, { method: 'post', url: CM, raw: unwrapForAdmin(raw), type, auth: admin }],
      [`update: ${label}`, { method: 'put', url: `${CM}/${seeded.documentId}`, raw: unwrapForAdmin(raw), type, auth: admin }],
    ]);
    // Some raw bodies are legitimate for the admin API once unwrapped (e.g. "{}" on update): no 4xx expected, no 5xx allowed.
    expect(await probe(cases, { expect4xx: false })).toEqual([]);
  });

  test('bulk actions and single-record actions with bad ids: never a 5xx, nothing written', async () => {
    const badIds: unknown[] = ['does-not-exist', '\u0000', 'a'.repeat(300), 12345, null, { $ne: null }, ['x'], 1e308];
    const cases: Array<[string, Request]> = [];
    for (const action of ['bulkPublish', 'bulkUnpublish', 'bulkDelete']) {
      for (const bad of badIds) cases.push([`${action} ${JSON.stringify(bad)?.slice(0, 20)}`, { method: 'post', url: `${CM}/actions/${action}`, body: { documentIds: [bad] }, auth: admin }]);
      cases.push([`${action} with documentIds as a string`, { method: 'post', url: `${CM}/actions/${action}`, body: { documentIds: 'x' }, auth: admin }]);
      cases.push([`${action} without documentIds`, { method: 'post', url: `${CM}/actions/${action}`, body: {}, auth: admin }]);
    }
    for (const id of ['does-not-exist', '%00', 'a'.repeat(300)]) {
      for (const action of ['publish', 'unpublish', 'discard']) cases.push([`${action} ${id.slice(0, 20)}`, { method: 'post', url: `${CM}/${id}/actions/${action}`, body: {}, auth: admin }]);
      cases.push([`clone ${id.slice(0, 20)}`, { method: 'post', url: `${CM}/clone/${id}`, body: {}, auth: admin }]);
      cases.push([`get ${id.slice(0, 20)}`, { method: 'get', url: `${CM}/${id}`, auth: admin }]);
    }
    expect(await probe(cases, { expect4xx: false })).toEqual([]);
  });
});

describe('plugin routes', () => {
  const MATCH_BODIES: Array<[string, unknown]> = [
    ['name of 60,000 "("', { data: { name: '('.repeat(60_000), city: 'Shenzhen' } }],
    ['name only NUL', { data: { name: '\u0000' } }],
    ['name with a lone surrogate', { data: { name: '\ud800' } }],
    ['name as an object', { data: { name: { $ne: null } } }],
    ['name as an array', { data: { name: ['a'] } }],
    ['taxId of 10,000 digits', { data: { taxId: '9'.repeat(10_000) } }],
    ['200 data keys', { data: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, 'x'])) }],
    ['a data key of 1,000 characters', { data: { ['k'.repeat(1000)]: 'x' } }],
    ['constructor in data', { data: { constructor: { prototype: {} }, name: 'x' } }],
    ['data as a string', { data: 'x' }],
    ['data as an array', { data: ['x'] }],
    ['neither data nor documentId', {}],
    ['documentId with NUL', { documentId: '\u0000' }],
    ['documentId unknown', { documentId: 'does-not-exist' }],
    ['documentId as a number', { documentId: 5 }],
    ['uid unknown', { uid: 'api::nope.nope', data: { name: 'x' } }],
    ['uid with NUL', { uid: '\u0000', data: { name: 'x' } }],
    ['limit 0', { data: { name: 'x' }, limit: 0 }],
    ['limit 1e308', { data: { name: 'x' }, limit: 1e308 }],
    ['limit as a string', { data: { name: 'x' }, limit: 'ten' }],
    ['unknown key', { data: { name: 'x' }, extra: 1 }],
    ['preferences nested 5,000 deep', { data: { name: 'x', preferences: deep(5000) } }],
  ];

  test('match (content API and admin): 4xx with a message', async () => {
    const cases: Array<[string, Request]> = MATCH_BODIES.flatMap(([label, body]): Array<[string, Request]> => [
      [`content API: ${label}`, { method: 'post', url: '/api/master-data/match', body, auth: token }],
      [`admin: ${label}`, { method: 'post', url: '/master-data/match', body, auth: admin }],
    ]);
    cases.push(['content API: broken JSON', { method: 'post', url: '/api/master-data/match', raw: '{"data":', auth: token }]);
    cases.push(['admin: __proto__ in data', { method: 'post', url: '/master-data/match', raw: '{"data": {"__proto__": {"a": 1}, "name": "x"}}', auth: admin }]);
    // An unknown documentId is a 404, the rest 400: all 4xx.
    expect(await probe(cases, { write: false })).toEqual([]);
  });

  test('duplicates, merges: bad queries, ids and bodies are 4xx, nothing written', async () => {
    const reads: Array<[string, Request]> = [
      ...['status=weird', 'page=-1', 'page=abc', 'pageSize=1e308', 'documentId=%00', 'uid=%00', 'uid[$ne]=x', 'unknown=1', 'documentId=' + 'a'.repeat(300)].map(
        (q): [string, Request] => [`duplicates ?${q}`, { method: 'get', url: `/master-data/duplicates?${q}`, auth: admin }]
      ),
      ...['abc', '%00', '-1', '99999999999999', '1.5'].map((id): [string, Request] => [`duplicates/${id}`, { method: 'get', url: `/master-data/duplicates/${id}`, auth: admin }]),
      ...['documentId=%00', 'uid=%00', 'uid[0]=a', 'unknown=1'].map((q): [string, Request] => [`merges ?${q}`, { method: 'get', url: `/master-data/merges?${q}`, auth: admin }]),
      ['governance with a query', { method: 'get', url: '/master-data/governance?x=%00', auth: admin }],
    ];
    expect(await probe(reads, { write: false, expect4xx: false })).toEqual([]);

    const MERGE_BODIES: Array<[string, unknown]> = [
      ['survivor missing', { merged: [other.documentId] }],
      ['survivor with NUL', { survivor: '\u0000', merged: [other.documentId] }],
      ['survivor unknown', { survivor: 'does-not-exist', merged: [other.documentId] }],
      ['merged empty', { survivor: seeded.documentId, merged: [] }],
      ['merged as a string', { survivor: seeded.documentId, merged: other.documentId }],
      ['merged with NUL', { survivor: seeded.documentId, merged: ['\u0000'] }],
      ['merged repeating the survivor', { survivor: seeded.documentId, merged: [seeded.documentId] }],
      ['strategy unknown', { survivor: seeded.documentId, merged: [other.documentId], strategy: 'coin-flip' }],
      ['picks of an unknown field', { survivor: seeded.documentId, merged: [other.documentId], picks: { noSuchField: other.documentId } }],
      ['picks naming another record', { survivor: seeded.documentId, merged: [other.documentId], picks: { segment: 'does-not-exist' } }],
      ['picks constructor', { survivor: seeded.documentId, merged: [other.documentId], picks: { constructor: other.documentId } }],
      ['priority of 1,000 ids', { survivor: seeded.documentId, merged: [other.documentId], priority: Array.from({ length: 1000 }, () => 'x') }],
      ['uid unknown', { uid: 'api::nope.nope', survivor: seeded.documentId, merged: [other.documentId] }],
      ['body as an array', [1]],
    ];
    const writes: Array<[string, Request]> = MERGE_BODIES.flatMap(([label, body]): Array<[string, Request]> => [
      [`preview: ${label}`, { method: 'post', url: '/master-data/merges/preview', body, auth: admin }],
      [`merge: ${label}`, { method: 'post', url: '/master-data/merges', body, auth: admin }],
    ]);
    for (const id of ['abc', '%00', '-1', '99999999999999', '999999']) {
      writes.push([`unmerge ${id}`, { method: 'post', url: `/master-data/merges/${id}/unmerge`, auth: admin }]);
      writes.push([`not-duplicate ${id}`, { method: 'post', url: `/master-data/duplicates/${id}/not-duplicate`, auth: admin }]);
    }
    expect(await probe(writes)).toEqual([]);
  });

  test('audit events (admin and content API), export, verify, as-of: bad queries are 4xx', async () => {
    const LIST_QUERIES = ['actor=%00', 'actor=' + 'a'.repeat(300), 'uid=%00', 'documentId=%00', 'action=%00', 'from=not-a-date', 'to=99999-99-99', 'from=%00', 'cursor=abc', 'cursor=-1', 'limit=0', 'limit=1e308', 'limit=abc', 'uid[$ne]=x', 'actor[0]=a', 'unknown=1'];
    const cases: Array<[string, Request]> = LIST_QUERIES.flatMap((q): Array<[string, Request]> => [
      [`admin ?${q}`, { method: 'get', url: `/master-data/audit-events?${q}`, auth: admin }],
      [`content API ?${q}`, { method: 'get', url: `/api/master-data/audit-events?${q}`, auth: token }],
    ]);
    for (const q of ['actor=%00', 'from=not-a-date', 'cursor=1', 'uid[$ne]=x']) cases.push([`export ?${q}`, { method: 'get', url: `/master-data/audit-events/export?${q}`, auth: admin }]);
    for (const q of ['', 'uid=%00&documentId=x&at=2020-01-01', `uid=${UID}&documentId=%00&at=2020-01-01`, `uid=${UID}&documentId=${seeded.documentId}&at=not-a-date`, `uid=${UID}&documentId=${seeded.documentId}&at=%00`, 'uid[$ne]=x&documentId=x&at=2020-01-01']) {
      cases.push([`as-of ?${q}`, { method: 'get', url: `/master-data/audit-events/as-of?${q}`, auth: admin }]);
    }
    expect(await probe(cases, { write: false })).toEqual([]);
    const verify = await app.http.get('/master-data/audit-events/verify?x=%00').set(bearer(admin));
    sent += 1;
    expect(verify.status).toBeLessThan(500);
  });
});

test('at least 150 requests were sent', () => {
  expect(sent).toBeGreaterThanOrEqual(150);
});
