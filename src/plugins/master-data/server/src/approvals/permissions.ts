import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '../governance/permissions';

/** Admin RBAC actions of approvals (Settings → Roles → Plugins → Master data). */
export const CHANGE_REQUEST_ACTIONS = {
  read: 'plugin::master-data.change-requests.read',
  approve: 'plugin::master-data.change-requests.approve',
} as const;

export const registerChangeRequestActions = (strapi: Core.Strapi) =>
  registerAdminActions(strapi, [
    { uid: 'change-requests.read', displayName: 'See change requests' },
    { uid: 'change-requests.approve', displayName: 'Approve or reject change requests (for the roles of their steps)' },
  ]);
