/** Valid, distinct customer data for tests. */
import { usccCheckCharacter } from '../../src/plugins/master-data/server/src/validation/domain/uscc';

let counter = 0;

/** A valid CN Unified Social Credit Code, different on every call. */
export const uscc = (n = (counter += 1)) => {
  const first17 = `91440300${String(100000000 + n).slice(-9)}`;
  return first17 + usccCheckCharacter(first17);
};

export const customerData = (overrides: Record<string, unknown> = {}) => {
  const n = (counter += 1);
  return {
    name: `Shenzhen Test Trading ${n} Co., Ltd.`,
    legalName: `深圳市测试贸易${n}有限公司`,
    customerType: 'organization',
    taxId: uscc(n),
    country: 'CN',
    city: 'Shenzhen',
    phone: '0755 8601 3388',
    email: `Buyer${n}@Example.COM`,
    currency: 'CNY',
    creditLimit: 500000,
    addresses: [{ type: 'registered', line1: '1 Keji Zhong Yi Road', city: 'Shenzhen', country: 'cn', isPrimary: true }],
    contacts: [{ name: 'Li  Wei', email: 'li.wei@example.com', phone: '138 0013 8000', isPrimary: true }],
    bankAccounts: [{ bankName: 'Bank of China', accountName: 'Test Trading', accountNumber: '4563 5180 0012 3456', swift: 'BKCHCNBJ' }],
    externalIds: [{ system: 'SAP', externalId: `SAP-${n}` }],
    ...overrides,
  };
};

/** One bad value per validation rule: [label, fields to merge into valid data, error path, reason]. */
export const INVALID_CASES: Array<[string, Record<string, unknown>, string[], string]> = [
  ['CN tax id with a wrong check character', { taxId: '9144030071526726XH' }, ['taxId'], 'expected G'],
  ['tax id of the wrong length', { taxId: '91440300715267' }, ['taxId'], 'must be 18 characters'],
  ['DE VAT number with a wrong check digit', { country: 'DE', taxId: 'DE136695977', phone: '+49 30 901820', contacts: [{ name: 'A', phone: '030 901820' }] }, ['taxId'], 'not a valid DE tax number'],
  ['phone not valid in the record country', { phone: '0755 123' }, ['phone'], 'not a valid phone number for CN'],
  ['email', { email: 'buyer@' }, ['email'], 'not a valid email address'],
  ['country code', { country: 'China' }, ['country'], 'not an ISO 3166-1 alpha-2'],
  ['currency code', { currency: 'RMB' }, ['currency'], 'not an ISO 4217'],
  ['website', { website: 'not a website' }, ['website'], 'not a valid web address'],
  ['contact email in a component', { contacts: [{ name: 'A', email: 'nope' }] }, ['contacts', '0', 'email'], 'not a valid email address'],
  ['contact phone in a component', { contacts: [{ name: 'A', phone: '12' }] }, ['contacts', '0', 'phone'], 'phone number'],
  ['address country in a component', { addresses: [{ type: 'billing', line1: 'x', country: 'XX' }] }, ['addresses', '0', 'country'], 'not an ISO 3166-1'],
  ['IBAN checksum', { bankAccounts: [{ bankName: 'B', iban: 'DE89370400440532013001' }] }, ['bankAccounts', '0', 'iban'], 'not a valid IBAN'],
  ['SWIFT/BIC', { bankAccounts: [{ bankName: 'B', swift: 'BANK' }] }, ['bankAccounts', '0', 'swift'], 'not a valid SWIFT/BIC'],
];

/** Row counts of every table a customer write touches, to prove a refused write left nothing. */
export const CUSTOMER_TABLES = [
  'customers',
  'customers_cmps',
  'customers_group_lnk',
  'customers_merged_into_lnk',
  'components_customer_addresses',
  'components_customer_contacts',
  'components_customer_bank_accounts',
  'components_customer_external_ids',
];
