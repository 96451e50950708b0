/*
 * Seeded synthetic customers with labelled duplicates, for the matching benchmark.
 *
 *   const { generate, CORRUPTIONS } = require('./generator');
 *   const { records, queries, hardNegativeGroups } = generate({ seed: 42, size: 100000, queries: 2000 });
 *
 * records: `size` distinct companies (~60% Chinese, ~40% DE/GB/FR/US/SG/JP). The trade-name core
 *   (华科+电子, Acme+Logistics) is unique per city; tax id, phone, e-mail and domain are unique per record.
 *   ~5% of records sit in deliberate hard-negative groups (look-alikes that are different companies),
 *   listed in `hardNegativeGroups` as { kind, ids }.
 * queries: ~80% duplicates ({ data, truth: record id, kind, corruptions }) made by 1–3 realistic
 *   corruptions of one record; ~20% negatives (truth null): new look-alike companies whose tax id,
 *   phone and domains are fresh. `kind` is the primary label, `corruptions` all labels applied. A `renamed`
 *   duplicate keeps only country and tax id (city null too). CORRUPTIONS lists every label a query can carry.
 * Deterministic: one mulberry32 stream seeded by `seed`; Math.random is never used.
 */
'use strict';

const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// The stream and uniqueness registers of the generate() call in progress (it runs synchronously).
let rng, st;
const int = (n) => Math.floor(rng() * n);
const pick = (a) => a[int(a.length)];
const weighted = (pairs) => {
  let r = rng();
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};
// n random digits, drawn in chunks of up to 8 (fewer rng calls and flatter strings than one per digit).
const digits = (n) => (n > 8 ? digits(8) + digits(n - 8) : String(int(10 ** n)).padStart(n, '0'));
const shuffle = (a) => {
  for (let i = a.length - 1; i > 0; i--) { const j = int(i + 1); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
};
const pickOther = (pool, not) => {
  for (;;) { const x = pick(pool); if (x !== not) return x; }
};
const claim = (set, v) => set.size < set.add(v).size; // adds v; true if it was new (one hash lookup)
const unique = (set, make) => { // draw until unseen, then register
  for (;;) { const v = make(); if (claim(set, v)) return v; }
};
const slug = (t) => t.toLowerCase().replace(/[^a-z0-9]+/g, '');

// ---------- pools ----------
// Trade-name characters with toneless pinyin (for domains); equal pinyin = homophone for the typo model.
const PINYIN = new Map();
const CN_CHARS = [];
for (const [, ch, py] of ('华hua化hua花hua科ke可ke克ke新xin信xin鑫xin欣xin达da大da兴xing星xing盛sheng胜sheng圣sheng' +
  '宏hong鸿hong红hong泰tai太tai瑞rui锐rui丰feng峰feng锋feng恒heng衡heng金jin锦jin进jin晶jing精jing京jing海hai' +
  '天tian田tian中zhong众zhong宇yu誉yu裕yu博bo柏bo远yuan源yuan元yuan通tong同tong安an德de得de东dong冬dong龙long' +
  '隆long发fa国guo嘉jia佳jia凯kai开kai康kang利li力li立li联lian连lian美mei明ming铭ming南nan鹏peng朋peng启qi奇qi' +
  '琪qi荣rong融rong容rong润run顺shun舜shun腾teng万wan伟wei维wei威wei祥xiang翔xiang旭xu亚ya雅ya扬yang阳yang洋yang' +
  '益yi亿yi艺yi永yong云yun运yun卓zhuo智zhi志zhi致zhi正zheng政zheng汇hui辉hui惠hui宝bao保bao昌chang长chang创chuang' +
  '川chuan传chuan诚cheng成cheng城cheng晨chen辰chen飞fei菲fei富fu福fu光guang广guang浩hao豪hao和he合he禾he环huan' +
  '欢huan凌ling领ling灵ling乐le蓝lan兰lan普pu浦pu千qian乾qian仁ren尚shang上shang世shi时shi实shi思si斯si拓tuo网wang' +
  '旺wang讯xun迅xun耀yao瑶yao英ying盈ying鹰ying颖ying友you优you泽ze展zhan振zhen真zhen臻zhen贝bei邦bang迪di奥ao' +
  '道dao俊jun骏jun峻jun').matchAll(/(\p{Script=Han})([a-z]+)/gu)) {
  PINYIN.set(ch, py);
  CN_CHARS.push(ch);
}
const HOMOPHONES = new Map(CN_CHARS.map((c) => [c, CN_CHARS.filter((d) => d !== c && PINYIN.get(d) === PINYIN.get(c))]));
// Small simplified → traditional map for the `traditional` corruption.
const TRAD = new Map();
const TRAD_PAIRS = '华華电電贸貿龙龍发發东東国國业業实實广廣门門术術药藥机機讯訊网網汇匯联聯达達兴興宝寶鸿鴻乐樂云雲责責团團医醫' +
  '络絡装裝车車锦錦丰豐长長阳陽开開进進远遠顺順创創纺紡织織设設计計备備时時优優环環宁寧运運输輸钢鋼银銀节節软軟贝貝亿億万萬众眾' +
  '荣榮辉輝凯凱伟偉鹏鵬飞飛亚亞扬揚经經营營产產农農务務际際质質检檢测測仪儀苏蘇无無锡錫郑鄭厦廈济濟岛島汉漢庆慶连連陕陝辽遼疗療' +
  '资資询詢筑築链鏈传傳诚誠锋鋒锐銳领領灵靈兰蘭蓝藍欢歡维維艺藝誉譽颖穎鹰鷹骏駿圣聖胜勝红紅铭銘润潤献獻';
for (let i = 0; i < TRAD_PAIRS.length; i += 2) TRAD.set(TRAD_PAIRS[i], TRAD_PAIRS[i + 1]);

// name pinyin abbr province area-code division-code ('-' = municipality, no province)
const CN_CITIES = ['深圳 shenzhen sz 广东省 755 440300', '广州 guangzhou gz 广东省 20 440100', '东莞 dongguan dg 广东省 769 441900',
  '佛山 foshan fs 广东省 757 440600', '上海 shanghai sh - 21 310115', '北京 beijing bj - 10 110108', '天津 tianjin tj - 22 120116',
  '重庆 chongqing cq - 23 500112', '杭州 hangzhou hz 浙江省 571 330106', '宁波 ningbo nb 浙江省 574 330203',
  '温州 wenzhou wz 浙江省 577 330302', '苏州 suzhou su 江苏省 512 320505', '南京 nanjing nj 江苏省 25 320106',
  '无锡 wuxi wx 江苏省 510 320211', '成都 chengdu cd 四川省 28 510107', '武汉 wuhan wh 湖北省 27 420106', '西安 xian xa 陕西省 29 610113',
  '长沙 changsha cs 湖南省 731 430104', '郑州 zhengzhou zz 河南省 371 410105', '青岛 qingdao qd 山东省 532 370202',
  '济南 jinan jn 山东省 531 370102', '厦门 xiamen xm 福建省 592 350203', '福州 fuzhou fz 福建省 591 350102',
  '合肥 hefei hf 安徽省 551 340104', '大连 dalian dl 辽宁省 411 210202', '沈阳 shenyang sy 辽宁省 24 210102',
  '昆明 kunming km 云南省 871 530102'].map((l) => l.split(' ')).map(([name, , abbr, prov, area, div]) => ({ name, slug: abbr, prov, area, div }));
// Industry words: word | industry label | domain slug.
const industries = (list) => list.map((l) => l.split('|')).map(([word, label, s]) => ({ word, label, slug: s }));
const CN_IND = industries(['科技|Technology|tech', '电子|Electronics|dz', '电子科技|Electronics|tech', '贸易|Trading|trade',
  '物流|Logistics|logistics', '实业|Industrial|shiye', '信息技术|IT|it', '医药|Pharmaceuticals|pharma', '食品|Food|food',
  '机械|Machinery|jixie', '新材料|Materials|material', '网络科技|Internet|net', '软件|Software|soft', '供应链管理|Logistics|scm',
  '汽车配件|Automotive|auto', '建筑工程|Construction|build', '环保科技|Environmental|eco', '生物科技|Biotech|bio', '化工|Chemicals|chem',
  '纺织|Textiles|textile', '服装|Apparel|fashion', '家居|Furniture|home', '新能源|Energy|energy', '光电|Optoelectronics|opto',
  '精密机械|Machinery|precision', '进出口|Trading|imex', '文化传媒|Media|media', '投资|Investment|invest', '咨询|Consulting|consult',
  '医疗器械|Medical Devices|medical', '农业|Agriculture|agri', '包装|Packaging|pack', '印刷|Printing|print']);
const LAT_IND = industries(['Logistics|Logistics|logistics', 'Trading|Trading|trading', 'Technologies|Technology|tech',
  'Systems|Technology|systems', 'Software|Software|soft', 'Electronics|Electronics|electronics', 'Foods|Food|foods',
  'Pharma|Pharmaceuticals|pharma', 'Machinery|Machinery|machinery', 'Materials|Materials|materials', 'Solutions|IT|solutions',
  'Consulting|Consulting|consulting', 'Energy|Energy|energy', 'Chemicals|Chemicals|chem', 'Textiles|Textiles|textiles',
  'Motors|Automotive|motors', 'Construction|Construction|construction', 'Media|Media|media', 'Capital|Investment|capital',
  'Biotech|Biotech|bio', 'Medical|Medical Devices|medical', 'Packaging|Packaging|pack', 'Industries|Industrial|industries',
  'Engineering|Machinery|engineering', 'Shipping|Logistics|shipping', 'Holdings|Investment|holdings', 'Networks|Internet|networks',
  'Labs|Biotech|labs', 'Supplies|Trading|supplies', 'Instruments|Electronics|instruments', 'Apparel|Apparel|apparel',
  'Printing|Printing|print']);
const COMMON = ('Global Pacific Atlantic Northern Eastern Western Southern United General National International Royal Imperial ' +
  'Premier First Prime Apex Summit Pinnacle Silver Golden Blue Green Red Star Sun Ocean River Lake Mountain Bridge Harbor Crown ' +
  'Eagle Falcon Phoenix Lion Oak Cedar Maple Alpine Nordic Euro Metro Urban Delta Omega Alpha Sigma Vertex Vector Nova Stellar ' +
  'Horizon Frontier Pioneer Liberty Heritage Legacy Northwind Acme Contoso Fabrikam Globex Initech Tailspin Litware Wingtip Coho ' +
  'Orient Trans Allied Central Coastal Highland Swift Bright Smart Union Atlas Titan').split(' ');
const PRE = 'No Ver Tal Zen Qua Lum Bri Cor Dex Fla Gal Hex Ini Jun Kel Lor Mar Nex Orb Pra Quin Ros Sol Tor Ul Val Wex Xan Yor Zy Ar Bel Cal Dor El Fen Gor Hal Isa Kin'.split(' ');
const MID = 'a e i o ri ra ne lo ta vi ma co'.split(' ');
const END = 'tex tron vex ion ara ix ora um ent ica o is ant en ex ia ar on us ax eon ity ova ster'.split(' ');

const COUNTRIES = {
  CN: { cc: '86', trunk: '0', cities: CN_CITIES, tlds: ['.cn', '.cn', '.com.cn', '.com', '.net.cn'],
    free: ['qq.com', 'qq.com', '163.com', '126.com', 'sina.com'] },
  DE: { cc: '49', trunk: '0', nsn: 10, tlds: ['.de', '.de', '.com'], legal: ['GmbH', 'GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'KG'],
    cities: 'Berlin:30,Munich:89,Hamburg:40,Frankfurt:69,Cologne:221,Stuttgart:711', free: ['gmail.com', 'gmx.de', 'web.de'] },
  GB: { cc: '44', trunk: '0', nsn: 10, tlds: ['.co.uk', '.co.uk', '.com'], legal: ['Ltd', 'Ltd', 'Limited', 'PLC', 'LLP'],
    cities: 'London:20,Manchester:161,Birmingham:121,Leeds:113,Glasgow:141,Bristol:117', free: ['gmail.com', 'hotmail.co.uk'] },
  FR: { cc: '33', trunk: '0', nsn: 9, tlds: ['.fr', '.fr', '.com'], legal: ['SARL', 'S.A.', 'SAS', 'SAS'],
    cities: 'Paris:1,Lyon:4,Marseille:4,Toulouse:5,Lille:3,Nice:4', free: ['gmail.com', 'orange.fr', 'free.fr'] },
  US: { cc: '1', trunk: '', nsn: 10, tlds: ['.com', '.com', '.us', '.net'], legal: ['Inc', 'Inc.', 'Corp', 'Corporation', 'LLC', 'LLC', 'Co.'],
    cities: 'New York:212,Chicago:312,Houston:713,San Jose:408,Seattle:206,Boston:617,Los Angeles:213,Dallas:214',
    free: ['gmail.com', 'yahoo.com', 'outlook.com'] },
  SG: { cc: '65', trunk: '', nsn: 8, tlds: ['.com.sg', '.sg', '.com'], legal: ['Pte Ltd', 'Pte. Ltd.', 'Pte Ltd', 'Ltd'],
    cities: 'Singapore:6', free: ['gmail.com', 'yahoo.com.sg'] },
  JP: { cc: '81', trunk: '0', nsn: 9, tlds: ['.co.jp', '.jp', '.com'], legal: ['KK', 'Co., Ltd.', 'Corporation', 'Inc.'],
    cities: 'Tokyo:3,Osaka:6,Yokohama:45,Nagoya:52,Fukuoka:92,Kyoto:75', free: ['gmail.com', 'yahoo.co.jp'] },
};
const LATIN_CODES = ['DE', 'GB', 'FR', 'US', 'SG', 'JP'];
for (const c of LATIN_CODES.map((code) => COUNTRIES[code])) {
  c.cities = c.cities.split(',').map((x) => x.split(':')).map(([name, area]) => ({ name, slug: slug(name), area }));
}
const FREE_MAIL_DOMAINS = new Set(Object.values(COUNTRIES).flatMap((c) => c.free));
const CN_LEGAL = [['有限公司', 0.6], ['有限责任公司', 0.2], ['股份有限公司', 0.12], ['集团有限公司', 0.08]];
const CN_STYLE = [['prefix', 0.45], ['prefix0', 0.1], ['bracket', 0.2], ['none', 0.25]];
// Legal-form variants a clerk might type for the same company.
const LEGAL_SWAP = {
  有限公司: ['有限责任公司'], 有限责任公司: ['有限公司'], 股份有限公司: ['有限公司', '股份公司'], 集团有限公司: ['集团公司', '有限公司'],
  Ltd: ['Limited', 'Co., Ltd', 'Ltd.'], Limited: ['Ltd', 'Co., Ltd'], PLC: ['plc', 'Public Limited Company'], LLP: ['L.L.P.'],
  Inc: ['Inc.', 'Incorporated'], 'Inc.': ['Inc', 'Incorporated'], Corp: ['Corporation', 'Corp.'], Corporation: ['Corp', 'Corp.'],
  LLC: ['L.L.C.', 'Limited Liability Company'], 'Co.': ['Company', 'Co., Ltd'], GmbH: ['G.m.b.H.', 'Gesellschaft mbH'],
  AG: ['Aktiengesellschaft'], 'GmbH & Co. KG': ['GmbH & Co KG', 'GmbH u. Co. KG'], KG: ['Kommanditgesellschaft'],
  SARL: ['S.A.R.L.', 'Sàrl'], 'S.A.': ['SA', 'Société Anonyme'], SAS: ['S.A.S.'], 'Pte Ltd': ['Pte. Ltd.', 'Private Limited'],
  'Pte. Ltd.': ['Pte Ltd', 'Private Limited'], KK: ['K.K.', 'Kabushiki Kaisha'], 'Co., Ltd.': ['Co. Ltd', 'Co.,Ltd.'],
};
const MAILBOXES = ['info', 'sales', 'contact', 'office', 'service', 'orders', 'finance', 'admin'];
const STRONG = ['taxId', 'phone', 'email'];
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// ---------- entities ----------
// A spec is the structured identity behind a name: { country, city, trade, ind, legal, style }.
const cnName = (city, style, core, legal) =>
  style === 'prefix' ? `${city.name}市${core}${legal}`
    : style === 'prefix0' ? `${city.name}${core}${legal}`
      : style === 'province' ? `${city.prov}${city.name}市${core}${legal}`
        : style === 'bracket' ? `${core}（${city.name}）${legal}` : core + legal;
const latinName = (core, legal) => (legal ? `${core} ${legal}` : core);
const coreOf = (s, trade = s.trade) => (s.country === 'CN' ? trade + s.ind.word : `${trade} ${s.ind.word}`);
const nameOf = (s) => (s.country === 'CN' ? cnName(s.city, s.style, coreOf(s), s.legal) : latinName(coreOf(s), s.legal));
const handle = (s) => {
  if (s.country !== 'CN') return slug(s.trade);
  let h = '';
  for (const c of s.trade) h += PINYIN.get(c);
  return h;
};

const CITY_RE = new RegExp(CN_CITIES.map((c) => c.name).join('|')); // 上海, 南京, 大连 are not trade names
const cnTrade = () => {
  const a = pick(CN_CHARS), b = pickOther(CN_CHARS, a), t = rng() < 0.2 ? a + b + pickOther(CN_CHARS, b) : a + b;
  return CITY_RE.test(t) ? cnTrade() : t;
};
const syllables = () => {
  const w = (pick(PRE) + (rng() < 0.5 ? pick(MID) : '') + pick(END)).replace(/([aeiou])\1+/g, '$1');
  return w[0] + w.slice(1).toLowerCase();
};
// Brands: a common word (Global), common word + coined word (Pacific Norvex), or a coined word (Norvex).
const latinBrand = (r = rng()) => (r < 0.2 ? pick(COMMON) : r < 0.3 ? `${pick(COMMON)} ${syllables()}` : syllables());
const randomSpec = (country = rng() < 0.6 ? 'CN' : pick(LATIN_CODES)) => {
  const c = COUNTRIES[country];
  return country === 'CN'
    ? { country, city: pick(c.cities), trade: cnTrade(), ind: pick(CN_IND), legal: weighted(CN_LEGAL), style: weighted(CN_STYLE) }
    : { country, city: pick(c.cities), trade: latinBrand(), ind: pick(LAT_IND), legal: pick(c.legal), style: 'none' };
};

// Valid tax ids where the checksum is simple (CN USCC, FR, DE, GB VAT): the match API standardises its
// input like a write and leaves a value a write would refuse out of the search, while the bulk-loaded
// record keeps it. US, SG and JP ids stay random (often refused: the record is then found by its other keys).
const { usccCheckCharacter } = require(require('node:path').join(__dirname, '..', '..', 'dist/src/plugins/master-data/server/src/validation/domain/uscc.js'));
const deCheck = (d) => {
  let p = 10;
  for (const c of d) {
    let s = (Number(c) + p) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10;
};
const gbCheck = (d) => {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(d[i]) * (8 - i);
  return String((97 - (sum % 97)) % 97).padStart(2, '0');
};
const luhnOk = (s) => {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = Number(s[s.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};
const frKey = (siren) => String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
const taxIdFor = (s) => {
  switch (s.country) {
    case 'CN': { let t = `91${s.city.div}`; for (let i = 0; i < 9; i++) t += pick(USCC); return t + usccCheckCharacter(t); }
    case 'FR': { let siren; do siren = `${1 + int(9)}${digits(8)}`; while (!luhnOk(siren)); return `FR${frKey(siren)}${siren}`; }
    case 'US': return `US${10 + int(90)}-${digits(7)}`;
    case 'SG': return `SG${2000 + int(24)}${digits(5)}${pick('ABCDEFGHJKLMNRWXZ')}`;
    case 'JP': return `JP${1 + int(9)}${digits(12)}`;
    case 'DE': { const d = `${1 + int(9)}${digits(7)}`; return `DE${d}${deCheck(d)}`; }
    default: { const d = `${1 + int(9)}${digits(6)}`; return `${s.country}${d}${gbCheck(d)}`; } // GB
  }
};
const phoneFor = (s) => {
  if (s.country === 'CN') return rng() < 0.3 ? `+861${pick('3578')}${digits(9)}` : `+86${s.city.area}${2 + int(7)}${digits(7)}`;
  const c = COUNTRIES[s.country];
  return `+${c.cc}${s.city.area}${2 + int(8)}${digits(c.nsn - s.city.area.length - 1)}`;
};
const newDomain = (s) => {
  const base = handle(s), tld = pick(COUNTRIES[s.country].tlds), first = int(3);
  for (let i = -1; i < 4; i++) { // a random one of the first three forms, then each in turn
    const j = i < 0 ? first : i;
    const d = (j === 0 ? `${base}-${s.ind.slug}` : j === 1 ? base + s.ind.slug : j === 2 ? base : `${base}-${s.city.slug}`) + tld;
    if (claim(st.domains, d)) return d;
  }
  return unique(st.domains, () => `${base}-${s.ind.slug}${2 + int(998)}${tld}`);
};
const freeEmail = (s) => {
  const dom = pick(COUNTRIES[s.country].free);
  return unique(st.emails, () => (dom === 'qq.com' ? `${1 + int(9)}${digits(5 + int(5))}` : handle(s) + digits(2 + int(3))) + '@' + dom);
};
/** A new entity from a spec, or null when its (core, city) is taken. Registers everything it uses. */
const makeEntity = (s, freeMail = true) => {
  const key = `${s.city.name}|${coreOf(s)}`;
  if (!claim(st.cores, key)) return null;
  const domain = newDomain(s);
  const r = rng();
  return {
    id: null, name: nameOf(s), country: s.country, city: s.city.name,
    taxId: rng() < 0.1 ? null : unique(st.taxIds, () => taxIdFor(s)),
    phone: rng() < 0.15 ? null : unique(st.phones, () => phoneFor(s)),
    email: r < 0.1 ? null : r < 0.2 && freeMail ? freeEmail(s) : `${rng() < 0.6 ? 'info' : 'sales'}@${domain}`,
    website: rng() < 0.7 ? `https://www.${domain}` : null,
    industry: s.ind.label,
  };
};

// ---------- look-alikes (hard negatives in records, and negative queries) ----------
const oneCharOff = (s) => {
  const c = [...s.trade];
  if (s.country === 'CN') {
    const i = int(c.length);
    do c[i] = pickOther(CN_CHARS, s.trade[i]); while (CITY_RE.test(c.join('')));
  } else { // a lower-case letter, vowel for vowel: Acme → Acne, Global → Glabal
    const i = pick(c.map((ch, j) => (j > 0 && /[a-z]/.test(ch) ? j : -1)).filter((j) => j > 0));
    c[i] = pickOther('aeiou'.includes(c[i]) ? 'aeiou' : 'bcdfgklmnprstvz', c[i]);
  }
  return c.join('');
};
/** one_char: same city+industry, trade name one character apart; other_city: same trade name and industry
 * elsewhere in the country; shared_words: same trade name, other industry (华科电子/华科物流, Global Trading/
 * Global Logistics) or, for Latin names, same industry word with another common word (Pacific Trading). */
const variantSpec = (s, type, k) => {
  const v = { ...s };
  if (type === 'one_char') v.trade = oneCharOff(s);
  else if (type === 'other_city') {
    if (s.country === 'SG') return null; // a single city
    v.city = pickOther(COUNTRIES[s.country].cities, s.city);
  } else if (k % 2 === 0 || s.country === 'CN') v.ind = pickOther(s.country === 'CN' ? CN_IND : LAT_IND, s.ind);
  else v.trade = pick(COMMON);
  return v;
};
const LOOKALIKES = ['one_char', 'other_city', 'shared_words'];

// ---------- corruption model for duplicates ----------
const hasEvidence = (r) => STRONG.some((f) => r[f] !== null);
const domainOf = (email) => email.slice(email.indexOf('@') + 1);
// Which corruptions make sense for a record. Name typos need a kept tax id/phone/e-mail as evidence.
const APPLIES = {
  region_moved: (s) => s.country === 'CN', // 深圳市X有限公司 ↔ X（深圳）有限公司
  region_dropped: (s) => s.country === 'CN' && s.style !== 'none',
  province_prefix: (s) => s.country === 'CN' && s.city.prov !== '-', // 广东省深圳市X有限公司
  legal_form_dropped: () => true,
  legal_form_swapped: (s) => Boolean(LEGAL_SWAP[s.legal]), // 有限公司 ↔ 有限责任公司, Ltd ↔ Limited
  typo: (s, r) => s.country !== 'CN' && hasEvidence(r), // one Latin letter swapped/deleted/substituted
  homophone: (s, r) => s.country === 'CN' && hasEvidence(r) && [...s.trade].some((c) => HOMOPHONES.get(c).length > 0),
  traditional: (s) => s.country === 'CN', // 华→華, 电→電 ...
  fullwidth: (s) => s.country !== 'CN' || s.style === 'bracket', // ＡＣＭＥ; CN brackets （）→ ()
  case_punct: (s) => s.country !== 'CN', // ACME LOGISTICS GMBH, Acme-Logistics, Co Ltd
  phone_format: (s, r) => r.phone !== null, // 0755-1234 5678, +86 755 1234 5678, (030) 12345678
  email_mailbox: (s, r) => r.email !== null && !FREE_MAIL_DOMAINS.has(domainOf(r.email)), // info@ → sales@
  missing_fields: (s, r) => ['taxId', 'phone', 'email', 'website'].some((f) => r[f] !== null),
};
const DUP_KINDS = Object.keys(APPLIES), FIELD_KINDS = ['phone_format', 'email_mailbox', 'missing_fields'];
const CONFLICT = { region_moved: 'region', region_dropped: 'region', province_prefix: 'region', legal_form_dropped: 'legal', legal_form_swapped: 'legal' };
const NEGATIVE_KINDS = LOOKALIKES.map((k) => `neg_${k}`);
const CORRUPTIONS = [...DUP_KINDS, 'renamed', ...NEGATIVE_KINDS];

const typo = (core) => {
  const c = [...core];
  for (;;) {
    const i = 1 + int(c.length - 1), op = int(3);
    if (!/[A-Za-z]/.test(c[i]) || c[i - 1] === ' ') continue; // never a word's first letter
    if (op === 0 && /[a-z]/.test(c[i + 1] || '') && c[i + 1] !== c[i]) [c[i], c[i + 1]] = [c[i + 1], c[i]];
    else if (op === 1) c.splice(i, 1);
    else if (op === 2) {
      const x = pickOther('abcdefghijklmnopqrstuvwxyz', c[i].toLowerCase());
      c[i] = c[i] === c[i].toLowerCase() ? x : x.toUpperCase();
    } else continue;
    return c.join('');
  }
};
const casePunct = (name, core, legal) => {
  const ops = [() => name.toUpperCase(), () => name.toLowerCase(), () => latinName(core.replace(/ /g, '-'), legal),
    () => name.replace(/[.,]/g, ''), () => (legal ? `${core}, ${legal}` : name), () => latinName(core.replace(/ /g, ''), legal)];
  for (const op of shuffle(ops)) if (op() !== name) return op();
  return name;
};
const toTraditional = (t) => t.replace(/./g, (c) => TRAD.get(c) || c);
const toggleWidth = (t) => (/[（）]/.test(t)
  ? t.replace(/（/g, '(').replace(/）/g, ')')
  : t.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, rng() < 0.5 ? '\u3000' : ' '));
const phoneVariant = (phone, s) => {
  const c = COUNTRIES[s.country], nsn = phone.slice(c.cc.length + 1);
  if (s.country === 'CN' && nsn.length === 11 && nsn[0] === '1') { // mobile: 138 1234 5678
    const [p, q, m] = [nsn.slice(0, 3), nsn.slice(3, 7), nsn.slice(7)];
    return pick([`${p} ${q} ${m}`, `${p}-${q}-${m}`, `+86 ${p} ${q} ${m}`, nsn, `0086${nsn}`]);
  }
  const area = s.country === 'SG' ? '' : s.city.area, trunk = c.trunk;
  const sub = nsn.slice(area.length), a = sub.slice(0, -4), b = sub.slice(-4), nat = trunk + area;
  const v = pick([`${nat}-${a} ${b}`, `(${nat}) ${a}${b}`, `(${nat}) ${a}-${b}`, `${nat} ${a} ${b}`, `+${c.cc} ${area} ${a} ${b}`,
    `+${c.cc}-${area}-${sub}`, `00${c.cc} ${nsn}`, nat + sub]);
  return v.replace(/^-+|\(\)\s?|-(?=-)/g, '').replace(/\s+/g, ' ').trim();
};

/** A labelled duplicate: 1–3 compatible corruptions of a random record (or, ~5%, a rename sharing only the tax id). */
const makeDuplicate = (records, specs) => {
  for (;;) {
    const i = int(records.length), r = records[i], s = specs[i];
    const d = { name: r.name, country: r.country, city: r.city, taxId: r.taxId, phone: r.phone, email: r.email, website: r.website };
    if (rng() < 0.05) { // renamed company: a different name, same tax id, nothing else
      if (r.taxId === null) continue;
      const ns = { ...randomSpec(r.country), city: s.city };
      Object.assign(d, { name: nameOf(ns), city: null, phone: null, email: null, website: null });
      if (d.name === r.name) continue;
      return { data: d, truth: r.id, kind: 'renamed', corruptions: ['renamed'] };
    }
    const k = weighted([[1, 0.5], [2, 0.35], [3, 0.15]]), chosen = [], groups = new Set();
    for (const kind of shuffle(DUP_KINDS.filter((x) => APPLIES[x](s, r)))) {
      if (chosen.length === k) break;
      if (groups.has(CONFLICT[kind] || kind)) continue;
      groups.add(CONFLICT[kind] || kind);
      chosen.push(kind);
    }
    const has = (x) => chosen.includes(x), noop = new Set();
    // Structured name changes first, then string-level ones.
    let style = s.style, legal = s.legal, trade = s.trade;
    if (has('region_moved')) style = s.style === 'bracket' ? pick(['prefix', 'prefix0']) : s.style === 'none' ? pick(['prefix', 'bracket']) : 'bracket';
    if (has('region_dropped')) style = 'none';
    if (has('province_prefix')) style = 'province';
    if (has('legal_form_dropped')) legal = '';
    if (has('legal_form_swapped')) legal = pick(LEGAL_SWAP[s.legal]);
    if (has('homophone')) {
      const c = [...trade], pos = c.map((x, j) => (HOMOPHONES.get(x).length ? j : -1)).filter((j) => j >= 0), j = pick(pos);
      c[j] = pick(HOMOPHONES.get(c[j]));
      trade = c.join('');
    }
    let core = coreOf(s, trade);
    if (has('typo')) core = typo(core);
    let name = s.country === 'CN' ? cnName(s.city, style, core, legal) : latinName(core, legal);
    for (const [kind, fn] of [['case_punct', (n) => casePunct(n, core, legal)], ['traditional', toTraditional], ['fullwidth', toggleWidth]]) {
      if (!has(kind)) continue;
      const next = fn(name);
      if (next === name) noop.add(kind);
      name = next;
    }
    if (name === r.name && chosen.some((x) => !FIELD_KINDS.includes(x))) continue; // e.g. Ltd → Ltd. → (punctuation) Ltd
    d.name = name;
    if (has('phone_format')) d.phone = phoneVariant(r.phone, s);
    if (has('email_mailbox')) d.email = `${pick(MAILBOXES.filter((m) => m !== r.email.split('@')[0]))}@${domainOf(r.email)}`;
    if (has('missing_fields')) { // null 1..n untouched fields; a fuzzy name keeps one strong identifier
      const cand = shuffle(['taxId', 'phone', 'email', 'website'].filter((f) => d[f] !== null && d[f] === r[f]));
      const gone = cand.slice(0, 1 + int(cand.length)), back = gone.find((f) => STRONG.includes(f));
      for (const f of gone) d[f] = null;
      if ((has('typo') || has('homophone')) && !hasEvidence(d)) d[back] = r[back];
      if (!gone.some((f) => d[f] === null)) noop.add('missing_fields');
    }
    const applied = chosen.filter((x) => !noop.has(x));
    if (applied.length) return { data: d, truth: r.id, kind: applied[0], corruptions: applied };
  }
};
/** A negative: a new look-alike entity (fresh tax id, phone, domain; never free mail) near a random record. */
const makeNegative = (specs) => {
  for (;;) {
    const kind = pick(LOOKALIKES), v = variantSpec(specs[int(specs.length)], kind, int(2));
    const e = v && makeEntity(v, false);
    if (!e) continue;
    const { name, country, city, taxId, phone, email, website } = e;
    return { data: { name, country, city, taxId, phone, email, website }, truth: null, kind: `neg_${kind}`, corruptions: [`neg_${kind}`] };
  }
};

const GROUP_RATE = 0.024; // chance that the next entity starts a hard-negative group (≈5% of records end up in one)

function generate({ seed = 42, size = 100000, queries = 2000 } = {}) {
  if (queries > 0 && size < 1) throw new RangeError('queries need at least one record');
  rng = mulberry32(seed);
  st = { cores: new Set(), taxIds: new Set(), phones: new Set(), domains: new Set(FREE_MAIL_DOMAINS), emails: new Set() };
  const records = [], specs = [], hardNegativeGroups = [];
  const add = (e, s) => {
    e.id = `r${records.length + 1}`;
    records.push(e);
    specs.push(s);
  };
  while (records.length < size) {
    if (size - records.length >= 2 && rng() < GROUP_RATE) {
      const type = pick(LOOKALIKES), s = randomSpec();
      if (type === 'shared_words' && s.country !== 'CN') s.trade = pick(COMMON);
      const base = makeEntity(s);
      if (!base) continue;
      const members = [[base, s]], want = Math.min(rng() < 0.3 ? 2 : 1, size - records.length - 1);
      for (let k = 0, tries = 0; k < want && tries < 10; tries++) {
        const v = variantSpec(s, type, k), e = v && makeEntity(v);
        if (e) members.push([e, v]), k++;
      }
      for (const [e, v] of members) add(e, v);
      if (members.length > 1) hardNegativeGroups.push({ kind: type, ids: members.map(([e]) => e.id) });
    } else {
      const s = randomSpec(), e = makeEntity(s);
      if (e) add(e, s);
    }
  }
  const out = [];
  for (let q = 0; q < queries; q++) out.push(rng() < 0.2 ? makeNegative(specs) : makeDuplicate(records, specs));
  rng = st = undefined;
  return { records, queries: out, hardNegativeGroups };
}

module.exports = { generate, CORRUPTIONS, DUPLICATE_KINDS: [...DUP_KINDS, 'renamed'], NEGATIVE_KINDS, FREE_MAIL_DOMAINS, mulberry32 };
