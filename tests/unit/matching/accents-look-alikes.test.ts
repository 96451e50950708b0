/** Accents, Latin look-alikes and other scripts' look-alikes neither hide a duplicate nor make one. */
import { emailDomain, foldConfusables, foldLatin, nameKey, stripMarks, websiteDomain } from '../../../src/plugins/master-data/server/src/matching/domain/normalise';
import { cityKey, emailKey } from '../../../src/plugins/master-data/server/src/matching/domain/keys';

const BRIGHTWATER = nameKey('Brightwater Foods Ltd');

describe('a Latin name keys the same', () => {
  test.each([
    ['dotless i (U+0131)', 'Brıghtwater Foods Ltd'],
    ['Latin small capital I (U+026A)', 'Brɪghtwater Foods Ltd'],
    ['Armenian o (U+0585)', 'Brightwater Fօods Ltd'],
    ['Lisu T (U+A4D4)', 'Brightwater Foods Lꓔd'],
    ['F with hook (U+0191)', 'Brightwater Ƒoods Ltd'],
    ['combining dot below', 'Brightwater Foods Ltd\u0323'],
    ['combining long solidus overlay', 'Brightwater Foods L\u0338td'],
    ['precomposed accent', 'Brightwáter Foods Ltd'],
    ['decomposed accent', 'Brightwa\u0301ter Foods Ltd'],
    ['Cherokee capital A (U+13AA)', 'BrightwᎪter Foods Ltd'],
    ['Cherokee small a (U+AB7A)', 'Brightw\uAB7Ater Foods Ltd'],
    ['stroke and hook letters', 'Bꝛightwater Foods Ltd'.replace('ꝛ', 'r').replace('g', 'ɠ').replace('d', 'ɗ')],
  ])('with a %s', (_what, name) => {
    expect(nameKey(name)).toBe(BRIGHTWATER);
  });

  test('Latin letters that are not ASCII fold always, ligatures to their letters', () => {
    expect(nameKey('Yıldız Tekstil')).toBe(nameKey('Yildiz Tekstil'));
    expect(nameKey('Łódź Młyn Sp')).toBe(nameKey('Lodz Mlyn Sp'));
    expect(nameKey('Søndergård Trading ApS')).toBe(nameKey('Sondergard Trading ApS'));
    expect(nameKey('Đà Nẵng Seafood')).toBe(nameKey('Da Nang Seafood'));
    expect(nameKey('Großmann GmbH')).toBe(nameKey('Grossmann GmbH'));
    expect(nameKey('Œuvre Æther')).toBe(nameKey('Oeuvre Aether'));
    expect(foldLatin('ıɪƑƒɗȼłøđßæœ')).toBe('iIFfdclodssaeoe');
  });

  test('two different names stay different', () => {
    expect(nameKey('Brightwater Foods Ltd')).not.toBe(nameKey('Brightwator Foods Ltd'));
    expect(nameKey('Brightwater Foods Ltd')).not.toBe(nameKey('Brightwater Goods Ltd'));
  });
});

describe('other scripts stay themselves', () => {
  test('Han, Hangul and Kana are not touched by mark stripping (NFD/NFC round trip)', () => {
    for (const text of ['深圳市龙腾贸易有限公司', '삼성전자 주식회사', '한글', 'ガンダム株式会社', 'ぱぴぷぺぽ', 'हिन्दी']) expect(stripMarks(text)).toBe(text);
    expect(nameKey('삼성전자 주식회사')).toBe('삼성전자주식회사');
    expect(nameKey('深圳市龍騰貿易有限公司')).toBe(nameKey('深圳市龙腾贸易有限公司'));
  });

  test('Cyrillic and Greek: look-alikes folded only in a mixed name, never transliterated', () => {
    expect(nameKey('ООО Ромашка Трейд')).toBe(nameKey('ооо  РОМАШКА трейд'));
    expect(nameKey('ООО Ромашка')).not.toMatch(/[a-z]/);
    expect(nameKey('Αθήνα Εμπορική')).toBe(nameKey('ΑΘΗΝΑ ΕΜΠΟΡΙΚΗ'));
    expect(foldConfusables('Рarma')).toBe('Parma'); // Cyrillic Р looks like P (it transliterates to R)
    expect(foldConfusables('Fօods')).toBe('Foods');
    expect(foldConfusables('Рома')).toBe('Рома');
  });
});

describe('cities and email addresses', () => {
  test('a city with an accent or a look-alike is the same city', () => {
    expect(cityKey('Shenzheń')).toBe('shenzhen');
    expect(cityKey('Sʜenzhen')).toBe('shenzhen');
    expect(cityKey('Kraków')).toBe(cityKey('Krakow'));
    expect(cityKey('深圳市')).toBe('深圳');
  });

  test('a Cyrillic і in the domain, an accent in the local part', () => {
    expect(emailKey('sales@northwіnd.com')).toBe('sales@northwind.com');
    expect(emailDomain('sales@northwіnd.com')).toBe('northwind.com');
    expect(emailDomain('sales@nørthwınd.com')).toBe('northwind.com');
    expect(emailKey('sálés@northwind.com')).toBe('sales@northwind.com');
    expect(emailKey('saleß@northwind.com')).toBe('saless@northwind.com');
    expect(websiteDomain('https://www.northwіnd.com/')).toBe('northwind.com');
  });
});
