/**
 * Pipeline stage: records every write of a governed record in the audit trail, in the write's
 * transaction. `before` keeps the state the write starts from; `after` diffs it with the state
 * the write left and appends the event. If the append fails, the write rolls back with it.
 *
 * REST create and update publish as well (Strapi's default `status: 'published'`), inside the
 * document service where no middleware sees it: the golden record changes, so a `publish` event
 * with the published copy's diff follows the `create`/`update` event.
 */
import type { Stage, GovernedWrite } from '../governance/pipeline';
import { getService } from '../utils';
import { diffStates } from './domain/diff';
import { snapshot } from './snapshot';
import { modelInfo } from '../governance/model';

const ACTION_NAMES: Record<string, string> = { discardDraft: 'discard' };

type State = Record<string, unknown> | null;

const hasDraftAndPublish = (write: GovernedWrite) => modelInfo(write.strapi, write.uid).draftAndPublish;

/** Which copy an action changes: the published one for publish/unpublish (and types without drafts). */
const changesPublished = (write: GovernedWrite) => !hasDraftAndPublish(write) || write.action === 'publish' || write.action === 'unpublish';

/** A create/update that also publishes (REST's default). */
const alsoPublishes = (write: GovernedWrite) =>
  hasDraftAndPublish(write) && (write.action === 'create' || write.action === 'update') && write.params.status === 'published';

/** Create and update can only change what their data names; the other actions change anything. */
const touched = (write: GovernedWrite) =>
  (write.action === 'create' || write.action === 'update') && write.params.data ? Object.keys(write.params.data) : undefined;

const read = (write: GovernedWrite, documentId: string, published: boolean) =>
  snapshot(write.strapi, { uid: write.uid, documentId, published, locale: write.params.locale, only: touched(write) });

interface Kept {
  main: State;
  published: State;
}

export const auditStage: Stage = {
  name: 'audit',
  async before(write) {
    const documentId = write.params.documentId;
    if (write.action === 'create' || write.action === 'clone' || !documentId) return;
    const kept: Kept = {
      main: await read(write, documentId, changesPublished(write)),
      published: alsoPublishes(write) ? await read(write, documentId, true) : null,
    };
    write.stash.audit = kept;
  },

  async after(write, result: any) {
    const documentId: string | undefined = result?.documentId ?? write.params.documentId;
    if (!documentId) return;
    const kept = (write.stash.audit as Kept | undefined) ?? { main: null, published: null };
    const opaque = modelInfo(write.strapi, write.uid).jsonAttributes;
    const audit = getService('audit', write.strapi);
    const record = (action: string, changes: ReturnType<typeof diffStates>) =>
      audit.record({ trx: write.trx, uid: write.uid, documentId, locale: write.params.locale ?? null, action, changes });

    const after = write.action === 'delete' ? null : await read(write, documentId, changesPublished(write));
    const changes = diffStates(kept.main, after, { opaque });
    // A save that changes nothing (the admin panel saves before it publishes) is no event.
    if (Object.keys(changes).length > 0 || (write.action !== 'update' && write.action !== 'discardDraft')) {
      await record(ACTION_NAMES[write.action] ?? write.action, changes);
    }
    if (alsoPublishes(write)) {
      const published = diffStates(kept.published, await read(write, documentId, true), { opaque });
      if (Object.keys(published).length > 0) await record('publish', published);
    }
  },
};
