/**
 * The review queue: candidate pairs of documents (ordered a < b), open until a steward marks them
 * "not a duplicate" (remembered: never flagged again) or merges them.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import type { DuplicatePair, MatchCandidate, PairStatus } from '../../../shared/contracts/matching';
import { PAIRS } from './schema';

type Db = Knex | Knex.Transaction;

const order = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

const toPair = (row: any): DuplicatePair => ({
  id: Number(row.id),
  uid: row.uid,
  a: row.a,
  b: row.b,
  score: Number(row.score),
  decision: row.decision,
  reasons: JSON.parse(row.reasons),
  status: row.status,
  overrideReason: row.override_reason ?? null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  resolvedBy: row.resolved_by ?? null,
});

export const reviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Queues (or refreshes) the pairs a write produced. A pair already resolved keeps its status;
   * an open one gets the newest score and explanation.
   */
  async record({ trx: db, uid, documentId, candidates, overrideReason = null }: { trx: Db; uid: string; documentId: string; candidates: MatchCandidate[]; overrideReason?: string | null }) {
    const now = new Date().toISOString();
    for (const candidate of candidates) {
      const [a, b] = order(documentId, candidate.documentId);
      const row = {
        uid,
        a,
        b,
        score: candidate.score,
        decision: candidate.decision,
        reasons: JSON.stringify(candidate.reasons),
        status: 'open',
        override_reason: candidate.decision === 'block' ? overrideReason : null,
        created_at: now,
        updated_at: now,
      };
      const existing = await db(PAIRS).where({ uid, a, b }).first('id', 'status');
      if (!existing) await db(PAIRS).insert(row).onConflict(['uid', 'a', 'b']).ignore();
      else if (existing.status === 'open') {
        await db(PAIRS)
          .where({ id: existing.id })
          .update({ score: row.score, decision: row.decision, reasons: row.reasons, updated_at: now, ...(row.override_reason ? { override_reason: row.override_reason } : {}) });
      }
    }
  },

  async list({ uid, status = 'open', documentId, page = 1, pageSize = 25 }: { uid?: string; status?: PairStatus; documentId?: string; page?: number; pageSize?: number }) {
    const db = strapi.db.connection;
    const base = db(PAIRS)
      .where({ status })
      .modify((q) => (uid ? q.where({ uid }) : q))
      .modify((q) => (documentId ? q.where((w) => w.where('a', documentId).orWhere('b', documentId)) : q));
    const [{ total }] = await base.clone().count({ total: '*' });
    const rows = await base.clone().orderBy([{ column: 'score', order: 'desc' }, { column: 'id', order: 'asc' }]).offset((page - 1) * pageSize).limit(pageSize).select();
    return { results: rows.map(toPair), pagination: { page, pageSize, total: Number(total), pageCount: Math.ceil(Number(total) / pageSize) } };
  },

  async get({ id, trx: db = strapi.db.connection }: { id: number; trx?: Db }): Promise<DuplicatePair> {
    const row = await db(PAIRS).where({ id }).first();
    if (!row) throw new errors.NotFoundError(`No duplicate pair ${id}`);
    return toPair(row);
  },

  async resolve({ id, status, by, trx: db = strapi.db.connection }: { id: number; status: Exclude<PairStatus, 'open'>; by: string; trx?: Db }) {
    const pair = await this.get({ id, trx: db });
    if (pair.status !== 'open' && pair.status !== status) {
      throw new errors.ApplicationError(`Pair ${id} is already ${pair.status}`, { status: pair.status });
    }
    await db(PAIRS).where({ id }).update({ status, resolved_by: by, updated_at: new Date().toISOString() });
    return this.get({ id, trx: db });
  },

  /** A deleted (or merged) document leaves the queue: its open pairs go. */
  async removeOpen({ trx: db, uid, documentId }: { trx: Db; uid: string; documentId: string | string[] }) {
    const ids = ([] as string[]).concat(documentId);
    await db(PAIRS).where({ uid, status: 'open' }).where((q) => q.whereIn('a', ids).orWhereIn('b', ids)).delete();
  },

  /** Marks every open pair among the documents as merged (after a merge) or reopens them (unmerge). */
  async setAmong({ trx: db, uid, documentIds, from, to, by }: { trx: Db; uid: string; documentIds: string[]; from: PairStatus; to: PairStatus; by: string | null }) {
    await db(PAIRS)
      .where({ uid, status: from })
      .whereIn('a', documentIds)
      .whereIn('b', documentIds)
      .update({ status: to, resolved_by: by, updated_at: new Date().toISOString() });
  },
});

export type ReviewService = ReturnType<typeof reviewService>;

declare module '../governance/services' {
  interface PluginServices {
    review: ReviewService;
  }
}
