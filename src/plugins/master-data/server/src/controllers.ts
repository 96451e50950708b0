import { governanceController } from './governance/controller';
import { auditController } from './audit/controller';
import { matchingController } from './matching/controller';
import { mergeController } from './merging/controller';
import { changeRequestController } from './approvals/controller';
import { webhooksController } from './webhooks/controller';
import { settingsController } from './settings/controller';

export default {
  governance: governanceController,
  audit: auditController,
  matching: matchingController,
  merge: mergeController,
  'change-requests': changeRequestController,
  webhooks: webhooksController,
  settings: settingsController,
};
