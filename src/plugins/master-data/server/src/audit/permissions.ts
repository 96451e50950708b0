import type { Core } from '@strapi/strapi';
import { registerAdminActions } from '../governance/permissions';

/** Admin RBAC actions of the audit capability (Settings → Roles → Plugins → Master data). */
export const registerAuditActions = (strapi: Core.Strapi) =>
  registerAdminActions(strapi, [
    { uid: 'audit.read', displayName: 'Read the audit trail' },
  ]);
