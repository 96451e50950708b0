import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '../governance/permissions';

/** Admin RBAC actions of duplicate management (Settings → Roles → Plugins → Master data). */
export const DUPLICATE_ACTIONS = {
  read: 'plugin::master-data.duplicates.read',
  manage: 'plugin::master-data.duplicates.manage',
  override: 'plugin::master-data.duplicates.override',
} as const;

export const registerDuplicateActions = (strapi: Core.Strapi) =>
  registerAdminActions(strapi, [
    { uid: 'duplicates.read', displayName: 'See duplicates and match records' },
    { uid: 'duplicates.manage', displayName: 'Merge, unmerge and dismiss duplicates' },
    { uid: 'duplicates.override', displayName: 'Create a record over a duplicate block' },
  ]);
