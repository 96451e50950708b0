import { emailDomain, nameKey, websiteDomain } from '../../../src/plugins/master-data/server/src/matching/domain/normalise';

describe('name match key', () => {
  test.each([
    ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统'],
    ['腾讯计算机系统有限公司(深圳)', '腾讯计算机系统'],
    ['腾讯计算机系统有限公司（深圳）', '腾讯计算机系统'],
    ['腾讯计算机系统（深圳）有限公司', '腾讯计算机系统'],
    ['腾讯计算机系统深圳有限公司', '腾讯计算机系统'],
    ['广东省深圳市腾讯计算机系统有限公司', '腾讯计算机系统'],
    ['深圳市腾讯计算机系统有限责任公司', '腾讯计算机系统'],
    ['深圳市騰訊計算機系統有限公司', '腾讯计算机系统'],
    ['深圳市腾讯计算机系统股份有限公司', '腾讯计算机系统'],
    ['华为技术集团', '华为技术'],
  ])('%s → %s', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });

  test.each([
    ['Tencent Holdings Ltd.', 'tencent'],
    ['TENCENT HOLDINGS LIMITED', 'tencent'],
    ['Ｔｅｎｃｅｎｔ  Holdings, Ltd', 'tencent'],
    ['Siemens AG', 'siemens'],
    ['Siemens Aktiengesellschaft', 'siemensaktiengesellschaft'],
    ['Procter & Gamble Co.', 'procterandgamble'],
    ['Northwind Traders GmbH (Berlin)', 'northwindtraders'],
    ['S.A. Holdings Company', 'sa'],
  ])('%s → %s', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });

  test('a name that is only a region or a legal form keeps its substance', () => {
    expect(nameKey('上海')).toBe('上海');
    expect(nameKey('Group')).toBe('group');
  });

  test('hard negatives keep different keys', () => {
    expect(nameKey('深圳市华南电子科技有限公司')).not.toBe(nameKey('深圳市华南电子技术有限公司'));
    expect(nameKey('Acme Logistics Ltd')).not.toBe(nameKey('Acme Software Ltd'));
  });

  test('empty input', () => {
    expect(nameKey(null)).toBe('');
    expect(nameKey('  ')).toBe('');
  });
});

describe('domains', () => {
  test('email domains, free-mail ignored', () => {
    expect(emailDomain(' Sales@Tencent.COM ')).toBe('tencent.com');
    expect(emailDomain('boss@qq.com')).toBeNull();
    expect(emailDomain('someone@gmail.com')).toBeNull();
    expect(emailDomain('not-an-email')).toBeNull();
  });
  test('website domains', () => {
    expect(websiteDomain('https://www.tencent.com/en-us/')).toBe('tencent.com');
    expect(websiteDomain('tencent.com')).toBe('tencent.com');
    expect(websiteDomain('::')).toBeNull();
  });
});
