/**
 * Upsert by external id: the record that holds (system, external id) is updated, or a record is
 * created holding it, through the governed pipeline (`strapi.documents`), as a `sync` write from
 * that system (`withOrigin('sync', fn, { system })`: every event carries origin `sync` and
 * `source: <system>`). One upsert is one transaction; what the pipeline tells the caller (202 and
 * the change request, headers) is collected in it, so that the caller can store its answer in
 * the same transaction (idempotency).
 *
 * Concurrency: a pair without a record is locked (PostgreSQL advisory lock) and looked up again
 * before the create, so two upserts of one new pair create one record. A pair with a record is
 * updated without taking the pair's lock first (the pipeline takes the record's lock, then the
 * stage the pair's: the order every other write takes them in); if the lookup under the lock finds
 * that someone else created the record meanwhile, the upsert starts over (at most three times).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { advisoryLocks } from '../governance/locks';
import { withOrigin } from '../governance/request';
import { collectNotes, type Notes } from '../governance/respond';
import { httpError } from '../http';
import { showPair, type ExternalIdPair } from './domain/external-ids';
import { holdersOf } from './holders';
import { pairLock } from './locks';
import { idempotencyStore, type IdempotencyStore } from './store';
import { syncTarget, type SyncTarget } from './target';

/** What one upsert did. */
export interface UpsertOutcome {
  documentId: string;
  created: boolean;
  /** 201 created, 200 updated, or what the pipeline said instead (202: held for approval). */
  status: number;
  /** What the pipeline told the caller: `meta.masterData` and headers (e.g. the change request). */
  notes: Notes;
}

const MAX_ATTEMPTS = 3;

/** The record appeared or went between the lookup and the write: start over. */
class StartOver extends Error {}

const several = (pair: ExternalIdPair, documentIds: string[]) =>
  httpError(409, 'ExternalIdConflictError', `The external id ${showPair(pair)} is held by several records (${documentIds.join(', ')}); a steward must merge them or remove it from all but one`, {
    documentIds,
  });

export const syncService = ({ strapi }: { strapi: Core.Strapi }) => {
  let keys: IdempotencyStore | undefined;

  const target = (): SyncTarget => {
    const found = syncTarget(strapi);
    if (!found) throw new Error('master-data: sync has no target (configure sync.uid and sync.field)');
    return found;
  };

  const service = {
    target,

    keys(): IdempotencyStore {
      keys ??= idempotencyStore(strapi, target().idempotency);
      return keys;
    },

    /** The documentIds of the records holding `pair` (normally one; none when unknown). */
    async holders({ pair, db = strapi.db.connection }: { pair: ExternalIdPair; db?: Knex | Knex.Transaction }): Promise<string[]> {
      const found = await holdersOf(strapi, target(), db, [pair]);
      return [...new Set(found.map((h) => h.documentId))];
    },

    /**
     * Creates or updates the record of (system, externalId) with `data` (already sanitised; it
     * must not name the external ids field), publishing it as a REST write does. `within` runs in
     * the same transaction after the write, with its outcome (to read the record and store the
     * answer). Throws the pipeline's refusals (400, 409, ...) with nothing written.
     */
    async upsert<T>({
      system,
      externalId,
      data,
      within,
    }: {
      system: string;
      externalId: string;
      data: Record<string, unknown>;
      within: (outcome: UpsertOutcome, trx: Knex.Transaction) => Promise<T>;
    }): Promise<T> {
      const { uid, field } = target();
      const pair = { system, externalId };
      const docs = strapi.documents(uid as any) as any;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await withOrigin(
            'sync',
            () =>
              strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
                const { result, notes } = await collectNotes(async () => {
                  let holders = await service.holders({ pair, db: trx });
                  if (holders.length === 0) {
                    await advisoryLocks(trx, [pairLock(pair)]);
                    holders = await service.holders({ pair, db: trx });
                    if (holders.length > 0) throw new StartOver();
                    const created = await docs.create({ data: { ...data, [field]: [{ system, externalId }] }, status: 'published' });
                    return { documentId: created.documentId as string, created: true };
                  }
                  if (holders.length > 1) throw several(pair, holders);
                  const updated = await docs.update({ documentId: holders[0], data, status: 'published' });
                  if (!updated) throw new StartOver();
                  return { documentId: holders[0], created: false };
                });
                const outcome: UpsertOutcome = { ...result, status: notes.status ?? (result.created ? 201 : 200), notes };
                return within(outcome, trx);
              }),
            { system }
          );
        } catch (error) {
          if (!(error instanceof StartOver) || attempt >= MAX_ATTEMPTS) {
            if (error instanceof StartOver) throw httpError(409, 'ExternalIdConflictError', `The record of ${showPair(pair)} kept changing while it was written; try again`);
            throw error;
          }
        }
      }
    },
  };
  return service;
};

export type SyncService = ReturnType<typeof syncService>;

declare module '../governance/services' {
  interface PluginServices {
    sync: SyncService;
  }
}
