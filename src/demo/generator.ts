/**
 * Realistic demo customers: Chinese and international companies and a few persons, with
 * addresses, contacts, bank accounts and ERP ids. Deterministic (seeded PRNG), so every demo
 * database holds the same records. Pure: no Strapi.
 */
import { usccCheckCharacter } from '../plugins/master-data/server/src/validation/domain/uscc';

export const mulberry32 = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

const CN_CITIES = [
  { zh: '深圳', en: 'Shenzhen', region: 'Guangdong', division: '440300', area: '0755' },
  { zh: '广州', en: 'Guangzhou', region: 'Guangdong', division: '440100', area: '020' },
  { zh: '上海', en: 'Shanghai', region: 'Shanghai', division: '310115', area: '021' },
  { zh: '北京', en: 'Beijing', region: 'Beijing', division: '110108', area: '010' },
  { zh: '杭州', en: 'Hangzhou', region: 'Zhejiang', division: '330100', area: '0571' },
  { zh: '苏州', en: 'Suzhou', region: 'Jiangsu', division: '320500', area: '0512' },
  { zh: '成都', en: 'Chengdu', region: 'Sichuan', division: '510100', area: '028' },
  { zh: '武汉', en: 'Wuhan', region: 'Hubei', division: '420100', area: '027' },
] as const;

const CN_TRADE_NAMES = [
  ['华南', 'Huanan'], ['鸿达', 'Hongda'], ['瑞丰', 'Ruifeng'], ['金桥', 'Jinqiao'], ['东方', 'Dongfang'], ['恒信', 'Hengxin'],
  ['新世纪', 'Xinshiji'], ['天成', 'Tiancheng'], ['海川', 'Haichuan'], ['博远', 'Boyuan'], ['中科', 'Zhongke'], ['万通', 'Wantong'],
  ['锦程', 'Jincheng'], ['嘉禾', 'Jiahe'], ['盛世', 'Shengshi'], ['正泰', 'Zhengtai'], ['宏图', 'Hongtu'], ['国信', 'Guoxin'],
] as const;

const CN_INDUSTRIES = [
  { zh: '电子科技', en: 'Electronics Technology', industry: 'Electronics' },
  { zh: '贸易', en: 'Trading', industry: 'Wholesale' },
  { zh: '物流', en: 'Logistics', industry: 'Logistics' },
  { zh: '医疗器械', en: 'Medical Devices', industry: 'Healthcare' },
  { zh: '新能源', en: 'New Energy', industry: 'Energy' },
  { zh: '食品', en: 'Foods', industry: 'Food & Beverage' },
  { zh: '机械制造', en: 'Machinery', industry: 'Manufacturing' },
  { zh: '软件', en: 'Software', industry: 'Software' },
] as const;

const CN_LEGAL_FORMS = ['有限公司', '股份有限公司', '有限责任公司'] as const;
const CN_BANKS = [
  { name: '中国银行', swift: 'BKCHCNBJ' },
  { name: '招商银行', swift: 'CMBCCNBS' },
  { name: '中国工商银行', swift: 'ICBKCNBJ' },
  { name: '中国建设银行', swift: 'PCBCCNBJ' },
] as const;
const CN_PEOPLE = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴娜'];
const CN_STREETS = ['科技园南路', '深南大道', '世纪大道', '中关村大街', '文三路', '人民路', '天府大道', '解放大道'];

