import {
  canReplay,
  deliveriesQueryFromSearch,
  deliveryCountText,
  endpointState,
  eventOptions,
  eventsText,
  idParam,
  latencyText,
  loggedEventTypes,
  nextPollDelay,
  payloadText,
  redundantEvents,
  replayStarts,
  subscribes,
} from '../../../src/plugins/master-data/admin/src/utils/webhooks';

const EVENTS = ['customer.created', 'customer.updated', 'customer-group.created', 'changeRequest.approved'];

describe('eventOptions: what the events select offers', () => {
  test('* first, then per group its wildcard before its events, in the order the server lists them', () => {
    expect(eventOptions(EVENTS).map((o) => o.value)).toEqual([
      '*',
      'customer.*',
      'customer.created',
      'customer.updated',
      'customer-group.*',
      'customer-group.created',
      'changeRequest.*',
      'changeRequest.approved',
    ]);
  });

  test("an endpoint's own events stay on offer when the server no longer lists them (an edit keeps them)", () => {
    const values = eventOptions(['customer.created'], ['supplier.*', 'customer.merged']).map((o) => o.value);
    expect(values).toEqual(['*', 'customer.*', 'customer.created', 'customer.merged', 'supplier.*']);
  });

  test('the wildcards say what they cover', () => {
    const labels = eventOptions(['customer.created']).map((o) => o.label);
    expect(labels).toEqual(['* (every event)', 'customer.* (every customer event)', 'customer.created']);
  });
});

describe('subscribes and redundantEvents: wildcards', () => {
  test('customer.* covers customer events only (a prefix, as the server matches); * covers every event', () => {
    expect(subscribes(['customer.*'], 'customer.merged')).toBe(true);
    expect(subscribes(['customer.*'], 'customer.address.updated')).toBe(true);
    expect(subscribes(['customer.*'], 'customer-group.created')).toBe(false);
    expect(subscribes(['customer.*'], 'changeRequest.approved')).toBe(false);
    expect(subscribes(['*'], 'changeRequest.approved')).toBe(true);
    expect(subscribes(['customer.updated'], 'customer.created')).toBe(false);
  });

  test('an event chosen next to a wildcard that covers it is redundant; the wildcard itself is not', () => {
    expect(redundantEvents(['customer.*', 'customer.updated', 'changeRequest.approved'])).toEqual(['customer.updated']);
    expect(redundantEvents(['*', 'customer.*', 'changeRequest.approved'])).toEqual(['customer.*', 'changeRequest.approved']);
    expect(redundantEvents(['customer.created', 'customer.updated'])).toEqual([]);
    expect(redundantEvents(['*'])).toEqual([]);
    expect(redundantEvents(['customer.*', 'customer.address.*'])).toEqual(['customer.address.*']);
    expect(redundantEvents(['customer-group.*', 'customer.created'])).toEqual([]);
  });

  test('the log filter offers the subscribed event types (wildcards expanded) and the test event', () => {
    expect(loggedEventTypes(EVENTS, ['customer.*'])).toEqual(['customer.created', 'customer.updated', 'webhook.test']);
    expect(loggedEventTypes(EVENTS, ['*'])).toEqual([...EVENTS, 'webhook.test']);
  });

  test('events as text: * reads "Every event"', () => {
    expect(eventsText(['*', 'customer.created'])).toBe('Every event');
    expect(eventsText(['customer.*', 'changeRequest.approved'])).toBe('customer.*, changeRequest.approved');
  });
});

describe('canReplay', () => {
  test('a delivered or dead delivery can be replayed; a pending one is queued already, a delivering one in flight', () => {
    expect(canReplay({ status: 'delivered' })).toBe(true);
    expect(canReplay({ status: 'dead' })).toBe(true);
    expect(canReplay({ status: 'pending' })).toBe(false);
    expect(canReplay({ status: 'delivering' })).toBe(false);
  });
});

