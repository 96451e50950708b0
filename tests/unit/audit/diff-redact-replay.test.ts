import { diffStates } from '../../../src/plugins/master-data/server/src/governance/domain/diff';
import { fingerprint, redactChanges } from '../../../src/plugins/master-data/server/src/audit/domain/redact';
import { replay } from '../../../src/plugins/master-data/server/src/audit/domain/replay';

describe('diffStates', () => {
  test('reports changed fields only, ignoring bookkeeping', () => {
    const before = { id: 1, documentId: 'd', updatedAt: 'x', name: 'A', city: 'Shenzhen', phone: '+86' };
    const after = { id: 2, documentId: 'd', updatedAt: 'y', name: 'B', city: 'Shenzhen', phone: null };
    expect(diffStates(before, after)).toEqual({ name: { before: 'A', after: 'B' }, phone: { before: '+86', after: null } });
  });

  test('components compare by content, not row ids; relations by documentId', () => {
    const before = { contacts: [{ id: 1, name: 'Li' }], group: { id: 3, documentId: 'g1' } };
    const same = { contacts: [{ id: 9, name: 'Li' }], group: { id: 3, documentId: 'g1' } };
    expect(diffStates(before, same)).toEqual({});
    const changed = { contacts: [{ id: 9, name: 'Wang' }], group: { id: 4, documentId: 'g2' } };
    expect(diffStates(before, changed)).toEqual({
      contacts: { before: [{ name: 'Li' }], after: [{ name: 'Wang' }] },
      group: { before: 'g1', after: 'g2' },
    });
  });

  test('JSON fields are compared and recorded as they are: their ids and locales are data', () => {
    const before = { preferences: { locale: 'de', id: 7, nested: { documentId: 'x' } } };
    const after = { preferences: { locale: 'fr', id: 7, nested: { documentId: 'x' } } };
    expect(diffStates(before, after, { opaque: new Set(['preferences']) })).toEqual({
      preferences: { before: before.preferences, after: after.preferences },
    });
  });

  test('a "__proto__" key is kept as a key', () => {
    const changes = diffStates({ contacts: [JSON.parse('{"__proto__": "a"}')] }, { contacts: [JSON.parse('{"__proto__": "b"}')] });
    expect(Object.keys(changes)).toEqual(['contacts']);
  });

  test('create and delete diff against nothing', () => {
    expect(diffStates(null, { name: 'A', notes: null })).toEqual({ name: { before: null, after: 'A' } });
    expect(diffStates({ name: 'A' }, null)).toEqual({ name: { before: 'A', after: null } });
  });
});

describe('redactChanges', () => {
  test('replaces sensitive component values by a keyed fingerprint, leaving the rest', () => {
    const changes = {
      bankAccounts: { before: [], after: [{ bankName: 'BOC', accountNumber: '6222001' }] },
      name: { before: 'A', after: 'B' },
    };
    const out = redactChanges(changes, ['bankAccounts.accountNumber'], 'k');
    expect(out.name).toEqual(changes.name);
    expect(out.bankAccounts.after).toEqual([{ bankName: 'BOC', accountNumber: fingerprint('k', '6222001') }]);
    expect(JSON.stringify(out)).not.toContain('6222001');
  });

  test('the fingerprint is stable per key and differs across keys', () => {
    expect(fingerprint('k', 'x')).toBe(fingerprint('k', 'x'));
    expect(fingerprint('k', 'x')).not.toBe(fingerprint('other', 'x'));
    expect(fingerprint('k', 'x')).toMatch(/^fp:[0-9a-f]{16}$/);
  });

  test('a whole sensitive field', () => {
    expect(redactChanges({ taxId: { before: null, after: '123' } }, ['taxId'], 'k').taxId).toEqual({ before: null, after: fingerprint('k', '123') });
  });
});

describe('replay (as of)', () => {
  const events = [
    { sequence: 1, occurredAt: '2026-01-01T00:00:00.000Z', action: 'create', changes: { name: { before: null, after: 'A' }, city: { before: null, after: 'X' } } },
    { sequence: 2, occurredAt: '2026-02-01T00:00:00.000Z', action: 'update', changes: { name: { before: 'A', after: 'B' } } },
    { sequence: 3, occurredAt: '2026-03-01T00:00:00.000Z', action: 'delete', changes: { name: { before: 'B', after: null } } },
  ];
  test('state between events', () => {
    expect(replay(events, '2026-01-15T00:00:00.000Z')).toEqual({ state: { name: 'A', city: 'X' }, eventsApplied: 1 });
    expect(replay(events, '2026-02-15T00:00:00.000Z')).toEqual({ state: { name: 'B', city: 'X' }, eventsApplied: 2 });
  });
  test('a clone starts a record; publish and unpublish leave the edited state alone', () => {
    const history = [
      { sequence: 1, occurredAt: '2026-01-01T00:00:00.000Z', action: 'clone', changes: { name: { before: null, after: 'Copy' } } },
      { sequence: 2, occurredAt: '2026-01-02T00:00:00.000Z', action: 'publish', changes: { name: { before: null, after: 'Copy' } } },
      { sequence: 3, occurredAt: '2026-01-03T00:00:00.000Z', action: 'unpublish', changes: { name: { before: 'Copy', after: null } } },
    ];
    expect(replay(history, '2026-01-04T00:00:00.000Z')).toEqual({ state: { name: 'Copy' }, eventsApplied: 3 });
  });

  test('before creation and after deletion there is no record', () => {
    expect(replay(events, '2025-12-31T00:00:00.000Z').state).toBeNull();
    expect(replay(events, '2026-03-02T00:00:00.000Z').state).toBeNull();
  });
});
