/**
 * Pipeline stage: records every write of a governed record in the audit trail, in the write's
 * transaction. `before` keeps the state the write starts from; `after` diffs it with the state
 * the write left and appends the event. If the append fails, the write rolls back with it.
 */
import type { Stage, GovernedWrite } from '../governance/pipeline';
import { getService } from '../utils';
import { diffStates } from './domain/diff';
import { snapshot } from './snapshot';

const ACTION_NAMES: Record<string, string> = { discardDraft: 'discard' };

/** Create and update can only change what their data names; the other actions change anything. */
const touched = (write: GovernedWrite) =>
  (write.action === 'create' || write.action === 'update') && write.params.data ? Object.keys(write.params.data) : undefined;

/** Which version of the record an action changes: the published one for publish/unpublish. */
const changesPublished = (write: GovernedWrite) => {
  const draftAndPublish = (write.strapi.getModel(write.uid) as any).options?.draftAndPublish !== false;
  return !draftAndPublish || write.action === 'publish' || write.action === 'unpublish';
};

export const auditStage: Stage = {
  name: 'audit',
  async before(write) {
    const documentId = write.params.documentId;
    if (write.action === 'create' || write.action === 'clone' || !documentId) return;
    write.stash.audit = await snapshot(write.strapi, { uid: write.uid, documentId, published: changesPublished(write), locale: write.params.locale, only: touched(write) });
  },

  async after(write, result: any) {
    const documentId: string | undefined = result?.documentId ?? write.params.documentId;
    if (!documentId) return;
    const before = (write.stash.audit as Record<string, unknown> | undefined) ?? null;
    const after =
      write.action === 'delete'
        ? null
        : await snapshot(write.strapi, { uid: write.uid, documentId, published: changesPublished(write), locale: write.params.locale, only: touched(write) });
    const changes = diffStates(before, after);
    // A save that changes nothing (the admin panel saves before it publishes) is no event.
    if (Object.keys(changes).length === 0 && (write.action === 'update' || write.action === 'discardDraft')) return;
    await getService('audit', write.strapi).record({
      trx: write.trx,
      uid: write.uid,
      documentId,
      locale: write.params.locale ?? null,
      action: ACTION_NAMES[write.action] ?? write.action,
      changes,
    });
  },
};
