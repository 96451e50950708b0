import type { SettingsDocument } from '../../../src/plugins/master-data/shared/contracts/settings';
import {
  asOptions,
  cleanRule,
  defaultMatching,
  editApprovals,
  governType,
  isSensitive,
  newPolicy,
  parseLines,
  parseList,
  policyName,
  sameDocument,
  setCode,
  setFieldRule,
  setMatchField,
  setMatchingEnabled,
  setSensitive,
  setWeight,
  stopGoverning,
  suggestCode,
  suggestMatchFields,
  uncomparedIn,
} from '../../../src/plugins/master-data/admin/src/utils/settingsDocument';

const CUSTOMER = 'api::customer.customer';
const SUPPLIER = 'api::supplier.supplier';

const document = (): SettingsDocument => ({
  enabled: true,
  governed: {
    [CUSTOMER]: {
      fields: { taxId: { type: 'taxId' }, 'bankAccounts.iban': { type: 'iban' } },
      audit: { sensitive: ['bankAccounts.accountNumber'] },
    },
  },
  webhooks: { timeoutMs: 15000 },
});

describe('governing and no longer governing a type', () => {
  test('a new type starts with no rules; the input is left as it was; other keys are kept', () => {
    const before = document();
    const snapshot = JSON.stringify(before);
    const after = governType(before, SUPPLIER);
    expect(after.governed[SUPPLIER]).toEqual({ fields: {}, audit: { sensitive: [] } });
    expect(after.webhooks).toEqual({ timeoutMs: 15000 });
    expect(JSON.stringify(before)).toBe(snapshot);
    // Governing it again changes nothing (its rules are not reset).
    const ruled = setFieldRule(after, SUPPLIER, 'taxId', { type: 'taxId' });
    expect(governType(ruled, SUPPLIER)).toBe(ruled);
  });

  test('stopping removes the type with its rules; an ungoverned type is left alone', () => {
    const after = stopGoverning(document(), CUSTOMER);
    expect(after.governed).toEqual({});
    const same = document();
    expect(stopGoverning(same, SUPPLIER)).toBe(same);
  });
});

describe('field rules', () => {
  test('cleanRule drops what the server would refuse or ignore', () => {
    expect(cleanRule({ type: 'name', countryField: 'country', required: false, allowed: [' A ', '', 'A'], pattern: '', sample: 'x', sensitive: false })).toEqual({
      type: 'name',
      allowed: ['A'],
    });
    expect(cleanRule({ type: 'phone', countryField: 'billingCountry', pattern: '^\\+', sample: '+49', patternMessage: ' international ' })).toEqual({
      type: 'phone',
      countryField: 'billingCountry',
      pattern: '^\\+',
      sample: '+49',
      patternMessage: 'international',
    });
    // A pattern without a sample is sent as it is: the server asks for the sample.
    expect(cleanRule({ pattern: '^[A-Z]', sample: '' })).toEqual({ pattern: '^[A-Z]' });
    expect(cleanRule({ required: false })).toBeUndefined();
  });

  test('a rule left empty no longer governs the field', () => {
    const ruled = setFieldRule(document(), CUSTOMER, 'city', { type: 'text', required: true });
    expect(ruled.governed[CUSTOMER].fields.city).toEqual({ type: 'text', required: true });
    const cleared = setFieldRule(ruled, CUSTOMER, 'city', { type: undefined, required: false });
    expect(cleared.governed[CUSTOMER].fields).not.toHaveProperty('city');
    expect(setFieldRule(ruled, CUSTOMER, 'taxId', undefined).governed[CUSTOMER].fields).not.toHaveProperty('taxId');
  });

  test('sensitive: set on the rule; unset from the rule and from audit.sensitive', () => {
    const on = setSensitive(document(), CUSTOMER, 'taxId', true);
    expect(on.governed[CUSTOMER].fields.taxId).toEqual({ type: 'taxId', sensitive: true });
    expect(isSensitive(on.governed[CUSTOMER], 'taxId')).toBe(true);
    // A path listed only in audit.sensitive reads as sensitive, and unsetting removes it from the list.
    expect(isSensitive(on.governed[CUSTOMER], 'bankAccounts.accountNumber')).toBe(true);
    const off = setSensitive(on, CUSTOMER, 'bankAccounts.accountNumber', false);
    expect(off.governed[CUSTOMER].audit.sensitive).toEqual([]);
    expect(off.governed[CUSTOMER].fields).not.toHaveProperty('bankAccounts.accountNumber');
    // A field whose only rule was "sensitive" is no longer governed once unset.
    const only = setSensitive(document(), CUSTOMER, 'notes', true);
    expect(only.governed[CUSTOMER].fields.notes).toEqual({ sensitive: true });
    expect(setSensitive(only, CUSTOMER, 'notes', false).governed[CUSTOMER].fields).not.toHaveProperty('notes');
  });
});

