/**
 * Admin RBAC actions of the plugin (Settings → Roles → Plugins → Master data): each capability
 * declares its own at `register`, by name and label; they become `plugin::master-data.<uid>`.
 */
import type { Core } from '@strapi/strapi';

export const registerAdminActions = async (strapi: Core.Strapi, actions: Array<{ uid: string; displayName: string }>) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany(
    actions.map(({ uid, displayName }) => ({ section: 'plugins', displayName, uid, pluginName: 'master-data' }))
  );
};
