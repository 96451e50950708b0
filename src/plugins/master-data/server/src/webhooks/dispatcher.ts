/**
 * The dispatcher: every instance runs one (unless `webhooks.dispatcher` is false). It claims due
 * deliveries, signs and sends them, and records each outcome. On PostgreSQL several instances share
 * the work: a claim is one statement that locks the rows it takes with `FOR UPDATE SKIP LOCKED`
 * and marks them `delivering` with a lease; SQLite has one process and one loop.
 *
 * Order per record: a delivery is due only when no earlier delivery of the same record to the same
 * endpoint is still pending or in flight, so a failing event holds back later events of its record
 * (not of other records) until it is delivered or dead-lettered.
 *
 * Crash safety: a claimed delivery whose instance dies (SIGKILL mid-delivery) keeps its lease; once
 * the lease runs out (timeout + `leaseMarginMs`, 30 s) it is due again, for any instance. At least once: a receiver
 * may see an event twice (same `webhook-id`), never not at all.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { AsyncResource } from 'node:async_hooks';
import { getService } from '../governance/services';
import { parseAllowList } from './domain/address';
import { failedTooLong, outcomeOf, type Outcome } from './domain/retry';
import { shapePayload } from './domain/subscription';
import { signHeaders } from './domain/signing';
import { attempt, closeIdleAgents, type AttemptReport } from './transport';
import type { Catalogue } from './catalogue';
import { toEndpoint, type EndpointRow, type EndpointStore } from './endpoints';
import { ATTEMPTS, DELIVERIES, ENDPOINTS, OUTBOX } from './schema';
import type { WebhookPayload } from '../../../shared/contracts/webhooks';

export interface DeliveryRow {
  id: number | string;
  endpoint_id: number;
  event_id: string;
  event_type: string;
  uid: string | null;
  document_id: string | null;
  status: string;
  attempts: number;
  claimed_by: string | null;
}

const PRUNE_EVERY_MS = 3_600_000;

const isPostgres = (knex: Knex) => (knex as any).client?.dialect === 'postgresql';

/** The WHERE of a due delivery (alias d), in order per record and endpoint. */
const DUE = `
  e.enabled = ? AND ((d.status = 'pending' AND d.next_attempt_at <= ?) OR (d.status = 'delivering' AND d.lease_until <= ?))
  AND NOT EXISTS (
    SELECT 1 FROM ${DELIVERIES} p
    WHERE p.endpoint_id = d.endpoint_id AND p.record_key = d.record_key AND p.id < d.id AND p.status IN ('pending', 'delivering')
  )`;