const INTL = [
  { country: 'DE', city: 'Berlin', region: 'Berlin', phone: '+49 30 9018', phoneDigits: 3, currency: 'EUR', suffix: 'GmbH', postal: '10115', bank: 'Deutsche Bank', swift: 'DEUTDEFF', ibanBank: '37040044' },
  { country: 'DE', city: 'Munich', region: 'Bavaria', phone: '+49 89 2323', phoneDigits: 3, currency: 'EUR', suffix: 'AG', postal: '80331', bank: 'Commerzbank', swift: 'COBADEFF', ibanBank: '70040041' },
  { country: 'GB', city: 'London', region: 'England', phone: '+44 20 7946', phoneDigits: 4, currency: 'GBP', suffix: 'Ltd', postal: 'EC1A 1BB', bank: 'Barclays', swift: 'BARCGB22', ibanBank: '' },
  { country: 'FR', city: 'Paris', region: 'Île-de-France', phone: '+33 1 4268', phoneDigits: 4, currency: 'EUR', suffix: 'S.A.', postal: '75001', bank: 'BNP Paribas', swift: 'BNPAFRPP', ibanBank: '' },
  { country: 'US', city: 'New York', region: 'NY', phone: '+1 212 736', phoneDigits: 4, currency: 'USD', suffix: 'Inc.', postal: '10001', bank: 'JPMorgan Chase', swift: 'CHASUS33', ibanBank: '' },
  { country: 'US', city: 'San Jose', region: 'CA', phone: '+1 408 961', phoneDigits: 4, currency: 'USD', suffix: 'LLC', postal: '95113', bank: 'Wells Fargo', swift: 'WFBIUS6S', ibanBank: '' },
  { country: 'JP', city: 'Tokyo', region: 'Tokyo', phone: '+81 3 3211', phoneDigits: 4, currency: 'JPY', suffix: 'K.K.', postal: '100-0005', bank: 'MUFG Bank', swift: 'BOTKJPJT', ibanBank: '' },
  { country: 'SG', city: 'Singapore', region: 'Singapore', phone: '+65 6221', phoneDigits: 4, currency: 'SGD', suffix: 'Pte. Ltd.', postal: '049315', bank: 'DBS Bank', swift: 'DBSSSGSG', ibanBank: '' },
] as const;

const INTL_NAMES = ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Acme', 'Tailspin', 'Litware', 'Proseware', 'Adatum', 'Lucerne', 'Fourth Coffee', 'Wingtip', 'Blue Yonder', 'Coho', 'Humongous', 'Margie'];
const INTL_INDUSTRIES = [['Industrial Supply', 'Wholesale'], ['Logistics', 'Logistics'], ['Software', 'Software'], ['Foods', 'Food & Beverage'], ['Medical', 'Healthcare'], ['Energy', 'Energy']] as const;
const INTL_PEOPLE = ['Maria Schmidt', 'John Carter', 'Claire Dubois', 'Hiroshi Tanaka', 'Emily Clarke', 'Lukas Weber', 'Sophie Martin', 'Wei Lim'];

/** Tax ids that pass the validators, built with each scheme's check digits. */
const taxIdFor = (rng: Rng, country: string): string => {
  const withWeights = (body: string, weights: number[], mod: number) =>
    body.split('').reduce((sum, d, i) => sum + Number(d) * weights[i], 0) % mod;
  switch (country) {
    case 'DE': {
      // ISO 7064 MOD 11,10 over 8 digits.
      const body = `${1 + Math.floor(rng() * 9)}${digits(rng, 7)}`;
      let product = 10;
      for (const d of body) {
        let sum = (Number(d) + product) % 10;
        if (sum === 0) sum = 10;
        product = (2 * sum) % 11;
      }
      return body + String((11 - product) % 10);
    }
    case 'GB': {
      // 9 digits; weights 8..2 plus the last two digits, valid when the sum ≡ 0 or 42 (mod 97).
      for (;;) {
        const body = `${1 + Math.floor(rng() * 9)}${digits(rng, 6)}`;
        const sum = withWeights(body, [8, 7, 6, 5, 4, 3, 2], 97);
        const check = (97 - sum) % 97;
        if (check < 100) return body + String(check).padStart(2, '0');
      }
    }
    case 'FR': {
      const siren = luhnComplete(`${1 + Math.floor(rng() * 9)}${digits(rng, 7)}`);
      const key = (12 + 3 * (Number(siren) % 97)) % 97;
      return `${String(key).padStart(2, '0')}${siren}`;
    }
    case 'US':
      return `${pick(rng, ['12', '13', '20', '27', '45', '46', '94', '95'])}${digits(rng, 7)}`;
    case 'JP': {
      const body = `${1 + Math.floor(rng() * 9)}${digits(rng, 11)}`;
      const sum = body.split('').reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 2), 0);
      return `${9 - (sum % 9)}${body}`;
    }
    case 'SG': {
      // Local company UEN: 8 digits + check letter (weights 10,4,9,3,8,2,7,1; mod 11).
      const body = `${2000 + Math.floor(rng() * 24)}${digits(rng, 4)}`;
      const sum = withWeights(body.slice(0, 8), [10, 4, 9, 3, 8, 2, 7, 1], 11);
      return body + 'XMKECAWLJDB'[sum];
    }
    default:
      return digits(rng, 10);
  }
};

const luhnComplete = (body: string) => {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = body + d;
    const sum = candidate
      .split('')
      .reverse()
      .reduce((s, c, i) => {
        let n = Number(c);
        if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
        return s + n;
      }, 0);
    if (sum % 10 === 0) return candidate;
  }
  return body + '0';
};

