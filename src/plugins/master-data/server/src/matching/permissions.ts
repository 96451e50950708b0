import type { Core } from '@strapi/strapi';

/** Admin RBAC actions of duplicate management (Settings → Roles → Plugins → Master data). */
export const DUPLICATE_ACTIONS = {
  read: 'plugin::master-data.duplicates.read',
  manage: 'plugin::master-data.duplicates.manage',
  override: 'plugin::master-data.duplicates.override',
} as const;

export const registerDuplicateActions = async (strapi: Core.Strapi) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'See duplicates and match records', uid: 'duplicates.read', pluginName: 'master-data' },
    { section: 'plugins', displayName: 'Merge, unmerge and dismiss duplicates', uid: 'duplicates.manage', pluginName: 'master-data' },
    { section: 'plugins', displayName: 'Create a record over a duplicate block', uid: 'duplicates.override', pluginName: 'master-data' },
  ]);
};
