/**
 * What a delivery attempt's outcome means: delivered, retry (when), dead-lettered, or the endpoint
 * gone. The schedule is that of the issue (about three days: now, 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 10 h), each wait spread by ±20 % jitter so that a receiver back up after an outage is not hit
 * by every retry at once. Pure.
 */

/** Seconds to wait before attempt 2, 3, ... (attempt 1 is at once). */
export const DEFAULT_SCHEDULE = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];

/** At most this long is waited for a `Retry-After` (a receiver cannot park a delivery for a month). */
const MAX_RETRY_AFTER_S = 24 * 3600;

export interface AttemptResult {
  /** HTTP status, or null when no response came (timeout, connection refused, refused address). */
  statusCode: number | null;
  /** The `Retry-After` header, if any. */
  retryAfter?: string | null;
  /** The address guard or the URL refused the delivery: retrying changes nothing until the endpoint is fixed. */
  refused?: boolean;
}

export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; at: number }
  | { kind: 'dead' }
  /** 410 Gone: the receiver says the endpoint no longer exists; it is disabled. */
  | { kind: 'gone' };

/** Seconds a `Retry-After` asks for (delta seconds or an HTTP date), bounded; null if unreadable. */
export const retryAfterSeconds = (value: string | null | undefined, now: number): number | null => {
  if (!value) return null;
  const trimmed = value.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_S);
};

/** A wait spread by ±20 %, `random` in [0, 1). */
export const jittered = (seconds: number, random: number) => seconds * (0.8 + 0.4 * random);

/**
 * The outcome of attempt number `attempt` (1-based). 2xx delivers; 3xx is a failure (redirects are
 * not followed); 410 disables the endpoint; 429 and 503 wait at least their `Retry-After`; after
 * the last attempt of the schedule the delivery is dead-lettered.
 */
export const outcomeOf = (
  result: AttemptResult,
  attempt: number,
  { now, schedule = DEFAULT_SCHEDULE, random = Math.random }: { now: number; schedule?: number[]; random?: () => number }
): Outcome => {
  const status = result.statusCode;
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  if (attempt > schedule.length) return { kind: 'dead' };
  let wait = jittered(schedule[attempt - 1], random());
  if (status === 429 || status === 503) {
    const asked = retryAfterSeconds(result.retryAfter, now);
    if (asked !== null) wait = Math.max(wait, asked);
  }
  return { kind: 'retry', at: now + Math.round(wait * 1000) };
};

/** Whether an endpoint failing since `failingSince` (ms) has failed for longer than `days`. */
export const failedTooLong = (failingSince: number | null, now: number, days: number) =>
  failingSince !== null && now - failingSince >= days * 86_400_000;
