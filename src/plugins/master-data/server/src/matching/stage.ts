/**
 * Pipeline stage: the duplicate check. Before a create, update, clone or publish it computes the
 * record's match keys as they will be, serialises writes that could block each other, and scores
 * the candidates: a block refuses the write (409 DuplicateError) unless overridden with a reason;
 * review lets it through and queues the pairs. After the write it stores the keys, in the same
 * transaction, so that the next write's check sees them.
 */
import type { GovernedWrite, Stage } from '../governance/pipeline';
import type { MatchCandidate } from '../../../shared/contracts/matching';
import { getService } from '../utils';
import { matchingSkipped, overrideReason, reportDuplicates } from './context';
import { duplicateError } from './errors';
import { identifying } from './service';
import type { MatchKeys } from './domain/keys';

const CHECKED = new Set(['create', 'update', 'clone', 'publish']);

interface Kept {
  keys: MatchKeys | null;
  candidates: MatchCandidate[];
  override: string | null;
}

/** The record as the write will leave its draft. */
const prospective = async (write: GovernedWrite): Promise<Record<string, unknown>> => {
  const data = write.params.data ?? {};
  if (write.action === 'create') return data;
  const existing = (await write.existing()) ?? {};
  return write.action === 'publish' ? existing : { ...existing, ...data };
};

export const matchingStage: Stage = {
  name: 'matching',
  async before(write) {
    const matching = getService('matching', write.strapi);
    const settings = matching.settings(write.uid);
    if (!settings || !CHECKED.has(write.action)) return;
    // An update that touches no field feeding a key (nor the merge marker) changes neither the keys nor the verdict.
    const watched = [...Object.values(settings.fields), settings.merged?.field].filter(Boolean) as string[];
    if (write.action === 'update' && write.params.data && !watched.some((f) => f in write.params.data)) return;
    const record = await prospective(write);
    if (matching.isMerged(write.uid, record)) {
      write.stash.matching = { keys: null, candidates: [], override: null } satisfies Kept;
      return;
    }
    const keys = matching.keysOf(write.uid, record);
    const kept: Kept = { keys, candidates: [], override: null };
    write.stash.matching = kept;
    // Merge and unmerge write records that match each other by design: keys kept, no check.
    if (matchingSkipped() || !identifying(keys)) return;

    await matching.lock(write.trx, write.uid, keys);
    // A clone is a new document: it is matched against everything, its source included.
    const exclude = write.action === 'clone' ? undefined : write.params.documentId;
    const candidates = await matching.match(write.uid, keys, { trx: write.trx, exclude });
    const blocks = candidates.filter((c) => c.decision === 'block');
    if (blocks.length > 0) {
      kept.override = overrideReason(write.strapi);
      if (!kept.override) throw duplicateError(blocks);
    }
    kept.candidates = candidates;
  },

  async after(write, result: any) {
    const matching = getService('matching', write.strapi);
    if (!matching.settings(write.uid)) return;
    const documentId: string | undefined = result?.documentId ?? write.params.documentId;
    if (!documentId) return;

    if (write.action === 'delete') {
      await matching.removeKeys(write.trx, write.uid, documentId);
      await getService('review', write.strapi).removeOpen(write.trx, write.uid, documentId);
      return;
    }
    if (write.action === 'discardDraft') {
      // The draft went back to the published values: key them again.
      const draft = await write.strapi.db.query(write.uid).findOne({ where: { documentId, publishedAt: null } });
      if (draft && !matching.isMerged(write.uid, draft)) await matching.saveKeys(write.trx, write.uid, documentId, matching.keysOf(write.uid, draft));
      return;
    }
    const kept = write.stash.matching as Kept | undefined;
    if (!kept) return;
    if (!kept.keys) {
      await matching.removeKeys(write.trx, write.uid, documentId);
      return;
    }
    if (write.action !== 'publish') await matching.saveKeys(write.trx, write.uid, documentId, kept.keys);
    if (kept.candidates.length === 0) return;

    await getService('review', write.strapi).record(write.trx, write.uid, documentId, kept.candidates, kept.override);
    if (kept.override) {
      const blocked = kept.candidates.filter((c) => c.decision === 'block');
      await getService('audit', write.strapi).record({
        trx: write.trx,
        uid: write.uid,
        documentId,
        locale: write.params.locale ?? null,
        action: 'duplicate.override',
        changes: { duplicates: { before: null, after: blocked.map((c) => ({ documentId: c.documentId, score: c.score })) } },
        reason: kept.override,
      });
    }
    reportDuplicates(write.strapi, {
      decision: kept.override ? 'block' : 'review',
      overridden: Boolean(kept.override),
      candidates: kept.candidates,
    });
  },
};
