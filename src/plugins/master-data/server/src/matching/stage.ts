/**
 * Pipeline stage: the duplicate check. Both versions of a draft & publish record are keyed and
 * matched: the published (golden) version and the pending draft. Before a write that gives a
 * version new values (create, update, clone, publish, discard of the draft) it computes that
 * version's match keys, serialises writes that could block each other, and scores the
 * candidates: a block refuses the write (409 DuplicateError) unless overridden with a reason;
 * review lets it through and queues the pairs. After the write it stores the keys of each version
 * the write changed (unpublish removes the published keys, delete both), in the same transaction,
 * so that the next write's check sees them.
 */
import type { WriteContext, Stage } from '../governance/pipeline';
import type { MatchCandidate, WriteDuplicates } from '../../../shared/contracts/matching';
import { modelInfo } from '../governance/model';
import { getService } from '../governance/services';
import { overrideReason } from './override';
import { EVENT_TYPES } from '../../../shared/contracts/events';
import { duplicateError } from './errors';
import { identifying, type KeyVersion } from './service';
import type { MatchKeys } from './domain/keys';

const CHECKED = new Set(['create', 'update', 'clone', 'publish', 'discardDraft']);

interface Kept {
  /** The versions the write gives new values, and their keys (null: not matched, e.g. merged). */
  versions: Partial<Record<KeyVersion, MatchKeys | null>>;
  candidates: MatchCandidate[];
  override: string | null;
}

/** True when the write leaves a new published version: publish, or a create/update with status published (a clone is always a draft). */
const publishes = (write: WriteContext) =>
  modelInfo(write.strapi, write.uid).draftAndPublish &&
  (write.action === 'publish' || ((write.action === 'create' || write.action === 'update') && write.params.status === 'published'));

/** The record as the write will leave the version(s) it changes; null when it leaves none (a discard without a published version). */
const prospective = async (write: WriteContext): Promise<Record<string, unknown> | null> => {
  const data = write.params.data ?? {};
  if (write.action === 'create') return data;
  if (write.action === 'discardDraft') {
    // The draft goes back to the published values.
    const published = await write.strapi.db
      .query(write.uid)
      .findOne({ where: { documentId: write.params.documentId, publishedAt: { $notNull: true } } });
    return published ?? null;
  }
  const existing = (await write.existing()) ?? {};
  return write.action === 'publish' ? existing : { ...existing, ...data };
};

export const matchingStage: Stage<Kept> = {
  name: 'matching',
  order: 600,
  async before(write) {
    const matching = getService('matching', write.strapi);
    const settings = matching.settings(write.uid);
    if (!settings || !CHECKED.has(write.action)) return;
    const changed: KeyVersion[] =
      write.action === 'publish' ? ['published'] : write.action === 'discardDraft' ? ['draft'] : publishes(write) ? ['draft', 'published'] : ['draft'];
    // An update that touches no field feeding a key (nor the merge marker) changes neither the
    // draft's keys nor the verdict; if it publishes, the published version takes the draft's keys,
    // which were checked when the draft got them.
    const watched = [...Object.values(settings.fields), settings.merged?.field].filter(Boolean) as string[];
    const untouched = write.action === 'update' && write.params.data && !watched.some((f) => f in write.params.data);
    if (untouched && !changed.includes('published')) return;

    const record = await prospective(write);
    const keys = !record || matching.isMerged({ uid: write.uid, record }) ? null : matching.keysOf({ uid: write.uid, record });
    const kept: Kept = { versions: Object.fromEntries(changed.map((version) => [version, keys])), candidates: [], override: null };
    // Merge and unmerge write records that match each other by design: keys kept, no check.
    if (untouched || !keys || write.origin === 'merge' || write.origin === 'unmerge' || !identifying(keys)) return kept;

    await matching.lock({ trx: write.trx, uid: write.uid, keys });
    // A clone is a new document: it is matched against everything, its source included.
    const exclude = write.action === 'clone' ? undefined : write.params.documentId;
    const candidates = await matching.match({ uid: write.uid, keys, trx: write.trx, exclude });
    const blocks = candidates.filter((c) => c.decision === 'block');
    if (blocks.length > 0) {
      kept.override = overrideReason(write);
      if (!kept.override) throw duplicateError(blocks);
    }
    kept.candidates = candidates;
    return kept;
  },

  async after(write, result, kept) {
    const matching = getService('matching', write.strapi);
    // An update of a document that does not exist writes nothing (Strapi returns null): no keys for it.
    if (!result || !matching.settings(write.uid)) return;
    const documentId = write.documentId;
    if (!documentId) return;

    if (write.action === 'delete') {
      await matching.removeKeys({ trx: write.trx, uid: write.uid, documentId });
      await getService('review', write.strapi).removeOpen({ trx: write.trx, uid: write.uid, documentId });
      return;
    }
    if (write.action === 'unpublish') {
      // The golden version is gone; the draft stays and keeps its keys.
      await matching.removeKeys({ trx: write.trx, uid: write.uid, documentId, version: 'published' });
      return;
    }
    if (!kept) return;
    // A new document has no keys yet; a create naming an existing document (another locale of it) may.
    const created = write.action === 'clone' || (write.action === 'create' && !write.params.documentId && !write.params.data?.documentId);
    await matching.saveKeys({ trx: write.trx, uid: write.uid, documentId, versions: kept.versions, created });
    if (kept.candidates.length === 0) return;

    await getService('review', write.strapi).record({ trx: write.trx, uid: write.uid, documentId, candidates: kept.candidates, overrideReason: kept.override });
    if (kept.override) {
      const blocked = kept.candidates.filter((c) => c.decision === 'block');
      await write.emit({
        type: EVENT_TYPES.duplicateOverridden,
        action: 'duplicate.override',
        uid: write.uid,
        documentId,
        changes: { duplicates: { before: null, after: blocked.map((c) => ({ documentId: c.documentId, score: c.score })) } },
        reason: kept.override,
      });
    }
    const report: WriteDuplicates = { decision: kept.override ? 'block' : 'review', overridden: Boolean(kept.override), candidates: kept.candidates };
    write.respond({ meta: { duplicates: report }, headers: { 'X-Duplicate-Review': String(kept.candidates.length) } });
  },
};
