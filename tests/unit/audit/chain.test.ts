import { canonicalJson, chainKey, GENESIS_HASH, hashEvent, verifyNext, type ChainedFields } from '../../../src/plugins/master-data/server/src/audit/domain/chain';

const KEY = chainKey('test secret');

const event = (sequence: number, prevHash: string, changes: unknown = { name: { before: null, after: `N${sequence}` } }): ChainedFields => ({
  sequence,
  occurredAt: `2026-11-27T10:00:0${sequence}.000Z`,
  actorKind: 'api-token',
  actorId: '1',
  actorName: 'ERP',
  action: 'update',
  uid: 'api::customer.customer',
  documentId: 'doc1',
  locale: null,
  changes,
  reason: null,
  requestId: 'r1',
  ip: '127.0.0.1',
  userAgent: 'jest',
  outcome: 'success',
  prevHash,
});

const chain = (n: number) => {
  const out: Array<ChainedFields & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const e = event(i, prev);
    const hash = hashEvent(e, KEY);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
};

const verifyAll = (events: Array<ChainedFields & { hash: string }>) => {
  let state = { expectedPrevHash: GENESIS_HASH, expectedSequence: 1, checked: 0 };
  for (const e of events) {
    const step = verifyNext(state, e, KEY);
    if (!step.ok) return step;
    state = step.state;
  }
  return { ok: true as const, checked: state.checked };
};

describe('canonical serialisation', () => {
  test('sorts keys at every depth and is independent of insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  test('drops undefined values like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('hash chain verification', () => {
  test('an intact chain verifies', () => {
    expect(verifyAll(chain(5))).toEqual({ ok: true, checked: 5 });
  });

  test('the hash depends on the previous hash', () => {
    expect(hashEvent(event(2, 'a'.repeat(64)), KEY)).not.toBe(hashEvent(event(2, 'b'.repeat(64)), KEY));
  });

  test('altered data is pinpointed', () => {
    const events = chain(5);
    events[2] = { ...events[2], changes: { name: { before: null, after: 'forged' } } };
    expect(verifyAll(events)).toMatchObject({ ok: false, sequence: 3, reason: 'stored hash does not match the event data' });
  });

  test('a deleted event is pinpointed', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyAll(events)).toMatchObject({ ok: false, sequence: 2, reason: expect.stringContaining('sequence 2 is missing') });
  });

  test('a forged event hashed without the key does not verify, even at the end of the chain', () => {
    const events = chain(5);
    const forged = event(6, events[4].hash, { creditLimit: { before: 1, after: 1e9 } });
    events.push({ ...forged, hash: hashEvent(forged, chainKey('guessed secret')) });
    expect(verifyAll(events)).toMatchObject({ ok: false, sequence: 6, reason: 'stored hash does not match the event data' });
  });

  test('a forged event whose hash is recomputed with the key still breaks the next link', () => {
    const events = chain(5);
    const forged = event(3, events[1].hash, { creditLimit: { before: 1, after: 1e9 } });
    events[2] = { ...forged, hash: hashEvent(forged, KEY) };
    expect(verifyAll(events)).toMatchObject({ ok: false, sequence: 4, reason: 'prevHash does not match the previous event' });
  });

  test('reordered events are pinpointed', () => {
    const events = chain(5);
    const swapped = [events[0], { ...events[2], sequence: 2 }, { ...events[1], sequence: 3 }, events[3], events[4]];
    expect(verifyAll(swapped)).toMatchObject({ ok: false, sequence: 2 });
  });
});
