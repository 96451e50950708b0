import { applyFieldRules, needsExisting, type FieldRules } from '../../../src/plugins/master-data/server/src/validation/domain/apply';

const rules: FieldRules = {
  name: { type: 'name' },
  country: { type: 'country' },
  taxId: { type: 'taxId' },
  phone: { type: 'phone' },
  'contacts.email': { type: 'email' },
  'contacts.phone': { type: 'phone' },
  'addresses.country': { type: 'country' },
  'primaryAddress.country': { type: 'country' },
};

describe('applyFieldRules', () => {
  test('standardises root fields using the incoming country, whatever the key order', () => {
    const { data, errors } = applyFieldRules({
      rules,
      data: { phone: '0755 8601 3388', taxId: '9144030071526726xg', country: 'cn', name: ' Tencent ', notes: 'untouched' },
    });
    expect(errors).toEqual([]);
    expect(data).toEqual({ phone: '+8675586013388', taxId: '9144030071526726XG', country: 'CN', name: 'Tencent', notes: 'untouched' });
  });

  test('does not mutate its input', () => {
    const input = { name: ' A ', contacts: [{ email: ' X@Y.COM ' }] };
    applyFieldRules({ rules, data: input });
    expect(input).toEqual({ name: ' A ', contacts: [{ email: ' X@Y.COM ' }] });
  });

  test('uses the stored country when the write does not set one', () => {
    const { data, errors } = applyFieldRules({ rules, data: { phone: '138 0013 8000' }, existing: { country: 'CN' } });
    expect(errors).toEqual([]);
    expect(data.phone).toBe('+8613800138000');
  });

  test('reports every bad field with its path, including inside repeatable components', () => {
    const { errors } = applyFieldRules({
      rules,
      data: {
        country: 'CN',
        taxId: '9144030071526726XH',
        contacts: [{ email: 'ok@example.com', phone: '138 0013 8000' }, { email: 'broken@', phone: '12' }],
        addresses: [{ country: 'ZZ' }],
      },
    });
    const found = errors.map((e) => [e.path, e.rule]);
    expect(found).toHaveLength(4);
    expect(found).toEqual(
      expect.arrayContaining([
        [['addresses', 0, 'country'], 'country'],
        [['taxId'], 'taxId'],
        [['contacts', 1, 'email'], 'email'],
        [['contacts', 1, 'phone'], 'phone'],
      ])
    );
  });

  test('a bad country is reported once, not again on the values that depend on it', () => {
    const { errors } = applyFieldRules({ rules, data: { country: 'China', taxId: '9144030071526726XG', phone: '138 0013 8000' } });
    expect(errors).toEqual([{ path: ['country'], rule: 'country', message: expect.stringContaining('ISO 3166-1') }]);
  });

  test('applies rules inside a single (non-repeatable) component', () => {
    const { data } = applyFieldRules({ rules, data: { primaryAddress: { country: 'de', city: 'Berlin' } } });
    expect(data.primaryAddress).toEqual({ country: 'DE', city: 'Berlin' });
  });

  test('revalidates a stored tax id when the country changes under it', () => {
    const { errors } = applyFieldRules({ rules, data: { country: 'DE' }, existing: { country: 'CN', taxId: '9144030071526726XG' } });
    expect(errors).toEqual([{ path: ['taxId'], rule: 'taxId', message: expect.stringContaining('not a valid DE tax number') }]);
  });

  test('a country change that keeps the stored tax id valid writes nothing extra', () => {
    const { data, errors } = applyFieldRules({ rules, data: { country: 'CN' }, existing: { country: 'CN', taxId: '9144030071526726XG', phone: '+8613800138000' } });
    expect(errors).toEqual([]);
    expect(data).toEqual({ country: 'CN' });
  });
});

describe('needsExisting', () => {
  test('is false on a write that carries its own country', () => {
    expect(needsExisting(rules, { country: 'CN', phone: '1', taxId: 'x' })).toBe(false);
  });
  test('is true when a country-dependent value comes without the country', () => {
    expect(needsExisting(rules, { phone: '138' })).toBe(true);
    expect(needsExisting(rules, { contacts: [] })).toBe(true);
  });
  test('is true when the country changes alone (stored tax id must be rechecked)', () => {
    expect(needsExisting(rules, { country: 'DE' })).toBe(true);
  });
  test('is false when nothing country-dependent is touched', () => {
    expect(needsExisting(rules, { name: 'x', notes: 'y' })).toBe(false);
  });
});
