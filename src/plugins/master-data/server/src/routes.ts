import { governanceAdminRoutes } from './governance/routes';
import { auditAdminRoutes, auditContentApiRoutes } from './audit/routes';

export default {
  admin: { type: 'admin', routes: [...governanceAdminRoutes, ...auditAdminRoutes] },
  'content-api': { type: 'content-api', routes: [...auditContentApiRoutes] },
};
