import type { Core } from '@strapi/strapi';

/** Admin RBAC actions of webhooks (Settings → Roles → Plugins → Master data); Super Admin holds them. */
export const WEBHOOK_ACTIONS = {
  read: 'plugin::master-data.webhooks.read',
  manage: 'plugin::master-data.webhooks.manage',
} as const;

export const registerWebhookActions = async (strapi: Core.Strapi) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'See webhook endpoints and their delivery log', uid: 'webhooks.read', pluginName: 'master-data' },
    { section: 'plugins', displayName: 'Manage webhook endpoints (create, change, rotate secrets, replay, delete)', uid: 'webhooks.manage', pluginName: 'master-data' },
  ]);
};
