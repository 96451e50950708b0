/**
 * Pipeline stage: a write to a merged record also takes the document lock of its survivor.
 * Publishing a merged record links its published row to the survivor's published row, while
 * publishing the survivor replaces that row; run at the same moment on PostgreSQL the two
 * deadlock (measured: "deadlock detected" on the link table, a 500). With the survivor's lock
 * taken first they run one after the other. A survivor is never itself merged, so the locks
 * cannot form a cycle.
 */
import type { Stage } from '../governance/pipeline';
import { lockDocuments } from '../governance/locks';
import { getService } from '../governance/services';
import { fieldError } from '../http';

export const survivorLockStage: Stage = {
  name: 'survivor-lock',
  order: 200,
  async before(write) {
    if (write.action === 'create' || write.action === 'clone' || write.strapi.db.dialect.client !== 'postgres') return;
    const merged = getService('matching', write.strapi).settings(write.uid)?.merged;
    if (!merged) return;
    const existing = await write.existing();
    if (!existing || existing[merged.field] !== merged.value) return;
    const row: any = await write.strapi.db
      .query(write.uid)
      .findOne({ where: { id: existing.id }, select: ['id'], populate: { [merged.pointer]: { select: ['documentId'] } } });
    const survivor = row?.[merged.pointer]?.documentId;
    if (survivor) await lockDocuments(write.trx, write.uid, [survivor]);
  },
};

const WITH_DATA = new Set(['create', 'update', 'clone']);

const nonEmpty = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);

/**
 * Whether a relation input would change the pointer. A record that is not merged may send an
 * empty value (null, [], `{ set: [] }`, a disconnect): its pointer is empty and stays so. A merged
 * record may send nothing but the admin panel's no-op `{ connect: [], disconnect: [] }`.
 */
const touchesPointer = (value: unknown, merged: boolean): boolean => {
  if (value === undefined) return false;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return merged || nonEmpty(value);
  const input = value as Record<string, unknown>;
  if ('documentId' in input || 'id' in input) return true;
  if (nonEmpty(input.connect) || nonEmpty(input.set)) return true;
  if (merged) return nonEmpty(input.disconnect) || 'set' in input;
  return false;
};

/**
 * Pipeline stage: the merge markers (the merged state and the pointer to the survivor) belong to
 * merge and unmerge. Any other write that sets them (a duplicate created as "merged" gets no match
 * keys and hides from lists) or clears them (a merged record is reactivated only by unmerge, which
 * also restores its values and relations) is a 400 naming the field. Merge and unmerge mark their
 * writes through `withOrigin` (their write context's `origin` is `merge` or `unmerge`).
 */
export const mergeMarkerStage: Stage = {
  name: 'merge-markers',
  order: 300,
  async before(write) {
    if (!WITH_DATA.has(write.action) || write.origin === 'merge' || write.origin === 'unmerge') return;
    const marker = getService('matching', write.strapi).settings(write.uid)?.merged;
    if (!marker) return;
    const data = write.params.data;
    const stored = write.action === 'create' ? null : await write.existing();
    const wasMerged = stored?.[marker.field] === marker.value;
    if (write.action === 'clone' && wasMerged) {
      throw fieldError([marker.field], `a record merged into another cannot be cloned; unmerge it first`);
    }
    if (typeof data !== 'object' || data === null) return;
    const state = data[marker.field];
    if (state !== undefined) {
      const staysMerged = write.action === 'update' && wasMerged;
      if (staysMerged && state !== marker.value) throw fieldError([marker.field], `the record is merged; only unmerge can change "${marker.value}"`);
      if (!staysMerged && state === marker.value) throw fieldError([marker.field], `"${marker.value}" is set only by a merge`);
    }
    if (touchesPointer(data[marker.pointer], write.action === 'update' && wasMerged)) {
      throw fieldError([marker.pointer], 'is set only by a merge and cleared only by unmerge');
    }
  },
};
