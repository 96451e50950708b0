/**
 * The audit trail: appends hash-chained events in the caller's transaction, and reads them back
 * (query, CSV export, verification, "as of" reconstruction). It is a consumer of the domain event
 * stream (./consumer.ts): capabilities emit events through governance and never call it.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { chainKey, GENESIS_HASH, hashEvent, verifyNext, type ChainedFields, type VerifyState } from './domain/chain';
import { redactChanges } from './domain/redact';
import { replay } from './domain/replay';
import { cleanText, currentRequest } from '../governance/request';
import { CHECKPOINTS, EVENTS } from './schema';
import { getService } from '../governance/services';
import { advisoryLocks, AUDIT_CHAIN_LOCK } from '../governance/locks';
import { purgeAuditEvents } from './retention';
import { encryptionKey } from '../security/secrets';
import type { AuditActor, AuditChanges, AuditEvent, AuditEventView, AuditQuery } from '../../../shared/contracts/audit';
import type { RequestFacts } from '../../../shared/contracts/events';

const VERIFY_BATCH = 5000;

export interface RecordInput {
  trx: Knex.Transaction;
  uid: string;
  documentId: string | null;
  locale?: string | null;
  action: string;
  changes: AuditChanges;
  /** Who and where from: the event's (see ./consumer.ts); by default the current request's. */
  reason?: string | null;
  actor?: AuditActor;
  request?: RequestFacts;
  outcome?: 'success' | 'failure';
}

type Row = Record<string, any>;

const appendQueues = new WeakMap<object, Promise<unknown>>();

const toEvent = (row: Row): AuditEvent => ({
  sequence: Number(row.sequence),
  occurredAt: row.occurred_at,
  actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
  action: row.action,
  uid: row.uid,
  documentId: row.document_id,
  locale: row.locale,
  changes: JSON.parse(row.changes),
  reason: row.reason,
  requestId: row.request_id,
  ip: row.ip,
  userAgent: row.user_agent,
  outcome: row.outcome,
  prevHash: row.prev_hash,
  hash: row.hash,
});

const chainedFields = (row: Row): ChainedFields & { hash: string } => {
  const e = toEvent(row);
  return {
    sequence: e.sequence,
    occurredAt: e.occurredAt,
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    actorName: e.actor.name,
    action: e.action,
    uid: e.uid,
    documentId: e.documentId,
    locale: e.locale,
    changes: e.changes,
    reason: e.reason,
    requestId: e.requestId,
    ip: e.ip,
    userAgent: e.userAgent,
    outcome: e.outcome,
    prevHash: e.prevHash,
    hash: e.hash,
  };
};

