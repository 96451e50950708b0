import { matchKeys, phoneKey, taxIdKey, cityKey, nameGrams, type KeyFields } from '../../../src/plugins/master-data/server/src/matching/domain/keys';
import { scorePair, byStrength, DEFAULT_SCORING } from '../../../src/plugins/master-data/server/src/matching/domain/score';

const FIELDS: KeyFields = { name: 'name', taxId: 'taxId', phone: 'phone', email: 'email', website: 'website', city: 'city', country: 'country' };
const keys = (record: Record<string, unknown>) => matchKeys(record, FIELDS);

describe('match keys', () => {
  test('tax ids compare without spaces, dots, dashes and case', () => {
    expect(taxIdKey(' de 136.695-976 ')).toBe('DE136695976');
    expect(taxIdKey('91440300MA5FXXXX1Y')).toBe('91440300MA5FXXXX1Y');
    expect(taxIdKey('12')).toBeNull();
  });

  test('phones become E.164 in the record country, whatever their format', () => {
    expect(phoneKey('0755-8601 3388', 'CN')).toBe('+8675586013388');
    expect(phoneKey('+86 755 8601 3388', 'CN')).toBe('+8675586013388');
    expect(phoneKey('(030) 901820', 'DE')).toBe('+4930901820');
    expect(phoneKey('０７５５８６０１３３８８', 'CN')).toBe('+8675586013388');
  });

  test('cities fold like names and drop 市/区', () => {
    expect(cityKey('深圳市')).toBe('深圳');
    expect(cityKey(' Shen-zhen ')).toBe('shenzhen');
    expect(cityKey('廣州')).toBe('广州');
  });

  test('a record gives its keys; free-mail is no company domain', () => {
    expect(keys({ name: '腾讯科技（深圳）有限公司', taxId: null, phone: '0755 8601 3388', email: 'Info@Tencent.com', website: 'https://www.tencent.com/en', city: '深圳市', country: 'cn' })).toEqual({
      name: '腾讯科技',
      taxId: null,
      phone: '+8675586013388',
      email: 'info@tencent.com',
      domains: ['tencent.com'],
      city: '深圳',
      country: 'CN',
      roman: 'tengxun',
      tokens: ['tengxun'],
      terms: ['tech'],
      person: false,
      pinyin: ['teng', 'xun', 'ke', 'ji'],
      places: ['深圳', 'shenzhen'],
    });
    expect(keys({ name: 'Acme', email: 'acme.buyer@gmail.com' }).domains).toEqual([]);
  });

  test('blocking grams: bigrams for Chinese, padded trigrams for Latin', () => {
    expect(nameGrams('华科电子')).toEqual(['华科', '科电', '电子']);
    expect(nameGrams('acme')).toEqual(['^ac', 'acm', 'cme', 'me$']);
    expect(nameGrams('华')).toEqual(['华']);
    expect(nameGrams(null)).toEqual([]);
  });
});

