import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '../governance/permissions';

/** Admin RBAC actions of webhooks (Settings → Roles → Plugins → Master data); Super Admin holds them. */
export const WEBHOOK_ACTIONS = {
  read: 'plugin::master-data.webhooks.read',
  manage: 'plugin::master-data.webhooks.manage',
} as const;

export const registerWebhookActions = (strapi: Core.Strapi) =>
  registerAdminActions(strapi, [
    { uid: 'webhooks.read', displayName: 'See webhook endpoints and their delivery log' },
    { uid: 'webhooks.manage', displayName: 'Manage webhook endpoints (create, change, rotate secrets, replay, delete)' },
  ]);
