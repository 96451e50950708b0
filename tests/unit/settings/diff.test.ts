import { diffDocuments } from '../../../src/plugins/master-data/server/src/settings/domain/diff';

describe('the difference between two settings documents', () => {
  it('names each changed leaf by its dotted path; a content type uid stays one segment', () => {
    const before = { enabled: true, governed: { 'api::customer.customer': { matching: { thresholds: { block: 1, review: 0.5 } }, fields: { taxId: { type: 'taxId' } } } } };
    const after = { enabled: true, governed: { 'api::customer.customer': { matching: { thresholds: { block: 0.95, review: 0.5 } }, fields: {} }, 'api::supplier.supplier': { fields: {} } } };
    expect(diffDocuments(before, after)).toEqual({
      'governed.api::customer.customer.matching.thresholds.block': { before: 1, after: 0.95 },
      'governed.api::customer.customer.fields.taxId': { before: { type: 'taxId' }, after: null },
      'governed.api::supplier.supplier': { before: null, after: { fields: {} } },
    });
  });

  it('compares lists whole and finds nothing in equal documents', () => {
    expect(diffDocuments({ a: [1, 2] }, { a: [2, 1] })).toEqual({ a: { before: [1, 2], after: [2, 1] } });
    expect(diffDocuments({ a: { b: [1] } }, { a: { b: [1] } })).toEqual({});
    expect(diffDocuments(1, 2)).toEqual({ '(root)': { before: 1, after: 2 } });
  });
});
