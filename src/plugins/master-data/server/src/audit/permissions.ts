import type { Core } from '@strapi/strapi';

/** Admin RBAC actions of the audit capability (Settings → Roles → Plugins → Master data). */
export const registerAuditActions = async (strapi: Core.Strapi) => {
  await (strapi.service('admin::permission') as any).actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read the audit trail', uid: 'audit.read', pluginName: 'master-data' },
  ]);
};
