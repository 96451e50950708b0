/**
 * Merge and unmerge, each in one transaction, through the document service (so every change is
 * validated and audited like any other write; the duplicate check is switched off for them).
 *
 * Merge: the survivor takes the surviving value of every field and the union of every repeatable
 * component; components listed in `merged.move` (external ids) leave the merged records, so every
 * ERP id resolves to the survivor; relations of other records pointing at a merged record are
 * re-pointed; merged records stay, marked merged and pointing at the survivor. What every record
 * looked like before is stored, and unmerge restores it (refused when the survivor changed since).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { MergePreview, MergeRecord, MergeRequest } from '../../../shared/contracts/merging';
import { withOrigin } from '../governance/request';
import { DOCUMENT_CHANGES, documentEventType } from '../../../shared/contracts/events';
import { MERGES } from '../matching/schema';
import { conflictError } from '../matching/errors';
import { lockDocuments } from '../governance/locks';
import { modelInfo, storedRow } from '../governance/model';
import { fieldError } from '../http';
import { getService } from '../governance/services';
import { survive, unite, type MergeSource } from './domain/survivorship';
import { incomingRelations, mergeModel, toWriteData, type MergeModel } from './model';

interface Snapshot {
  /** Each record's draft and, when it had one, its published version, as write data. */
  records: Record<string, { data: Record<string, unknown>; published: Record<string, unknown> | null }>;
  repointed: { uid: string; documentId: string; attribute: string; before: string[] }[];
  survivorUpdatedAt: string | null;
}

const conflict = (message: string, details: Record<string, unknown> = {}) => conflictError('ConflictError', message, details);

const toRecord = (row: any): MergeRecord => ({
  id: Number(row.id),
  uid: row.uid,
  survivor: row.survivor,
  merged: JSON.parse(row.merged),
  status: row.status,
  picks: JSON.parse(row.picks),
  createdAt: row.created_at,
  createdBy: row.created_by ?? null,
  unmergedAt: row.unmerged_at ?? null,
  unmergedBy: row.unmerged_by ?? null,
});

