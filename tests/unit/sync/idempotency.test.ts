import { decide, fingerprint, KEY_PATTERN, type StoredKey } from '../../../src/plugins/master-data/server/src/sync/domain/idempotency';

describe('fingerprint', () => {
  const base = { method: 'PUT', target: 'sync/sap/4711', body: { data: { name: 'ACME', city: 'Shenzhen' } } };

  test('the same request: the same fingerprint, whatever the key order of the JSON', () => {
    expect(fingerprint(base)).toBe(fingerprint({ ...base, method: 'put', body: { data: { city: 'Shenzhen', name: 'ACME' } } }));
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('another body, target or method: another fingerprint', () => {
    const fp = fingerprint(base);
    expect(fingerprint({ ...base, body: { data: { name: 'ACME', city: 'Shanghai' } } })).not.toBe(fp);
    expect(fingerprint({ ...base, target: 'sync/sap/4712' })).not.toBe(fp);
    expect(fingerprint({ ...base, target: 'sync/crm/4711' })).not.toBe(fp);
    expect(fingerprint({ ...base, method: 'POST' })).not.toBe(fp);
  });

  test('an NDJSON body counts as its text; text never equals the JSON it spells', () => {
    const text = '{"externalId":"a"}\n';
    expect(fingerprint({ method: 'POST', target: 'sync/sap', body: text })).toBe(fingerprint({ method: 'POST', target: 'sync/sap', body: text }));
    expect(fingerprint({ method: 'POST', target: 'sync/sap', body: text })).not.toBe(fingerprint({ method: 'POST', target: 'sync/sap', body: `${text}\n` }));
    expect(fingerprint({ method: 'POST', target: 'sync/sap', body: '{"a":1}' })).not.toBe(fingerprint({ method: 'POST', target: 'sync/sap', body: { a: 1 } }));
  });
});

describe('KEY_PATTERN', () => {
  test('1 to 255 visible ASCII characters', () => {
    expect(KEY_PATTERN.test('5b1f9c3e-8f1d-4c55-9a49-2f0a6c1d7e10')).toBe(true);
    expect(KEY_PATTERN.test('a'.repeat(255))).toBe(true);
    for (const bad of ['', 'a'.repeat(256), 'with space', 'tab\t', 'ünïcode', 'nul\u0000']) expect(KEY_PATTERN.test(bad)).toBe(false);
  });
});

describe('decide', () => {
  const now = new Date('2026-01-01T12:00:00.000Z');
  const stored = (over: Partial<StoredKey> = {}): StoredKey => ({
    fingerprint: 'f1',
    state: 'done',
    claimedAt: '2026-01-01T11:59:00.000Z',
    expiresAt: '2026-01-02T11:59:00.000Z',
    ...over,
  });

  test('no key, or an expired one: claim it', () => {
    expect(decide(null, 'f1', now, 300)).toBe('claim');
    expect(decide(stored({ expiresAt: '2026-01-01T12:00:00.000Z' }), 'f2', now, 300)).toBe('claim');
  });

  test('answered: replay for the same request, refuse another', () => {
    expect(decide(stored(), 'f1', now, 300)).toBe('replay');
    expect(decide(stored(), 'f2', now, 300)).toBe('mismatch');
    expect(decide(stored({ state: 'pending' }), 'f2', now, 300)).toBe('mismatch');
  });

  test('still running: in progress within the lease, taken over after it', () => {
    expect(decide(stored({ state: 'pending' }), 'f1', now, 300)).toBe('in-progress');
    expect(decide(stored({ state: 'pending', claimedAt: '2026-01-01T11:55:00.000Z' }), 'f1', now, 300)).toBe('take-over');
    expect(decide(stored({ state: 'pending', claimedAt: '2026-01-01T11:55:00.001Z' }), 'f1', now, 300)).toBe('in-progress');
  });
});
