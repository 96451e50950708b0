import type { Core } from '@strapi/strapi';
import type { CodeService } from './codes/service';
import type { GovernanceService } from './governance/service';
import type { MigrationService } from './governance/migrations';
import type { AuditService } from './audit/service';
import type { MatchingService } from './matching/service';
import type { ReviewService } from './matching/review';
import type { MergeService } from './merging/service';
import type { ImportsService } from './imports/service';

interface Services {
  codes: CodeService;
  governance: GovernanceService;
  migrations: MigrationService;
  audit: AuditService;
  matching: MatchingService;
  review: ReviewService;
  merge: MergeService;
  imports: ImportsService;
}

/** The plugin's services, typed. The one way to reach them. */
export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi = global.strapi): Services[K] =>
  strapi.plugin('master-data').service(name) as Services[K];
