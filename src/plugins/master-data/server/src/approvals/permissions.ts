import type { Core } from '@strapi/strapi';

/** Admin RBAC actions of approvals (Settings → Roles → Plugins → Master data). */
export const CHANGE_REQUEST_ACTIONS = {
  read: 'plugin::master-data.change-requests.read',
  approve: 'plugin::master-data.change-requests.approve',
} as const;

export const registerChangeRequestActions = async (strapi: Core.Strapi) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'See change requests', uid: 'change-requests.read', pluginName: 'master-data' },
    { section: 'plugins', displayName: 'Approve or reject change requests (for the roles of their steps)', uid: 'change-requests.approve', pluginName: 'master-data' },
  ]);
};
