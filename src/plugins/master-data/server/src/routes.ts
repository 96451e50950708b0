import { governanceAdminRoutes } from './governance/routes';
import { auditAdminRoutes, auditContentApiRoutes } from './audit/routes';
import { matchingAdminRoutes, matchingContentApiRoutes } from './matching/routes';
import { approvalsAdminRoutes, approvalsContentApiRoutes } from './approvals/routes';
import { webhooksAdminRoutes } from './webhooks/routes';
import { settingsAdminRoutes } from './settings/routes';

export default {
  admin: { type: 'admin', routes: [...governanceAdminRoutes, ...auditAdminRoutes, ...matchingAdminRoutes, ...approvalsAdminRoutes, ...webhooksAdminRoutes, ...settingsAdminRoutes] },
  'content-api': { type: 'content-api', routes: [...auditContentApiRoutes, ...matchingContentApiRoutes, ...approvalsContentApiRoutes] },
};
