/** Settings saved in the admin panel: versions, the routes, and keeping every instance on the newest. */
import type { Capability } from '../governance/capability';
import { getService } from '../governance/services';
import { registerSettingsActions } from './permissions';
import { settingsMigrations } from './schema';

export const settings: Capability = {
  name: 'settings',
  async register({ strapi }) {
    await registerSettingsActions(strapi);
    getService('migrations', strapi).add('settings', settingsMigrations);
  },
  /** First of all capabilities: the others prepare for the settings in force (counters, keys). */
  async bootstrap({ strapi, enabled }) {
    if (enabled) await getService('settings', strapi).start();
  },
  destroy({ strapi }) {
    getService('settings', strapi).stop();
  },
};