describe('scoring', () => {
  const base = { name: '深圳市华科电子科技有限公司', taxId: '91440300MA5F00001X', phone: '+8675512345678', email: 'info@huake-tech.cn', website: 'huake-tech.cn', city: '深圳', country: 'CN' };

  test('the same tax id blocks, whatever the name', () => {
    const result = scorePair(keys(base), keys({ taxId: base.taxId, name: 'Completely Different Ltd', city: 'Shanghai', country: 'CN' }));
    expect(result).toMatchObject({ decision: 'block', score: 1 });
    expect(result.reasons[0]).toMatchObject({ comparator: 'rule', field: 'taxId' });
  });

  test('the same normalised name in the same city blocks', () => {
    const result = scorePair(keys({ ...base, taxId: null, phone: null, email: null, website: null }), keys({ name: '華科電子科技（深圳）有限責任公司', city: '深圳市', country: 'CN' }));
    expect(result.decision).toBe('block');
    expect(result.reasons[0].field).toBe('name+city');
  });

  test('a similar name plus a shared phone is review, with every contribution explained', () => {
    const result = scorePair(keys({ name: 'Northwind Logistics GmbH', phone: '+49 40 33445566', country: 'DE', city: 'Hamburg' }), keys({ name: 'Northwind Logistik', phone: '040 33445566', country: 'DE', city: 'Hamburg' }));
    expect(result.decision).toBe('review');
    expect(result.reasons.map((r) => `${r.field}:${r.outcome}`)).toEqual(['name:similar', 'city:same', 'phone:same']);
    const sum = result.reasons.reduce((t, r) => t + r.contribution, 0);
    expect(result.score).toBeCloseTo(Math.min(1, sum), 2);
  });

  test('different tax ids are strong evidence against', () => {
    const result = scorePair(keys(base), keys({ ...base, taxId: '91440300MA5F00002X', name: '深圳市华科电子科技有限公司', city: '广州' }));
    expect(result.decision).toBe('allow');
    expect(result.reasons).toContainEqual(expect.objectContaining({ field: 'taxId', outcome: 'different', contribution: -1 }));
  });

  test('different tax ids veto the name-and-city rule', () => {
    const result = scorePair(keys({ name: '深圳市华科电子有限公司', city: '深圳', taxId: '91440300MA5F00001X', country: 'CN' }), keys({ name: '华科电子（深圳）有限公司', city: '深圳', taxId: '91440300MA5F00002X', country: 'CN' }));
    expect(result.decision).toBe('allow');
    expect(result.reasons.some((r) => r.comparator === 'rule')).toBe(false);
  });

  test('a similar name in the same city alone stays below review', () => {
    expect(scorePair(keys({ name: 'Verus Apparel Corp', city: 'Houston', country: 'US' }), keys({ name: 'Vorus Apparel Corp', city: 'Houston', country: 'US' })).decision).toBe('allow');
  });

  test('one character apart in the same city, nothing else shared, is not a duplicate', () => {
    const result = scorePair(keys({ name: '深圳市华科电子有限公司', city: '深圳', country: 'CN' }), keys({ name: '深圳市华料电子有限公司', city: '深圳', country: 'CN' }));
    expect(result.decision).toBe('allow');
  });

  test('shared contacts count at most contactCap together; names below the similarity floor count nothing', () => {
    const result = scorePair(keys({ name: 'Alpha', phone: '+4930901820', email: 'a@alpha.de', country: 'DE' }), keys({ name: 'Omega', phone: '+4930901820', email: 'a@alpha.de', country: 'DE' }));
    expect(result.score).toBeCloseTo(DEFAULT_SCORING.weights.contactCap, 3);
    expect(result.reasons.some((r) => r.field === 'name')).toBe(false);
  });

  test('thresholds and rules come from the settings', () => {
    const strict = { ...DEFAULT_SCORING, thresholds: { block: 0.5, review: 0.3 }, blockWhen: [] };
    const result = scorePair(keys({ name: 'Northwind Logistics', phone: '+4940334455', country: 'DE' }), keys({ name: 'Northwind Logistik', phone: '+4940334455', country: 'DE' }), strict);
    expect(result.decision).toBe('block');
    expect(scorePair(keys({ taxId: 'DE136695976' }), keys({ taxId: 'DE136695976' }), strict).decision).toBe('block'); // score 1 ≥ 0.5
  });

  test('byStrength orders block, review, allow, then by score', () => {
    const list = [
      { score: 0.9, decision: 'review' as const, reasons: [] },
      { score: 0.2, decision: 'allow' as const, reasons: [] },
      { score: 1, decision: 'block' as const, reasons: [] },
      { score: 0.6, decision: 'review' as const, reasons: [] },
    ];
    expect(list.sort(byStrength).map((p) => p.score)).toEqual([1, 0.9, 0.6, 0.2]);
  });
});
