import { governanceAdminRoutes } from './governance/routes';
import { auditAdminRoutes, auditContentApiRoutes } from './audit/routes';
import { matchingAdminRoutes, matchingContentApiRoutes } from './matching/routes';

export default {
  admin: { type: 'admin', routes: [...governanceAdminRoutes, ...auditAdminRoutes, ...matchingAdminRoutes] },
  'content-api': { type: 'content-api', routes: [...auditContentApiRoutes, ...matchingContentApiRoutes] },
};
