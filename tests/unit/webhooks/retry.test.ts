import { DEFAULT_SCHEDULE, failedTooLong, jittered, outcomeOf, retryAfterSeconds } from '../../../src/plugins/master-data/server/src/webhooks/domain/retry';

const now = Date.parse('2026-11-30T00:00:00Z');
const mid = () => 0.5;

describe('what an attempt means', () => {
  it('follows the schedule of about three days: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    expect(DEFAULT_SCHEDULE).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(DEFAULT_SCHEDULE.reduce((a, b) => a + b, 0) / 3600).toBeCloseTo(27.6, 1);
    const waits = DEFAULT_SCHEDULE.map((_, i) => outcomeOf({ statusCode: 500 }, i + 1, { now, random: mid }));
    expect(waits.map((o) => (o.kind === 'retry' ? (o.at - now) / 1000 : o.kind))).toEqual(DEFAULT_SCHEDULE);
    expect(outcomeOf({ statusCode: 500 }, 8, { now, random: mid })).toEqual({ kind: 'dead' });
  });

  it('spreads each wait by ±20 %', () => {
    expect(jittered(100, 0)).toBe(80);
    expect(jittered(100, 0.999999)).toBeCloseTo(120, 3);
  });

  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [301, 'retry'],
    [302, 'retry'],
    [400, 'retry'],
    [404, 'retry'],
    [410, 'gone'],
    [500, 'retry'],
    [null, 'retry'],
  ])('status %s → %s', (statusCode, kind) => {
    expect(outcomeOf({ statusCode }, 1, { now, random: mid }).kind).toBe(kind);
  });

  it('waits at least what Retry-After asks on 429 and 503, in seconds or as a date, at most a day', () => {
    const at = (o: ReturnType<typeof outcomeOf>) => (o.kind === 'retry' ? (o.at - now) / 1000 : NaN);
    expect(at(outcomeOf({ statusCode: 429, retryAfter: '120' }, 1, { now, random: mid }))).toBe(120);
    expect(at(outcomeOf({ statusCode: 503, retryAfter: new Date(now + 600_000).toUTCString() }, 1, { now, random: mid }))).toBe(600);
    // Never sooner than the schedule.
    expect(at(outcomeOf({ statusCode: 429, retryAfter: '1' }, 2, { now, random: mid }))).toBe(300);
    // Other statuses ignore it.
    expect(at(outcomeOf({ statusCode: 500, retryAfter: '120' }, 1, { now, random: mid }))).toBe(5);
    expect(retryAfterSeconds('99999999', now)).toBe(86400);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(new Date(now - 5000).toUTCString(), now)).toBe(0);
  });

  it('a 429 at the last attempt is still dead-lettered', () => {
    expect(outcomeOf({ statusCode: 429, retryAfter: '5' }, 3, { now, schedule: [1, 1], random: mid })).toEqual({ kind: 'dead' });
  });

  it('tells when an endpoint has failed for too long', () => {
    expect(failedTooLong(null, now, 5)).toBe(false);
    expect(failedTooLong(now - 4.9 * 86_400_000, now, 5)).toBe(false);
    expect(failedTooLong(now - 5 * 86_400_000, now, 5)).toBe(true);
  });
});
