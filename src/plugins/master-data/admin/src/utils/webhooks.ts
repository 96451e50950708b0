/**
 * Helpers of the Webhooks settings pages (list, endpoint, delivery log): the admin API's paths and
 * shapes, and how endpoint states, delivery statuses, event types, latencies and the log's query
 * are shown and read from the URL.
 */
import { WEBHOOK_TEST_EVENT, type WebhookAttempt, type WebhookDelivery, type WebhookDeliveryQuery, type WebhookDeliveryStatus, type WebhookEndpoint } from '../../../shared/contracts/webhooks';
import type { BadgeVariant } from './audit';

export type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointWithSecret,
  WebhookReplayInput,
} from '../../../shared/contracts/webhooks';

export const WEBHOOKS_URL = '/master-data/webhooks';

/** GET /master-data/webhooks/options: what an endpoint may subscribe to and send. */
export interface WebhookOptions {
  /** Every subscribable event type (without the `<type>.*` and `*` wildcards). */
  events: string[];
  contentTypes: Array<{ uid: string; displayName: string; fields: Array<{ name: string; sensitive: boolean }> }>;
  /** External systems known to the hub (echo suppression). */
  systems: string[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** The Webhooks settings page, relative to the admin panel's router (it is mounted under /admin). */
export const WEBHOOKS_PAGE_PATH = '/settings/master-data/webhooks';
export const WEBHOOK_CREATE_PATH = `${WEBHOOKS_PAGE_PATH}/new`;
export const webhookPath = (id: number) => `${WEBHOOKS_PAGE_PATH}/${id}`;
export const webhookEditPath = (id: number) => `${WEBHOOKS_PAGE_PATH}/${id}/edit`;

/** A route parameter as an endpoint or delivery id, or 0 when it is not one. */
export const idParam = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export const DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivering', 'delivered', 'dead'];
export const isDeliveryStatus = (value: unknown): value is WebhookDeliveryStatus => DELIVERY_STATUSES.includes(value as WebhookDeliveryStatus);

const DELIVERY_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: 'Pending',
  delivering: 'Delivering',
  delivered: 'Delivered',
  dead: 'Dead letter',
};
export const deliveryStatusLabel = (status: string) => DELIVERY_LABELS[status as WebhookDeliveryStatus] ?? status;

export const deliveryStatusVariant = (status: WebhookDeliveryStatus): BadgeVariant => {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'dead':
      return 'danger';
    case 'delivering':
      return 'secondary';
    default:
      return 'warning';
  }
};

const COUNT_NOUNS: Record<WebhookDeliveryStatus, [string, string]> = {
  pending: ['pending', 'pending'],
  delivering: ['delivering', 'delivering'],
  delivered: ['delivered', 'delivered'],
  dead: ['dead letter', 'dead letters'],
};
/** A count of deliveries in a status: "1 dead letter", "120 delivered". */
export const deliveryCountText = (status: WebhookDeliveryStatus, count: number) => `${count} ${COUNT_NOUNS[status][count === 1 ? 0 : 1]}`;

/**
 * Whether a delivery can be replayed: one that is delivered or dead. A pending one is queued
 * already (the server refuses it), a delivering one is in flight.
 */
export const canReplay = (delivery: Pick<WebhookDelivery, 'status'>) => delivery.status === 'delivered' || delivery.status === 'dead';

/** A pending delivery that has been tried already is a retry: it failed at least once. */
export const isRetrying = (delivery: Pick<WebhookDelivery, 'status' | 'attempts'>) => delivery.status === 'pending' && delivery.attempts > 0;

/** Whether an endpoint is enabled, and if not, why: shown as a badge and a sentence. */
export const endpointState = (
  endpoint: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'>
): { label: string; variant: BadgeVariant; reason: string | null } => {
  if (endpoint.enabled) return { label: 'Enabled', variant: 'success', reason: null };
  switch (endpoint.disabledReason) {
    case 'gone':
      return { label: 'Disabled', variant: 'danger', reason: 'The receiver answered 410 Gone.' };
    case 'failing':
      return { label: 'Disabled', variant: 'danger', reason: 'Every delivery failed for too long.' };
    default:
      return { label: 'Disabled', variant: 'neutral', reason: 'Disabled by an administrator.' };
  }
};

/** An event type's prefix: `customer` of `customer.updated`. */
const eventGroup = (event: string) => {
  const dot = event.lastIndexOf('.');
  return dot > 0 ? event.slice(0, dot) : event;
};

export interface EventOption {
  value: string;
  label: string;
}

