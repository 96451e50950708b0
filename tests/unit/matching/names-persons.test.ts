/**
 * Issue 13: names written another way (word order, `Last, First`, pinyin or English for Chinese,
 * homophones, typos in company words) and persons, whose names are never decisive. Hand-written
 * pairs of the kinds seen in real customer lists, not generated ones.
 */
import { matchKeys, romanLookups, type KeyFields } from '../../../src/plugins/master-data/server/src/matching/domain/keys';
import { compareNames, nameForm, pinyinOf, placeKeys, tokenSimilarity } from '../../../src/plugins/master-data/server/src/matching/domain/names';
import { nameKey } from '../../../src/plugins/master-data/server/src/matching/domain/normalise';
import { scorePair } from '../../../src/plugins/master-data/server/src/matching/domain/score';

const FIELDS: KeyFields = { name: 'name', taxId: 'taxId', phone: 'phone', email: 'email', website: 'website', city: 'city', country: 'country', kind: 'customerType' };
const keys = (record: Record<string, unknown>) => matchKeys(record, FIELDS);
const score = (a: Record<string, unknown>, b: Record<string, unknown>) => scorePair(keys(a), keys(b));
const side = (name: string, person = false) => {
  const key = nameKey(name);
  const form = nameForm(name, key, undefined, person)!;
  return { key, ...form };
};
const compare = (a: string, b: string) => compareNames(side(a), side(b));

