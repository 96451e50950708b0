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
    if (survivor) await lockDocuments(write.strapi, write.trx, write.uid, [survivor]);
  },
};
