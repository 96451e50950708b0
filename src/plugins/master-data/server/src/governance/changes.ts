/**
 * Governance's own last stage: turns every write into domain events, in the write's transaction.
 * `before` keeps the state the write starts from; `after` diffs it with the state the write left
 * and emits one event per change (`customer.updated`, ...), which the consumers (the audit trail,
 * later the webhook outbox) receive in the same transaction.
 *
 * REST create and update publish as well (Strapi's default `status: 'published'`), inside the
 * document service where no middleware sees it: the golden record changes, so a `published` event
 * with the published copy's diff follows the `created`/`updated` event.
 *
 * The events describe the rows the write changed, not the request: request parameters that do not
 * select rows (a `locale` on a type without i18n, `fields`, `populate`, `sort`, ...) never narrow
 * what is read, and an action that changed nothing in the database (a delete whose `filters`
 * matched nothing) emits nothing.
 */
import type { EmittedEvent, Stage, WriteContext, State } from './pipeline';
import { diffStates } from './domain/diff';
import { modelInfo } from './model';
import { inverseBefore, inverseRelationEvents, type InverseKept } from './inverse';
import { DOCUMENT_CHANGES, documentEventType, type DocumentChange } from '../../../shared/contracts/events';

/** Each write action: the audit name it keeps and the change its event announces. */
const CHANGES: Record<string, { action: string; change: DocumentChange }> = {
  create: { action: 'create', change: DOCUMENT_CHANGES.created },
  clone: { action: 'clone', change: DOCUMENT_CHANGES.created },
  update: { action: 'update', change: DOCUMENT_CHANGES.updated },
  publish: { action: 'publish', change: DOCUMENT_CHANGES.published },
  unpublish: { action: 'unpublish', change: DOCUMENT_CHANGES.unpublished },
  discardDraft: { action: 'discard', change: DOCUMENT_CHANGES.discarded },
  delete: { action: 'delete', change: DOCUMENT_CHANGES.deleted },
};

const hasDraftAndPublish = (write: WriteContext) => modelInfo(write.strapi, write.uid).draftAndPublish;

/** Which copy an action changes: the published one for publish/unpublish (and types without drafts). */
const changesPublished = (write: WriteContext) => !hasDraftAndPublish(write) || write.action === 'publish' || write.action === 'unpublish';

/** A create/update that also publishes (REST's default). */
const alsoPublishes = (write: WriteContext) =>
  hasDraftAndPublish(write) && (write.action === 'create' || write.action === 'update') && write.params.status === 'published';

/** Create and update can only change what their data names; the other actions change anything. */
const touched = (write: WriteContext) =>
  (write.action === 'create' || write.action === 'update') && write.params.data ? Object.keys(write.params.data) : undefined;

const version = (published: boolean) => (published ? 'published' : 'draft');

/** `inFull`: every attribute, whatever the request names. */
const read = (write: WriteContext, moment: 'before' | 'after', published: boolean, inFull = false) =>
  write.state(version(published), moment, inFull ? undefined : touched(write));

const sameInstant = (a: unknown, b: unknown) => a != null && b != null && new Date(a as string).getTime() === new Date(b as string).getTime();

interface Kept {
  main: State;
  published: State;
  /** The published copy is compared on every attribute, not only those the request names. */
  publishedInFull: boolean;
  inverse?: InverseKept;
}

/** The event type of a change of this content type: `customer.updated`. */
export const eventType = (write: { strapi: WriteContext['strapi'] }, uid: string, change: DocumentChange) =>
  documentEventType((write.strapi.getModel(uid as any) as any).info.singularName, change);

export const changeStage: Stage<Kept> = {
  name: 'changes',
  order: 1000,
  async before(write) {
    const kept: Kept = { main: null, published: null, publishedInFull: false };
    kept.inverse = await inverseBefore(write);
    if (write.action === 'create' || write.action === 'clone' || !write.params.documentId) return kept;
    kept.main = await read(write, 'before', changesPublished(write));
    if (!alsoPublishes(write)) return kept;
    kept.published = await read(write, 'before', true);
    // Publishing copies the whole draft. When the draft already differed from the published copy
    // (earlier draft-only saves), fields outside this request change on the golden record too:
    // compare it in full. Strapi's publish copies the draft's updatedAt and every later draft save
    // moves it, so equal stamps mean nothing was pending and the cheap, restricted read is enough.
    if (touched(write) && !(kept.published && kept.main && sameInstant(kept.published.updatedAt, kept.main.updatedAt))) {
      kept.publishedInFull = true;
      if (kept.published) kept.published = await read(write, 'before', true, true);
    }
    return kept;
  },

  async after(write, _result, kept = { main: null, published: null, publishedInFull: false }) {
    // Everything is read first and emitted after: the audit trail's first event takes the chain's
    // lock until the commit, and a read between two events (the published copy after a REST create
    // reads relations, slow on a large table without statistics) would make every other write wait.
    const own = write.documentId ? await ownEvents(write, kept) : [];
    // Then what the write did to the records on the other side of its inverse relations.
    const inverse = await inverseRelationEvents(write, kept.inverse);
    for (const event of [...own, ...inverse]) await write.emit(event);
  },
};

/** The written record's own events: the action's, and the publish that a REST create/update also does. */
const ownEvents = async (write: WriteContext, kept: Kept): Promise<EmittedEvent[]> => {
  const opaque = modelInfo(write.strapi, write.uid).jsonAttributes;
  const event = (name: keyof typeof CHANGES, changes: ReturnType<typeof diffStates>): EmittedEvent => ({
    type: eventType(write, write.uid, CHANGES[name].change),
    action: CHANGES[name].action,
    uid: write.uid,
    documentId: write.documentId!,
    changes,
  });
  const events: EmittedEvent[] = [];
  const after = await read(write, 'after', changesPublished(write));
  if (write.action === 'delete') {
    // Only a delete that removed the record is one (`filters` can make it remove nothing).
    if (kept.main && !after) events.push(event('delete', diffStates(kept.main, null, { opaque })));
  } else {
    const changes = diffStates(kept.main, after, { opaque });
    // A save that changes nothing (the admin panel saves before it publishes) is no event.
    if (Object.keys(changes).length > 0 || (write.action !== 'update' && write.action !== 'discardDraft')) {
      events.push(event(write.action as keyof typeof CHANGES, changes));
    }
  }
  if (alsoPublishes(write)) {
    const publishedNow = await read(write, 'after', true, kept.publishedInFull);
    const published = diffStates(kept.published, publishedNow, { opaque });
    if (Object.keys(published).length > 0) events.push(event('publish', published));
  }
  return events;
};
