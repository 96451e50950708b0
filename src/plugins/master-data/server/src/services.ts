import { codeService } from './codes/service';
import { governanceService } from './governance/service';
import { migrationService } from './governance/migrations';
import { auditService } from './audit/service';
import { matchingService } from './matching/service';
import { reviewService } from './matching/review';
import { mergeService } from './merging/service';
import { importsService } from './matching/reconcile';
import { approvalsService } from './approvals/service';
import { webhooksService } from './webhooks/service';
import { settingsService } from './settings/service';
import { syncService } from './sync/service';

export default {
  codes: codeService,
  governance: governanceService,
  migrations: migrationService,
  audit: auditService,
  matching: matchingService,
  review: reviewService,
  merge: mergeService,
  imports: importsService,
  approvals: approvalsService,
  webhooks: webhooksService,
  settings: settingsService,
  sync: syncService,
};