const iban = (country: string, bban: string) => {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const ch of rearranged) remainder = (remainder * 10 + Number(ch)) % 97;
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
};

const uscc = (rng: Rng, division: string) => {
  const org = `${pick(rng, ['M', 'X', '7', '5', '6'])}${Array.from({ length: 8 }, () => pick(rng, [...'0123456789ABCDEFGHJKLMNPQRTUWXY'])).join('')}`;
  const first17 = `91${division}${org}`;
  return first17 + usccCheckCharacter(first17);
};

export const GROUPS = [
  { code: 'KA', name: 'Key accounts' },
  { code: 'KA-CN', name: 'Key accounts China', parent: 'KA' },
  { code: 'KA-INTL', name: 'Key accounts international', parent: 'KA' },
  { code: 'DIST', name: 'Distributors' },
  { code: 'DIST-APAC', name: 'Distributors APAC', parent: 'DIST' },
  { code: 'RETAIL', name: 'Retail' },
  { code: 'SME', name: 'Small and medium businesses' },
];

export interface DemoCustomer {
  demoId: string;
  group: string;
  publish: boolean;
  data: Record<string, unknown>;
}

const STAGES = ['active', 'active', 'active', 'prospect', 'dormant', 'blocked'] as const;
const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B'];

const finance = (rng: Rng, currency: string) => ({
  creditRating: pick(rng, RATINGS),
  creditLimit: pick(rng, [50000, 100000, 250000, 500000, 1000000, 5000000]),
  currency,
  paymentTerms: pick(rng, ['NET30', 'NET45', 'NET60', 'Prepaid', '2/10 NET30']),
});

const cnCompany = (rng: Rng, i: number): DemoCustomer => {
  const city = pick(rng, CN_CITIES);
  const [tradeZh, tradeEn] = CN_TRADE_NAMES[i % CN_TRADE_NAMES.length];
  const sector = CN_INDUSTRIES[Math.floor(i / CN_TRADE_NAMES.length) % CN_INDUSTRIES.length];
  const legalForm = pick(rng, CN_LEGAL_FORMS);
  const bank = pick(rng, CN_BANKS);
  const contact = pick(rng, CN_PEOPLE);
  const domain = `${tradeEn.toLowerCase()}-${sector.industry.split(' ')[0].toLowerCase()}.cn`;
  return {
    demoId: `demo-cn-${String(i).padStart(3, '0')}`,
    group: pick(rng, ['KA-CN', 'DIST-APAC', 'SME', 'RETAIL']),
    publish: rng() > 0.08,
    data: {
      name: `${tradeZh}${sector.zh}`,
      legalName: `${city.zh}市${tradeZh}${sector.zh}${legalForm}`,
      customerType: 'organization',
      taxId: uscc(rng, city.division),
      country: 'CN',
      region: city.region,
      city: city.en,
      industry: sector.industry,
      segment: pick(rng, ['Enterprise', 'Mid-market', 'SME']),
      tier: pick(rng, ['A', 'B', 'B', 'C', 'C']),
      lifecycleStage: pick(rng, STAGES),
      ...finance(rng, 'CNY'),
      website: `www.${domain}`,
      email: `sales@${domain}`,
      phone: `${city.area} ${2 + Math.floor(rng() * 7)}${digits(rng, 7)}`,
      preferences: { language: 'zh-CN', invoiceDelivery: pick(rng, ['email', 'post', 'EDI']) },
      notes: `${tradeEn} ${sector.en} Co., Ltd. (${city.en})`,
      addresses: [
        { type: 'registered', line1: `${city.zh}市${pick(rng, CN_STREETS)}${1 + Math.floor(rng() * 300)}号`, city: city.en, region: city.region, postalCode: `${city.division.slice(0, 4)}00`, country: 'CN', isPrimary: true },
        ...(rng() > 0.5 ? [{ type: 'shipping', line1: `${city.zh}市${pick(rng, CN_STREETS)}${1 + Math.floor(rng() * 300)}号 仓库`, city: city.en, region: city.region, country: 'CN', isPrimary: false }] : []),
      ],
      contacts: [
        { name: contact, title: pick(rng, ['采购经理', '财务总监', '总经理']), email: `${tradeEn.toLowerCase()}.${i}@${domain}`, phone: `1${pick(rng, ['38', '39', '58', '86', '88'])}${digits(rng, 8)}`, isPrimary: true },
      ],
      bankAccounts: rng() > 0.3 ? [{ bankName: bank.name, accountName: `${city.zh}市${tradeZh}${sector.zh}${legalForm}`, accountNumber: `6222${digits(rng, 15)}`, swift: bank.swift }] : [],
      externalIds: [
        { system: 'SAP', externalId: String(1000000 + i) },
        ...(rng() > 0.5 ? [{ system: 'Kingdee', externalId: `KD${digits(rng, 8)}` }] : []),
      ],
    },
  };
};

