/**
 * After rows arrived past the governed-write pipeline (`strapi import`, `strapi transfer`, SQL), the
 * hub's derived state is stale: match keys are missing or wrong, duplicates among the new rows were
 * never checked, invalid values were never refused. `reconcile` brings a governed type back in line
 * and records what it found as one audit event (`import.reconcile`):
 *   1. rebuilds the match keys of every record;
 *   2. matches every live record against the others and queues block/review pairs for a steward
 *      (nothing is refused or changed: the rows are already there);
 *   3. re-validates every record against the field rules and reports the ones that fail.
 */
import type { Core, UID } from '@strapi/strapi';
import { getService } from '../governance/services';
import { EVENT_TYPES } from '../../../shared/contracts/events';
import { withOrigin } from '../governance/request';
import { storedRow } from '../governance/model';
import { applyFieldRules } from '../validation/domain/apply';

const BATCH = 500;
/** Invalid records named in the result and the audit event (the count covers all). */
const MAX_LISTED = 50;

export interface ReconcileResult {
  uid: string;
  records: number;
  matchKeys: number;
  pairsQueued: number;
  invalid: number;
  invalidRecords: { documentId: string; errors: { path: string; message: string }[] }[];
}

export const importsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Reconciles one governed type; returns what it found. `onProgress` gets the records done. */
  async reconcile({ uid, reason, onProgress }: { uid: string; reason?: string; onProgress?: (done: number) => void }): Promise<ReconcileResult> {
    const governed = getService('governance', strapi).load().governed.get(uid);
    if (!governed) throw new Error(`${uid} is not governed`);
    const matching = getService('matching', strapi);
    const review = getService('review', strapi);
    const settings = matching.settings(uid);

    const matchKeys = settings ? await matching.rebuild({ uid }) : 0;
    const components = [...new Set(Object.keys(governed.fields).filter((p) => p.includes('.')).map((p) => p.split('.')[0]))];
    const result: ReconcileResult = { uid, records: 0, matchKeys, pairsQueued: 0, invalid: 0, invalidRecords: [] };
    const pairs = new Set<string>();

    let lastId = 0;
    for (;;) {
      const rows: Record<string, any>[] = await strapi.db.query(uid as UID.ContentType).findMany({
        where: { id: { $gt: lastId }, ...storedRow(strapi, uid) },
        orderBy: { id: 'asc' },
        limit: BATCH,
        populate: Object.fromEntries(components.map((c) => [c, true])),
      });
      if (rows.length === 0) break;
      lastId = rows[rows.length - 1].id;
      for (const row of rows) {
        result.records += 1;
        const { errors } = applyFieldRules({ rules: governed.fields, data: row });
        if (errors.length > 0) {
          result.invalid += 1;
          if (result.invalidRecords.length < MAX_LISTED) {
            result.invalidRecords.push({ documentId: row.documentId, errors: errors.map((e) => ({ path: e.path.join('.'), message: e.message })) });
          }
        }
        if (!settings || matching.isMerged({ uid, record: row })) continue;
        const candidates = await matching.match({ uid, keys: matching.keysOf({ uid, record: row }), exclude: row.documentId });
        if (candidates.length === 0) continue;
        await review.record({ trx: strapi.db.connection, uid, documentId: row.documentId, candidates });
        for (const c of candidates) pairs.add([row.documentId, c.documentId].sort().join(' '));
      }
      onProgress?.(result.records);
    }
    result.pairsQueued = pairs.size;

    // Recorded as the import's own event (origin `import`), whoever runs the command.
    await withOrigin('import', () =>
      strapi.db.transaction(({ trx }) =>
        getService('governance', strapi).emit({
          trx,
          event: {
            type: EVENT_TYPES.importReconciled,
            uid,
            documentId: null,
            action: 'import.reconcile',
            changes: {
              records: { before: null, after: result.records },
              matchKeys: { before: null, after: result.matchKeys },
              pairsQueued: { before: null, after: result.pairsQueued },
              invalid: { before: null, after: result.invalid },
              invalidRecords: { before: null, after: result.invalidRecords.map((r) => r.documentId) },
            },
            reason: reason ?? 'reconcile after an import',
          },
        })
      )
    );
    return result;
  },
});

export type ImportsService = ReturnType<typeof importsService>;

declare module '../governance/services' {
  interface PluginServices {
    imports: ImportsService;
  }
}
