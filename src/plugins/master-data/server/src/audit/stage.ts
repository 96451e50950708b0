/**
 * Pipeline stage: records every write of a governed record in the audit trail, in the write's
 * transaction. `before` keeps the state the write starts from; `after` diffs it with the state
 * the write left and appends the event. If the append fails, the write rolls back with it.
 *
 * REST create and update publish as well (Strapi's default `status: 'published'`), inside the
 * document service where no middleware sees it: the golden record changes, so a `publish` event
 * with the published copy's diff follows the `create`/`update` event.
 *
 * The trail describes the rows the write changed, not the request: request parameters that do not
 * select rows (a `locale` on a type without i18n, `fields`, `populate`, `sort`, ...) never narrow
 * what is read, and an action that changed nothing in the database (a delete whose `filters`
 * matched nothing) records nothing.
 */
import type { Stage, GovernedWrite } from '../governance/pipeline';
import { getService } from '../utils';
import { diffStates } from './domain/diff';
import { snapshot } from './snapshot';
import { modelInfo } from '../governance/model';
import { recordInverseRelations, inverseBefore, type InverseKept } from './inverse';

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

const isLocalized = (write: GovernedWrite) => (write.strapi.getModel(write.uid) as any)?.pluginOptions?.i18n?.localized === true;

/**
 * The locale whose rows the write changes: none for a type without i18n (whatever `locale` the
 * request carried: Strapi ignores it there), the request's or else the default locale otherwise.
 */
export const writtenLocale = async (write: GovernedWrite): Promise<string | null> => {
  if (!isLocalized(write)) return null;
  const requested = write.params.locale;
  if (typeof requested === 'string' && requested !== '' && requested !== '*') return requested;
  return ((await write.strapi.plugin('i18n')?.service('locales')?.getDefaultLocale?.()) as string | undefined) ?? null;
};

/** `inFull`: every attribute, whatever the request names. */
const read = (write: GovernedWrite, documentId: string, published: boolean, locale: string | null, inFull = false) =>
  snapshot(write.strapi, { uid: write.uid, documentId, published, locale, only: inFull ? undefined : touched(write) });

const sameInstant = (a: unknown, b: unknown) => a != null && b != null && new Date(a as string).getTime() === new Date(b as string).getTime();

interface Kept {
  locale: string | null;
  main: State;
  published: State;
  /** The published copy is compared on every attribute, not only those the request names. */
  publishedInFull: boolean;
  inverse?: InverseKept;
}

export const auditStage: Stage = {
  name: 'audit',
  async before(write) {
    const locale = await writtenLocale(write);
    const kept: Kept = { locale, main: null, published: null, publishedInFull: false };
    write.stash.audit = kept;
    kept.inverse = await inverseBefore(write);
    const documentId = write.params.documentId;
    if (write.action === 'create' || write.action === 'clone' || !documentId) return;
    kept.main = await read(write, documentId, changesPublished(write), locale);
    if (!alsoPublishes(write)) return;
    kept.published = await read(write, documentId, true, locale);
    // Publishing copies the whole draft. When the draft already differed from the published copy
    // (earlier draft-only saves), fields outside this request change on the golden record too:
    // compare it in full. Strapi's publish copies the draft's updatedAt and every later draft save
    // moves it, so equal stamps mean nothing was pending and the cheap, restricted read is enough.
    if (touched(write) && !(kept.published && kept.main && sameInstant(kept.published.updatedAt, kept.main.updatedAt))) {
      kept.publishedInFull = true;
      if (kept.published) kept.published = await read(write, documentId, true, locale, true);
    }
  },

  async after(write, result: any) {
    const kept = (write.stash.audit as Kept | undefined) ?? { locale: null, main: null, published: null, publishedInFull: false };
    const documentId: string | undefined = result?.documentId ?? write.params.documentId;
    if (documentId) await recordOwn(write, kept, documentId);
    // Then what the write did to the records on the other side of its inverse relations.
    await recordInverseRelations(write, kept.inverse);
  },
};

/** The written record's own events: the action's, and the publish that a REST create/update also does. */
const recordOwn = async (write: GovernedWrite, kept: Kept, documentId: string) => {
  const { locale } = kept;
  const opaque = modelInfo(write.strapi, write.uid).jsonAttributes;
  const audit = getService('audit', write.strapi);
  const record = (action: string, changes: ReturnType<typeof diffStates>) =>
    audit.record({ trx: write.trx, uid: write.uid, documentId, locale, action, changes });

  const after = await read(write, documentId, changesPublished(write), locale);
  if (write.action === 'delete') {
    // Only a delete that removed the record is one (`filters` can make it remove nothing).
    if (kept.main && !after) await record('delete', diffStates(kept.main, null, { opaque }));
  } else {
    const changes = diffStates(kept.main, after, { opaque });
    // A save that changes nothing (the admin panel saves before it publishes) is no event.
    if (Object.keys(changes).length > 0 || (write.action !== 'update' && write.action !== 'discardDraft')) {
      await record(ACTION_NAMES[write.action] ?? write.action, changes);
    }
  }
  if (alsoPublishes(write)) {
    const publishedNow = await read(write, documentId, true, locale, kept.publishedInFull);
    const published = diffStates(kept.published, publishedNow, { opaque });
    if (Object.keys(published).length > 0) await record('publish', published);
  }
};
