/**
 * Pipeline stage: an external id pair (system, external id) names one record. A governed write of
 * the sync type (REST, admin content manager, clone, merge, sync, code) that would give a record
 * a pair another record holds, in either of its versions, is refused with 409 naming the field and
 * that record; a list naming one pair twice is a 400. Systems compare without case (`SAP` = `sap`),
 * ids exactly.
 *
 * On PostgreSQL the pairs written are locked (`master-data:sync:<system>:<externalId>`, the lock
 * sync's upsert takes too) before the check, so two writes giving two records one pair at the same
 * time are serialised: the second sees the first. Lock order: a record's document lock (taken by
 * the pipeline before any stage), then pairs, then match keys; sync takes a pair's lock first only
 * when the pair has no record yet (see service.ts).
 */
import { errors } from '@strapi/utils';
import type { Stage, WriteContext } from '../governance/pipeline';
import { advisoryLocks } from '../governance/locks';
import { httpError } from '../http';
import { asPair, mergeByIndex, pairKey, repeatedPairs, showPair, type ExternalIdPair } from './domain/external-ids';
import { holdersOf } from './holders';
import { pairLock } from './locks';
import { syncTarget } from './target';

const WITH_DATA = new Set(['create', 'update', 'clone']);

/**
 * The list of entries the written version will hold, or undefined when the write leaves it as it
 * is. Entries naming a stored component row by `id` keep that row's values for what they omit.
 */
const writtenList = async (write: WriteContext, field: string, component: string): Promise<unknown[] | undefined> => {
  const data = write.params.data;
  const given = data && typeof data === 'object' ? data[field] : undefined;
  let list: unknown[] | undefined;
  if (write.action === 'clone') {
    // Strapi's clone merges the given data into the source's draft, lists by position.
    const source: any = await write.strapi.db.query(write.uid).findOne({ where: { documentId: write.params.documentId, publishedAt: null }, populate: { [field]: true } });
    const stored = ((source?.[field] as Record<string, unknown>[]) ?? []).map(({ id: _id, ...rest }) => rest);
    list = Array.isArray(given) ? mergeByIndex(stored, given) : stored;
  } else {
    if (given === undefined) return undefined;
    list = Array.isArray(given) ? given : given === null ? [] : [given];
  }
  const ids = list.map((entry) => (entry && typeof entry === 'object' ? (entry as Record<string, unknown>).id : undefined)).filter((id) => typeof id === 'number' || typeof id === 'string');
  if (ids.length === 0 || write.action === 'clone') return list;
  const rows: any[] = await write.strapi.db.query(component).findMany({ where: { id: { $in: ids } } });
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  return list.map((entry) => {
    const id = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).id : undefined;
    const stored = id === undefined ? undefined : byId.get(String(id));
    return stored ? { system: stored.system, externalId: stored.externalId, ...(entry as object) } : entry;
  });
};

export const externalIdStage: Stage = {
  name: 'external-ids',
  order: 450,
  async before(write) {
    if (!WITH_DATA.has(write.action)) return;
    const target = syncTarget(write.strapi);
    if (!target || write.uid !== target.uid) return;
    const list = await writtenList(write, target.field, target.component);
    if (!list || list.length === 0) return;
    const pairs = list.map(asPair);

    const repeated = repeatedPairs(pairs);
    if (repeated.length > 0) {
      const issues = repeated.map(([index, first]) => ({
        path: [target.field, String(index)],
        message: `repeats the external id ${showPair(pairs[index]!)} of entry ${first}`,
        name: 'ValidationError',
      }));
      throw new errors.ValidationError(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { errors: issues });
    }

    const named = pairs.filter((p): p is ExternalIdPair => p !== null);
    if (named.length === 0) return;
    await advisoryLocks(write.trx, named.map(pairLock));
    // A clone is a new record: its source's pairs count against it.
    const self = write.action === 'update' ? write.params.documentId : undefined;
    const others = (await holdersOf(write.strapi, target, write.trx, named)).filter((h) => h.documentId !== self);
    if (others.length === 0) return;

    const byPair = new Map(others.map((h) => [pairKey(h), h]));
    const issues = pairs.flatMap((pair, index) => {
      const holder = pair && byPair.get(pairKey(pair));
      if (!holder) return [];
      return [
        {
          path: [target.field, String(index)],
          message: `the external id ${showPair(pair)} belongs to ${holder.documentId} (as ${showPair(holder)}); a pair names one record`,
          name: 'ExternalIdConflictError',
          documentId: holder.documentId,
          system: holder.system,
          externalId: holder.externalId,
        },
      ];
    });
    throw httpError(409, 'ExternalIdConflictError', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), {
      errors: issues,
      documentIds: [...new Set(issues.map((i) => i.documentId))],
    });
  },
};
