/** Duplicate matching: the duplicate check stage, its permissions and its tables and keys. */
import type { Capability } from '../governance/capability';
import type { MatchingConfig } from '../config/schema';
import { registerDuplicateActions } from './permissions';
import { matchingStage } from './stage';
import { getService } from '../governance/services';
import { matchingMigrations } from './schema';
import { recordIndexes } from './record-indexes';

/** The job kind that recomputes a type's match keys (scope: the uid). */
export const MATCH_KEYS_JOB = 'match-keys';

/** What the stored keys are computed from: when it changes, the keys must be computed again. */
const keyInputs = (config: MatchingConfig | undefined) =>
  config && config.enabled ? JSON.stringify([config.fields, config.vocabulary, config.personValues, config.merged ?? null]) : 'off';

export const matching: Capability = {
  name: 'matching',
  async register({ strapi, governance }) {
    await registerDuplicateActions(strapi);
    governance.jobs.handle(MATCH_KEYS_JOB, async (job, progress) => {
      await getService('matching', strapi).refresh({ uid: job.scope, progress: (done, total) => progress.report(done, total) });
    });
    governance.addStage(matchingStage);
    getService('migrations', strapi).add('matching', matchingMigrations(() => recordIndexes(strapi)));
  },
  async bootstrap({ strapi, governance, enabled }) {
    if (!enabled) return;
    for (const uid of governance.load().governed.keys()) await getService('matching', strapi).ensureKeys({ uid });
  },
  /** New match fields, vocabulary or person values (or matching switched on or off): keys rebuilt in the background. */
  async reconfigure({ governance, next, previous, initiator }) {
    if (!initiator || !next.enabled) return;
    for (const uid of new Set([...next.governed.keys(), ...previous.governed.keys()])) {
      if (keyInputs(next.governed.get(uid)?.matching) !== keyInputs(previous.governed.get(uid)?.matching)) await governance.jobs.enqueue(MATCH_KEYS_JOB, uid);
    }
  },
};
