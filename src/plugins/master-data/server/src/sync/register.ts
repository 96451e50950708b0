/**
 * Sync: inbound upsert by external id (routes and a controller per configured system, idempotency
 * keys) and the stage that keeps each external id pair on one record.
 */
import type { Capability } from '../governance/capability';
import { getService } from '../governance/services';
import { externalIdStage } from './stage';
import { syncMigrations } from './schema';
import { syncTarget } from './target';
import { tablesOf } from './holders';
import { syncController } from './controller';

export const sync: Capability = {
  name: 'sync',
  register({ strapi, governance }) {
    // Checked now: a bad configuration stops start-up naming the key.
    const target = syncTarget(strapi);
    governance.addStage(externalIdStage);
    getService('migrations', strapi).add('sync', syncMigrations(() => (syncTarget(strapi) ? tablesOf(strapi, syncTarget(strapi)!) : null)));
    // Controllers must exist before Strapi registers the routes and their permissions (after
    // every plugin's register): one per system, so that each is its own set of permissions.
    if (target?.systems.length) {
      (strapi as any).get('controllers').add('plugin::master-data', Object.fromEntries(target.systems.map((system) => [`sync-${system}`, syncController(system)])));
    }
  },
};