/**
 * What the events select offers: `*` first, then per group (in the server's order) its wildcard
 * `customer.*` and its events. The endpoint's own events stay on offer even when the server no
 * longer lists them, so an edit does not drop them silently.
 */
export const eventOptions = (events: readonly string[], selected: readonly string[] = []): EventOption[] => {
  const groups = new Map<string, string[]>();
  for (const event of [...events, ...selected]) {
    if (event === '*') continue;
    const isWildcard = event.endsWith('.*');
    const group = isWildcard ? event.slice(0, -2) : eventGroup(event);
    const list = groups.get(group) ?? [];
    if (!isWildcard && !list.includes(event)) list.push(event);
    groups.set(group, list);
  }
  const options: EventOption[] = [{ value: '*', label: '* (every event)' }];
  for (const [group, list] of groups) {
    options.push({ value: `${group}.*`, label: `${group}.* (every ${group} event)` });
    for (const event of list) options.push({ value: event, label: event });
  }
  return options;
};

/** Whether `pattern` covers `event`: `*` every event, `customer.*` every type starting `customer.` (as the server matches). */
const covers = (pattern: string, event: string) => pattern === '*' || pattern === event || (pattern.endsWith('.*') && event.startsWith(pattern.slice(0, -1)));

/** Whether an event type is delivered to an endpoint subscribed to `events` (wildcards included). */
export const subscribes = (events: readonly string[], event: string) => events.some((pattern) => covers(pattern, event));

/** The chosen events that another chosen wildcard covers already (shown as a hint, not removed). */
export const redundantEvents = (events: readonly string[]) =>
  events.filter((event) => event !== '*' && events.some((other) => other !== event && covers(other, event)));

/** The event types an endpoint's log can hold: those it subscribes to (wildcards expanded) and the test event. */
export const loggedEventTypes = (events: readonly string[], subscribed: readonly string[]) => [
  ...events.filter((event) => event !== WEBHOOK_TEST_EVENT && subscribes(subscribed, event)),
  WEBHOOK_TEST_EVENT,
];

/** An endpoint's events as a short text. */
export const eventsText = (events: readonly string[]) => (events.includes('*') ? 'Every event' : events.join(', ') || '—');

/**
 * Which attempts start a replay: a replay queues the delivery again from attempt 1, so the log of
 * a replayed delivery counts 1, 2, 1, … (oldest first).
 */
export const replayStarts = (attempts: readonly Pick<WebhookAttempt, 'attempt'>[]) =>
  attempts.map((a, i) => i > 0 && a.attempt <= attempts[i - 1].attempt);

/** A delivery's record: `uid · documentId`, or — for an event without one (a test event). */
export const deliveryRecord = (delivery: Pick<WebhookDelivery, 'uid' | 'documentId'>) =>
  [delivery.uid, delivery.documentId].filter(Boolean).join(' · ') || '—';

/** A latency in ms or s: "84 ms", "2.4 s". */
export const latencyText = (ms: number | null | undefined) => {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
};

/** The delivery log's query from the page URL (`?status=dead&eventType=…&page=2`). */
export const deliveriesQueryFromSearch = (search: URLSearchParams, defaultPageSize = 20): WebhookDeliveryQuery => {
  const positive = (key: string, fallback: number) => {
    const n = Number(search.get(key));
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  const query: WebhookDeliveryQuery = { page: positive('page', 1), pageSize: Math.min(100, positive('pageSize', defaultPageSize)) };
  const status = search.get('status');
  if (isDeliveryStatus(status)) query.status = status;
  const eventType = search.get('eventType')?.trim();
  if (eventType) query.eventType = eventType;
  const documentId = search.get('documentId')?.trim();
  if (documentId) query.documentId = documentId;
  return query;
};

/**
 * How soon the delivery log should look again: soon while a delivery shown is being delivered or
 * due within a minute (a new one, a retry after 5 s), else not at all (null).
 */
export const nextPollDelay = (deliveries: readonly Pick<WebhookDelivery, 'status' | 'nextAttemptAt'>[], now = Date.now(), every = 2000): number | null => {
  const soon = deliveries.some((d) => {
    if (d.status === 'delivering') return true;
    if (d.status !== 'pending') return false;
    const due = d.nextAttemptAt ? Date.parse(d.nextAttemptAt) : NaN;
    return Number.isNaN(due) || due - now <= 60_000;
  });
  return soon ? every : null;
};

/** A payload as indented JSON for reading. */
export const payloadText = (payload: unknown) => {
  if (payload === undefined) return '—';
  if (typeof payload === 'string') {
    try {
      return JSON.stringify(JSON.parse(payload), null, 2);
    } catch {
      return payload;
    }
  }
  return JSON.stringify(payload, null, 2);
};
