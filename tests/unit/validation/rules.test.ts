import { applyRule, standardiseText } from '../../../src/plugins/master-data/server/src/validation/domain/rules';

const ok = (value: unknown) => ({ ok: true, value });
const failing = (fragment: string) => ({ ok: false, reason: expect.stringContaining(fragment) });

describe('text and names', () => {
  test('folds full-width ASCII, collapses whitespace and trims', () => {
    expect(standardiseText('  ＡＢＣ　 Trading\t\tＣｏ．，Ｌｔｄ  ')).toBe('ABC Trading Co.,Ltd');
    expect(applyRule('name', ' 深圳市　腾讯计算机系统有限公司 ', {})).toEqual(ok('深圳市 腾讯计算机系统有限公司'));
  });

  test('blank values become null and are not errors; undefined stays undefined', () => {
    expect(applyRule('name', '   ', {})).toEqual(ok(null));
    expect(applyRule('email', null, {})).toEqual(ok(null));
    expect(applyRule('email', undefined, {})).toEqual(ok(undefined));
  });

  test('a non-string value is refused, not coerced', () => {
    expect(applyRule('email', 42, {})).toEqual(failing('must be a string, got number'));
    expect(applyRule('phone', ['+49'], {})).toEqual(failing('got array'));
  });
});

describe('email', () => {
  test('trims and lower-cases', () => {
    expect(applyRule('email', '  Li.Wei@Example.COM ', {})).toEqual(ok('li.wei@example.com'));
  });
  test.each(['li.wei@', 'no-at-sign.example.com', 'a@b', 'two@@example.com', 'Li Wei <li@example.com>'])('rejects %s', (email) => {
    expect(applyRule('email', email, {})).toEqual(failing('is not a valid email address'));
  });
});

describe('phone (E.164, using the record country)', () => {
  test.each([
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['(0755) 8601 3388', 'CN', '+8675586013388'],
    ['030 901820', 'DE', '+4930901820'],
    ['+1 (212) 736-3100', 'CN', '+12127363100'],
    ['0044 20 7946 0958', null, '+442079460958'],
  ])('%s in %s becomes %s', (input, country, expected) => {
    expect(applyRule('phone', input, { country })).toEqual(ok(expected));
  });

  test('a national number without a country is refused with the reason', () => {
    expect(applyRule('phone', '138 0013 8000', {})).toEqual(failing('needs an international prefix'));
  });

  test('a number that is not valid for the country is refused', () => {
    expect(applyRule('phone', '123', { country: 'CN' })).toEqual({ ok: false, reason: expect.stringMatching(/phone number/) });
    expect(applyRule('phone', '138 0013 800', { country: 'CN' })).toEqual(failing('for CN'));
  });
});

describe('tax id per country', () => {
  test('CN uses the USCC check', () => {
    expect(applyRule('taxId', '9144030071526726xg', { country: 'CN' })).toEqual(ok('9144030071526726XG'));
    expect(applyRule('taxId', '9144030071526726XH', { country: 'CN' })).toEqual(failing('expected G'));
  });

  test('EU VAT numbers are checked with their check digits, with or without the country prefix', () => {
    expect(applyRule('taxId', 'DE 136 695 976', { country: 'DE' })).toEqual(ok('136695976'));
    expect(applyRule('taxId', '136695976', { country: 'DE' })).toEqual(ok('136695976'));
    expect(applyRule('taxId', 'DE136695977', { country: 'DE' })).toEqual(failing('not a valid DE tax number (VAT: The number checksum'));
    expect(applyRule('taxId', 'DE13669597', { country: 'DE' })).toEqual(failing('not a valid DE tax number'));
    expect(applyRule('taxId', 'GB 980 7806 84', { country: 'GB' })).toEqual(ok('980780684'));
  });

  test('other countries use the identifier companies carry there', () => {
    expect(applyRule('taxId', '12-3456789', { country: 'US' })).toEqual(ok('123456789'));
    expect(applyRule('taxId', '5010401089998', { country: 'JP' })).toEqual(ok('5010401089998'));
    expect(applyRule('taxId', '5010401089997', { country: 'JP' })).toEqual(failing('not a valid JP tax number'));
  });

  test('input a validator cannot even read is invalid, not an error', () => {
    for (const input of ['-', 'nl', 'NL', './']) {
      expect(applyRule('taxId', input, { country: 'NL' })).toEqual({ ok: false, reason: expect.any(String) });
    }
  });

  test('needs the country', () => {
    expect(applyRule('taxId', '136695976', {})).toEqual(failing('without a country'));
  });

  test('countries without a known format get a plausibility check', () => {
    expect(applyRule('taxId', 'ab-1234-5678', { country: 'AQ' })).toEqual(ok('AB12345678'));
    expect(applyRule('taxId', '12#', { country: 'AQ' })).toEqual(failing('4-32 letters or digits'));
  });
});

describe('codes', () => {
  test('country: ISO 3166-1 alpha-2, upper-cased', () => {
    expect(applyRule('country', ' cn ', {})).toEqual(ok('CN'));
    expect(applyRule('country', 'XX', {})).toEqual(failing('not an ISO 3166-1 alpha-2'));
    expect(applyRule('country', 'CHN', {})).toEqual(failing('not an ISO 3166-1 alpha-2'));
  });

  test('currency: ISO 4217, upper-cased', () => {
    expect(applyRule('currency', 'cny', {})).toEqual(ok('CNY'));
    expect(applyRule('currency', 'RMB', {})).toEqual(failing('not an ISO 4217'));
  });

  test('IBAN and BIC', () => {
    expect(applyRule('iban', 'de89 3704 0044 0532 0130 00', {})).toEqual(ok('DE89370400440532013000'));
    expect(applyRule('iban', 'DE89 3704 0044 0532 0130 01', {})).toEqual(failing('checksum'));
    expect(applyRule('bic', 'deut de ff', {})).toEqual(ok('DEUTDEFF'));
    expect(applyRule('bic', 'DEUT', {})).toEqual(failing('SWIFT/BIC'));
  });

  test('url: adds https:// when no scheme is given', () => {
    expect(applyRule('url', 'www.tencent.com', {})).toEqual(ok('https://www.tencent.com'));
    expect(applyRule('url', 'not a url', {})).toEqual(failing('not a valid web address'));
  });
});
