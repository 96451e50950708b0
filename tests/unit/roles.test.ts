import { fieldsFor, ROLE_DEFINITIONS, CUSTOMER } from '../../src/roles/definitions';
import { formatCode, parseCode } from '../../src/plugins/master-data/server/src/codes/format';

const ALL = ['code', 'name', 'creditLimit', 'creditRating', 'currency', 'paymentTerms', 'bankAccounts.iban', 'bankAccounts.bankName', 'contacts.email'];
const grant = (code: string) => ROLE_DEFINITIONS.find((r) => r.code === code)!.grants.find((g) => g.subject === CUSTOMER)!;

describe('admin roles: field-level access to customers', () => {
  test('sales sees no bank accounts and no credit data', () => {
    expect(fieldsFor(grant('sales'), 'read', ALL)).toEqual(['code', 'name', 'contacts.email']);
  });
  test('finance reads everything but writes only credit and bank fields', () => {
    expect(fieldsFor(grant('finance'), 'read', ALL)).toEqual(ALL);
    expect(fieldsFor(grant('finance'), 'update', ALL)).toEqual(['creditLimit', 'creditRating', 'currency', 'paymentTerms', 'bankAccounts.iban', 'bankAccounts.bankName']);
  });
  test('the steward has every field', () => {
    expect(fieldsFor(grant('data-steward'), 'update', ALL)).toEqual(ALL);
  });
});

describe('record codes', () => {
  test('format and parse', () => {
    expect(formatCode({ prefix: 'C-', digits: 6 }, 123)).toBe('C-000123');
    expect(formatCode({ prefix: 'C-', digits: 6 }, 1234567)).toBe('C-1234567');
    expect(parseCode({ prefix: 'C-', digits: 6 }, 'C-000123')).toBe(123);
    expect(parseCode({ prefix: 'C-', digits: 6 }, 'X-000123')).toBeNull();
    expect(parseCode({ prefix: 'C-', digits: 6 }, 'C-12')).toBeNull();
  });
});
