import type { Core } from '@strapi/strapi';

/** Admin RBAC actions of the settings pages (Super Admin holds them). */
export const SETTINGS_ACTIONS = {
  read: 'plugin::master-data.settings.read',
  manage: 'plugin::master-data.settings.manage',
} as const;

export const registerSettingsActions = async (strapi: Core.Strapi) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'See governance settings and their history', uid: 'settings.read', pluginName: 'master-data' },
    { section: 'plugins', displayName: 'Change governance settings (save, restore, import)', uid: 'settings.manage', pluginName: 'master-data' },
  ]);
};
