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
