import type { Core } from '@strapi/strapi';
import type { CodeService } from './codes/service';
import type { GovernanceService } from './governance/service';
import type { AuditService } from './audit/service';

interface Services {
  codes: CodeService;
  governance: GovernanceService;
  audit: AuditService;
}

/** The plugin's services, typed. The one way to reach them. */
export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi = global.strapi): Services[K] =>
  strapi.plugin('master-data').service(name) as Services[K];