describe('replayStarts', () => {
  test('an attempt numbered no higher than the one before starts a replay', () => {
    expect(replayStarts([{ attempt: 1 }, { attempt: 2 }, { attempt: 1 }, { attempt: 2 }, { attempt: 1 }])).toEqual([false, false, true, false, true]);
    expect(replayStarts([{ attempt: 1 }, { attempt: 1 }])).toEqual([false, true]);
    expect(replayStarts([])).toEqual([]);
  });
});

describe('endpointState', () => {
  test('enabled; disabled by hand; disabled by the server after 410 Gone or failing too long', () => {
    expect(endpointState({ enabled: true, disabledReason: null })).toEqual({ label: 'Enabled', variant: 'success', reason: null });
    expect(endpointState({ enabled: false, disabledReason: null }).reason).toBe('Disabled by an administrator.');
    expect(endpointState({ enabled: false, disabledReason: 'manual' }).variant).toBe('neutral');
    expect(endpointState({ enabled: false, disabledReason: 'gone' })).toMatchObject({ label: 'Disabled', variant: 'danger', reason: expect.stringContaining('410') });
    expect(endpointState({ enabled: false, disabledReason: 'failing' }).reason).toMatch(/failed for too long/);
  });
});

describe('deliveriesQueryFromSearch: the log query from the URL', () => {
  test('known status, trimmed event type and document id, page and page size', () => {
    const search = new URLSearchParams('status=dead&eventType=%20customer.updated%20&documentId=abc&page=3&pageSize=50');
    expect(deliveriesQueryFromSearch(search)).toEqual({ status: 'dead', eventType: 'customer.updated', documentId: 'abc', page: 3, pageSize: 50 });
  });

  test('an unknown status, a bad page and an empty filter are dropped; the page size is capped at 100', () => {
    expect(deliveriesQueryFromSearch(new URLSearchParams('status=lost&page=-1&pageSize=1000&eventType=&documentId=%20'), 20)).toEqual({ page: 1, pageSize: 100 });
    expect(deliveriesQueryFromSearch(new URLSearchParams(''), 20)).toEqual({ page: 1, pageSize: 20 });
  });
});

describe('nextPollDelay: when the log looks again', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

  test('while a delivery is being delivered, or pending and due within a minute (or without a time)', () => {
    expect(nextPollDelay([{ status: 'delivering', nextAttemptAt: null }], now)).toBe(2000);
    expect(nextPollDelay([{ status: 'pending', nextAttemptAt: at(5) }], now)).toBe(2000);
    expect(nextPollDelay([{ status: 'pending', nextAttemptAt: at(-30) }], now)).toBe(2000);
    expect(nextPollDelay([{ status: 'pending', nextAttemptAt: null }], now)).toBe(2000);
  });

  test('not while the next retry is minutes away, nor when everything is delivered or dead', () => {
    expect(nextPollDelay([{ status: 'pending', nextAttemptAt: at(300) }], now)).toBeNull();
    expect(nextPollDelay([{ status: 'delivered', nextAttemptAt: null }, { status: 'dead', nextAttemptAt: null }], now)).toBeNull();
    expect(nextPollDelay([], now)).toBeNull();
  });
});

describe('small formats', () => {
  test('delivery counts read as words, dead letters in the plural', () => {
    expect(deliveryCountText('dead', 1)).toBe('1 dead letter');
    expect(deliveryCountText('dead', 14)).toBe('14 dead letters');
    expect(deliveryCountText('delivered', 120)).toBe('120 delivered');
  });

  test('latency in ms below a second, else in seconds', () => {
    expect(latencyText(84.4)).toBe('84 ms');
    expect(latencyText(2400)).toBe('2.4 s');
    expect(latencyText(null)).toBe('—');
  });

  test('idParam takes positive integers only', () => {
    expect(idParam('12')).toBe(12);
    expect(idParam('0')).toBe(0);
    expect(idParam('1.5')).toBe(0);
    expect(idParam('new')).toBe(0);
    expect(idParam(undefined)).toBe(0);
  });

  test('a payload is shown as indented JSON, a JSON string parsed first', () => {
    expect(payloadText({ type: 'webhook.test' })).toBe('{\n  "type": "webhook.test"\n}');
    expect(payloadText('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(payloadText('not json')).toBe('not json');
  });
});
