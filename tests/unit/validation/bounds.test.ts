import { checkBounds, checkFilters, DEFAULT_LIMITS, type Shape } from '../../../src/plugins/master-data/server/src/validation/domain/bounds';

const address: Shape = { attributes: { line1: { type: 'string', maxLength: 200 }, isPrimary: { type: 'boolean' } } };
const group: Shape = { attributes: { name: { type: 'string', maxLength: 200 }, rank: { type: 'integer' } } };
const shape: Shape = {
  attributes: {
    name: { type: 'string', maxLength: 200 },
    code: { type: 'string' },
    notes: { type: 'text' },
    creditLimit: { type: 'decimal', min: 0 },
    employees: { type: 'integer' },
    revenue: { type: 'biginteger' },
    score: { type: 'float' },
    active: { type: 'boolean' },
    preferences: { type: 'json' },
    group: { type: 'relation', target: 'group' },
    addresses: { type: 'component', repeatable: true, shape: address },
    head: { type: 'component', repeatable: false, shape: address },
  },
};
const deep = (n: number) => {
  let v: unknown = 1;
  for (let i = 0; i < n; i += 1) v = { a: v };
  return v;
};
const paths = (data: unknown, limits = DEFAULT_LIMITS) => checkBounds(shape, data, limits).map((e) => `${e.path.join('.')}: ${e.message}`);

describe('checkBounds', () => {
  test('a valid write has no violations', () => {
    expect(paths({ name: 'Acme', code: 'C-1', notes: 'x'.repeat(50_000), creditLimit: '99999999.99', employees: 12, revenue: '9223372036854775807', score: 1e300, active: true, preferences: { a: [1, { b: 'c' }] }, group: { connect: [{ documentId: 'abc', position: { end: true } }] }, addresses: [{ line1: 'x', id: 4 }], head: { line1: 'y' } })).toEqual([]);
  });

  test.each([
    ['a string over maxLength, before anything scans it', { name: '('.repeat(60_000) }, 'name: must be at most 800 characters (got 60000)'],
    ['a string without maxLength over the column (255)', { code: 'x'.repeat(256) }, 'code: must be at most 255 characters'],
    ['text over the default', { notes: 'x'.repeat(100_001) }, 'notes: must be at most 100000 characters'],
    ['NUL', { name: 'a\u0000' }, 'name: must not contain the NUL character'],
    ['a lone surrogate', { name: '\ud800x' }, 'name: must be well-formed Unicode'],
    ['a string attribute given an object', { name: { $ne: 1 } }, 'name: must be a string'],
    ['decimal over decimal(10,2)', { creditLimit: 1e308 }, 'creditLimit: must be less than 100,000,000'],
    ['decimal rounding up over the limit', { creditLimit: 99_999_999.996 }, 'creditLimit: must be less than 100,000,000'],
    ['"NaN"', { creditLimit: 'NaN' }, 'creditLimit: must be a number'],
    ['"1e999"', { creditLimit: '1e999' }, 'creditLimit: must be a finite number'],
    ['below min', { creditLimit: -1 }, 'creditLimit: must be at least 0'],
    ['integer over 32 bits', { employees: 2 ** 31 }, 'employees: must be between'],
    ['integer with a fraction', { employees: 1.5 }, 'employees: must be an integer'],
    ['biginteger over 64 bits', { revenue: '9223372036854775808' }, 'revenue: must be a 64-bit integer'],
    ['boolean given an object', { active: {} }, 'active: must be a boolean'],
    ['json as a string', { preferences: 'x' }, 'preferences: must be a JSON object or array'],
    ['json 5,000 deep', { preferences: deep(5000) }, 'preferences.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: must be nested at most 20 levels deep'],
    ['json too big', { preferences: { blob: 'x'.repeat(70_000) } }, 'preferences: must be at most 65536 bytes'],
    ['json with NUL', { preferences: { k: 'a\u0000' } }, 'preferences.k: must not contain the NUL'],
    ['__proto__ in json', { preferences: JSON.parse('{"__proto__": {"x": 1}}') }, 'preferences.__proto__: is not an allowed key'],
    ['a relation id out of range', { group: 99_999_999_999 }, 'group: must be a valid id'],
    ['a repeatable component over the maximum', { addresses: Array.from({ length: 51 }, () => ({ line1: 'x' })) }, 'addresses: must have at most 50 entries (got 51)'],
    ['a repeatable component as an object', { addresses: { line1: 'x' } }, 'addresses: must be an array of components'],
    ['a component entry that is not an object', { addresses: [1] }, 'addresses.0: must be an object'],
    ['a field inside a component', { addresses: [{ line1: 'x'.repeat(801) }] }, 'addresses.0.line1: must be at most 800 characters'],
    ['a single component as an array', { head: [{ line1: 'x' }] }, 'head: must be an object'],
    ['a component row id out of range', { addresses: [{ id: 99_999_999_999, line1: 'x' }] }, 'addresses.0.id: must be a positive integer id'],
    ['constructor', { constructor: {} }, 'constructor: is not an allowed key'],
    ['__proto__ (as JSON.parse makes it)', JSON.parse('{"__proto__": {"polluted": true}}'), '__proto__: is not an allowed key'],
    ['prototype inside a component', { head: { prototype: 1 } }, 'head.prototype: is not an allowed key'],
    ['an unknown attribute nested deep', { extra: deep(100) }, 'extra.a.a.a.a.a.a.a.a: must be nested at most 8 levels deep'],
  ])('%s', (_label, data, expected) => {
    expect(paths(data).join('\n')).toContain(expected);
  });

  test('raw input may exceed maxLength up to four times (at least 255): standardisation shortens it and Strapi checks the stored value', () => {
    const short: Shape = { attributes: { country: { type: 'string', maxLength: 2 }, name: { type: 'string', maxLength: 200 } } };
    expect(checkBounds(short, { country: 'China', name: 'x'.repeat(800) })).toEqual([]);
    expect(checkBounds(short, { country: 'x'.repeat(256), name: 'x'.repeat(801) }).map((e) => e.message)).toEqual(['must be at most 255 characters (got 256)', 'must be at most 800 characters (got 801)']);
  });

  test('per attribute override of the entries', () => {
    const limits = { ...DEFAULT_LIMITS, items: { addresses: 2 } };
    expect(paths({ addresses: [{ line1: 'a' }, { line1: 'b' }, { line1: 'c' }] }, limits)).toEqual(['addresses: must have at most 2 entries (got 3)']);
    expect(paths({ addresses: [{ line1: 'a' }, { line1: 'b' }] }, limits)).toEqual([]);
  });

  test('the data itself must be an object', () => {
    expect(paths('x')).toEqual(['data: must be an object']);
    expect(paths([1])).toEqual(['data: must be an object']);
  });

  test('cost is bounded by the limits, not the input: 1 MB of "(" and 10,000 addresses in well under 10 ms', () => {
    const input = { name: '('.repeat(1_000_000), addresses: Array.from({ length: 10_000 }, () => ({ line1: 'x' })), preferences: deep(100_000) };
    const started = process.hrtime.bigint();
    expect(paths(input)).toHaveLength(3);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(10);
  });
});