const intlCompany = (rng: Rng, i: number): DemoCustomer => {
  const place = INTL[i % INTL.length];
  const base = INTL_NAMES[i % INTL_NAMES.length];
  const [sectorName, industry] = pick(rng, INTL_INDUSTRIES);
  const name = `${base} ${sectorName}`;
  const domain = `${base.toLowerCase().replace(/\s/g, '')}-${place.country.toLowerCase()}.com`;
  const bankAccount =
    place.country === 'DE'
      ? { bankName: place.bank, accountName: `${name} ${place.suffix}`, iban: iban('DE', `${place.ibanBank}${digits(rng, 10)}`), swift: place.swift }
      : { bankName: place.bank, accountName: `${name} ${place.suffix}`, accountNumber: digits(rng, 12), swift: place.swift };
  return {
    demoId: `demo-intl-${String(i).padStart(3, '0')}`,
    group: pick(rng, ['KA-INTL', 'DIST', 'SME', 'RETAIL']),
    publish: rng() > 0.08,
    data: {
      name,
      legalName: `${name} ${place.suffix}`,
      customerType: 'organization',
      taxId: taxIdFor(rng, place.country),
      country: place.country,
      region: place.region,
      city: place.city,
      industry,
      segment: pick(rng, ['Enterprise', 'Mid-market', 'SME']),
      tier: pick(rng, ['A', 'B', 'C']),
      lifecycleStage: pick(rng, STAGES),
      ...finance(rng, place.currency),
      website: `https://www.${domain}`,
      email: `orders@${domain}`,
      phone: `${place.phone} ${digits(rng, place.phoneDigits)}`,
      preferences: { language: 'en', invoiceDelivery: pick(rng, ['email', 'EDI', 'portal']) },
      addresses: [
        { type: 'billing', line1: `${1 + Math.floor(rng() * 200)} ${pick(rng, ['Market St', 'Hauptstraße', 'Rue de Rivoli', 'High Street', 'Orchard Rd'])}`, city: place.city, region: place.region, postalCode: place.postal, country: place.country, isPrimary: true },
      ],
      contacts: [
        { name: pick(rng, INTL_PEOPLE), title: pick(rng, ['Purchasing Manager', 'CFO', 'Account Manager']), email: `contact.${i}@${domain}`, phone: `${place.phone} ${digits(rng, place.phoneDigits)}`, isPrimary: true },
      ],
      bankAccounts: rng() > 0.3 ? [bankAccount] : [],
      externalIds: [
        { system: 'SAP', externalId: String(2000000 + i) },
        { system: 'Salesforce', externalId: `001${digits(rng, 12)}AAA` },
      ],
    },
  };
};

const person = (rng: Rng, i: number): DemoCustomer => {
  const cn = i % 2 === 0;
  // Each person once: the same name in the same city is a duplicate (and the seed goes through the duplicate check).
  const name = cn ? CN_PEOPLE[(i >> 1) % CN_PEOPLE.length] : INTL_PEOPLE[(i >> 1) % INTL_PEOPLE.length];
  return {
    demoId: `demo-person-${String(i).padStart(3, '0')}`,
    group: 'RETAIL',
    publish: true,
    data: {
      name,
      customerType: 'person',
      country: cn ? 'CN' : 'DE',
      city: cn ? 'Shanghai' : 'Berlin',
      lifecycleStage: pick(rng, ['prospect', 'active']),
      tier: 'C',
      email: `person${i}@example.${cn ? 'cn' : 'de'}`,
      phone: cn ? `1${pick(rng, ['38', '39', '58'])}${digits(rng, 8)}` : `+49 30 9018 ${digits(rng, 4)}`,
      currency: cn ? 'CNY' : 'EUR',
      paymentTerms: 'Prepaid',
      addresses: [{ type: 'shipping', line1: cn ? '上海市浦东新区世纪大道100号' : 'Torstraße 12', city: cn ? 'Shanghai' : 'Berlin', country: cn ? 'CN' : 'DE', isPrimary: true }],
      externalIds: [{ system: 'Shop', externalId: `U${100000 + i}` }],
    },
  };
};

