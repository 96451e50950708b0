/**
 * The delivery log (per endpoint, with filters), one delivery with its attempts and payload as
 * sent, the test event, and replay: one delivery, every dead letter of an endpoint, or every event
 * since a time (a re-sync from the outbox).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parse } from '../http';
import { shapePayload, subscribes } from './domain/subscription';
import type { Catalogue } from './catalogue';
import { toEndpoint, type EndpointStore } from './endpoints';
import type { Outbox } from './outbox';
import { recordKey } from './outbox';
import { ATTEMPTS, DELIVERIES, OUTBOX } from './schema';
import { WEBHOOK_TEST_EVENT, type WebhookDelivery, type WebhookPayload } from '../../../shared/contracts/webhooks';

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(Number(value)).toISOString());

const deliveryQuery = z
  .object({
    status: z.enum(['pending', 'delivering', 'delivered', 'dead']).optional(),
    eventType: z.string().min(1).max(100).optional(),
    documentId: z.string().min(1).max(64).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const replayBody = z
  .object({
    deliveryId: z.number().int().min(1).optional(),
    dead: z.literal(true).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((b) => [b.deliveryId, b.dead, b.since].filter((v) => v !== undefined).length === 1, 'send exactly one of deliveryId, dead, since');

/** At most this many events are queued by one re-sync (ask again with a later `since`). */
const MAX_RESYNC = 50_000;

const view = (row: any): WebhookDelivery => ({
  id: Number(row.id),
  endpointId: Number(row.endpoint_id),
  eventId: `msg_${row.event_id}`,
  eventType: row.event_type,
  uid: row.uid,
  documentId: row.document_id,
  sequence: num(row.sequence),
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
  lastAttemptAt: iso(row.last_attempt_at),
  lastStatusCode: num(row.last_status_code),
  lastLatencyMs: num(row.last_latency_ms),
  lastError: row.last_error ?? null,
  createdAt: iso(row.created_at)!,
});

export const createLog = (strapi: Core.Strapi, catalogue: Catalogue, endpoints: EndpointStore, outbox: Outbox, wake: () => void) => {
  const knex = () => strapi.db.connection;

  const deliveryOf = async (id: number) => {
    const row = await knex()(DELIVERIES).where({ id }).first();
    if (!row) throw new errors.NotFoundError(`No webhook delivery ${id}`);
    return row;
  };

  return {
    async list(endpointId: number, query: unknown) {
      await endpoints.find(endpointId);
      const q = parse(deliveryQuery, query);
      const base = knex()(DELIVERIES).where({ endpoint_id: endpointId });
      if (q.status) base.andWhere({ status: q.status });
      if (q.eventType) base.andWhere({ event_type: q.eventType });
      if (q.documentId) base.andWhere({ document_id: q.documentId });
      const [{ n }] = await base.clone().count({ n: '*' });
      const rows = await base.clone().orderBy('id', 'desc').offset((q.page - 1) * q.pageSize).limit(q.pageSize);
      const total = Number(n);
      return { data: rows.map(view), meta: { pagination: { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) } } };
    },

    /** One delivery with its attempts and the body as it is sent to its endpoint. */
    async get(id: number): Promise<WebhookDelivery> {
      const row = await deliveryOf(id);
      const attempts = await knex()(ATTEMPTS).where({ delivery_id: id }).orderBy('id');
      const event = await knex()(OUTBOX).select('payload').where({ id: row.event_id }).first();
      const endpoint = toEndpoint(await endpoints.find(Number(row.endpoint_id)));
      const payload = event
        ? shapePayload(JSON.parse(event.payload) as WebhookPayload, {
            fields: endpoint.fields,
            allowSensitive: endpoint.allowSensitive,
            sensitive: row.uid ? (catalogue.describe(row.uid)?.sensitive ?? []) : [],
          })
        : null;
      return {
        ...view(row),
        payload,
        attemptLog: attempts.map((a: any) => ({
          attempt: Number(a.attempt),
          startedAt: iso(a.started_at)!,
          statusCode: num(a.status_code),
          latencyMs: Number(a.latency_ms),
          error: a.error ?? null,
          responseExcerpt: a.response_excerpt ?? null,
        })),
      };
    },

    /** Queues a `webhook.test` event for this endpoint only, whatever it subscribes to. */
    async test(endpointId: number): Promise<WebhookDelivery> {
      const endpoint = toEndpoint(await endpoints.find(endpointId));
      if (!endpoint.enabled) throw new errors.ApplicationError(`Webhook endpoint ${endpointId} is disabled: enable it to send a test event`, { endpointId });
      const id = randomUUID();
      const payload: WebhookPayload = {
        type: WEBHOOK_TEST_EVENT,
        timestamp: new Date().toISOString(),
        data: { uid: null, documentId: null, code: null, sequence: null, changes: {}, record: null, externalIds: [] },
      };
      await strapi.db.transaction(({ trx }) => outbox.insert(trx, { id, type: WEBHOOK_TEST_EVENT, uid: null, documentId: null, sequence: null, payload }, [endpoint]));
      return view(await knex()(DELIVERIES).where({ event_id: id }).first());
    },

    async replay(endpointId: number, body: unknown): Promise<{ queued: number }> {
      const endpoint = toEndpoint(await endpoints.find(endpointId));
      const input = parse(replayBody, body ?? {}, 'body');
      const now = Date.now();
      const again = { status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, claimed_by: null };
      if (input.deliveryId !== undefined) {
        const row = await deliveryOf(input.deliveryId);
        if (Number(row.endpoint_id) !== endpointId) throw new errors.NotFoundError(`No webhook delivery ${input.deliveryId} for endpoint ${endpointId}`);
        if (row.status === 'pending' || row.status === 'delivering') {
          throw new errors.ApplicationError(`Delivery ${row.id} is ${row.status}: it is already queued`, { deliveryId: Number(row.id), status: row.status });
        }
        if (!(await knex()(OUTBOX).where({ id: row.event_id }).first())) throw new errors.NotFoundError(`The event of delivery ${row.id} has left the outbox (retention)`);
        await knex()(DELIVERIES).where({ id: row.id }).update(again);
        wake();
        return { queued: 1 };
      }
      if (input.dead) {
        const queued = await knex()(DELIVERIES).where({ endpoint_id: endpointId, status: 'dead' }).update(again);
        wake();
        return { queued: Number(queued) };
      }
      // A re-sync: every event in the outbox since then that the endpoint subscribes to now, in order.
      const since = Date.parse(input.since!);
      const events = await knex()(OUTBOX)
        .select('id', 'aggregate_type', 'aggregate_id', 'type', 'sequence', 'source_system')
        .where('created_at', '>=', since)
        .whereNot('type', WEBHOOK_TEST_EVENT)
        .orderBy('created_at')
        .limit(MAX_RESYNC);
      const rows = events
        .filter((e: any) => subscribes(endpoint, { type: e.type, uid: e.aggregate_type, source: e.source_system ?? null }))
        .map((e: any) => ({
          endpoint_id: endpointId,
          event_id: e.id,
          event_type: e.type,
          uid: e.aggregate_type,
          document_id: e.aggregate_id,
          sequence: e.sequence,
          record_key: recordKey(e.aggregate_type, e.aggregate_id, e.id),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
        }));
      for (let i = 0; i < rows.length; i += 500) await knex()(DELIVERIES).insert(rows.slice(i, i + 500));
      wake();
      return { queued: rows.length };
    },
  };
};
