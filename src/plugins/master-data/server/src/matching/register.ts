/** Duplicate matching: the duplicate check stage, its permissions and its tables and keys. */
import type { Capability } from '../governance/capability';
import { registerDuplicateActions } from './permissions';
import { matchingStage } from './stage';
import { getService } from '../governance/services';
import { matchingMigrations } from './schema';
import { recordIndexes } from './record-indexes';

export const matching: Capability = {
  name: 'matching',
  async register({ strapi, governance }) {
    await registerDuplicateActions(strapi);
    governance.addStage(matchingStage);
    getService('migrations', strapi).add('matching', matchingMigrations(() => recordIndexes(strapi)));
  },
  async bootstrap({ strapi, governance, enabled }) {
    if (!enabled) return;
    for (const uid of governance.load().governed.keys()) await getService('matching', strapi).ensureKeys({ uid });
  },
};