export const auditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  /** ENCRYPTION_KEY (admin.secrets.encryptionKey): kept outside the database; keys the chain and fingerprints. */
  const secret = () => encryptionKey(strapi);
  let key: Buffer | undefined;
  const hashKey = () => (key ??= chainKey(secret()));

  const filtered = (query: AuditQuery) => {
    const q = knex()(EVENTS);
    if (query.uid) q.where('uid', query.uid);
    if (query.documentId) q.where('document_id', query.documentId);
    if (query.action) q.where('action', query.action);
    if (query.actor) {
      // The actor is matched literally: `%`, `_` and the escape character itself are escaped.
      const literal = query.actor.replace(/[\\%_]/g, (c) => `\\${c}`);
      q.where((w) => w.where('actor_id', query.actor!).orWhereRaw(`?? LIKE ? ESCAPE '\\'`, ['actor_name', `%${literal}%`]));
    }
    if (query.from) q.where('occurred_at', '>=', query.from);
    if (query.to) q.where('occurred_at', '<=', query.to);
    return q;
  };

  /**
   * Runs a long read in one snapshot on PostgreSQL (REPEATABLE READ, read-only), so that a retention
   * run in between cannot look like a missing event. SQLite has one connection: a transaction would
   * block every write for the whole read, so there the batches run between writes instead.
   */
  const readSnapshot = <T>(fn: (db: Knex | Knex.Transaction) => Promise<T>): Promise<T> =>
    isPostgres() ? knex().transaction((trx) => fn(trx), { isolationLevel: 'repeatable read', readOnly: true } as any) : fn(knex());

  /** Configured paths, and every field validated as an IBAN: never in clear, even if not listed. */
  const sensitiveByUid = new Map<string, string[]>();
  let sensitiveOf: unknown;
  const sensitivePaths = (uid: string) => {
    const now = getService('governance', strapi).load();
    if (sensitiveOf !== now) {
      sensitiveByUid.clear();
      sensitiveOf = now;
    }
    let paths = sensitiveByUid.get(uid);
    if (!paths) {
      const governed = now.governed.get(uid);
      paths = [
        ...(governed?.audit.sensitive ?? []),
        ...Object.entries(governed?.fields ?? {}).filter(([, rule]) => rule.type === 'iban' || rule.sensitive).map(([path]) => path),
      ];
      sensitiveByUid.set(uid, paths);
    }
    return paths;
  };

  /** The last checkpoint left by the retention procedure, if any. */
  const lastCheckpoint = async (db: Knex | Knex.Transaction = knex()) =>
    (await db(CHECKPOINTS).orderBy('sequence', 'desc').first()) as { sequence: number | string; hash: string } | undefined;

  return {
    /**
     * Appends one event to the chain inside `trx`; returns it. Throws if the insert fails (the write
     * rolls back). Appends within one transaction are queued: the admin panel's bulk actions run
     * several documents' writes concurrently in a single transaction, where the database lock
     * (taken per transaction) cannot order them.
     */
    record(input: RecordInput): Promise<AuditEvent> {
      const previous = appendQueues.get(input.trx) ?? Promise.resolve();
      const appended = previous.then(() => this.append(input));
      appendQueues.set(input.trx, appended.catch(() => undefined));
      return appended;
    },

    async append(input: RecordInput): Promise<AuditEvent> {
      const { trx, uid, documentId, locale = null, action, changes, outcome = 'success' } = input;
      if (!/^[a-z][\w.-]{0,63}$/i.test(action)) throw new Error(`audit action "${action}" must be 1-64 letters, digits, '.', '-' or '_'`);
      const current = input.actor && input.request ? null : currentRequest(strapi);
      const actor = input.actor ?? current!.actor;
      const request = input.request ?? current!.request;
      const reason = input.reason ?? request.reason;
      const sensitive = sensitivePaths(uid);
      // Serialises appends to the chain (held until the write commits).
      await advisoryLocks(trx, [AUDIT_CHAIN_LOCK]);
      const head = (await trx(EVENTS).select('sequence', 'hash').orderBy('sequence', 'desc').first()) ?? (await lastCheckpoint(trx));
      const fields: ChainedFields = {
        sequence: head ? Number(head.sequence) + 1 : 1,
        occurredAt: new Date().toISOString(),
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        action,
        uid,
        documentId,
        locale,
        changes: redactChanges(changes, sensitive, secret()),
        reason: cleanText(reason, 2000),
        requestId: request.id,
        ip: request.ip,
        userAgent: request.userAgent,
        outcome,
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      // Canonical form first, so that what is hashed is exactly what is read back.
      fields.changes = JSON.parse(JSON.stringify(fields.changes));
      const hash = hashEvent(fields, hashKey());
      await trx(EVENTS).insert({
        sequence: fields.sequence,
        occurred_at: fields.occurredAt,
        actor_kind: fields.actorKind,
        actor_id: fields.actorId,
        actor_name: fields.actorName,
        action,
        uid,
        document_id: documentId,
        locale,
        changes: JSON.stringify(fields.changes),
        reason: fields.reason,
        request_id: fields.requestId,
        ip: fields.ip,
        user_agent: fields.userAgent,
        outcome,
        prev_hash: fields.prevHash,
        hash,
      });
      return {
        sequence: fields.sequence,
        occurredAt: fields.occurredAt,
        actor,
        action,
        uid,
        documentId,
        locale,
        changes: fields.changes as AuditChanges,
        reason: fields.reason,
        requestId: fields.requestId,
        ip: fields.ip,
        userAgent: fields.userAgent,
        outcome,
        prevHash: fields.prevHash,
        hash,
      };
    },

    /** Newest first, keyset-paginated by sequence. */
    async list(query: AuditQuery) {
      const limit = Math.min(Math.max(Number(query.limit) || 50, 1), 500);
      const q = filtered(query).orderBy('sequence', 'desc').limit(limit + 1);
      if (query.cursor) q.where('sequence', '<', Number(query.cursor));
      const rows: Row[] = await q;
      const page = rows.slice(0, limit).map(toEvent);
      return { data: page, meta: { nextCursor: rows.length > limit ? String(page[page.length - 1].sequence) : null, limit } };
    },

    /**
     * A CSV stream of the matching events, newest first, read in batches (never all in memory).
     * `view`: each event as the reader may see it (its field-level read permissions).
     */
    exportCsv(query: AuditQuery, view: (event: AuditEvent) => Promise<AuditEventView> | AuditEventView): Readable {
      const batches = async function* (this: void) {
        let cursor: number | null = null;
        for (;;) {
          const q = filtered(query).orderBy('sequence', 'desc').limit(VERIFY_BATCH);
          if (cursor !== null) q.where('sequence', '<', cursor);
          const rows: Row[] = await q;
          for (const row of rows) {
            const e = await view(toEvent(row));
            yield [e.sequence, e.occurredAt, e.actor.kind, e.actor.id, e.actor.name, e.action, e.uid, e.documentId, e.locale, Object.keys(e.changes).join(' '), JSON.stringify(e.changes), e.reason, e.requestId, e.ip, e.userAgent, e.outcome, e.prevHash, e.hash];
          }
          if (rows.length < VERIFY_BATCH) return;
          cursor = Number(rows[rows.length - 1].sequence);
        }
      };
      const columns = ['sequence', 'occurredAt', 'actorKind', 'actorId', 'actorName', 'action', 'uid', 'documentId', 'locale', 'fields', 'changes', 'reason', 'requestId', 'ip', 'userAgent', 'outcome', 'prevHash', 'hash'];
      // escape_formulas: a name like =HYPERLINK(...) must stay text when an auditor opens the file in a spreadsheet.
      return Readable.from(batches()).pipe(stringify({ header: true, columns, escape_formulas: true }));
    },

    /**
     * Recomputes the chain from the start (or the retention checkpoint); names the first broken
     * event. `head` is the newest event: keep it somewhere else (a ticket, another system) to
     * detect later that events were cut off the end.
     */
    async verify() {
      return readSnapshot(async (trx) => {
        const checkpoint = await lastCheckpoint(trx);
        const fromCheckpoint = checkpoint ? Number(checkpoint.sequence) : null;
        const result = (ok: boolean, checked: number, firstBrokenSequence: number | null, reason: string | null, head: { sequence: number; hash: string } | null) => ({
          ok,
          checked,
          firstBrokenSequence,
          reason,
          fromCheckpoint,
          head,
        });
        if (checkpoint) {
          const leftover = await trx(EVENTS).where('sequence', '<=', checkpoint.sequence).orderBy('sequence').first();
          if (leftover) return result(false, 0, Number(leftover.sequence), `event ${leftover.sequence} is at or below retention checkpoint ${fromCheckpoint}`, null);
        }
        let state: VerifyState = {
          expectedPrevHash: checkpoint?.hash ?? GENESIS_HASH,
          expectedSequence: checkpoint ? Number(checkpoint.sequence) + 1 : 1,
          checked: 0,
        };
        let checkpointRecorded = !checkpoint;
        let head: { sequence: number; hash: string } | null = null;
        let after = fromCheckpoint ?? 0;
        for (;;) {
          const rows: Row[] = await trx(EVENTS).where('sequence', '>', after).orderBy('sequence', 'asc').limit(VERIFY_BATCH);
          for (const row of rows) {
            const fields = chainedFields(row);
            const step = verifyNext(state, fields, hashKey());
            if (!step.ok) return result(false, state.checked, step.sequence, step.reason, head);
            state = step.state;
            head = { sequence: fields.sequence, hash: fields.hash };
            // A checkpoint counts only if a (keyed, so unforgeable) retention event names it.
            const named = (fields.changes as AuditChanges)?.checkpoint?.after as { sequence?: number; hash?: string } | undefined;
            if (!checkpointRecorded && fields.action === 'audit.retention' && named?.sequence === fromCheckpoint && named?.hash === checkpoint!.hash) {
              checkpointRecorded = true;
            }
          }
          if (rows.length < VERIFY_BATCH) break;
          after = Number(rows[rows.length - 1].sequence);
        }
        if (!checkpointRecorded) {
          return result(false, state.checked, fromCheckpoint! + 1, `retention checkpoint ${fromCheckpoint} is not named by any audit.retention event`, head);
        }
        return result(true, state.checked, null, null, head);
      });
    },

    /** The retention procedure (see ./retention.ts). */
    purgeAuditEvents(input: { before: string; reason: string }) {
      return purgeAuditEvents(strapi, input);
    },

    /** The record's state at `at`, rebuilt from its events. */
    async asOf({ uid, documentId, at }: { uid: string; documentId: string; at: string }) {
      const rows: Row[] = await knex()(EVENTS).where({ uid, document_id: documentId }).andWhere('occurred_at', '<=', at).orderBy('sequence', 'asc');
      return { ...replay(rows.map(toEvent), at), at };
    },
  };
};

export type AuditService = ReturnType<typeof auditService>;

declare module '../governance/services' {
  interface PluginServices {
    audit: AuditService;
  }
}