export const mergeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settingsOf = (uid: string) => {
    const settings = getService('matching', strapi).settings(uid);
    if (!settings?.merged) throw new errors.ValidationError(`uid: ${uid} has no merge configuration (matching.merged)`);
    return { ...settings, merged: settings.merged };
  };
  const modelOf = (uid: string) => {
    const { merged } = settingsOf(uid);
    const code = getService('governance', strapi).load().governed.get(uid)?.code?.field;
    return mergeModel(strapi, uid, [merged.field, merged.pointer, ...(code ? [code] : [])]);
  };
  const docs = (uid: string) => strapi.documents(uid as any);
  const eventType = (uid: string, change: (typeof DOCUMENT_CHANGES)[keyof typeof DOCUMENT_CHANGES]) => documentEventType((strapi.getModel(uid as any) as any).info.singularName, change);
  const hasDrafts = (uid: string) => modelInfo(strapi, uid).draftAndPublish;

  const isPublished = async (uid: string, documentId: string) =>
    hasDrafts(uid) ? Boolean(await docs(uid).findOne({ documentId, status: 'published', fields: ['documentId'] } as any)) : true;

  /** Writes `data` to the draft and publishes it again when the record was published. */
  const write = async (uid: string, documentId: string, data: Record<string, unknown>, publish: boolean) => {
    await docs(uid).update({ documentId, data } as any);
    if (hasDrafts(uid) && publish) await docs(uid).publish({ documentId } as any);
  };

  /** Points a record's relation at `documentIds`, published again when it was published. */
  const relink = async (relatedUid: string, documentId: string, attribute: string, documentIds: string[]) =>
    write(relatedUid, documentId, { [attribute]: { set: documentIds } }, await isPublished(relatedUid, documentId));

  const relationData = (model: MergeModel, data: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...data };
    for (const field of model.oneRelations) out[field] = data[field] ? { set: [data[field]] } : { set: [] };
    for (const field of model.manyRelations) out[field] = { set: (data[field] as string[]) ?? [] };
    return out;
  };

  const service = {
    /** Full drafts (components, relations as documentIds) of the given records, by documentId. */
    async load({ uid, documentIds, status = 'draft' }: { uid: string; documentIds: string[]; status?: 'draft' | 'published' }): Promise<Record<string, Record<string, unknown>>> {
      const model = modelOf(uid);
      const { merged } = settingsOf(uid);
      const out: Record<string, Record<string, unknown>> = {};
      for (const documentId of documentIds) {
        const document: any = await docs(uid).findOne({ documentId, status, populate: { ...model.populate, [merged.pointer]: { fields: ['documentId'] } } } as any);
        if (!document && status === 'published') continue;
        if (!document) throw new errors.NotFoundError(`No ${uid} ${documentId}`, { documentId });
        out[documentId] = { ...document, ...toWriteData(model, document), [merged.pointer]: document[merged.pointer]?.documentId ?? null };
      }
      return out;
    },

    async preview(request: MergeRequest & { uid: string }): Promise<MergePreview> {
      const model = modelOf(request.uid);
      const records = await service.load({ uid: request.uid, documentIds: [request.survivor, ...request.merged] });
      return service.plan({ request, model, records }).preview;
    },

    /** The merged values, from the loaded records; the survivor first. */
    plan({ request, model, records }: { request: MergeRequest & { uid: string }; model: MergeModel; records: Record<string, Record<string, any>> }) {
      const ids = [request.survivor, ...request.merged];
      const sources: MergeSource[] = ids.map((id) => ({ documentId: id, updatedAt: String(records[id].updatedAt ?? ''), values: toWriteData(model, records[id]) }));
      for (const [field, id] of Object.entries(request.picks ?? {})) {
        if (!model.fields.includes(field)) throw fieldError(['picks', field], 'not a field that can be picked');
        if (!ids.includes(id)) throw fieldError(['picks', field], `${id} is not one of the merged records`);
      }
      const result = survive(sources, model.fields, { strategy: request.strategy, priority: request.priority ?? ids, picks: request.picks });
      const values: Record<string, unknown> = { ...result.values };
      for (const list of model.lists) values[list] = unite(sources.map((s) => (s.values[list] as Record<string, unknown>[]) ?? []));
      for (const relation of model.manyRelations) values[relation] = [...new Set(sources.flatMap((s) => (s.values[relation] as string[]) ?? []))];
      const preview: MergePreview = { survivor: request.survivor, merged: request.merged, values, sources: result.sources, conflicts: result.conflicts };
      return { preview, sources };
    },

    async merge({ by, ...request }: MergeRequest & { uid: string; by: string | null }): Promise<MergeRecord> {
      const { uid } = request;
      const { merged: marker } = settingsOf(uid);
      const model = modelOf(uid);
      const ids = [request.survivor, ...request.merged];
      if (new Set(ids).size !== ids.length) throw fieldError(['merged'], 'must not repeat a record or name the survivor');

      return strapi.db.transaction(async ({ trx }: any) => {
        await lockDocuments(trx, uid, ids);
        const records = await service.load({ uid, documentIds: ids });
        const already = ids.filter((id) => records[id][marker.field] === marker.value);
        if (already.length) throw conflict(`${already.join(', ')} ${already.length > 1 ? 'are' : 'is'} already merged`, { documentIds: already });

        const snapshot: Snapshot = { records: {}, repointed: [], survivorUpdatedAt: null };
        const published = hasDrafts(uid) ? await service.load({ uid, documentIds: ids, status: 'published' }) : records;
        const state = (record: Record<string, any>) => ({ ...toWriteData(model, record), [marker.field]: record[marker.field], [marker.pointer]: record[marker.pointer] ?? null });
        for (const id of ids) snapshot.records[id] = { data: state(records[id]), published: published[id] ? state(published[id]) : null };
        const { preview } = service.plan({ request, model, records });

        await withOrigin('merge', async () => {
          // Merged records first: moved components leave them before the survivor takes them.
          for (const id of request.merged) {
            const data: Record<string, unknown> = { [marker.field]: marker.value, [marker.pointer]: { set: [request.survivor] } };
            for (const list of marker.move) data[list] = [];
            await write(uid, id, data, Boolean(snapshot.records[id].published));
          }
          await write(uid, request.survivor, relationData(model, preview.values), Boolean(snapshot.records[request.survivor].published));

          // Other records pointing at a merged one now point at the survivor.
          for (const relation of incomingRelations(strapi, uid)) {
            const pointing: any[] = await strapi.db.query(relation.uid as any).findMany({
              where: { [relation.attribute]: { documentId: { $in: request.merged } } },
              select: ['documentId'],
              populate: { [relation.attribute]: { select: ['documentId'] } },
            });
            const seen = new Set<string>();
            for (const row of pointing) {
              if (seen.has(row.documentId) || ids.includes(row.documentId)) continue;
              seen.add(row.documentId);
              const current: string[] = [].concat(row[relation.attribute] ?? []).map((r: any) => r.documentId);
              const next = [...new Set(current.map((id) => (request.merged.includes(id) ? request.survivor : id)))];
              snapshot.repointed.push({ uid: relation.uid, documentId: row.documentId, attribute: relation.attribute, before: current });
              await relink(relation.uid, row.documentId, relation.attribute, next);
            }
          }
        });

        const after: any = await docs(uid).findOne({ documentId: request.survivor, status: 'draft', fields: ['updatedAt'] } as any);
        snapshot.survivorUpdatedAt = String(after.updatedAt);
        const now = new Date().toISOString();
        const [row] = await trx(MERGES)
          .insert({ uid, survivor: request.survivor, merged: JSON.stringify(request.merged), before: JSON.stringify(snapshot), picks: JSON.stringify(preview.sources), status: 'merged', created_at: now, created_by: by })
          .returning('id');
        const id = Number(typeof row === 'object' ? row.id : row);
        // The pairs among the merged records are done; their pairs with other records go, and the
        // survivor, as it now is, is matched afresh so that real duplicates of it stay queued.
        const review = getService('review', strapi);
        await review.setAmong({ trx, uid, documentIds: ids, from: 'open', to: 'merged', by });
        await review.removeOpen({ trx, uid, documentId: request.merged });
        const matching = getService('matching', strapi);
        const survivorNow = await strapi.db.query(uid as any).findOne({ where: { documentId: request.survivor, ...storedRow(strapi, uid) } });
        const candidates = await matching.match({ uid, keys: matching.keysOf({ uid, record: survivorNow }), trx, exclude: request.survivor });
        await review.record({ trx, uid, documentId: request.survivor, candidates: candidates.filter((c) => !ids.includes(c.documentId)) });
        // The event of the merge itself carries its origin, like the writes it made.
        await withOrigin('merge', () =>
          getService('governance', strapi).emit({
            trx,
            event: {
              type: eventType(uid, DOCUMENT_CHANGES.merged),
              action: 'merge',
              uid,
              documentId: request.survivor,
              changes: { merged: { before: null, after: request.merged }, mergeId: { before: null, after: id } },
            },
          })
        );
        return service.get({ id, trx });
      });
    },

    async unmerge({ id, by }: { id: number; by: string | null }): Promise<MergeRecord> {
      return strapi.db.transaction(async ({ trx }: any) => {
        const row = await trx(MERGES).where({ id }).first();
        if (!row) throw new errors.NotFoundError(`No merge ${id}`);
        const uid: string = row.uid;
        const ids: string[] = [row.survivor, ...JSON.parse(row.merged)];
        await lockDocuments(trx, uid, ids);
        const current = await trx(MERGES).where({ id }).first();
        if (current.status !== 'merged') throw conflict(`Merge ${id} is already undone`, { status: current.status });
        const snapshot: Snapshot = JSON.parse(current.before);
        const survivor: any = await docs(uid).findOne({ documentId: row.survivor, status: 'draft', fields: ['updatedAt'] } as any);
        if (!survivor || String(survivor.updatedAt) !== snapshot.survivorUpdatedAt) {
          throw conflict(`The survivor ${row.survivor} changed after the merge; unmerge would lose that change`, { documentId: row.survivor, mergedAt: current.created_at });
        }
        const model = modelOf(uid);
        await withOrigin('unmerge', async () => {
          // The published version first (written to the draft and published), then the draft as it was.
          for (const [documentId, state] of Object.entries(snapshot.records)) {
            if (state.published && hasDrafts(uid)) {
              await write(uid, documentId, relationData(model, state.published), true);
              if (JSON.stringify(state.published) !== JSON.stringify(state.data)) await docs(uid).update({ documentId, data: relationData(model, state.data) } as any);
            } else {
              await write(uid, documentId, relationData(model, state.data), false);
            }
          }
          for (const link of snapshot.repointed) await relink(link.uid, link.documentId, link.attribute, link.before);
        });
        await trx(MERGES).where({ id }).update({ status: 'unmerged', unmerged_at: new Date().toISOString(), unmerged_by: by });
        await getService('review', strapi).setAmong({ trx, uid, documentIds: ids, from: 'merged', to: 'open', by });
        // The event of the merge itself carries its origin, like the writes it made.
        await withOrigin('unmerge', () =>
          getService('governance', strapi).emit({
            trx,
            event: {
              type: eventType(uid, DOCUMENT_CHANGES.unmerged),
              action: 'unmerge',
              uid,
              documentId: row.survivor,
              changes: { merged: { before: JSON.parse(row.merged), after: null }, mergeId: { before: id, after: null } },
            },
          })
        );
        return service.get({ id, trx });
      });
    },

    async get({ id, trx: db = strapi.db.connection }: { id: number; trx?: Knex | Knex.Transaction }): Promise<MergeRecord> {
      const row = await db(MERGES).where({ id }).first();
      if (!row) throw new errors.NotFoundError(`No merge ${id}`);
      return toRecord(row);
    },

    async list({ uid, documentId }: { uid?: string; documentId?: string }): Promise<MergeRecord[]> {
      const rows = await strapi.db
        .connection(MERGES)
        .modify((q) => {
          if (uid) q.where({ uid });
          if (documentId) q.where((w) => w.where('survivor', documentId).orWhere('merged', 'like', `%"${documentId.replace(/[%_"\\]/g, '')}"%`));
        })
        .orderBy('id', 'desc')
        .limit(100)
        .select();
      return rows.map(toRecord);
    },
  };
  return service;
};

export type MergeService = ReturnType<typeof mergeService>;

declare module '../governance/services' {
  interface PluginServices {
    merge: MergeService;
  }
}
