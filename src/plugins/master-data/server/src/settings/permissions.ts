import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '../governance/permissions';

/** Admin RBAC actions of the settings pages (Super Admin holds them). */
export const SETTINGS_ACTIONS = {
  read: 'plugin::master-data.settings.read',
  manage: 'plugin::master-data.settings.manage',
} as const;

export const registerSettingsActions = (strapi: Core.Strapi) =>
  registerAdminActions(strapi, [
    { uid: 'settings.read', displayName: 'See governance settings and their history' },
    { uid: 'settings.manage', displayName: 'Change governance settings (save, restore, import)' },
  ]);