describe('checkFilters', () => {
  const resolve = (uid: string) => (uid === 'group' ? group : undefined);
  const check = (filters: unknown) => {
    const e = checkFilters(shape, filters, resolve);
    return e && `${e.path.join('.')}: ${e.message}`;
  };

  test('valid filters pass', () => {
    expect(check({ name: { $containsi: 'acme' }, creditLimit: { $gt: '1000', $lt: 5e9 }, $or: [{ employees: 5 }, { id: { $in: ['1', 2] } }], group: { rank: { $null: true } } })).toBeNull();
  });

  test.each([
    [{ creditLimit: { $gt: 'abc' } }, 'filters.creditLimit.$gt: must be a finite number'],
    [{ creditLimit: { $gt: '1e999' } }, 'filters.creditLimit.$gt: must be a finite number'],
    [{ id: { $eq: '99999999999999999999' } }, 'filters.id.$eq: must be between'],
    [{ id: { $in: ['1', 'abc'] } }, 'filters.id.$in.1: must be a finite number'],
    [{ name: { $eq: '\u0000' } }, 'filters.name.$eq: must not contain the NUL'],
    [{ $or: [{ name: 'a' }, { name: { $containsi: 'b\u0000' } }] }, 'filters.$or.1.name.$containsi: must not contain the NUL'],
    [{ group: { rank: { $gt: 'x' } } }, 'filters.group.rank.$gt: must be a finite number'],
    [{ employees: { $not: { $eq: 'x' } } }, 'filters.employees.$eq: must be a finite number'],
    [deep(50), 'must be nested at most 12 levels deep'],
  ])('%j', (filters, expected) => {
    expect(check(filters)).toContain(expected);
  });
});