export const createDispatcher = (strapi: Core.Strapi, catalogue: Catalogue, endpoints: EndpointStore) => {
  const me = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const knex = () => strapi.db.connection;
  const config = () => getService('governance', strapi).load().config.webhooks;
  let running = false;
  let pumping = false;
  let again = false;
  let inFlight = 0;
  let poller: NodeJS.Timeout | undefined;
  let lastPrune = 0;
  const idle = new Set<() => void>();
  /**
   * The async context the dispatcher runs in, taken when it starts (outside any request or
   * transaction). A wake-up comes from a committed write's promise chain, whose context still holds
   * that write's (finished) transaction: Strapi's `db.transaction` would join it. Every run of the
   * loop happens in this clean context instead.
   */
  let scope: AsyncResource | undefined;
  const run = () => (scope ? scope.runInAsyncScope(() => void pump()) : undefined);

  /** Claims up to `limit` due deliveries for this instance. */
  const claim = async (limit: number): Promise<DeliveryRow[]> => {
    const now = Date.now();
    const lease = now + config().timeoutMs + config().leaseMarginMs;
    if (isPostgres(knex())) {
      const result = await knex().raw(
        `WITH due AS (
           SELECT d.id FROM ${DELIVERIES} d JOIN ${ENDPOINTS} e ON e.id = d.endpoint_id
           WHERE ${DUE}
           ORDER BY d.next_attempt_at, d.id
           LIMIT ? FOR UPDATE OF d SKIP LOCKED
         )
         UPDATE ${DELIVERIES} SET status = 'delivering', lease_until = ?, claimed_by = ?, attempts = ${DELIVERIES}.attempts + 1
         FROM due WHERE ${DELIVERIES}.id = due.id
         RETURNING ${DELIVERIES}.*`,
        [true, now, now, limit, lease, me]
      );
      return result.rows;
    }
    return knex().transaction(async (trx) => {
      const due = await trx.raw(
        `SELECT d.id FROM ${DELIVERIES} d JOIN ${ENDPOINTS} e ON e.id = d.endpoint_id WHERE ${DUE} ORDER BY d.next_attempt_at, d.id LIMIT ?`,
        [1, now, now, limit]
      );
      const ids = (due as any[]).map((r) => r.id);
      if (ids.length === 0) return [];
      await trx(DELIVERIES)
        .whereIn('id', ids)
        .update({ status: 'delivering', lease_until: lease, claimed_by: me, attempts: trx.raw('attempts + 1') });
      return trx(DELIVERIES).whereIn('id', ids).orderBy('id');
    });
  };

  interface Recorded {
    row: DeliveryRow;
    endpoint: EndpointRow;
    started: number;
    report: AttemptReport;
    outcome: Outcome;
    done: () => void;
    failed: (error: unknown) => void;
  }
  let unrecorded: Recorded[] = [];
  let flushTimer: NodeJS.Timeout | undefined;

  const statusOf = (outcome: Outcome) => (outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'pending' : 'dead');

  /** Writes the outcomes of a batch of attempts; answers the ids this instance still held (the others were taken over). */
  const updateDeliveries = async (trx: Knex.Transaction, batch: Recorded[], now: number): Promise<Set<string>> => {
    const values = batch.map(({ row, started, report, outcome }) => [
      row.id,
      statusOf(outcome),
      outcome.kind === 'retry' ? outcome.at : null,
      started,
      report.statusCode,
      report.latencyMs,
      report.error,
      outcome.kind === 'delivered' ? now : null,
    ]);
    if (isPostgres(knex())) {
      const { rows } = await trx.raw(
        `UPDATE ${DELIVERIES} AS d SET status = v.status, next_attempt_at = v.next_attempt_at, lease_until = NULL, last_attempt_at = v.last_attempt_at,
           last_status_code = v.last_status_code, last_latency_ms = v.last_latency_ms, last_error = v.last_error, delivered_at = v.delivered_at
         FROM (VALUES ${values.map(() => '(?::bigint, ?::text, ?::bigint, ?::bigint, ?::int, ?::int, ?::text, ?::bigint)').join(', ')})
           AS v(id, status, next_attempt_at, last_attempt_at, last_status_code, last_latency_ms, last_error, delivered_at)
         WHERE d.id = v.id AND d.claimed_by = ? AND d.status = 'delivering'
         RETURNING d.id`,
        [...values.flat(), me]
      );
      return new Set(rows.map((r: { id: number | string }) => String(r.id)));
    }
    const held = new Set<string>();
    for (const [id, status, next, last, code, latency, error, delivered] of values) {
      const updated = await trx(DELIVERIES)
        .where({ id, claimed_by: me, status: 'delivering' })
        .update({ status, next_attempt_at: next, lease_until: null, last_attempt_at: last, last_status_code: code, last_latency_ms: latency, last_error: error, delivered_at: delivered });
      if (updated) held.add(String(id));
    }
    return held;
  };

  /** What an outcome does to its endpoint: a success ends a run of failures; 410 and failing too long disable it. */
  const endpointEffects = async (trx: Knex.Transaction, { endpoint, started, outcome }: Recorded, now: number) => {
    if (outcome.kind === 'delivered') {
      if (endpoint.failing_since !== null) await trx(ENDPOINTS).where({ id: endpoint.id }).update({ failing_since: null });
      return;
    }
    if (outcome.kind === 'gone') {
      await endpoints.disable(trx, endpoint.id, 'gone', `${endpoint.url} answered 410 Gone`);
      return;
    }
    await trx(ENDPOINTS).where({ id: endpoint.id }).whereNull('failing_since').update({ failing_since: started });
    const since = endpoint.failing_since === null ? started : Number(endpoint.failing_since);
    if (failedTooLong(since, now, config().disableAfterDays)) {
      await endpoints.disable(trx, endpoint.id, 'failing', `${endpoint.url} failed every attempt for ${config().disableAfterDays} days`);
    }
  };

  /**
   * Records the outcomes gathered since the last flush in one transaction (one UPDATE of the
   * deliveries and one INSERT of the attempts on PostgreSQL), if this instance still holds them: a
   * delivery taken over after our lease ran out is the other instance's to record.
   */
  const flush = async () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    const batch = unrecorded;
    unrecorded = [];
    if (batch.length === 0) return;
    try {
      const now = Date.now();
      await strapi.db.transaction(async ({ trx }) => {
        const held = await updateDeliveries(trx, batch, now);
        const kept = batch.filter((b) => held.has(String(b.row.id)));
        if (kept.length > 0) {
          await trx(ATTEMPTS).insert(
            kept.map(({ row, started, report }) => ({
              delivery_id: row.id,
              attempt: row.attempts,
              started_at: started,
              status_code: report.statusCode,
              latency_ms: report.latencyMs,
              error: report.error,
              response_excerpt: report.responseExcerpt,
            }))
          );
        }
        for (const recorded of kept) await endpointEffects(trx, recorded, now);
      });
      batch.forEach((b) => b.done());
    } catch (error) {
      batch.forEach((b) => b.failed(error));
    }
  };

  /** Queues an attempt's outcome for the next flush (at most 5 ms, or 50 outcomes, away). */
  const record = (row: DeliveryRow, endpoint: EndpointRow, started: number, report: AttemptReport, outcome: Outcome) =>
    new Promise<void>((done, failed) => {
      unrecorded.push({ row, endpoint, started, report, outcome, done, failed });
      if (unrecorded.length >= 50) void flush();
      else flushTimer ??= setTimeout(() => void flush(), 5);
    });

  /** Signs and sends one claimed delivery, then records what happened. */
  const deliver = async (row: DeliveryRow, endpoint: EndpointRow, payload: WebhookPayload) => {
    const settings = config();
    const target = toEndpoint(endpoint);
    const shaped = shapePayload(payload, {
      fields: target.fields,
      allowSensitive: target.allowSensitive,
      sensitive: row.uid ? (catalogue.describe(row.uid)?.sensitive ?? []) : [],
    });
    const body = JSON.stringify(shaped);
    const started = Date.now();
    const headers = { ...target.headers, ...signHeaders(endpoints.signingSecrets(endpoint, started), `msg_${row.event_id}`, new Date(started), body) };
    const report = await attempt({ url: target.url, headers, body, timeoutMs: settings.timeoutMs, allowList: parseAllowList(settings.allowedHosts) });
    const outcome = outcomeOf(report, Number(row.attempts), { now: Date.now(), schedule: settings.schedule });
    await record(row, endpoint, started, report, outcome);
  };

  /** Claims what is due while there are free slots; each finished delivery frees one. */
  const pump = async (): Promise<void> => {
    if (!running) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        const { concurrency, batchSize } = config();
        while (running && inFlight < concurrency) {
          const want = Math.min(concurrency - inFlight, batchSize);
          const rows = await claim(want);
          if (rows.length === 0) break;
          const endpointRows = new Map<number, EndpointRow>();
          for (const row of (await knex()(ENDPOINTS).whereIn('id', [...new Set(rows.map((r) => r.endpoint_id))])) as EndpointRow[]) endpointRows.set(Number(row.id), row);
          const payloads = new Map<string, WebhookPayload>();
          for (const event of await knex()(OUTBOX).select('id', 'payload').whereIn('id', [...new Set(rows.map((r) => r.event_id))])) {
            payloads.set(event.id, JSON.parse(event.payload));
          }
          for (const row of rows) {
            const endpoint = endpointRows.get(Number(row.endpoint_id));
            const payload = payloads.get(row.event_id);
            inFlight += 1;
            const work = endpoint && payload ? deliver(row, endpoint, payload) : knex()(DELIVERIES).where({ id: row.id }).update({ status: 'dead', last_error: 'the event or the endpoint no longer exists' });
            Promise.resolve(work)
              .catch((error) => strapi.log.error(`[master-data] webhook delivery ${row.id} failed to run: ${(error as Error).message}`))
              .finally(() => {
                inFlight -= 1;
                // Refill once half the slots are free (one claim per several deliveries, not per delivery).
                if (inFlight <= config().concurrency / 2) run();
                if (inFlight === 0) idle.forEach((resolve) => resolve());
              });
          }
          if (rows.length < want) break;
        }
      } while (again && running);
    } catch (error) {
      if (running) strapi.log.error(`[master-data] webhook dispatcher: ${(error as Error).message}`);
    } finally {
      pumping = false;
    }
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) void prune();
  };

  /** Drops delivered deliveries, their attempts and outbox rows older than the retention. */
  const prune = async () => {
    lastPrune = Date.now();
    const before = Date.now() - config().retentionDays * 86_400_000;
    try {
      const old = knex()(DELIVERIES).select('id').where('status', 'delivered').andWhere('created_at', '<', before);
      await knex()(ATTEMPTS).whereIn('delivery_id', old).delete();
      await knex()(DELIVERIES).where('status', 'delivered').andWhere('created_at', '<', before).delete();
      await knex()(OUTBOX)
        .where('created_at', '<', before)
        .whereNotExists(knex()(DELIVERIES).select(knex().raw('1')).whereRaw(`${DELIVERIES}.event_id = ${OUTBOX}.id`))
        .delete();
    } catch (error) {
      if (running) strapi.log.warn(`[master-data] webhook retention: ${(error as Error).message}`);
    }
  };

  return {
    instance: me,
    start() {
      if (running) return;
      running = true;
      lastPrune = Date.now();
      scope = new AsyncResource('master-data-webhook-dispatcher');
      poller = setInterval(run, config().pollIntervalMs);
      poller.unref?.();
      run();
    },
    /** Wakes the loop (a write on this instance just committed deliveries). */
    wake() {
      run();
    },
    /** Stops claiming; waits for deliveries in flight (at most `graceMs`: a lease covers the rest). */
    async stop(graceMs = 5_000) {
      running = false;
      if (poller) clearInterval(poller);
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          idle.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      await flush();
      await closeIdleAgents(true);
    },
    prune,
  };
};

export type Dispatcher = ReturnType<typeof createDispatcher>;
