/*
 * A harder labelled set for the matching benchmark (issue 13), with the classes the first generator
 * could not separate:
 *
 *   const { generate, CLASSES } = require('./hard');
 *   const { records, queries } = generate({ seed: 7, size: 20000, queries: 2000 });
 *
 * records: Chinese companies (45 %), Latin-script companies (25 %, GB/US/DE/FR; some "Smith & Jones"
 *   style), Chinese persons (20 %) and Latin-script persons (10 %) drawn from short name lists, so that
 *   common names (张伟, 王芳, Sarah Lewis) live many times in one city. Persons are declared
 *   (customerType person) four times in five, the rest left to the default.
 * queries: { data, truth, kind } — truth is the record id of a duplicate, null for a negative.
 *   duplicates: transliteration (a Chinese company or person written in pinyin / English),
 *     person_common (the same person with a common name: shares a phone or an email, maybe `Last, First`),
 *     english_variant (& / and, word order, legal form dropped or changed, a typo with a case change,
 *     `Last, First`, a sole trader's trade name), homophone (a character replaced by one with the same
 *     pinyin, with a shared phone or email), identifier_format (tax id, phone, email in another format),
 *     renamed (another name, only the tax id shared).
 *   negatives: neg_person_namesake (another person of the same common name in the same city),
 *     neg_one_char (a trade name one character or letter apart, same city), neg_other_industry (same
 *     trade name, another industry, same city), neg_homophone (a different company whose trade name
 *     sounds the same, same city), each with identifiers of its own.
 * Deterministic (mulberry32 from `seed`). Tax ids are valid (USCC with its check character, FR SIREN /
 * VAT, DE VAT), so that the match API keeps them.
 */
'use strict';

const path = require('node:path');
const { pinyin } = require('pinyin-pro');
const { isValidPhoneNumber } = require('libphonenumber-js/max');
const { usccCheckCharacter } = require(path.join(__dirname, '..', '..', 'dist/src/plugins/master-data/server/src/validation/domain/uscc.js'));

const { mulberry32 } = require('./generator');
let rng;
const int = (n) => Math.floor(rng() * n);
const pick = (a) => a[int(a.length)];
const chance = (p) => rng() < p;
const digits = (n) => Array.from({ length: n }, () => int(10)).join('');
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const py = (text, surname = false) => pinyin(text, { toneType: 'none', type: 'array', v: false, surname: surname ? 'head' : 'off' }).map((s) => s.replace('ü', 'u'));

