/**
 * The one typed way to reach the plugin's services. Each capability adds its services to
 * `PluginServices` from its own folder (TypeScript declaration merging), so that this file, and
 * governance with it, imports no capability:
 *
 *   declare module '../governance/services' { interface PluginServices { audit: AuditService } }
 */
import type { Core } from '@strapi/strapi';
import type { GovernanceService } from './service';
import type { MigrationService } from './migrations';

export interface PluginServices {
  governance: GovernanceService;
  migrations: MigrationService;
}

export const getService = <K extends keyof PluginServices>(name: K, strapi: Core.Strapi = global.strapi): PluginServices[K] =>
  strapi.plugin('master-data').service(name) as PluginServices[K];
