import type { Core } from '@strapi/strapi';
import { ensureAdminRoles } from './roles/ensure';
import { printDemoLogins } from './demo/logins';
import { applyAdminLayouts } from './admin-layout/apply';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureAdminRoles(strapi);
    // Readable labels and list columns in the Content Manager, where an admin has not set their own.
    await applyAdminLayouts(strapi);
    if (process.env.NODE_ENV === 'development') {
      // After the start-up banner, where a new user looks.
      strapi.server.httpServer.once('listening', () => setImmediate(() => printDemoLogins(strapi)));
    }
  },
};