// ---------- pools ----------
const CN_CITIES = [
  ['深圳', '广东省', '0755', '440300'], ['广州', '广东省', '020', '440100'], ['上海', '', '021', '310115'], ['北京', '', '010', '110108'],
  ['杭州', '浙江省', '0571', '330106'], ['苏州', '江苏省', '0512', '320505'], ['成都', '四川省', '028', '510107'], ['武汉', '湖北省', '027', '420106'],
].map(([name, prov, area, div]) => ({ name, prov, area, div, latin: cap(py(name).join('')) }));
// Trade-name characters; homophone groups come from their pinyin.
const TRADE_CHARS = [...'华科新信鑫达兴星盛胜宏鸿泰瑞锐丰峰恒衡金锦晶精海天中众宇誉博远源通同安德东龙隆嘉佳凯康利力联连美明铭鹏启奇荣融润顺腾伟维威祥翔亚雅扬阳洋益亿艺永云运卓智志汇辉惠宝保昌创诚成晨辰飞菲富福光广浩豪和合环欢凌领灵乐蓝兰普浦千乾尚世时实思斯拓旺讯迅耀英盈鹰颖优泽振真臻邦迪奥俊骏鼎'];
const HOMO = new Map();
for (const c of TRADE_CHARS) {
  const p = py(c)[0];
  HOMO.set(p, [...(HOMO.get(p) ?? []), c]);
}
const homophoneOf = (c) => (HOMO.get(py(c)[0]) ?? []).filter((d) => d !== c);
// Industry: Chinese word and the English ways of writing it (first: the usual one).
const CN_IND = [
  ['科技', ['Technology', 'Tech', 'Science & Technology', 'Technologies']], ['电子', ['Electronics', 'Electronic']], ['贸易', ['Trading', 'Trade']],
  ['物流', ['Logistics']], ['实业', ['Industrial', 'Industry']], ['信息技术', ['Information Technology', 'IT']], ['医药', ['Pharmaceutical', 'Pharma']],
  ['食品', ['Food', 'Foods']], ['机械', ['Machinery']], ['新材料', ['New Materials', 'Materials']], ['软件', ['Software']], ['化工', ['Chemical', 'Chemicals']],
  ['纺织', ['Textile', 'Textiles']], ['服装', ['Garment', 'Apparel']], ['建筑工程', ['Construction Engineering', 'Construction']], ['投资', ['Investment']],
  ['咨询', ['Consulting']], ['医疗器械', ['Medical Equipment', 'Medical Devices']], ['包装', ['Packaging']], ['汽车配件', ['Auto Parts']],
];
const CN_LEGAL = [['有限公司', ['Co., Ltd.', 'Co. Ltd', 'Limited', 'Ltd.']], ['有限责任公司', ['Co., Ltd.', 'Limited Liability Company']], ['股份有限公司', ['Co., Ltd.', 'Corporation', 'Corp.']]];
const SURNAMES = [['王', 10], ['李', 10], ['张', 10], ['刘', 7], ['陈', 7], ['杨', 5], ['黄', 4], ['赵', 4], ['吴', 3], ['周', 3], ['徐', 2], ['孙', 2], ['马', 2], ['朱', 2], ['胡', 2], ['郭', 2], ['何', 2], ['林', 2], ['罗', 1], ['郑', 1], ['梁', 1], ['谢', 1], ['宋', 1], ['唐', 1], ['韩', 1], ['冯', 1], ['邓', 1], ['曹', 1], ['彭', 1], ['曾', 1]];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '红磊', '建华', '志强', '海燕', '晓东', '丽娟', '文博', '子涵', '浩然', '欣怡', '颖', '盈', '婷', '鑫'];
const COUNTRIES = {
  GB: { cc: '44', cities: [['London', '20'], ['Leeds', '113'], ['Manchester', '161']], legal: ['Ltd', 'Limited', 'PLC'], tld: '.co.uk' },
  US: { cc: '1', cities: [['Austin', '512'], ['Boston', '617'], ['Chicago', '312']], legal: ['Inc', 'LLC', 'Corp'], tld: '.com' },
  DE: { cc: '49', cities: [['Berlin', '30'], ['Hamburg', '40'], ['Munich', '89']], legal: ['GmbH', 'AG'], tld: '.de' },
  FR: { cc: '33', cities: [['Paris', '1'], ['Lyon', '4'], ['Lille', '3']], legal: ['SARL', 'SAS'], tld: '.fr' },
};
const LATIN_CODES = Object.keys(COUNTRIES);
const LAT_IND = ['Logistics', 'Trading', 'Technologies', 'Finance', 'Foods', 'Consulting', 'Engineering', 'Media', 'Systems', 'Construction', 'Catering', 'Software', 'Pharma', 'Textiles'];
const LAT_IND_SWAP = { Technologies: 'Technology', Foods: 'Food', Textiles: 'Textile', Systems: 'System' };
const FIRST = ['Sarah', 'James', 'Jessica', 'Michael', 'Emma', 'David', 'Laura', 'Daniel', 'Anna', 'Thomas', 'Sophie', 'Peter', 'Maria', 'John', 'Claire', 'Paul', 'Julia', 'Mark', 'Lucy', 'Robert'];
const LAST = ['Lewis', 'Davis', 'Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Clark', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Green', 'Baker', 'Hill', 'Moore', 'White', 'Martin', 'Lockman'];
const SYL_A = ['No', 'Ver', 'Tal', 'Zen', 'Lum', 'Bri', 'Cor', 'Dex', 'Fla', 'Gal', 'Hex', 'Kel', 'Lor', 'Mar', 'Nex', 'Orb', 'Pra', 'Quin', 'Ros', 'Sol', 'Tor', 'Val', 'Wex', 'Xan'];
const SYL_B = ['a', 'e', 'i', 'o', 'ri', 'ra', 'ne', 'lo', 'ta', 'vi', ''];
const SYL_C = ['tex', 'tron', 'vex', 'ion', 'ara', 'ix', 'ora', 'um', 'ent', 'ica', 'is', 'ant', 'en', 'gen', 'ar', 'on', 'us', 'ax', 'ity', 'ova', 'ster', 'field', 'well', 'stone'];

// ---------- identifiers ----------
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const uscc = (div) => {
  let t = `91${div}`;
  for (let i = 0; i < 9; i++) t += pick(USCC);
  return t + usccCheckCharacter(t);
};
const luhn = (s) => {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = Number(s[s.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10;
};
const siren = () => {
  for (;;) {
    const s = `${1 + int(9)}${digits(7)}`;
    const c = (10 - luhn(`${s}0`)) % 10;
    if (luhn(s + c) === 0) return s + c;
  }
};
const frVat = (s) => `FR${String((12 + 3 * (Number(s) % 97)) % 97).padStart(2, '0')}${s}`;
const deVat = () => {
  const d = `${1 + int(9)}${digits(7)}`;
  let p = 10;
  for (const c of d) {
    let s = (Number(c) + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return `DE${d}${(11 - p) % 10}`;
};
const taxIdFor = (country, city) => (country === 'CN' ? uscc(city.div) : country === 'FR' ? siren() : country === 'DE' ? deVat() : null);

const used = { phones: new Set(), emails: new Set(), taxIds: new Set(), names: new Set(), domains: new Set() };
/** A value `make` draws that is not in `set` yet (registered), or null after 1,000 draws (the space is used up). */
const unique = (set, make) => {
  for (let tries = 0; tries < 1000; tries++) {
    const v = make();
    if (v && !set.has(v)) {
      set.add(v);
      return v;
    }
    if (v === null) return null;
  }
  return null;
};
// Valid numbers only (libphonenumber's full metadata, as the validation stage uses): an invalid one
// would be left out of a match query while the bulk-loaded record keeps it.
const valid = (make) => () => {
  for (;;) {
    const phone = make();
    if (isValidPhoneNumber(phone)) return phone;
  }
};
const cnLandline = (city) => valid(() => `+86${city.area.slice(1)}${2 + int(7)}${digits(7)}`)();
const cnMobile = valid(() => `+86${pick(['13', '15', '18'])}${digits(9)}`);
const NSN = { GB: 10, US: 10, DE: 10, FR: 9 };
const latinPhone = (country, area) => valid(() => `+${COUNTRIES[country].cc}${area}${2 + int(7)}${digits(NSN[country] - area.length - 1)}`)();

// ---------- entities ----------
const cnTrade = () => {
  const n = chance(0.25) ? 3 : 2;
  let t = '';
  while (t.length < n) t += pick(TRADE_CHARS);
  return t;
};
/** What makes two names one for the generator: the name without region, legal form, case and punctuation. */
const nameCore = (name) =>
  name
    .replace(/（[^）]*）|\([^)]*\)/g, '')
    .replace(/^(深圳|广州|上海|北京|杭州|苏州|成都|武汉)市?/, '')
    .replace(/(股份有限公司|有限责任公司|有限公司)$/, '')
    .replace(/\b(Ltd|Limited|PLC|Inc|LLC|Corp|GmbH|AG|SARL|SAS)\b\.?/g, '')
    .replace(/&/g, 'and')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
const cnCompanyName = (s) => {
  const core = s.trade + s.ind[0] + s.legal[0];
  return s.style === 0 ? `${s.city.name}市${core}` : s.style === 1 ? `${s.trade}${s.ind[0]}（${s.city.name}）${s.legal[0]}` : core;
};
const latinBrand = () => (chance(0.15) ? `${pick(LAST)} & ${pick(LAST)}` : pick(SYL_A) + pick(SYL_B) + pick(SYL_C));

const makeRecord = (kind) => {
  if (kind === 'cn_company') {
    const city = pick(CN_CITIES);
    const s = { kind, country: 'CN', city, trade: cnTrade(), ind: pick(CN_IND), legal: pick(CN_LEGAL), style: int(3) };
    const name = cnCompanyName(s);
    if (used.names.has(`${city.name}|${nameCore(name)}`)) return null;
    used.names.add(`${city.name}|${nameCore(name)}`);
    // One company, one domain: companies with the same trade name get domains of their own.
    const domain = unique(used.domains, () => `${py(s.trade).join('')}${int(1000000)}.cn`);
    return { s, name, country: 'CN', city: city.name, customerType: 'organization', taxId: chance(0.9) ? unique(used.taxIds, () => uscc(city.div)) : null,
      phone: unique(used.phones, () => cnLandline(city)), email: chance(0.7) ? unique(used.emails, () => `${pick(['info', 'sales', 'service'])}@${domain}`) : null,
      website: chance(0.5) ? `https://www.${domain}` : null };
  }
  if (kind === 'latin_company') {
    const country = pick(LATIN_CODES);
    const [cityName, area] = pick(COUNTRIES[country].cities);
    const s = { kind, country, cityName, area, brand: latinBrand(), ind: pick(LAT_IND), legal: pick(COUNTRIES[country].legal) };
    const name = `${s.brand} ${s.ind} ${s.legal}`;
    if (used.names.has(`${cityName}|${nameCore(name)}`)) return null;
    used.names.add(`${cityName}|${nameCore(name)}`);
    const domain = unique(used.domains, () => `${s.brand.toLowerCase().replace(/[^a-z]/g, '')}${int(1000000)}${COUNTRIES[country].tld}`);
    return { s, name, country, city: cityName, customerType: 'organization', taxId: unique(used.taxIds, () => taxIdFor(country)),
      phone: unique(used.phones, () => latinPhone(country, area)), email: chance(0.7) ? unique(used.emails, () => `${pick(['info', 'office', 'hello'])}@${domain}`) : null,
      website: chance(0.5) ? `https://${domain}` : null };
  }
  if (kind === 'cn_person') {
    const city = pick(CN_CITIES.slice(0, 4)); // persons crowd four cities: namesakes
    let total = 0;
    for (const [, w] of SURNAMES) total += w;
    let r = int(total);
    const surname = SURNAMES.find(([, w]) => (r -= w) < 0)[0];
    const given = GIVEN[Math.min(GIVEN.length - 1, Math.floor(GIVEN.length * rng() ** 2))];
    const s = { kind, country: 'CN', city, surname, given };
    const phone = unique(used.phones, cnMobile);
    return { s, name: surname + given, country: 'CN', city: city.name, customerType: chance(0.8) ? 'person' : undefined, taxId: null, phone,
      email: chance(0.5) ? unique(used.emails, () => `${py(surname + given, true).join('')}${digits(4)}@qq.com`) : null, website: null };
  }
  const country = pick(['GB', 'US']);
  const [cityName, area] = COUNTRIES[country].cities[int(2)];
  const s = { kind: 'latin_person', country, cityName, area, first: FIRST[Math.floor(FIRST.length * rng() ** 2)], last: LAST[Math.floor(LAST.length * rng() ** 2)] };
  return { s, name: `${s.first} ${s.last}`, country, city: cityName, customerType: chance(0.8) ? 'person' : undefined, taxId: null,
    phone: unique(used.phones, () => latinPhone(country, area)), email: chance(0.6) ? unique(used.emails, () => `${s.first}.${s.last}${digits(3)}@gmail.com`.toLowerCase()) : null, website: null };
};

// ---------- variants ----------
const keepOne = (r, p = 0.85) => {
  // A duplicate keeps one or two of its contacts (as typed another day), or only its name and city.
  const out = { phone: null, email: null };
  if (!chance(p)) return out;
  if (r.phone && (chance(0.7) || !r.email)) out.phone = r.phone;
  if (r.email && (!out.phone || chance(0.3))) out.email = r.email;
  return out;
};
/**
 * A person's duplicate keeps a phone or an email: known by nothing but a common name and a city,
 * a person is one of many namesakes (at 1,000,000 records, 2,130 James Lewis in Leeds), and no
 * matcher can tell which one the query meant. (Until 2026-11-30 such queries were drawn too.)
 */
const personIds = (r) => {
  const ids = keepOne(r, 1);
  return ids.phone || ids.email ? ids : null;
};
const phoneFormat = (phone) => {
  if (phone.startsWith('+86')) {
    const n = phone.slice(3);
    return n[0] === '1' ? pick([`${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, `0086 ${n}`, `+86-${n}`]) : pick([`0${n.slice(0, n.length - 8)}-${n.slice(-8, -4)} ${n.slice(-4)}`, `(0${n.slice(0, n.length - 8)}) ${n.slice(-8)}`, `0086 ${n}`]);
  }
  const m = /^\+(1|44|49|33)(\d+)$/.exec(phone);
  return m[1] === '1' ? `(${m[2].slice(0, 3)}) ${m[2].slice(3, 6)}-${m[2].slice(6)}` : pick([`0${m[2]}`, `00${m[1]} ${m[2]}`, `+${m[1]} ${m[2].slice(0, 3)} ${m[2].slice(3)}`]);
};
const typo = (word) => {
  const c = [...word];
  const i = 1 + int(c.length - 2);
  const op = int(3);
  if (op === 0) [c[i], c[i + 1]] = [c[i + 1], c[i]];
  else if (op === 1) c.splice(i, 1);
  else c[i] = pick([...'aeiounrst'].filter((x) => x !== c[i]));
  return c.join('');
};
const base = (r) => ({ name: r.name, country: r.country, city: r.city, customerType: r.customerType });

const variants = {
  transliteration: (r) => {
    const s = r.s;
    if (s.kind === 'cn_company') {
      const trade = py(s.trade).map(cap);
      const tradeText = chance(0.6) ? trade.join('') : trade.join(' ');
      const name = [chance(0.6) ? s.city.latin : null, tradeText, pick(s.ind[1]), chance(0.8) ? pick(s.legal[1]) : null].filter(Boolean).join(' ');
      return { name, country: 'CN', city: chance(0.8) ? s.city.latin : null, ...keepOne(r) };
    }
    if (s.kind === 'cn_person') {
      const sur = cap(py(s.surname, true).join(''));
      const given = py(s.given).map(cap);
      const name = pick([`${sur} ${given.join('')}`, `${given.join('')} ${sur}`, `${sur.toUpperCase()} ${given.join('')}`, `${sur} ${given.join(' ')}`]);
      const ids = personIds(r);
      if (!ids) return null;
      return { name, country: 'CN', city: chance(0.8) ? s.city.latin : null, customerType: r.customerType, ...ids };
    }
    return null;
  },
  person_common: (r) => {
    const s = r.s;
    if (s.kind !== 'cn_person' && s.kind !== 'latin_person') return null;
    const ids = keepOne(r, 1);
    if (!ids.phone && !ids.email) return null;
    const name = s.kind === 'latin_person' && chance(0.3) ? `${s.last}, ${s.first}` : r.name;
    return { ...base(r), name, phone: ids.phone && phoneFormat(ids.phone), email: ids.email && (chance(0.3) ? ids.email.toUpperCase() : ids.email) };
  },
  english_variant: (r) => {
    const s = r.s;
    if (s.kind === 'latin_person') {
      const ids = personIds(r);
      if (!ids) return null;
      return chance(0.5)
        ? { ...base(r), name: `${s.last}, ${s.first}`, ...ids }
        : { ...base(r), name: `${s.first} ${s.last} ${pick(['Catering', 'Consulting', 'Media'])}`, customerType: 'organization', ...keepOne(r, 1) };
    }
    if (s.kind !== 'latin_company') return null;
    const brand = s.brand.includes('&') && chance(0.7) ? s.brand.replace('&', 'and') : s.brand;
    const ops = [
      () => `${brand} ${s.ind}`, // legal form dropped
      () => `${s.ind} ${brand} ${s.legal}`, // word order
      () => `${brand} ${LAT_IND_SWAP[s.ind] ?? s.ind} ${pick(COUNTRIES[s.country].legal)}`, // legal form changed
      () => `${typo(brand).toUpperCase()} ${s.ind.toUpperCase()}`, // a typo with a case change
      () => `${brand} ${typo(s.ind)} ${s.legal}`.toUpperCase(),
    ];
    return { ...base(r), name: pick(ops)(), ...keepOne(r) };
  },
  homophone: (r) => {
    const s = r.s;
    const text = s.kind === 'cn_company' ? s.trade : s.kind === 'cn_person' ? s.given : null;
    if (!text) return null;
    const positions = [...text].map((c, i) => (homophoneOf(c).length ? i : -1)).filter((i) => i >= 0);
    if (positions.length === 0) return null;
    const i = pick(positions);
    const changed = [...text];
    changed[i] = pick(homophoneOf(text[i]));
    const name = s.kind === 'cn_company' ? cnCompanyName({ ...s, trade: changed.join('') }) : s.surname + changed.join('');
    const ids = keepOne(r, 1);
    if (!ids.phone && !ids.email) return null;
    return { ...base(r), name, ...ids };
  },
  identifier_format: (r) => {
    if (!r.taxId && !r.phone) return null;
    const out = { ...base(r), phone: r.phone && phoneFormat(r.phone), email: r.email && r.email.toUpperCase() };
    if (r.taxId) {
      const t = r.taxId;
      out.taxId = r.country === 'CN' ? t.toLowerCase().replace(/(.{6})/g, '$1 ').trim() : r.country === 'FR' ? frVat(t) : r.country === 'DE' ? `${t.slice(2, 5)} ${t.slice(5, 8)} ${t.slice(8)}` : t;
    }
    if (chance(0.5)) out.city = null;
    return out;
  },
  renamed: (r) => {
    if (!r.taxId) return null;
    const name = r.country === 'CN' ? `${cnTrade()}${pick(CN_IND)[0]}有限公司` : `${latinBrand()} ${pick(LAT_IND)} ${pick(COUNTRIES[r.country].legal)}`;
    return { name, country: r.country, taxId: r.taxId, customerType: r.customerType };
  },
};

const negatives = {
  neg_person_namesake: (r) => {
    const s = r.s;
    if (s.kind !== 'cn_person' && s.kind !== 'latin_person') return null;
    return { ...base(r), phone: s.kind === 'cn_person' ? unique(used.phones, cnMobile) : unique(used.phones, () => latinPhone(s.country, s.area)),
      email: chance(0.5) ? unique(used.emails, () => `p${digits(8)}@${s.kind === 'cn_person' ? 'qq.com' : 'gmail.com'}`) : null };
  },
  neg_one_char: (r) => {
    const s = r.s;
    let name;
    if (s.kind === 'cn_company') {
      const t = [...s.trade];
      const i = int(t.length);
      const c = pick(TRADE_CHARS.filter((x) => x !== t[i] && !homophoneOf(t[i]).includes(x)));
      t[i] = c;
      name = cnCompanyName({ ...s, trade: t.join('') });
    } else if (s.kind === 'latin_company' && !s.brand.includes('&')) {
      const b = [...s.brand];
      const i = 1 + int(b.length - 1);
      b[i] = pick([...'bcdfgklmnprstvz'].filter((x) => x !== b[i]));
      name = `${b.join('')} ${s.ind} ${s.legal}`;
    } else return null;
    return fresh(r, name);
  },
  neg_other_industry: (r) => {
    const s = r.s;
    if (s.kind === 'cn_company') return fresh(r, cnCompanyName({ ...s, ind: pick(CN_IND.filter((x) => x !== s.ind)) }));
    if (s.kind === 'latin_company') return fresh(r, `${s.brand} ${pick(LAT_IND.filter((x) => x !== s.ind))} ${s.legal}`);
    return null;
  },
  neg_homophone: (r) => {
    const s = r.s;
    if (s.kind !== 'cn_company') return null;
    const positions = [...s.trade].map((c, i) => (homophoneOf(c).length ? i : -1)).filter((i) => i >= 0);
    if (positions.length === 0) return null;
    const t = [...s.trade];
    const i = pick(positions);
    t[i] = pick(homophoneOf(t[i]));
    return fresh(r, cnCompanyName({ ...s, trade: t.join('') }));
  },
};
/** A different company of that name: its own tax id, phone, email. */
const fresh = (r, name) => {
  const s = r.s;
  // A look-alike must be another company: never the name of one already in the city.
  if (used.names.has(`${r.city}|${nameCore(name)}`)) return null;
  const cn = r.country === 'CN';
  return { name, country: r.country, city: r.city, customerType: 'organization',
    taxId: chance(0.6) ? unique(used.taxIds, () => taxIdFor(r.country, s.city)) : null,
    phone: unique(used.phones, () => (cn ? cnLandline(s.city) : latinPhone(r.country, s.area))),
    email: chance(0.5) ? unique(used.emails, () => `info@n${digits(7)}${cn ? '.cn' : COUNTRIES[r.country].tld}`) : null };
};

const DUPLICATE_CLASSES = Object.keys(variants);
const NEGATIVE_CLASSES = Object.keys(negatives);
const CLASSES = [...DUPLICATE_CLASSES, ...NEGATIVE_CLASSES];
// Share of queries per class (duplicates 75 %, negatives 25 %).
const MIX = { transliteration: 0.15, person_common: 0.13, english_variant: 0.15, homophone: 0.12, identifier_format: 0.12, renamed: 0.08,
  neg_person_namesake: 0.09, neg_one_char: 0.06, neg_other_industry: 0.05, neg_homophone: 0.05 };

const generate = ({ seed = 7, size = 20000, queries = 2000 } = {}) => {
  rng = mulberry32(seed);
  for (const set of Object.values(used)) set.clear();
  const records = [];
  const kinds = [['cn_company', 0.45], ['latin_company', 0.25], ['cn_person', 0.2], ['latin_person', 0.1]];
  while (records.length < size) {
    let r = rng();
    const kind = kinds.find(([, w]) => (r -= w) < 0)?.[0] ?? 'cn_company';
    const rec = makeRecord(kind);
    if (rec) records.push({ ...rec, id: `h${String(records.length).padStart(8, '0')}` });
  }
  const out = [];
  for (const [kind, share] of Object.entries(MIX)) {
    const n = Math.round(queries * share);
    const make = variants[kind] ?? negatives[kind];
    let tries = 0;
    for (let made = 0; made < n && tries < n * 200; tries++) {
      const r = pick(records);
      const data = make(r);
      if (!data) continue;
      // A duplicate written with another company's registered name in the same city (a homophone
      // that happens to be a real neighbour's name) is that company, not a variant of this one.
      if (variants[kind] && data.name && data.city && nameCore(data.name) !== nameCore(r.name) && used.names.has(`${data.city}|${nameCore(data.name)}`)) continue;
      for (const k of Object.keys(data)) if (data[k] === null || data[k] === undefined) delete data[k];
      out.push({ data, truth: variants[kind] ? r.id : null, kind });
      made += 1;
    }
  }
  // Interleave the classes (the order of the run should not follow them).
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return { records: records.map(({ s, ...r }) => r), queries: out };
};

module.exports = { generate, CLASSES, DUPLICATE_CLASSES, NEGATIVE_CLASSES };