describe('name forms', () => {
  test('a Chinese company: pinyin of the trade name, industry words as concepts, region and legal form gone', () => {
    expect(nameForm('上海市恒通创新科技有限公司', nameKey('上海市恒通创新科技有限公司'))).toEqual({
      tokens: ['hengtong'],
      terms: ['development', 'tech'],
      person: false,
      roman: 'hengtong',
      pinyin: ['heng', 'tong', 'chuang', 'xin', 'ke', 'ji'],
    });
  });

  test('an English company: legal forms, regions and company words out of the trade name', () => {
    expect(nameForm('Shanghai Hengtongchuangxin Technology Co., Ltd.', nameKey('Shanghai Hengtongchuangxin Technology Co., Ltd.'))).toMatchObject({
      tokens: ['hengtongchuangxin'],
      terms: ['tech'],
      person: false,
    });
    expect(nameForm('Global Logistics', nameKey('Global Logistics'))).toMatchObject({ tokens: ['global', 'logistics'], terms: [] });
  });

  test('places: a Chinese city in both scripts; without a city, the regions the name starts or ends with', () => {
    expect(nameForm('Shenzhen RunYuan Medical Equipment Ltd.', nameKey('Shenzhen RunYuan Medical Equipment Ltd.'))).toMatchObject({ tokens: ['runyuan'], regions: ['shenzhen'] });
    expect(placeKeys('shenzhen')).toEqual(['shenzhen', '深圳']);
    expect(placeKeys('成都')).toEqual(['成都', 'chengdu']);
    expect(placeKeys('leeds', ['shenzhen'])).toEqual(['leeds']);
    expect(placeKeys(null, ['shenzhen'])).toEqual(['shenzhen', '深圳']);
    // Two provinces read the same.
    expect(placeKeys('shanxi')).toEqual(['shanxi', '山西', '陕西']);
    expect(keys({ name: 'Chongqing Hengtong Trading', country: 'CN' }).places).toEqual(['chongqing', '重庆']);
    expect(keys({ name: '恒通贸易', city: '重庆市', country: 'CN' }).places).toEqual(['重庆', 'chongqing']);
    expect(keys({ name: 'Acme Metals', country: 'DE' }).places).toEqual([]);
  });

  test('persons: a Chinese surname and no company word, or a few Latin words without one; or declared', () => {
    expect(side('周红磊')).toMatchObject({ person: true, tokens: ['zhou', 'honglei'] });
    expect(side('欧阳娜娜')).toMatchObject({ person: true, tokens: ['ouyang', 'nana'] });
    expect(side('单雄信')).toMatchObject({ person: true, tokens: ['shan', 'xiongxin'] }); // 单 as a surname reads shan
    expect(side('Lewis, Sarah').person).toBe(true);
    expect(side('Sarah Lewis').person).toBe(true);
    expect(side('华为技术有限公司').person).toBe(false);
    expect(side('张伟有限公司').person).toBe(false); // a legal form: a company
    expect(side('Jessica Davis Catering').person).toBe(false);
    expect(side('Acme Ltd').person).toBe(false);
    // Two words without a given name or a Chinese surname are a company's.
    expect(side('Kjøbenhavn Brød ApS').person).toBe(false);
    expect(side('Global Pacific').person).toBe(false);
    expect(side('Honglei ZHOU').person).toBe(true);
    expect(side('Zenwave', true).person).toBe(true);
  });

  test('pinyin: toneless, ü as u, other characters kept', () => {
    expect(pinyinOf('绿地')).toEqual(['lu', 'di']);
    expect(pinyinOf('TCL科技')).toEqual(['tcl', 'ke', 'ji']);
  });

  test('a name of 60,000 brackets is formed in linear time', () => {
    const started = Date.now();
    nameForm('('.repeat(400) + 'Acme', nameKey('('.repeat(400) + 'Acme'));
    nameForm('('.repeat(60_000), 'x');
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('comparators', () => {
  test('word order and "&" / "and" are the same name', () => {
    expect(compare('Nexgen Technologies', 'Technologies Nexgen')).toMatchObject({ level: 'equivalent', comparator: 'tokens' });
    expect(compare('Smith & Jones Logistics', 'Smith and Jones Logistics Ltd')).toMatchObject({ level: 'exact' });
    expect(compare('Sarah Lewis', 'Lewis, Sarah')).toMatchObject({ level: 'equivalent' });
  });

  test('typos with case changes, also in company words, are similar, not equivalent', () => {
    const typo = compare('Lockman Finance Inc', 'LOCKMAN FINAHCE');
    expect(typo.level).toBe('similar');
    expect(typo.similarity).toBeGreaterThan(0.9);
    expect(compare('Brightwater Logistics', 'Brigthwater Logisitcs').level).toBe('similar');
  });

  test('a trade name with a company word more is similar (a sole trader and the person)', () => {
    expect(compareNames(side('Jessica Davis', true), side('Jessica Davis Catering')).level).toBe('similar');
  });

  test('transliteration: a Chinese name and its pinyin or English are equivalent, surname first or last', () => {
    expect(compare('上海市恒通创新科技有限公司', 'Shanghai Hengtongchuangxin Technology Co., Ltd.')).toMatchObject({ level: 'equivalent', comparator: 'transliteration' });
    expect(compare('深圳市华科电子有限公司', 'Shenzhen Huake Electronics Co., Ltd.')).toMatchObject({ level: 'equivalent' });
    expect(compare('周红磊', 'Zhou Honglei')).toMatchObject({ level: 'equivalent' });
    expect(compare('周红磊', 'Honglei Zhou')).toMatchObject({ level: 'equivalent' });
    expect(compare('周红磊', 'ZHOU Hong Lei')).toMatchObject({ level: 'equivalent' });
  });

  test('transliteration with another company word is only similar; another trade name is not similar', () => {
    expect(compare('恒通贸易有限公司', 'Hengtong Technology Co., Ltd.').level).toBe('similar');
    expect(compare('恒通贸易有限公司', 'Hengtong Technology Co., Ltd.').similarity).toBeLessThan(0.9);
    expect(compare('恒通贸易有限公司', 'Jinlong Trading Co., Ltd.').level).toBe('none');
    expect(compare('周红磊', 'Zhou Hongwei').level).not.toBe('equivalent');
  });

  test('homophones: the same pinyin in other characters is similar', () => {
    expect(compare('何盈', '何颖')).toMatchObject({ level: 'similar', comparator: 'pinyin' });
    expect(compare('洋鼎蓝贸易有限公司', '阳鼎兰贸易有限公司')).toMatchObject({ level: 'similar', comparator: 'pinyin' });
    expect(compare('恒通科技', '恒通贸易').level).toBe('none');
  });

  test('token similarity pairs words whatever their order, typos within a word', () => {
    expect(tokenSimilarity(['nexgen', 'solar'], ['solar', 'nexgen'])).toBe(1);
    expect(tokenSimilarity(['lockman'], ['lockmann'])).toBeGreaterThan(0.9);
    expect(tokenSimilarity(['acme'], ['zenith'])).toBe(0);
  });
});

describe('scoring of persons and variants', () => {
  const beijing = { city: '北京', country: 'CN', customerType: 'person' };

  test('two people called 张伟 in one city with their own phones are not even review', () => {
    const result = score({ ...beijing, name: '张伟', phone: '13912345678' }, { ...beijing, name: '张伟', phone: '13812345678' });
    expect(result.decision).toBe('allow');
    expect(result.reasons.map((r) => `${r.field}:${r.outcome}`)).toContain('phone:different');
  });

  test("a person's name and city alone are not even review (namesakes); with a shared phone or email review, never a block", () => {
    const lewis = { name: 'Sarah Lewis', city: 'Leeds', country: 'GB' };
    const alone = score(lewis, lewis);
    expect(alone.decision).toBe('allow');
    expect(alone.reasons.some((r) => r.comparator === 'rule')).toBe(false);
    expect(score({ ...lewis, phone: '0113 496 0000' }, { ...lewis, phone: '+44 113 496 0000' }).decision).toBe('review');
    expect(score({ ...lewis, email: 'sarah@lewis.example' }, { name: 'Lewis, Sarah', email: 'Sarah@Lewis.example', country: 'GB' }).decision).toBe('review');
    // Also when only one side is declared a person and the name reads like a company's.
    expect(score({ ...beijing, name: '华为' }, { name: '华为', city: '北京', country: 'CN' }).decision).not.toBe('block');
  });

  test('a person blocks only with an identifier: the same tax id; the same phone and email are review', () => {
    const a = { ...beijing, name: '张伟', phone: '13912345678', email: 'zhang.wei@example.cn', taxId: '110101199003071234' };
    expect(score(a, { ...beijing, name: '张伟', taxId: a.taxId }).decision).toBe('block');
    expect(score(a, { ...beijing, name: '张伟', phone: a.phone }).decision).toBe('review');
    expect(score(a, { ...beijing, name: '张伟', phone: a.phone, email: a.email }).decision).toBe('review');
  });

  test('organisations keep the name + city rule', () => {
    expect(score({ name: '深圳市华科电子有限公司', city: '深圳' }, { name: '华科电子（深圳）有限公司', city: '深圳市' }).decision).toBe('block');
  });

  test('transliteration with the same phone reaches review; a shared phone and email block', () => {
    const cn = { name: '上海市恒通创新科技有限公司', city: '上海', phone: '021 5555 1234', email: 'info@hengtong-tech.cn', country: 'CN' };
    const en = { name: 'Shanghai Hengtongchuangxin Technology Co., Ltd.', city: 'Shanghai', phone: '+86 21 5555 1234', country: 'CN' };
    const result = score(cn, en);
    expect(result.decision).toBe('review');
    expect(result.reasons.map((r) => `${r.field}:${r.outcome}`)).toEqual(['name:same', 'city:same', 'phone:same']);
    expect(score(cn, { ...en, email: 'INFO@hengtong-tech.cn' }).decision).toBe('block');
    // The same English name in another city and nothing else shared stays below review.
    expect(score(cn, { ...en, phone: null, city: 'Beijing' }).decision).toBe('allow');
  });

  test('a homophone typo with a shared phone reaches review; without it stays below', () => {
    const a = { name: '何盈', city: '深圳', phone: '13912345678', country: 'CN' };
    expect(score(a, { ...a, name: '何颖' }).decision).toBe('review');
    expect(score(a, { ...a, name: '何颖', phone: null }).decision).toBe('allow');
  });

  test('cities compare across scripts: 深圳 and Shenzhen are one city, 苏州 and Shanghai two', () => {
    const a = { name: 'Acme Trading', phone: '+86 755 8601 3388', country: 'CN' };
    expect(score({ ...a, city: '深圳市' }, { ...a, city: 'Shenzhen' }).reasons.map((r) => `${r.field}:${r.outcome}`)).toContain('city:same');
    expect(score({ ...a, city: '苏州' }, { ...a, city: 'Shanghai' }).reasons.map((r) => `${r.field}:${r.outcome}`)).toContain('city:different');
  });

  test('a look-alike trade name with another industry in the same city is no candidate for review', () => {
    expect(score({ name: '恒通科技有限公司', city: '上海' }, { name: '恒通贸易有限公司', city: '上海' }).decision).toBe('allow');
    expect(score({ name: 'Hengtong Technology', city: 'Shanghai' }, { name: '恒通贸易有限公司', city: '上海' }).decision).toBe('allow');
  });
});

describe('romanised lookups of persons', () => {
  test('a Chinese given name of two syllables written apart is looked up as one word too (Liu Wen Bo finds 刘文博)', () => {
    const stored = keys({ name: '刘文博', customerType: 'person' });
    const query = keys({ name: 'Liu Wen Bo', customerType: 'person' });
    expect(query.roman).not.toBe(stored.roman);
    expect(romanLookups(query)).toContain(stored.roman);
    // Surname last, the given name still apart.
    expect(romanLookups(keys({ name: 'Wen Bo Liu', customerType: 'person' }))).toContain(stored.roman);
  });

  test('two-word persons and companies keep their own lookups', () => {
    const person = keys({ name: 'Sarah Lewis', customerType: 'person' });
    expect(romanLookups(person)).toEqual([person.roman]);
    // A company's words are its trade name in order: no pairs of neighbouring words.
    expect(romanLookups(keys({ name: 'Bo Wen Liu Trading Co., Ltd.' }))).not.toContain(keys({ name: '刘文博', customerType: 'person' }).roman);
  });
});