describe('generated code', () => {
  test('suggested from the type: its code attribute, the first letter of its name', () => {
    expect(suggestCode('Supplier', ['name', 'code'])).toEqual({ field: 'code', prefix: 'S-', digits: 6 });
    expect(suggestCode('vendor', ['ref'])).toEqual({ field: 'ref', prefix: 'V-', digits: 6 });
  });

  test('set and removed', () => {
    const coded = setCode(document(), CUSTOMER, { field: 'code', prefix: 'C-', digits: 8 });
    expect(coded.governed[CUSTOMER].code).toEqual({ field: 'code', prefix: 'C-', digits: 8 });
    expect(setCode(coded, CUSTOMER, undefined).governed[CUSTOMER]).not.toHaveProperty('code');
  });
});

describe('matching', () => {
  test('switched on with the defaults, reading the attributes of the same names', () => {
    expect(suggestMatchFields(['Name', 'taxId', 'country', 'city', 'customerType', 'notes'])).toEqual({
      name: 'Name',
      taxId: 'taxId',
      country: 'country',
      city: 'city',
      kind: 'customerType',
    });
    const on = setMatchingEnabled(governType(document(), SUPPLIER), SUPPLIER, true, ['name', 'taxId']);
    expect(on.governed[SUPPLIER].matching).toEqual(defaultMatching(['name', 'taxId']));
    expect(on.governed[SUPPLIER].matching).toMatchObject({
      enabled: true,
      fields: { name: 'name', taxId: 'taxId' },
      thresholds: { block: 1, review: 0.5 },
      blockWhen: [['taxId'], ['name', 'city']],
    });
  });

  test('switched off, its settings are kept; a type without matching stays without', () => {
    const on = setMatchingEnabled(governType(document(), SUPPLIER), SUPPLIER, true, ['name']);
    const tuned = setWeight(on, SUPPLIER, 'taxId', 0.8);
    const off = setMatchingEnabled(tuned, SUPPLIER, false, ['name']);
    expect(off.governed[SUPPLIER].matching).toMatchObject({ enabled: false, weights: { taxId: 0.8 } });
    expect(setMatchingEnabled(document(), CUSTOMER, false, []).governed[CUSTOMER]).not.toHaveProperty('matching');
  });

  test('a match key without an attribute and a weight without a value are left out', () => {
    const on = setMatchingEnabled(governType(document(), SUPPLIER), SUPPLIER, true, ['name', 'city']);
    expect(setMatchField(on, SUPPLIER, 'city', '').governed[SUPPLIER].matching!.fields).toEqual({ name: 'name' });
    const weighted = setWeight(on, SUPPLIER, 'city', 0.2);
    expect(setWeight(weighted, SUPPLIER, 'city', undefined).governed[SUPPLIER].matching!.weights).toEqual({});
  });
});

describe('approval policies', () => {
  test('a new policy has a name not used yet, update as its action and one step', () => {
    expect(newPolicy([])).toEqual({ name: 'policy-1', fields: [], actions: ['update'], when: [], steps: [{ name: 'Approval', roles: [], approvals: 1 }] });
    expect(newPolicy([newPolicy([]), { ...newPolicy([]), name: 'policy-2' }]).name).toBe('policy-3');
  });

  test('editApprovals creates the approvals of a type that had none', () => {
    const edited = editApprovals(document(), CUSTOMER, (approvals) => void approvals.policies.push(newPolicy(approvals.policies)));
    expect(edited.governed[CUSTOMER].approvals).toEqual({ enabled: true, policies: [newPolicy([])] });
  });

  test('a policy name is lower-case letters, digits and dashes', () => {
    expect(policyName('Large Credit_Limit!')).toBe('large-credit-limit-');
    expect(policyName('--x')).toBe('x');
  });
});

test('lists typed as lines or comma-separated: trimmed, blanks and repeats dropped', () => {
  expect(parseLines(' GmbH \n\nAG\r\nGmbH\n')).toEqual(['GmbH', 'AG']);
  expect(parseList('Approver, Finance,,Approver ')).toEqual(['Approver', 'Finance']);
});

test('sameDocument: key order does not matter, a value does', () => {
  expect(sameDocument({ a: 1, b: { c: [1, 2], d: undefined } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
  expect(sameDocument({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
});

test('a block rule naming a comparator no attribute feeds never fires (a domain comes from the email or the website)', () => {
  expect(uncomparedIn(['name', 'city'], { name: 'name', taxId: 'taxId' })).toEqual(['city']);
  expect(uncomparedIn(['domain'], { website: 'website' })).toEqual([]);
  expect(uncomparedIn(['taxId'], { taxId: 'vat' })).toEqual([]);
});

test('asOptions: the values offered, then those chosen before and no longer offered', () => {
  expect(asOptions(['Approver', 'Finance'], ['Finance', 'Auditor'])).toEqual([
    { value: 'Approver', label: 'Approver' },
    { value: 'Finance', label: 'Finance' },
    { value: 'Auditor', label: 'Auditor' },
  ]);
});
