/**
 * The transactional outbox: a consumer of the domain event stream that, inside the transaction of
 * the change, turns every event that an enabled endpoint subscribes to into one outbox row (with
 * its per-record sequence number and the published record) and one delivery per subscribed
 * endpoint. A rolled-back write leaves neither; a committed write has both. Once the transaction
 * commits, this instance's dispatcher is woken.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { EventConsumer, EventContext } from '../governance/pipeline';
import { getService } from '../governance/services';
import { snapshot } from '../governance/snapshot';
import { buildPayload } from './domain/payload';
import { subscribes } from './domain/subscription';
import type { Catalogue } from './catalogue';
import type { Endpoint, EndpointStore } from './endpoints';
import { DELIVERIES, OUTBOX, SEQUENCES } from './schema';
import type { DomainEvent } from '../../../shared/contracts/events';
import type { WebhookPayload } from '../../../shared/contracts/webhooks';

export interface OutboxEvent {
  id: string;
  type: string;
  uid: string | null;
  documentId: string | null;
  sequence: number | null;
  payload: WebhookPayload;
}

/** The key that orders deliveries of one record to one endpoint. */
const isPostgres = (trx: Knex.Transaction) => (trx as any).client?.dialect === 'postgresql';

export const recordKey = (uid: string | null, documentId: string | null, eventId: string) => (uid && documentId ? `${uid}|${documentId}` : `event|${eventId}`);

export const createOutbox = (strapi: Core.Strapi, catalogue: Catalogue, endpoints: EndpointStore, wake: () => void) => {
  let subscribable: { of: unknown; types: Set<string> } | undefined;
  const config = () => getService('governance', strapi).load().config.webhooks;

  /** The next sequence number of a record (a counter row per record, incremented in the write's transaction). */
  const nextSequence = async (trx: Knex.Transaction, uid: string, documentId: string): Promise<number> => {
    const [row] = await trx(SEQUENCES)
      .insert({ uid, document_id: documentId, sequence: 1 })
      .onConflict(['uid', 'document_id'])
      .merge({ sequence: trx.raw(`${SEQUENCES}.sequence + 1`) })
      .returning('sequence');
    return Number(typeof row === 'object' ? row.sequence : row);
  };

  /** Inserts an outbox row and a delivery per endpoint (all pending, due now). */
  const insert = async (trx: Knex.Transaction, event: OutboxEvent, to: Endpoint[], source: string | null = null) => {
    const now = Date.now();
    await trx(OUTBOX).insert({
      id: event.id,
      aggregate_type: event.uid ?? 'plugin::master-data.webhook',
      aggregate_id: event.documentId ?? event.id,
      type: event.type,
      payload: JSON.stringify(event.payload),
      sequence: event.sequence,
      source_system: source,
      created_at: now,
    });
    if (to.length > 0) {
      await trx(DELIVERIES).insert(
        to.map((endpoint) => ({
          endpoint_id: endpoint.id,
          event_id: event.id,
          event_type: event.type,
          uid: event.uid,
          document_id: event.documentId,
          sequence: event.sequence,
          record_key: recordKey(event.uid, event.documentId, event.id),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
        }))
      );
    }
    // Woken once everything commits (an enclosing transaction included); a rollback wakes no one.
    (trx as any).executionPromise?.then(wake, () => undefined);
  };

  /**
   * PostgreSQL: the record's next sequence number, the outbox row (its payload given the number) and
   * the deliveries in one statement, one round trip per event in the write's transaction.
   */
  const insertSequenced = async (trx: Knex.Transaction, event: Omit<OutboxEvent, 'sequence'> & { uid: string; documentId: string }, to: Endpoint[], source: string | null) => {
    const now = Date.now();
    await trx.raw(
      `WITH s AS (
         INSERT INTO ${SEQUENCES} (uid, document_id, sequence) VALUES (?, ?, 1)
         ON CONFLICT (uid, document_id) DO UPDATE SET sequence = ${SEQUENCES}.sequence + 1
         RETURNING sequence
       ), o AS (
         INSERT INTO ${OUTBOX} (id, aggregate_type, aggregate_id, type, payload, sequence, source_system, created_at)
         SELECT ?, ?, ?, ?, jsonb_set(?::jsonb, '{data,sequence}', to_jsonb(s.sequence))::text, s.sequence, ?, ? FROM s
         RETURNING id, sequence
       )
       INSERT INTO ${DELIVERIES} (endpoint_id, event_id, event_type, uid, document_id, sequence, record_key, status, attempts, next_attempt_at, created_at)
       SELECT e.id, o.id, ?, ?, ?, o.sequence, ?, 'pending', 0, ?, ? FROM o CROSS JOIN unnest(?::int[]) AS e(id)`,
      [
        event.uid,
        event.documentId,
        event.id,
        event.uid,
        event.documentId,
        event.type,
        JSON.stringify(event.payload),
        source,
        now,
        event.type,
        event.uid,
        event.documentId,
        recordKey(event.uid, event.documentId, event.id),
        now,
        now,
        to.map((endpoint) => endpoint.id),
      ]
    );
    (trx as any).executionPromise?.then(wake, () => undefined);
  };

  /** Enabled endpoints, read once per transaction (a write emits several events). */
  const endpointsSeen = new WeakMap<Knex.Transaction, Promise<Endpoint[]>>();
  const enabledIn = (trx: Knex.Transaction) => {
    let found = endpointsSeen.get(trx);
    if (!found) {
      found = endpoints.enabled(trx);
      endpointsSeen.set(trx, found);
    }
    return found;
  };

  const enqueue = async (event: DomainEvent, trx: Knex.Transaction, context?: EventContext) => {
    const settings = getService('governance', strapi).load();
    if (subscribable?.of !== settings) subscribable = { of: settings, types: new Set(catalogue.eventTypes()) };
    if (!subscribable.types.has(event.type)) return;
    const facts = { type: event.type, uid: event.uid, source: event.source ?? null };
    const to = (await enabledIn(trx)).filter((endpoint) => subscribes(endpoint, facts));
    if (to.length === 0 && !config().captureAll) return;
    const type = catalogue.describe(event.uid);
    const oneStatement = isPostgres(trx) && event.documentId !== null;
    const sequence = event.documentId && !oneStatement ? await nextSequence(trx, event.uid, event.documentId) : null;
    const record = context
      ? await context.published()
      : event.documentId
        ? await snapshot(strapi, { uid: event.uid, documentId: event.documentId, published: true, locale: event.locale })
        : null;
    const id = randomUUID();
    const payload = buildPayload({
      type: event.type,
      at: new Date(),
      uid: event.uid,
      documentId: event.documentId,
      sequence,
      changes: event.changes,
      record,
      codeField: type?.code ?? null,
      externalIdsField: type?.externalIds ?? null,
    });
    if (oneStatement) await insertSequenced(trx, { id, type: event.type, uid: event.uid, documentId: event.documentId!, payload }, to, event.source ?? null);
    else await insert(trx, { id, type: event.type, uid: event.uid, documentId: event.documentId, sequence, payload }, to, event.source ?? null);
  };

  return {
    consumer: (): EventConsumer => ({ name: 'webhooks', order: 200, handle: enqueue }),
    insert,
  };
};

export type Outbox = ReturnType<typeof createOutbox>;
