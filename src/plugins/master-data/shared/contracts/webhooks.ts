/**
 * Webhooks to other systems: endpoints, deliveries and their attempts, as the admin API answers
 * them (`/master-data/webhooks...`, permissions `webhooks.read` / `webhooks.manage`). Shared by
 * the server and the admin panel.
 */

/** Event types an endpoint may subscribe to, besides `<type>.*` and `*` (every event below). */
export const WEBHOOK_EVENT_GROUPS = {
  document: ['created', 'updated', 'published', 'unpublished', 'deleted', 'merged', 'unmerged'],
  changeRequest: ['submitted', 'amended', 'approved', 'rejected', 'withdrawn', 'applied', 'stale'],
} as const;

/** The event a "send test event" delivers (to that endpoint only). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** What an admin sends to create or change an endpoint (PUT may send any subset). */
export interface WebhookEndpointInput {
  /** http(s) URL; refused when it resolves to a private, loopback, link-local or metadata address, unless its host is on WEBHOOKS_ALLOWED_HOSTS. */
  url: string;
  description?: string | null;
  /** `customer.updated`, `customer.*`, `changeRequest.approved`, `*` ... at least one. */
  events: string[];
  /** Governed content type uids; empty = all governed types. */
  contentTypes?: string[];
  /** Top-level attributes sent in `record` and `changes`; empty = all (sensitive ones only with `allowSensitive`). */
  fields?: string[];
  /** Whether sensitive fields (audit.sensitive paths, IBAN rules, private attributes) are sent in clear; otherwise "[masked]". */
  allowSensitive?: boolean;
  /** Extra request headers (not webhook-*, content-type, host, content-length). */
  headers?: Record<string, string>;
  enabled?: boolean;
  /** The external system this endpoint feeds (e.g. `sap`), for echo suppression of changes synced in from it. */
  system?: string | null;
  /** Default true: a change that came in from `system` is not sent back to it. */
  suppressEcho?: boolean;
}

export type WebhookEndpointDisabledReason = 'manual' | 'gone' | 'failing';

export interface WebhookEndpoint extends Required<Omit<WebhookEndpointInput, 'description' | 'system'>> {
  id: number;
  description: string | null;
  system: string | null;
  /** Why the server disabled it (410 Gone, failing for too long); null when enabled or disabled by hand. */
  disabledReason: WebhookEndpointDisabledReason | null;
  /** Start of the current run of failures (null when the last attempt succeeded). */
  failingSince: string | null;
  /** The first characters of the current secret, e.g. `whsec_AbC…`. */
  secretHint: string;
  /** While a rotation's overlap lasts: when the previous secret stops signing. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Deliveries by status. */
  stats: Record<WebhookDeliveryStatus, number>;
}

/** `POST /master-data/webhooks` and `POST /master-data/webhooks/:id/rotate` answer the secret, once. */
export type WebhookEndpointWithSecret = WebhookEndpoint & { secret: string };

/**
 * pending: waiting for its first attempt or a retry (`attempts` > 0); delivering: claimed by a
 * dispatcher; delivered: a 2xx; dead: the last attempt failed, or the endpoint answered 410.
 */
export type WebhookDeliveryStatus = 'pending' | 'delivering' | 'delivered' | 'dead';

export interface WebhookAttempt {
  attempt: number;
  startedAt: string;
  /** HTTP status, or null when no response came (timeout, refused, SSRF guard). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** The first 1,000 characters of the response body. */
  responseExcerpt: string | null;
}

export interface WebhookDelivery {
  id: number;
  endpointId: number;
  /** The `webhook-id` header: the same on every attempt and replay of this event to this endpoint. */
  eventId: string;
  eventType: string;
  uid: string | null;
  documentId: string | null;
  sequence: number | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  createdAt: string;
  /** Only on `GET /master-data/webhooks/deliveries/:id`. */
  attemptLog?: WebhookAttempt[];
  /** Only on `GET /master-data/webhooks/deliveries/:id`: the body as sent (signed). */
  payload?: unknown;
}

/** `GET /master-data/webhooks/:id/deliveries?status=&eventType=&documentId=&page=&pageSize=` */
export interface WebhookDeliveryQuery {
  status?: WebhookDeliveryStatus;
  eventType?: string;
  documentId?: string;
  page?: number;
  pageSize?: number;
}

/**
 * `POST /master-data/webhooks/:id/replay` with one of: `{ "deliveryId": n }` (one delivery again),
 * `{ "dead": true }` (every dead letter), `{ "since": ISO date }` (every event since then: a re-sync).
 * Answers `{ "data": { "queued": n } }`.
 */
export interface WebhookReplayInput {
  deliveryId?: number;
  dead?: boolean;
  since?: string;
}

/** The body of every delivery (Standard Webhooks: `type`, `timestamp`, `data`). */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: {
    uid: string | null;
    documentId: string | null;
    code: string | null;
    /** Per record, increasing: a receiver drops an event older than one it has applied. */
    sequence: number | null;
    changes: Record<string, { before: unknown; after: unknown }>;
    /** The published state after the change (null when there is none: a draft, unpublished or deleted record). */
    record: Record<string, unknown> | null;
    externalIds: Array<{ system: string; externalId: string }>;
    /** Set on changeRequest.* events. */
    changeRequest?: unknown;
  };
}
