import { complete, visibleChanges, visibleKeys, visibleRecord, type FieldAccess, type Shape } from '../../../src/plugins/master-data/server/src/security/domain/visible';

const shape: Shape = {
  name: null,
  creditLimit: null,
  group: null,
  bankAccounts: { bankName: null, iban: null },
  address: { city: null, geo: { lat: null, lng: null } },
};
const access = (allowed: string[], readable = true): FieldAccess => ({ readable, allowed: new Set(allowed) });
const everything = access(['name', 'creditLimit', 'group', 'bankAccounts.bankName', 'bankAccounts.iban', 'address.city', 'address.geo.lat', 'address.geo.lng']);

describe('visibleChanges', () => {
  const changes = {
    name: { before: 'A', after: 'B' },
    creditLimit: { before: 1, after: 2 },
    bankAccounts: { before: null, after: [{ bankName: 'X', iban: 'fp:0123456789abcdef' }] },
    address: { before: { city: 'Oslo', geo: { lat: 1, lng: 2 } }, after: { city: 'Bergen', geo: { lat: 3, lng: 4 } } },
  };

  test('a reader of every field sees every change as recorded', () => {
    expect(visibleChanges(shape, everything, 'update', changes)).toEqual(changes);
  });

  test('a field the reader may not read is restricted; a component loses the sub-fields (fingerprints too) and names them', () => {
    const view = visibleChanges(shape, access(['name', 'bankAccounts.bankName', 'address.city', 'address.geo.lat']), 'update', changes);
    expect(view.name).toEqual(changes.name);
    expect(view.creditLimit).toEqual({ restricted: true });
    expect(view.bankAccounts).toEqual({ before: null, after: [{ bankName: 'X' }], hidden: ['bankAccounts.iban'] });
    expect(view.address).toEqual({ before: { city: 'Oslo', geo: { lat: 1 } }, after: { city: 'Bergen', geo: { lat: 3 } }, hidden: ['address.geo.lng'] });
  });

  test('a component none of whose sub-fields may be read is restricted as a whole', () => {
    expect(visibleChanges(shape, access(['name']), 'update', changes).bankAccounts).toEqual({ restricted: true });
  });

  test('a whole component stored as one fingerprint is shown only to a reader of all its sub-fields', () => {
    const whole = { bankAccounts: { before: null, after: 'fp:0123456789abcdef' } };
    expect(visibleChanges(shape, access(['bankAccounts.bankName']), 'update', whole).bankAccounts).toEqual({ before: null, after: null, hidden: ['bankAccounts.iban'] });
    expect(visibleChanges(shape, everything, 'update', whole)).toEqual(whole);
  });

  test('a sub-key the schema does not know is hidden, not shown', () => {
    const odd = { bankAccounts: { before: null, after: [{ bankName: 'X', secret: 'y' }] } };
    expect(visibleChanges(shape, everything, 'update', odd).bankAccounts).toEqual({ before: null, after: [{ bankName: 'X' }], hidden: ['bankAccounts.secret'] });
  });

  test('a reader without read on the type sees which fields changed, no value', () => {
    const view = visibleChanges(shape, access([], false), 'merge', { name: { before: 'A', after: 'B' }, merged: { before: null, after: ['x'] } });
    expect(view).toEqual({ name: { restricted: true }, merged: { restricted: true } });
  });

  test('keys that are not attributes: bookkeeping of plugin events is shown; on record writes only to readers of every field', () => {
    const extra = { merged: { before: null, after: ['x'] } };
    const partial = access(['name']);
    expect(visibleChanges(shape, partial, 'merge', extra)).toEqual(extra);
    expect(visibleChanges(shape, partial, 'update', extra)).toEqual({ merged: { restricted: true } });
    expect(visibleChanges(shape, everything, 'update', extra)).toEqual(extra);
  });

  test('events not about a content type are shown as recorded', () => {
    const retention = { checkpoint: { before: null, after: { sequence: 4 } } };
    expect(visibleChanges(undefined, access([], false), 'audit.retention', retention)).toEqual(retention);
  });

  test('a "__proto__" key is not taken for an attribute', () => {
    const view = visibleChanges(shape, access(['name']), 'update', JSON.parse('{"__proto__": {"before": 1, "after": 2}}'));
    expect(Object.values(view)).toEqual([{ restricted: true }]);
  });
});

describe('visibleRecord and visibleKeys', () => {
  test('fields and sub-fields the reader may not read are left out and named', () => {
    const values = { name: 'A', creditLimit: 5, bankAccounts: [{ bankName: 'X', iban: 'DE89' }], group: 'doc1' };
    expect(visibleRecord(shape, access(['name', 'bankAccounts.bankName']), values)).toEqual({
      values: { name: 'A', bankAccounts: [{ bankName: 'X' }] },
      restricted: ['bankAccounts.iban', 'creditLimit', 'group'],
    });
    expect(visibleRecord(shape, access([], false), values)).toEqual({ values: {}, restricted: ['bankAccounts', 'creditLimit', 'group', 'name'] });
  });

  test('field-keyed maps keep the fields the reader may see (a component with one readable sub-field counts)', () => {
    expect(visibleKeys(shape, access(['name', 'bankAccounts.bankName']), { name: 'a', creditLimit: 'b', bankAccounts: 'c' })).toEqual({ name: 'a', bankAccounts: 'c' });
  });

  test('complete: every leaf readable', () => {
    expect(complete(shape, everything)).toBe(true);
    expect(complete(shape, access(['name']))).toBe(false);
  });
});
