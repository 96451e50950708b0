import { asPair, mergeByIndex, pairKey, repeatedPairs } from '../../../src/plugins/master-data/server/src/sync/domain/external-ids';

describe('pairs', () => {
  test('the system compares without case, the id exactly', () => {
    expect(pairKey({ system: 'SAP', externalId: '4711' })).toBe(pairKey({ system: 'sap', externalId: '4711' }));
    expect(pairKey({ system: 'sap', externalId: 'ab' })).not.toBe(pairKey({ system: 'sap', externalId: 'AB' }));
    // No separator confusion: ("a:b", "c") is not ("a", "b:c").
    expect(pairKey({ system: 'a:b', externalId: 'c' })).not.toBe(pairKey({ system: 'a', externalId: 'b:c' }));
  });

  test('entries that are not pairs are left to Strapi\'s validation', () => {
    expect(asPair({ system: 'sap', externalId: '1', id: 3 })).toEqual({ system: 'sap', externalId: '1' });
    for (const bad of [null, 'sap:1', { system: 'sap' }, { system: '', externalId: '1' }, { system: 'sap', externalId: 1 }]) expect(asPair(bad)).toBeNull();
  });

  test('repeats name the entry and the first entry with the pair', () => {
    const list = [{ system: 'sap', externalId: '1' }, null, { system: 'crm', externalId: '1' }, { system: 'SAP', externalId: '1' }, { system: 'sap', externalId: '1' }];
    expect(repeatedPairs(list)).toEqual([
      [3, 0],
      [4, 0],
    ]);
    expect(repeatedPairs([{ system: 'sap', externalId: '1' }, { system: 'sap', externalId: '2' }])).toEqual([]);
  });

  test('a clone merges the given list into the source by position, as Strapi does', () => {
    const source = [{ system: 'sap', externalId: '1' }, { system: 'crm', externalId: '2' }];
    expect(mergeByIndex(source, [])).toEqual(source);
    expect(mergeByIndex(source, [{ externalId: '9' }])).toEqual([{ system: 'sap', externalId: '9' }, { system: 'crm', externalId: '2' }]);
    expect(mergeByIndex([], [{ system: 'x', externalId: 'y' }])).toEqual([{ system: 'x', externalId: 'y' }]);
  });
});
