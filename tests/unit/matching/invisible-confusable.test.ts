/** Invisible characters and look-alike letters neither hide a duplicate nor make one. */
import { emailDomain, foldConfusables, nameKey, websiteDomain } from '../../../src/plugins/master-data/server/src/matching/domain/normalise';
import { cityKey, emailKey } from '../../../src/plugins/master-data/server/src/matching/domain/keys';
import { applyRule, standardiseText } from '../../../src/plugins/master-data/server/src/validation/domain/rules';

const INVISIBLES = {
  'zero-width space': '\u200B',
  'soft hyphen': '\u00AD',
  'word joiner': '\u2060',
  'zero-width non-joiner': '\u200C',
  'zero-width joiner': '\u200D',
  'right-to-left override': '\u202E',
  'left-to-right embedding': '\u202A',
  'pop directional formatting': '\u202C',
  'first strong isolate': '\u2068',
  'byte order mark': '\uFEFF',
  'Mongolian vowel separator': '\u180E',
  'Hangul filler': '\u3164',
  'Hangul choseong filler': '\u115F',
  'halfwidth Hangul filler': '\uFFA0',
  'combining grapheme joiner': '\u034F',
  'tag space': '\u{E0020}',
};

describe.each(Object.entries(INVISIBLES))('%s', (_name, c) => {
  test('is dropped from stored text and from the name, city and email keys', () => {
    expect(standardiseText(`Zen${c}wave Trading Ltd`)).toBe('Zenwave Trading Ltd');
    expect(standardiseText(`${c}Zenwave${c}`)).toBe('Zenwave');
    expect(nameKey(`Zen${c}wave Trading Ltd`)).toBe(nameKey('Zenwave Trading Ltd'));
    expect(nameKey(`深圳${c}市龙腾贸易有限公司`)).toBe(nameKey('深圳市龙腾贸易有限公司'));
    expect(cityKey(`Ber${c}lin`)).toBe('berlin');
    expect(emailKey(`desk${c}@zenwave.com`)).toBe('desk@zenwave.com');
    expect(emailDomain(`desk@zen${c}wave.com`)).toBe('zenwave.com');
    expect(websiteDomain(`https://www.zen${c}wave.com/`)).toBe('zenwave.com');
  });
});

describe('a value of nothing but invisible characters', () => {
  test('is blank (null), so that a required name refuses it', () => {
    expect(applyRule('name', '\u200B\u2060\u202E', {})).toEqual({ ok: true, value: null });
    expect(applyRule('text', '\u00AD', {})).toEqual({ ok: true, value: null });
    expect(applyRule('email', '\u200B', {})).toMatchObject({ ok: false });
  });
});

describe('stored text keeps what shapes words', () => {
  test('a zero-width non-joiner inside a Persian word stays; between Latin letters it goes', () => {
    expect(standardiseText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(standardiseText('Zen\u200Cwave')).toBe('Zenwave');
  });
});

describe('look-alike letters in a Latin name', () => {
  test.each([
    ['Zеnwave Trading Ltd', 'Cyrillic е'],
    ['Zenwаve Trading Ltd', 'Cyrillic а'],
    ['ZENWAVE TRАDING LTD', 'Cyrillic А'],
    ['Ζenwave Trading Ltd', 'Greek Ζ'],
    ['Zenwave Τrading Ltd', 'Greek Τ'],
    ['Zenwave Trading Ltd', 'plain'],
  ])('%s (%s) has the key of Zenwave Trading Ltd', (name) => {
    expect(nameKey(name)).toBe('zenwavetrading');
  });

  test('Greek capital eta imitates H, not n', () => {
    expect(nameKey('Ηarbor Foods Ltd')).toBe(nameKey('Harbor Foods Ltd'));
  });

  test('names in one script are not folded: genuine Cyrillic and Greek names still match each other', () => {
    expect(foldConfusables('Зенвейв Трейдинг')).toBe('Зенвейв Трейдинг');
    expect(nameKey('ООО Ромашка')).toBe(nameKey('ооо  ромашка'));
    expect(nameKey('Ромашка')).not.toBe(nameKey('Pomashka'));
    expect(nameKey('Αλφα Τραπεζα')).toBe(nameKey('ΑΛΦΑ ΤΡΑΠΕΖΑ'));
  });

  test('Chinese names: traditional and simplified still meet; Latin in a Chinese name is not disturbed', () => {
    expect(nameKey('龍騰貿易（深圳）有限責任公司')).toBe(nameKey('深圳市龙腾贸易有限公司'));
    expect(nameKey('深圳市ABC科技有限公司')).toBe('abc科技');
  });

  test('a city with a look-alike letter', () => {
    expect(cityKey('Веrlin')).toBe('berlin');
  });
});