/** The demo customers: 120 Chinese companies, 70 international companies, 10 persons. */
export const demoCustomers = (seed = 20261127): DemoCustomer[] => {
  const rng = mulberry32(seed);
  return [
    ...Array.from({ length: 120 }, (_, i) => cnCompany(rng, i)),
    ...Array.from({ length: 70 }, (_, i) => intlCompany(rng, i)),
    ...Array.from({ length: 10 }, (_, i) => person(rng, i)),
  ];
};

/**
 * Near-duplicates of some demo customers, as they turn up in real data: a typo, a Chinese company
 * entered by its English name, a person written "Last, First", a shortened name. Each shares a phone
 * or an email (or its domain) with its original and has no tax id of its own, so the duplicate check
 * queues it for review rather than blocking it. Drafts, as an import or a sales rep would leave them.
 */
export const nearDuplicates = (customers: DemoCustomer[]): DemoCustomer[] => {
  const of = (demoId: string) => {
    const found = customers.find((c) => c.demoId === demoId);
    if (!found) throw new Error(`demo customer ${demoId} is missing`);
    return found.data as Record<string, any>;
  };
  const domainOf = (email: string) => email.slice(email.indexOf('@') + 1);
  const variant = (n: number, source: string, data: Record<string, unknown>): DemoCustomer => {
    const original = of(source);
    return {
      demoId: `demo-dup-${String(n).padStart(3, '0')}`,
      group: 'SME',
      publish: false,
      data: { customerType: 'organization', country: original.country, city: original.city, region: original.region, lifecycleStage: 'prospect', ...data },
    };
  };
  const northwind = of('demo-intl-000');
  const huanan = of('demo-cn-000');
  const carter = of('demo-person-003');
  const contoso = of('demo-intl-001');
  const hongda = of('demo-cn-001');
  return [
    // A typo and the legal form in the name; the same switchboard number.
    variant(1, 'demo-intl-000', { name: `${northwind.name.replace(/s$/, '')} ${String(northwind.legalName).split(' ').pop()}`, phone: northwind.phone, email: `info@${domainOf(northwind.email)}` }),
    // The Chinese company entered by its English name; the same phone, a mailbox at its domain.
    variant(2, 'demo-cn-000', { name: String(huanan.notes).replace(/ \(.*\)$/, ''), phone: huanan.phone, email: `info@${domainOf(huanan.email)}`, currency: 'CNY' }),
    // A person written "Last, First", with the same email.
    variant(3, 'demo-person-003', { name: String(carter.name).split(' ').reverse().join(', '), customerType: 'person', email: carter.email }),
    // A typo, the same order desk.
    variant(4, 'demo-intl-001', { name: String(contoso.name).replace('Logistics', 'Logistcs'), email: contoso.email, website: contoso.website }),
    // The name shortened to its trade name, the same phone.
    variant(5, 'demo-cn-001', { name: String(hongda.name).slice(0, 4), phone: hongda.phone }),
  ];
};

/**
 * Changes the data steward proposes to published demo customers; each waits for approval (the
 * shipped policies: any change of a credit rating, name or legal name needs an Approver; a credit
 * limit of 1,000,000 or more needs the Finance step as well).
 */
export const pendingChanges = (customers: DemoCustomer[]) => {
  const of = (demoId: string) => customers.find((c) => c.demoId === demoId)!.data as Record<string, any>;
  const downgrade = (rating: string) => (rating === 'BB' ? 'B' : rating === 'B' ? 'BB' : RATINGS[Math.min(RATINGS.indexOf(rating) + 2, RATINGS.length - 1)]);
  return [
    { demoId: 'demo-cn-000', data: { creditRating: downgrade(of('demo-cn-000').creditRating) }, reason: 'Downgraded by the rating agency in the Q3 review' },
    { demoId: 'demo-intl-004', data: { creditLimit: 2_000_000 }, reason: 'Framework agreement signed for 2027; higher volumes expected' },
    { demoId: 'demo-cn-019', data: { legalName: String(of('demo-cn-019').legalName).replace(/(股份)?有限公司$/, '集团有限公司') }, reason: 'Renamed after the restructuring (new business licence on file)' },
  ];
};
