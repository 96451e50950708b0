import { labelFields, toLabel } from '../../../src/plugins/master-data/server/src/audit/domain/label';
import { labelOf, recordText } from '../../../src/plugins/master-data/admin/src/utils/audit';

const CUSTOMER = { code: { type: 'string' }, name: { type: 'string' }, legalName: { type: 'string' }, creditLimit: { type: 'decimal' } };

describe('audit labels: which fields name a record', () => {
  test('the configured code and name fields', () => {
    expect(labelFields(CUSTOMER, { code: 'code', name: 'legalName' })).toEqual({ code: 'code', name: 'legalName' });
  });
  test('without configuration: attributes called code and name', () => {
    expect(labelFields(CUSTOMER, {})).toEqual({ code: 'code', name: 'name' });
    expect(labelFields({ title: { type: 'string' } }, {})).toEqual({});
  });
  test('a configured field the model lacks, or that is not text, is not used', () => {
    expect(labelFields(CUSTOMER, { code: 'missing', name: 'creditLimit' })).toEqual({ code: 'code', name: 'name' });
    expect(labelFields({ sku: { type: 'uid' } }, { code: 'sku', name: 'sku' })).toEqual({ code: 'sku' });
  });
});

describe('audit labels: the label of a record', () => {
  test('code and name; an empty or unreadable part is null; nothing to show is no label', () => {
    const fields = { code: 'code', name: 'name' };
    expect(toLabel({ code: 'C-000001', name: '华南电子科技' }, fields)).toEqual({ code: 'C-000001', name: '华南电子科技' });
    expect(toLabel({ code: 'C-000001' }, fields)).toEqual({ code: 'C-000001', name: null });
    expect(toLabel({ code: ' ', name: null }, fields)).toBeNull();
    expect(toLabel({}, {})).toBeNull();
  });
  test('as the admin panel shows it', () => {
    expect(recordText({ code: 'C-000001', name: 'Huanan' }, 'abc')).toBe('C-000001 · Huanan');
    expect(recordText({ code: null, name: 'Huanan' }, 'abc')).toBe('Huanan');
    expect(recordText(null, 'abc')).toBe('abc');
    expect(recordText(undefined, null)).toBe('—');
    const events = [{ documentId: 'a', label: null }, { documentId: 'b', label: { code: 'C-2', name: null } }, { documentId: 'a', label: { code: 'C-1', name: 'One' } }];
    expect(labelOf(events, 'a')).toEqual({ code: 'C-1', name: 'One' });
    expect(labelOf(events, 'z')).toBeNull();
  });
});
