import { governanceAdminRoutes } from './governance/routes';
import { auditAdminRoutes, auditContentApiRoutes } from './audit/routes';
import { matchingAdminRoutes, matchingContentApiRoutes } from './matching/routes';
import type { Core } from '@strapi/strapi';
import { approvalsAdminRoutes, approvalsContentApiRoutes } from './approvals/routes';
import { webhooksAdminRoutes } from './webhooks/routes';
import { settingsAdminRoutes } from './settings/routes';
import { syncContentApiRoutes } from './sync/routes';
import { syncTarget } from './sync/target';

export default {
  admin: { type: 'admin', routes: [...governanceAdminRoutes, ...auditAdminRoutes, ...matchingAdminRoutes, ...approvalsAdminRoutes, ...webhooksAdminRoutes, ...settingsAdminRoutes] },
  // A function: Strapi calls it once the configuration is loaded (sync has routes per configured system).
  'content-api': ({ strapi }: { strapi: Core.Strapi }) => ({
    type: 'content-api',
    routes: [...auditContentApiRoutes, ...matchingContentApiRoutes, ...approvalsContentApiRoutes, ...syncContentApiRoutes(syncTarget(strapi)?.systems ?? [])],
  }),
};
