import { governanceAdminRoutes } from './governance/routes';

export default {
  admin: { type: 'admin', routes: [...governanceAdminRoutes] },
};
