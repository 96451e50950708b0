import { applyFieldRules } from '../../../src/plugins/master-data/server/src/validation/domain/apply';
import { patternProblem } from '../../../src/plugins/master-data/server/src/validation/domain/pattern';

describe('field checks a business admin configures: required, allowed values, a pattern', () => {
  const rules = {
    segment: { required: true, allowed: ['Retail', 'Wholesale'] },
    vendorNo: { type: 'text' as const, pattern: '^V-\\d{5}$', patternMessage: 'must look like V-12345' },
    'contacts.role': { allowed: ['buyer', 'finance'] },
  };

  it('accepts good values, after standardisation', () => {
    expect(applyFieldRules({ rules, data: { segment: 'Retail', vendorNo: ' V-00042 ', contacts: [{ role: 'buyer' }] } })).toEqual({
      data: { segment: 'Retail', vendorNo: 'V-00042', contacts: [{ role: 'buyer' }] },
      errors: [],
    });
  });

  it('names each bad field with its reason', () => {
    const { errors } = applyFieldRules({ rules, data: { segment: 'Consumer', vendorNo: 'V-42', contacts: [{ role: 'buyer' }, { role: 'ceo' }] } });
    expect(errors).toEqual([
      { path: ['segment'], message: 'must be one of Retail, Wholesale', rule: 'allowed' },
      { path: ['vendorNo'], message: 'must look like V-12345', rule: 'pattern' },
      { path: ['contacts', 1, 'role'], message: 'must be one of buyer, finance', rule: 'allowed' },
    ]);
  });

  it('required: an empty value is refused; a missing one only on a create that publishes', () => {
    expect(applyFieldRules({ rules, data: { segment: '  ' } }).errors).toEqual([{ path: ['segment'], message: 'is required', rule: 'required' }]);
    expect(applyFieldRules({ rules, data: { segment: null } }).errors[0].rule).toBe('required');
    expect(applyFieldRules({ rules, data: {} }).errors).toEqual([]);
    expect(applyFieldRules({ rules, data: {}, requireMissing: true }).errors).toEqual([{ path: ['segment'], message: 'is required', rule: 'required' }]);
  });

  it('an optional field may stay empty whatever its allowed values or pattern', () => {
    expect(applyFieldRules({ rules, data: { segment: 'Retail', vendorNo: null, contacts: [{ role: null }] } }).errors).toEqual([]);
  });
});

describe('a pattern is checked before it is accepted', () => {
  it.each([
    ['^V-\\d{5}$', 'V-12345', null],
    ['^V-\\d{5}$', undefined, 'sample'],
    ['^V-\\d{5}$', 'V-1', 'sample'],
    ['(a+)+$', 'aaa', 'pattern'],
    ['^(\\w+\\s?)*$', 'a b', 'pattern'],
    ['[unclosed', 'x', 'pattern'],
  ])('%s with sample %s → problem on %s', (pattern, sample, key) => {
    const problem = patternProblem(pattern, sample);
    if (key === null) expect(problem).toBeNull();
    else expect(problem?.key).toBe(key);
  });
});
